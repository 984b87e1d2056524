"""What every form shares: a form names its record, and showing a form loads no more than
it shows."""

from __future__ import annotations

import os
import subprocess
import sys
from types import SimpleNamespace

import pytest

from workbook.forms.common import CheckGroup, RecordClass
from workbook.forms.effects import GoalForm, IndicatorForm
from workbook.forms.planning import PlanningForm
from workbook.model import Goal
from workbook.session import current_plan_id


def test_a_form_names_its_record_and_gets_the_class():
    assert GoalForm.model is Goal
    assert RecordClass("Measurement").__get__(None, GoalForm).__name__ == "Measurement"


@pytest.mark.parametrize("cell", [
    "from workbook.forms import navigation; navigation.choose_team()",
    "from workbook.forms import plan; plan.show()",
    "from workbook.forms import effects; effects.show()",
    "from workbook.forms import groups; groups.show()",
    "from workbook.forms import channels; channels.show_methods(); channels.show()",
    "from workbook.forms import attention; attention.show()",
    "from workbook.forms import navigation; navigation.show('03-hoe')",
])
def test_showing_a_form_needs_neither_pydantic_nor_sqlalchemy(demo_store, cell: str):
    """The cells of notebooks 00–03: records (pydantic) and writes (SQLAlchemy) load on
    the first click that needs them, not when the notebook opens (~0.3 s per notebook)."""
    code = (
        f"import sys\n{cell}\n"
        "loaded = {'pydantic', 'sqlalchemy'} & set(sys.modules)\n"
        "assert not loaded, loaded\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, env=dict(os.environ),
                   stdout=subprocess.DEVNULL)


def test_the_boxes_of_a_group_share_one_layout_and_one_style():
    group = CheckGroup([("Ouders", "ouders"), ("Leerlingen", "leerlingen")], value=["ouders"])
    group.set_options([("Pers", "pers")])
    boxes = [box for built in group._built.values() for box in built.values()]
    assert len(boxes) == 3
    assert len({id(box.layout) for box in boxes}) == len({id(box.style) for box in boxes}) == 1
    assert boxes[0].layout.width == "auto"
    group.set_options([("Ouders", "ouders"), ("Leerlingen", "leerlingen")], ["leerlingen"])
    assert group.value == ("leerlingen",)


@pytest.mark.parametrize("form_class", ["attention.AttentionForm", "channels.ChannelsForm",
                                        "effects.GoalForm", "effects.IndicatorForm",
                                        "groups.GroupsForm", "plan.PlanForm",
                                        "planning.PlanningForm", "progress.MeasurementForm"])
def test_no_two_fields_of_a_form_share_a_layout(demo_store, form_class: str):
    """A field is marked through its layout's border: a shared layout marks them all."""
    import importlib

    module, name = form_class.split(".")
    form = getattr(importlib.import_module(f"workbook.forms.{module}"), name)()
    layouts = [widget.layout for widget in form.fields.values()]
    assert len({id(layout) for layout in layouts}) == len(layouts)


def test_only_the_invalid_field_is_marked(demo_store):
    form = GoalForm()
    form.value = {"title": "", "description": "x" * 5000}
    assert form.submit() is False
    marked = {name for name, widget in form.fields.items() if widget.layout.border}
    assert marked == {"title", "description"}
    form.value = {"title": "Meer leerlingen op uitwisseling", "description": "x" * 5000}
    assert form.submit() is False
    marked = {name for name, widget in form.fields.items() if widget.layout.border}
    assert marked == {"description"}


@pytest.mark.parametrize("form_class, table, column", [
    (GoalForm, "goals", "title"),
    (IndicatorForm, "indicators", "name"),
    (PlanningForm, "activities", "what"),
])
def test_every_form_names_a_row_by_one_rule(demo_store, form_class, table, column):
    """``RecordForm.describe``: a record by its :attr:`named_by` field, a stored row by that
    column, a row that is not there by its number."""
    form = form_class()
    row = getattr(demo_store, table)(current_plan_id(demo_store)).iloc[0]
    assert form.named_by == column
    assert form.describe(int(row["id"])) == row[column]
    assert form.describe(None, SimpleNamespace(**{column: "Nieuw"})) == "Nieuw"
    assert form.describe(999_999) == "999999"


def test_a_deleted_activity_is_still_named_so_that_restore_can_say_what(demo_store):
    form = PlanningForm()
    row = demo_store.activities(current_plan_id(demo_store)).iloc[0]
    demo_store.delete_activity(int(row["id"]))
    assert form.describe(int(row["id"])) == row["what"]
