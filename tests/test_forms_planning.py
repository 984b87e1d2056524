"""The planning form of *aan de slag*, driven as a participant would: widgets, then a click."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

import workbook
from workbook.forms.planning import PlanningExercise, PlanningForm
from workbook.session import current_plan_id


@pytest.fixture
def exercise(demo_store) -> PlanningExercise:
    return PlanningExercise()


def fill(form: PlanningForm, **values) -> None:
    form.context.value = values.get("context", "binnen_school")
    form.what.value = values.get("what", "Posters met de logowedstrijd in de gang")
    form.target_groups.value = values.get("target_groups", ["leerlingen"])
    form.methods.value = values.get("methods", ["wedstrijd"])
    form.channels.value = values.get("channels", ["posters"])
    form.when.value = values.get("when", date(2026, 4, 20))
    form.price.value = values.get("price", "45,50")
    form.responsible.value = values.get("responsible", "Leerlingenraad")
    form.message.value = values.get("message", "Ontwerp mee het logo van ons project!")


def test_a_new_row_lands_in_the_store_and_the_planning_table(exercise, demo_store):
    form = exercise.form
    before = len(workbook.planning_table())
    fill(form)
    form.submit_button.click()
    assert "Bewaard" in form.feedback.value
    table = workbook.planning_table()
    assert len(table) == before + 1
    row = table[table["Wat"] == "Posters met de logowedstrijd in de gang"].iloc[0]
    assert row["Prijs"] == 45.5 and row["Naar wie"] == "Leerlingen / vrienden"
    assert row["Hoe / kanalen"] == "Wedstrijd, Posters"
    assert row["Kernboodschap"] == "Ontwerp mee het logo van ons project!"
    assert form.value["what"] == "" and form.value["price"] == ""  # cleared for the next row
    assert form.value["message"] == ""
    assert "Posters met de logowedstrijd" in exercise.table.value


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("what", "", "Wat: vul dit in."),
        ("price", "-5", "Prijs: mag niet negatief zijn."),
        ("price", "veel", "Prijs: &#x27;veel&#x27; is geen bedrag of getal"),
        ("when", None, "Wanneer: verwacht een datum"),
        ("target_groups", [], "Naar wie: kies er minstens één."),
        ("message", "x" * 301, "Kernboodschap: maximaal 300 tekens."),
    ],
)
def test_a_bad_value_is_named_and_nothing_is_stored(exercise, demo_store, field, value, message):
    form = exercise.form
    before = len(demo_store.activities(current_plan_id(demo_store), include_deleted=True))
    fill(form, **{field: value})
    form.submit_button.click()
    assert message in form.feedback.value
    assert form.fields[field].layout.border  # the widget is marked
    assert len(demo_store.activities(current_plan_id(demo_store), include_deleted=True)) == before
    assert form.value["responsible"] == "Leerlingenraad"  # what was typed stays


def test_an_unknown_date_through_value(exercise):
    form = exercise.form
    fill(form)
    form.value = {"when": "31-02-2026"}
    assert form.submit() is False
    assert "Wanneer" in form.feedback.value


def test_edit_delete_restore_through_the_row_picker(exercise, demo_store):
    form = exercise.form
    plan = current_plan_id(demo_store)
    row_id = int(demo_store.activities(plan)["id"].iloc[0])
    form.picker.value = row_id
    form.picker.edit_button.click()
    assert form.editing == row_id and form.submit_button.description == "Wijziging bewaren"
    form.price.value = "75"
    form.submit_button.click()
    assert "Gewijzigd" in form.feedback.value
    assert demo_store.activities(plan).set_index("id").loc[row_id, "price"] == 75.0
    assert form.editing is None

    form.picker.value = row_id
    form.picker.delete_button.click()
    assert row_id not in workbook.planning_table().index
    assert form.picker.restore_button.disabled is False
    assert "(verwijderd)" in dict((v, k) for k, v in form.picker.dropdown.options)[row_id]
    form.picker.restore_button.click()
    assert row_id in workbook.planning_table().index
    assert "Hersteld" in form.feedback.value


def test_buttons_need_a_row(exercise):
    exercise.form.picker.value = None
    assert exercise.form.edit(None) is False
    assert "Kies eerst een rij" in exercise.form.feedback.value


def test_options_come_from_the_earlier_notebooks(exercise, demo_store):
    form = exercise.form
    groups = [key for _, key in form.target_groups.options]
    assert groups == list(demo_store.target_groups(current_plan_id(demo_store))["group"])
    form.target_groups.value = ["ouders"]
    assert [key for _, key in form.methods.options] == ["infosessie", "tentoonstelling"]
    form.show_all.value = True
    assert len(form.methods.options) == len(exercise.session.catalog.methods)
    names = [label for label, _ in form.indicator.options]
    assert names[0] == "(geen)" and "Deelnemers infosessies (200 deelnemers)" in names


def test_quick_pick_fills_the_date(exercise):
    form = exercise.form
    labels = {label: key for label, key in form.quick_pick.options}
    form.quick_pick.value = labels["Europese Dag van de Talen — 26 september 2026"]
    assert form.when.value == date(2026, 9, 26)
    erasmusdays = labels["ERASMUSDAYS — oktober 2026 (dagen volgen)"]
    form.quick_pick.value = erasmusdays
    assert form.when.value == date(2026, 10, 1)
    assert "Epos-nieuwsbrief" in form.when_hint.value


def test_check_and_costs_follow_a_change(exercise):
    assert "€ 6.270" in exercise.costs.value
    fill(exercise.form, context="tussen_partners", price="1000",
         target_groups=["leerlingen"], methods=["promofilmpje"], channels=["tiktok"])
    exercise.form.submit()
    assert "€ 5.350" in exercise.costs.value and "€ 7.270" in exercise.costs.value
    assert "Disclaimer: zet de officiële tekst letterlijk" in exercise.check.value


def test_a_rerun_shows_the_filled_plan(exercise, demo_store):
    fill(exercise.form, what="Rij die blijft")
    exercise.form.submit()
    again = PlanningExercise()
    assert "Rij die blijft" in again.table.value
    assert any("Rij die blijft" in label for label, _ in again.form.picker.dropdown.options)


def test_in_english(demo_store, monkeypatch):
    monkeypatch.setenv("WORKBOOK_LANG", "en")
    exercise = PlanningExercise()
    form = exercise.form
    assert form.submit_button.description == "Add"
    assert form.picker.delete_button.description == "Delete"
    fill(form, what="", price="-1")
    form.submit()
    assert "Not saved" in form.feedback.value
    assert "What: please fill this in." in form.feedback.value
    assert "Cost: cannot be negative." in form.feedback.value
    fill(form, what="Posters in the hall")
    form.submit()
    assert "Saved: Posters in the hall." in form.feedback.value
    assert "Within our own school" in exercise.table.value
    assert "Between the project partners" in exercise.costs.value
    assert "Total" in exercise.costs.value


def test_a_row_after_the_project_is_kept_shown_and_offered_later_events(exercise, demo_store):
    form = exercise.form
    during = {label for label, _ in form.quick_pick.options}
    assert not any("2028" in label for label in during)  # the project's period: to Aug 2027
    form.period.value = "na"
    after = {label: key for label, key in form.quick_pick.options}
    assert any("2028" in label for label in after) and all(
        "2026" not in label for label in after)
    fill(form, what="Lespakketten opnieuw delen op de Europese Dag van de Talen")
    form.quick_pick.value = next(key for label, key in after.items()
                                 if label.startswith("Europese Dag van de Talen"))
    assert form.when.value == date(2027, 9, 26)
    form.submit_button.click()
    assert "Bewaard" in form.feedback.value
    table = workbook.planning_table()
    row = table[table["Wat"].str.startswith("Lespakketten opnieuw delen")].iloc[0]
    assert row["Periode"] == "na het project" and row["Wanneer"] == pd.Timestamp("2027-09-26")
    assert "na het project" in exercise.check.value
    assert "Lespakketten opnieuw delen" in exercise.table.value
    assert form.value["period"] == "tijdens"  # cleared for the next row


def test_a_row_after_the_end_left_during_the_project_is_named(exercise):
    form = exercise.form
    fill(form, what="Late nieuwsbrief", when=date(2027, 11, 5))
    form.submit_button.click()
    assert "Bewaard" in form.feedback.value  # not refused
    assert "Deze rijen liggen na de einddatum van het project" in exercise.check.value
    assert "Late nieuwsbrief" in exercise.check.value
