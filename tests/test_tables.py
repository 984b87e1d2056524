"""The planning table of the deck: DESIGN.md's columns in order, in the reader's language."""

from __future__ import annotations

import pandas as pd

import workbook
from workbook.model import Activity, validate
from workbook.session import current_plan_id
from workbook.tables import planning_columns

DUTCH = [
    "Context",
    "Wat",
    "Naar wie",
    "Kernboodschap",
    "Hoe / kanalen",
    "Product",
    "Leerlingen herkenbaar in beeld",
    "Wanneer",
    "Periode",
    "Indicator",
    "Streefwaarde",
    "Prijs",
    "Verantwoordelijke",
    "Status",
]


def test_planning_table_has_the_design_columns_in_order(demo_store):
    table = workbook.planning_table()
    assert list(table.columns) == DUTCH
    assert table.index.name == "id"
    assert table["Wanneer"].is_monotonic_increasing
    assert set(table["Context"]) == {"Binnen eigen school", "Tussen de projectpartners"}
    assert pd.api.types.is_datetime64_any_dtype(table["Wanneer"])


def test_labels_follow_the_language(demo_store, monkeypatch):
    monkeypatch.setenv("WORKBOOK_LANG", "en")
    table = workbook.planning_table()
    assert list(table.columns) == planning_columns("en")
    assert "Parents" in " ".join(table["To whom"])


def test_an_empty_plan_gives_an_empty_table_with_the_columns(store):
    table = workbook.planning_table()
    assert table.empty and list(table.columns) == DUTCH


def test_own_groups_and_deleted_rows(store, catalog):
    plan_id = current_plan_id(store)
    keep = store.add_activity(
        plan_id,
        validate(
            Activity,
            {
                "context": "tussen_partners",
                "what": "Nieuwsbrief",
                "target_groups": ["Oud-leerlingen", "ouders"],
                "methods": ["nieuwsbericht"],
                "channels": ["projectwebsite"],
                "when": "2026-01-05",
            },
            catalog=catalog,
        ),
    )
    gone = store.add_activity(
        plan_id,
        validate(
            Activity,
            {
                "context": "binnen_school",
                "what": "Weg",
                "target_groups": ["ouders"],
                "when": "2026-01-01",
            },
        ),
    )
    store.delete_activity(gone)
    table = workbook.planning_table()
    assert table.index.tolist() == [keep]
    row = table.loc[keep]
    assert row["Naar wie"] == "Oud-leerlingen, Ouders"
    assert row["Hoe / kanalen"] == "Nieuwsbericht / post, Projectwebsite"
