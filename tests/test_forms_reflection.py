"""The reflection questions of *waarom* (at the start) and *voortgang* (mid-term review)."""

from __future__ import annotations

import pytest

from workbook.forms.reflection import ReflectionForm
from workbook.reflection import questions_of
from workbook.session import current_plan_id


def test_answers_are_kept_with_the_plan_and_shown_again(store):
    form = ReflectionForm("start")
    assert list(form.value) == [q.id for q in questions_of("start")]
    form.answers["start_merken"].value = "Leerlingen vragen zelf naar CLIL."
    assert form.submit() is True
    assert "Reflectie bewaard: 1 van 4 vragen beantwoord." in form.feedback.value
    stored = store.reflections(current_plan_id(store))
    answers = dict(zip(stored["question"], stored["answer"], strict=True))
    assert answers["start_merken"] == "Leerlingen vragen zelf naar CLIL."
    again = ReflectionForm("start")
    assert again.answers["start_merken"].value == "Leerlingen vragen zelf naar CLIL."
    midterm = ReflectionForm("tussentijds")
    assert "start_merken" not in midterm.value and "Reflectie bij de tussentijdse" in str(
        midterm.widget.children[0].value)


def test_the_demo_plans_answers_and_an_answer_too_long(demo_store):
    form = ReflectionForm("tussentijds")
    assert "Vertalen verdelen" in form.answers["tussentijds_bijsturen"].value
    assert form.answers["tussentijds_verandering"].value == ""
    form.answers["tussentijds_verandering"].value = "x" * 2001
    assert form.submit() is False
    assert "Antwoord: " in form.feedback.value and "2000" in form.feedback.value


def test_in_english_with_the_source_named(store, monkeypatch):
    monkeypatch.setenv("WORKBOOK_LANG", "en")
    form = ReflectionForm("start")
    header = form.blocks[0].children[0].value
    assert header.startswith("<b>What change do you want to see") and "Impacttool" in header
    assert form.save_button.description == "Save"


def test_an_unknown_moment_is_refused(store):
    with pytest.raises(ValueError):
        ReflectionForm("later")
