"""The welcome form: project details, language, plan choice and the demo button."""

from __future__ import annotations

from datetime import date

from workbook import i18n
from workbook.forms.plan import PlanForm
from workbook.model import Plan
from workbook.session import current_plan_id


def test_details_are_saved_and_wrong_period_refused(store):
    form = PlanForm()
    form.value = {"name": "CLIL-team", "organisation": "Atheneum", "start": date(2026, 9, 1),
                  "end": date(2026, 1, 1)}
    form.save_button.click()
    assert "Einde project: het einde ligt vóór de start." in form.feedback.value
    assert store.plan(current_plan_id(store)).name != "CLIL-team"
    form.value = {"end": date(2028, 8, 31)}
    form.save_button.click()
    plan = store.plan(current_plan_id(store))
    assert (plan.name, plan.organisation, plan.end) == ("CLIL-team", "Atheneum", date(2028, 8, 31))
    assert PlanForm().value["name"] == "CLIL-team"


def test_language_switch_relabels_the_form_and_lasts(store):
    form = PlanForm()
    form.value = {"lang": "en"}
    form.submit()
    assert store.setting("lang") == "en" and i18n.language() == "en"
    assert form.save_button.description == "Save"
    assert "Saved" in form.feedback.value
    i18n.set_language(None)
    assert PlanForm().lang == "en"  # the next notebook opens in English


def test_demo_loads_once_into_an_empty_workbook(store):
    form = PlanForm()
    assert form.demo_button.disabled is False
    form.demo_button.click()
    assert "Voorbeeldplan 'Taal zonder grenzen' geladen" in form.feedback.text
    assert form.value["name"] == "Taal zonder grenzen"
    assert form.demo_button.disabled is True
    assert form.load_demo() is False
    assert "bevat al gegevens" in form.feedback.value


def test_choose_another_plan(demo_store):
    other = demo_store.add_plan(Plan(name="Tweede plan"))
    form = PlanForm()
    form.plans.value = other
    form.choose_button.click()
    assert current_plan_id(demo_store) == other
    assert form.value["name"] == "Tweede plan"


def test_the_app_view_does_not_show_the_store_path(demo_store, monkeypatch):
    from workbook.forms.plan import PlanForm

    assert str(demo_store.path) in PlanForm().where.value
    monkeypatch.setenv("SERVER_SOFTWARE", "voila/0.5.13")
    assert str(demo_store.path) not in PlanForm().where.value


def test_the_form_shows_the_plan_as_stored(demo_store):
    plan = demo_store.plan(current_plan_id(demo_store))
    form = PlanForm()
    shown = {key: form.value[key] for key in Plan.model_fields}
    assert shown == {**plan.model_dump(), "budget": "250000"}  # the amount as text
    assert shown["licence"] == "cc_by_sa" and "KlasCement" in shown["exploitation"]
    assert form.read(form.value)["budget"] == plan.budget == 250_000
    undated = demo_store.add_plan(Plan(name="Zonder data", project="Proef"))
    demo_store.choose_plan(undated)
    assert PlanForm().value == {"name": "Zonder data", "project": "Proef", "organisation": "",
                                "start": None, "end": None, "action_type": "", "budget": "",
                                "licence": "", "exploitation": "", "maintenance": "",
                                "lang": "nl"}


def test_action_type_and_budget_are_saved_and_a_bad_amount_is_named(demo_store):
    form = PlanForm()
    form.action_type.value = "KA210"
    form.budget.value = "60.000"
    assert form.submit()
    plan = demo_store.plan(current_plan_id(demo_store))
    assert plan.action_type == "KA210" and plan.budget == 60_000
    form.budget.value = "veel"
    assert not form.submit()
    assert "Subsidiebedrag (€)" in form.feedback.value
    assert demo_store.plan(current_plan_id(demo_store)).budget == 60_000


def test_licence_and_what_happens_after_the_project_are_saved(store):
    form = PlanForm()
    assert [value for _, value in form.licence.options] == ["", "cc_by", "cc_by_sa", "ander",
                                                            "geen"]
    form.licence.value = "cc_by"
    form.exploitation.value = "De lespakketten blijven in gebruik in de vakgroepen."
    form.maintenance.value = "Het kernteam werkt ze elk jaar bij."
    assert form.submit()
    plan = store.plan(current_plan_id(store))
    assert (plan.licence, plan.maintenance) == ("cc_by", "Het kernteam werkt ze elk jaar bij.")
    assert PlanForm().value["exploitation"] == plan.exploitation
    form.maintenance.value = "x" * 2001
    assert not form.submit()
    assert "Wie onderhoudt het, en waar blijft het beschikbaar?: maximaal" in form.feedback.value


def test_after_the_project_in_english(store, monkeypatch):
    monkeypatch.setenv("WORKBOOK_LANG", "en")
    form = PlanForm()
    assert form.licence.description == "Licence of the results"
    assert ("CC BY-SA 4.0 (attribution, share alike)", "cc_by_sa") in form.licence.options
    assert form.exploitation.description == "After the project: what stays in use, and by whom?"
