"""The *wat* exercise: target groups and the coverage view."""

from __future__ import annotations

from workbook.forms.groups import GroupsForm
from workbook.session import current_plan_id


def test_ticking_stores_and_updates_the_coverage(store):
    form = GroupsForm()
    plan = current_plan_id(store)
    assert "Nog geen doelgroep in: intern · micro" in form.coverage.value
    form.scope_boxes["intern"]._boxes["leerkrachten"].value = True
    assert list(store.target_groups(plan)["group"]) == ["leerkrachten"]
    assert "Toegevoegd aan je plan: Leerkrachten / vakcollega&#x27;s." in form.feedback.value
    assert "intern · micro" not in form.coverage.value.split("Nog geen doelgroep in:")[1]
    form.value = {"groups": ()}
    assert store.target_groups(plan).empty
    assert "Uit je plan gehaald" in form.feedback.value


def test_own_group_needs_its_tags_and_is_counted(store):
    form = GroupsForm()
    plan = current_plan_id(store)
    form.value = {"own_group": "", "own_scope": "extern", "own_level": "macro"}
    form.add_button.click()
    assert "Doelgroep: vul dit in." in form.feedback.value
    assert store.target_groups(plan).empty
    form.value = {"own_group": "Europese zusterstad", "own_scope": "extern", "own_level": "macro"}
    form.add_button.click()
    row = store.target_groups(plan).iloc[0]
    assert (row["group"], row["scope"], row["level"]) == ("Europese zusterstad", "extern", "macro")
    assert "Europese zusterstad" in form.value["groups"]
    assert "Europese zusterstad" in form.coverage.value


def test_a_catalog_name_typed_as_own_group_ticks_the_catalog_group(store):
    form = GroupsForm()
    form.value = {"own_group": "lkrn"}
    form.submit()
    assert form.value["groups"] == ("leerkrachten",)


def test_the_demo_choice_is_loaded(demo_store):
    form = GroupsForm()
    assert "Oud-leerlingen" in form.value["groups"]
    assert "ouders" in form.value["groups"]
    assert "Nog geen doelgroep in: intern · macro." in form.coverage.value


def test_in_english(store, monkeypatch):
    monkeypatch.setenv("WORKBOOK_LANG", "en")
    form = GroupsForm()
    assert "No target group yet in: internal · micro" in form.coverage.value
    assert form.add_button.description == "Add"
    assert ("Parents · micro", "ouders") in form.scope_boxes["extern"].options
