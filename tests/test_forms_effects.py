"""The *waarom* exercise: intended effects and indicators, driven through the widgets."""

from __future__ import annotations

import html
from datetime import date

from workbook.forms.effects import EffectsExercise
from workbook.session import current_plan_id


def test_goal_and_indicator_are_stored_and_linked(store):
    exercise = EffectsExercise()
    plan = current_plan_id(store)
    goals, indicators = exercise.goals, exercise.indicators
    goals.title.value = "Meer scholen werken met CLIL"
    goals.level.value = "impact"
    goals.theme.value = "methodieken"
    goals.submit_button.click()
    assert "Bewaard: Meer scholen werken met CLIL." in goals.feedback.value
    assert goals.value["title"] == ""
    stored = store.goals(plan).iloc[0]
    assert stored["level"] == "impact" and stored["theme"] == "methodieken"

    goal_id = int(stored["id"])
    assert (f"{goal_id}: Meer scholen werken met CLIL", goal_id) in indicators.goal.options
    indicators.value = {"name": "Bereikte scholen", "unit": "scholen", "target": "25",
                        "deadline": date(2027, 6, 30), "goal_id": goal_id}
    indicators.submit_button.click()
    row = store.indicators(plan).iloc[0]
    assert row["target"] == 25 and row["goal_id"] == goal_id
    assert "Bereikte scholen" in indicators.table.value
    # an impact effect with only a count: its chain stops at output, its impact is not
    # described in words; no count is asked for the impact itself
    assert "De keten stopt bij output bij: 'Meer scholen werken met CLIL'" in \
        html.unescape(exercise.check.value)
    assert "Impact tel je niet" in exercise.check.value
    assert "stopt bij output" in exercise.chains.value
    # marking a count of reach as outcome does not make it one
    indicators.picker.value = int(row["id"])
    indicators.picker.edit_button.click()
    indicators.level.value = "outcome"
    indicators.change.value = "Meer scholen kennen ons"
    indicators.submit_button.click()
    assert store.indicators(plan).iloc[0]["level"] == "outcome"
    assert "telt bereik" in exercise.check.value and "stopt bij output" in exercise.chains.value
    # an outcome that names a change and counts no reach continues the chain
    indicators.value = {"name": "Scholen met CLIL in het schoolwerkplan", "unit": "scholen",
                        "target": "3", "deadline": date(2027, 6, 30), "goal_id": goal_id,
                        "level": "outcome", "change": "Scholen schrijven CLIL in hun plan"}
    indicators.submit_button.click()
    goals.picker.value = goal_id
    goals.picker.edit_button.click()
    goals.impact.value = "Taalgericht vakonderwijs wordt gewoon"
    goals.impact_signal.value = "Andere scholen vragen naar de pakketten"
    goals.submit_button.click()
    assert "Impact tel je niet" not in exercise.check.value
    assert "volledig" in exercise.chains.value
    assert "merken we aan: Andere scholen vragen naar de pakketten" in exercise.chains.value


def test_impact_is_no_indicator(store):
    exercise = EffectsExercise()
    form = exercise.indicators
    assert [value for _, value in form.level.options] == ["output", "outcome"]
    form.value = {"name": "Impact", "unit": "scholen", "target": "3",
                  "deadline": date(2027, 6, 30)}
    form.level.options = [*form.level.options, ("impact", "impact")]
    form.level.value = "impact"
    assert form.submit() is False
    assert "impact is geen indicator" in form.feedback.value


def test_bad_indicator_is_refused_with_every_problem(store):
    exercise = EffectsExercise()
    form = exercise.indicators
    form.value = {"name": "", "unit": "deelnemers", "target": "-3", "deadline": None}
    assert form.submit() is False
    for text in ("Naam: vul dit in.", "Streefwaarde: mag niet negatief zijn.",
                 "Doel bereikt op: verwacht een datum"):
        assert text in form.feedback.value
    assert store.indicators(current_plan_id(store)).empty


def test_edit_and_delete_a_goal(demo_store):
    exercise = EffectsExercise()
    goals = exercise.goals
    plan = current_plan_id(demo_store)
    goal_id = int(demo_store.goals(plan)["id"].iloc[-1])
    goals.picker.value = goal_id
    goals.picker.edit_button.click()
    assert goals.value["level"] == "impact"
    goals.level.value = "outcome"
    goals.submit_button.click()
    assert demo_store.goals(plan).set_index("id").loc[goal_id, "level"] == "outcome"
    assert "Impact tel je niet" not in exercise.check.value
    goals.picker.value = goal_id
    goals.picker.delete_button.click()
    assert goal_id not in set(demo_store.goals(plan)["id"])


def test_demo_plan_loads_into_the_tables(demo_store):
    exercise = EffectsExercise()
    assert "Leerkrachten passen CLIL toe in hun vaklessen" in exercise.goals.table.value
    assert "Volgers Instagram-account project" in exercise.indicators.table.value
    assert "Project zichtbaar bij ouders en buurt" in exercise.check.value
    assert "CLIL ingebed in scholengroep en onderwijsveld" in exercise.chains.value
    assert "Volgers Instagram-account project" in exercise.check.value
    assert "Scholen van de scholengroep met CLIL in hun schoolwerkplan" in exercise.chains.value


def test_in_english(store, monkeypatch):
    monkeypatch.setenv("WORKBOOK_LANG", "en")
    exercise = EffectsExercise()
    assert exercise.goals.title.description == "Intended effect"
    assert exercise.indicators.deadline.description == "Target reached by"
    exercise.goals.submit()
    assert "Intended effect: please fill this in." in exercise.goals.feedback.value
