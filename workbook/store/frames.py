"""The frame shapes of a plan's tables, defined once.

The store reads rows into these frames, and the importer builds the same frames from
validated records without a store (:func:`workbook.importer.plan_tables`, which the
facilitator's overview of many team files uses): both go through :func:`shape`, so their
columns, order and dtypes are equal by construction.

Raw values are as a database hands them out — SQLite gives dates, times and JSON as text,
PostgreSQL as values; records give dates and tuples — and are decoded here.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from functools import cache
from typing import Any

import pandas as pd

from ..model import FIELDS

#: Each table's columns, in order, as :meth:`Store.plan_tables` gives them.
COLUMNS: dict[str, tuple[str, ...]] = {
    "plans": ("id", *FIELDS["Plan"], "created_at"),
    "goals": ("id", "plan_id", *FIELDS["Goal"]),
    "indicators": ("id", "plan_id", *FIELDS["Indicator"]),
    "activities": ("id", "plan_id", *FIELDS["Activity"], "version", "deleted"),
    "target_groups": FIELDS["TargetGroupChoice"],
    "attention": FIELDS["AttentionCheck"],
    "measurements": ("id", "plan_id", *FIELDS["Measurement"]),
    "reflections": FIELDS["Reflection"],
    "history": ("version", "action", "snapshot", "recorded_at"),
}
#: The tables of one plan, in the order of :meth:`Store.plan_tables`.
PLAN_TABLES = ("goals", "indicators", "activities", "target_groups", "attention", "measurements",
               "reflections")
_DATES = {"indicators": ("deadline",), "activities": ("when",), "measurements": ("date",)}
_OPTIONAL_IDS = {"indicators": ("goal_id",), "activities": ("indicator_id",)}
_LISTS = {"activities": ("target_groups", "methods", "channels"),
          "target_groups": ("methods", "channels")}


def day(value: Any) -> date:
    """A date column's value as a date (SQLite hands out 'YYYY-MM-DD', PostgreSQL a date)."""
    return date.fromisoformat(value) if isinstance(value, str) else value


def moment(value: Any) -> datetime:
    """A date-and-time column's value as a datetime (SQLite hands out the text)."""
    return datetime.fromisoformat(value) if isinstance(value, str) else value


def json_value(value: Any) -> Any:
    """A JSON column's value (SQLite hands out the text, PostgreSQL the value)."""
    return json.loads(value) if isinstance(value, str) else value


def json_tuple(value: Any) -> tuple:
    """A JSON list column's value as a tuple."""
    return tuple(json_value(value))


def _tuples(values: list[Any]) -> list[tuple]:
    if all(isinstance(value, str) for value in values):
        # Rows repeat the same few lists: decode each distinct text once.
        decoded = {text: json_tuple(text) for text in set(values)}
        return [decoded[text] for text in values]
    return [json_tuple(value) for value in values]


def shape(table: str, rows: Sequence[Sequence[Any]]) -> pd.DataFrame:
    """The frame of ``table`` from raw rows in the order of :data:`COLUMNS` (for
    activities, the last value is ``deleted_at``: set for a deleted row)."""
    if table == "attention":
        rows = [(point, bool(done), note) for point, done, note in rows]
    frame = pd.DataFrame(rows, columns=list(COLUMNS[table]))
    if table == "activities":
        frame["when"] = pd.to_datetime([day(value) for value in frame["when"]])
        # SQLite hands out 0/1 for a boolean column
        frame["pupils_recognisable"] = frame["pupils_recognisable"].astype(bool)
    else:
        for name in _DATES.get(table, ()):
            frame[name] = pd.to_datetime(frame[name].map(day))
    for name in _LISTS.get(table, ()):
        values = frame[name].tolist()
        # (a column of no rows reads as numbers for the planning rows, as objects else)
        frame[name] = _tuples(values) if table == "activities" else frame[name].map(json_tuple)
    for name in _OPTIONAL_IDS.get(table, ()):
        frame[name] = frame[name].astype("Int64")
    if table == "activities":
        frame["deleted"] = frame["deleted"].notna()
    return frame


def records(table: str, rows: Iterable[dict[str, Any]]) -> pd.DataFrame:
    """The frame of ``table`` from rows as mappings (plans, history): the columns of
    :data:`COLUMNS` with dates and times decoded."""
    columns = list(COLUMNS[table])
    decoded = []
    for row in rows:
        row = {name: row[name] for name in columns}
        if table == "plans":
            row.update(start=day(row["start"]), end=day(row["end"]),
                       created_at=moment(row["created_at"]))
        else:
            row.update(snapshot=json_value(row["snapshot"]), recorded_at=moment(row["recorded_at"]))
        decoded.append(row)
    frame = pd.DataFrame(decoded, columns=columns)
    if table == "plans":
        for name in ("start", "end"):
            frame[name] = pd.to_datetime(frame[name])
    return frame


def empty(table: str) -> pd.DataFrame:
    """Table ``table`` of a plan without rows, as a store gives it (a copy of one made once:
    the facilitator's overview asks for it for every team file)."""
    return _empty(table).copy()


@cache
def _empty(table: str) -> pd.DataFrame:
    return shape(table, [])
