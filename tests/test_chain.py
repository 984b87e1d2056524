"""The impact chain: which indicator shows a change, where a chain stops, pure pandas."""

from __future__ import annotations

import pandas as pd
import pytest

from workbook import chain
from workbook.store import frames


def _goals(*rows: dict) -> pd.DataFrame:
    base = {"plan_id": 1, "theme": "", "description": "", "impact": "", "impact_signal": ""}
    return pd.DataFrame([{**base, **row} for row in rows], columns=frames.COLUMNS["goals"])


def _indicators(*rows: dict) -> pd.DataFrame:
    base = {"plan_id": 1, "unit": "", "target": 1.0, "deadline": pd.Timestamp("2027-06-30"),
            "kind": "cumulatief", "level": "output", "change": ""}
    frame = pd.DataFrame([{**base, **row} for row in rows],
                         columns=frames.COLUMNS["indicators"])
    frame["goal_id"] = frame["goal_id"].astype("Int64")
    return frame


@pytest.mark.parametrize(("name", "unit", "reach"), [
    ("Volgers Instagram-account project", "volgers", True),
    ("Bezoekers projectwebsite", "bezoekers", True),
    ("Deelnemers infosessies", "deelnemers", True),
    ("Instagram", "likes", True),
    ("Website", "page views", True),
    ("Leerkrachten die CLIL toepassen", "leerkrachten", False),
    ("Motivatie (Likert-schaal)", "score", False),
    ("Interviews met ouders over wat ze onthouden", "ouders", False),
    ("Verspreide posters", "posters", False),
])
def test_reach_is_read_from_the_unit_and_the_name(name, unit, reach):
    assert chain.counts_reach(name, unit) is reach


def test_a_follower_count_is_no_outcome_whatever_its_type_of_measurement():
    for kind in ("cumulatief", "stand"):
        row = {"name": "Volgers", "unit": "volgers", "kind": kind, "level": "outcome",
               "change": "Meer mensen volgen ons"}
        assert chain.outcome_problem(row) == "reach" and not chain.shows_change(row)


def test_an_outcome_names_the_change_it_shows():
    row = {"name": "Leerkrachten die CLIL toepassen", "unit": "leerkrachten",
           "level": "outcome", "change": ""}
    assert chain.outcome_problem(row) == "change"
    assert chain.shows_change({**row, "change": "Vakleerkrachten gebruiken CLIL"})
    assert chain.outcome_problem({**row, "level": "output"}) is None  # an output is fine


def test_each_effect_shows_its_outputs_outcomes_and_impact():
    goals = _goals(
        {"id": 1, "title": "Zichtbaar", "level": "output"},
        {"id": 2, "title": "Leerkrachten passen CLIL toe", "level": "outcome"},
        {"id": 3, "title": "CLIL ingebed", "level": "impact", "impact": "CLIL wordt gewoon",
         "impact_signal": "Scholen vragen ernaar"},
        {"id": 4, "title": "Nog leeg", "level": "outcome"},
    )
    indicators = _indicators(
        {"id": 10, "goal_id": 1, "name": "Volgers", "unit": "volgers", "level": "outcome",
         "change": "Ouders volgen ons"},
        {"id": 11, "goal_id": 2, "name": "Leerkrachten met CLIL", "unit": "leerkrachten",
         "level": "outcome", "change": "Ze gebruiken CLIL"},
        {"id": 12, "goal_id": 2, "name": "Workshops", "unit": "workshops"},
        {"id": 13, "goal_id": None, "name": "Los", "unit": "stuks"},
    )
    chains = chain.effect_chains(goals, indicators)
    assert chains["stops_at"].tolist() == ["output", "outcome", "impact", "none"]
    assert chains["outputs"].tolist() == [("Volgers",), ("Workshops",), (), ()]
    assert chains["outcomes"].tolist()[1] == ("Leerkrachten met CLIL",)
    table = chain.chain_table(chains, "en")
    assert list(table.columns) == ["Intended effect", "Level", "Output", "Outcome",
                                   "Impact (in words)", "Chain"]
    impact = table.loc[3, "Impact (in words)"]
    assert impact == "CLIL wordt gewoon (noticed by: Scholen vragen ernaar)"
    assert table.loc[1, "Chain"] == "stops at output"
    assert chain.chain_table(chains, "nl").loc[1, "Keten"] == "stopt bij output"
    found = chain.check_unlinked(indicators)
    assert not found.ok and "'Los'" in found.message("en")
    assert chain.check_chains(goals, indicators).message("en").startswith(
        "The chain stops at output for: 'Zichtbaar'.")
    assert chain.check_impact_words(goals).ok


def test_no_effects_give_an_empty_chain_table():
    chains = chain.effect_chains(_goals(), _indicators())
    assert chains.empty and chain.chain_table(chains).empty
