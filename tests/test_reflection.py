"""The reflection questions (data/reflectievragen.csv) and the answers kept with a plan."""

from __future__ import annotations

import pandas as pd
import pytest

from workbook import reflection
from workbook.model import InvalidRecord, Reflection, validate
from workbook.sources import load_sources


def test_questions_at_the_start_and_at_the_mid_term_review_in_both_languages():
    start, midterm = reflection.questions_of("start"), reflection.questions_of("tussentijds")
    assert len(start) >= 3 and len(midterm) >= 3
    assert all(q.nl and q.en and q.source for q in [*start, *midterm])
    assert start[0].text("en").startswith("What change")
    assert {q.source for q in [*start, *midterm]} <= set(load_sources())


def test_a_bad_questions_file_is_refused(tmp_path):
    (tmp_path / "reflectievragen.csv").write_text("id,moment,nl,en,bron\nx,later,a,b,c\n")
    with pytest.raises(ValueError, match="moment 'later'"):
        reflection.load_questions(tmp_path)


def test_an_answer_names_a_known_question():
    assert validate(Reflection, {"question": "start_merken", "answer": " Ja "}).answer == "Ja"
    with pytest.raises(InvalidRecord) as refused:
        validate(Reflection, {"question": "onbekend", "answer": "x"})
    assert refused.value.messages("en")[0].startswith("Question: choose from: start_verandering")


def test_answered_questions_in_the_files_order():
    frame = pd.DataFrame({"question": ["tussentijds_output", "start_merken", "start_anderen"],
                          "answer": ["Vertraging", "Ze spreken meer", "  "]})
    assert reflection.answered(frame, "nl") == [
        ("start", "Hoe zul je merken dat die verandering begint? Wat zie of hoor je dan, en bij "
                  "wie?", "Ze spreken meer"),
        ("tussentijds", "Welke outputs liepen anders dan gepland, en waarom?", "Vertraging"),
    ]
