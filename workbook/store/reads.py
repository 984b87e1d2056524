"""Reads: a plan's tables as frames (:mod:`.frames`), its records and its settings.

Plain SQL that SQLite and PostgreSQL both understand. The frames of a plan's tables are
kept in the store's read cache (:mod:`.cache`) until someone writes their table; callers
only ever ask for the frame.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import pandas as pd

from .. import model
from ..i18n import t
from ..model import FIELDS
from . import frames
from .connection import Connection, StoreError, among

if TYPE_CHECKING:
    from ..model import Plan

_PLANS = ("SELECT " + ", ".join(f'"{name}"' if name == "end" else name
                              for name in frames.COLUMNS["plans"]) + " FROM plans")
#: The stored columns of a planning row, in the order of ``frames.COLUMNS["activities"]``.
_ACTIVITY_COLUMNS = [
    "planned_on" if name == "when" else "deleted_at" if name == "deleted" else name
    for name in frames.COLUMNS["activities"]
]
_MEASUREMENT_COLUMNS = ["id", "plan_id", "indicator_id", "measured_on", "value", "note"]


class Reads(Connection):
    """What a plan holds, read from the store."""

    # ----- the cache ----------------------------------------------------------------

    def revisions(self) -> dict[str, int]:
        """How often each table was written; a changed number means cached reads are stale."""
        pinned = self.cache.pinned_revisions()
        if pinned is not None:
            return pinned
        with self._read() as reader:
            return dict(reader.rows("SELECT table_name, revision FROM revisions"))

    def _cached(self, key: tuple, table: str, read: Callable[[], pd.DataFrame]) -> pd.DataFrame:
        """``read()`` once per revision of ``table``; reads inside see the same revisions."""
        revisions = self.revisions()
        with self.cache.pinned(revisions):
            return self.cache.get(key, (revisions.get(table, 0),), read)

    def _own_change(self, table: str, stamp: tuple[int, ...], revision: int) -> set[int] | None:
        return self.cache.own_change(table, stamp, revision)

    # ----- plans and settings -------------------------------------------------------

    def plans(self) -> pd.DataFrame:
        with self._read() as reader:
            rows = reader.mappings(f"{_PLANS} ORDER BY id")
        return frames.records("plans", rows)

    def plan(self, plan_id: int) -> Plan:
        return model.Plan(**self.plan_fields(plan_id))

    def plan_fields(self, plan_id: int) -> dict[str, Any]:
        """The fields of :meth:`plan` as stored (name, project, organisation, start, end),
        without building the record: showing a plan's name or dates needs no pydantic."""
        with self._read() as reader:
            rows = reader.mappings(f"{_PLANS} WHERE id = :id", id=plan_id)
        if not rows:
            raise StoreError(t("store.not_found", what="plan", id=plan_id))
        row = rows[0]
        return {key: frames.day(row[key]) if key in ("start", "end") else row[key]
                for key in FIELDS["Plan"]}

    def plan_id(self, name: str) -> int | None:
        with self._read() as reader:
            return reader.scalar("SELECT id FROM plans WHERE name = :name", name=name)

    def plan_ids(self) -> list[int]:
        with self._read() as reader:
            return reader.column("SELECT id FROM plans ORDER BY id")

    def setting(self, key: str, default: str | None = None) -> str | None:
        with self._read() as reader:
            value = reader.scalar("SELECT value FROM meta WHERE key = :key", key=f"setting.{key}")
        return default if value is None else value

    def is_empty(self) -> bool:
        """True when no plan holds any entry (an empty default plan counts as empty)."""
        with self._read() as reader:
            for table in ("goals", "indicators", "activities", "measurements",
                          "target_group_choices"):
                if reader.scalar(f"SELECT count(*) FROM {table}"):
                    return False
            named = reader.scalar(
                "SELECT count(*) FROM plans WHERE project != '' OR organisation != ''"
            )
        return not named

    def ids(self, plan_id: int) -> dict[str, set[int]]:
        """Ids that records of this plan may refer to; pass as validation context."""
        with self._read() as reader:

            def live(table: str) -> set[int]:
                return set(reader.column(
                    f"SELECT id FROM {table} WHERE plan_id = :plan_id AND deleted_at IS NULL",
                    plan_id=plan_id,
                ))

            return {"goal_ids": live("goals"), "indicator_ids": live("indicators")}

    # ----- a plan's tables ----------------------------------------------------------

    def plan_tables(self, plan_id: int) -> dict[str, pd.DataFrame]:
        """Every table of one plan, the input of :mod:`workbook.analysis`."""
        with self.cache.pinned(self.revisions()):
            return {
                "goals": self.goals(plan_id),
                "indicators": self.indicators(plan_id),
                "activities": self.activities(plan_id),
                "target_groups": self.target_groups(plan_id),
                "attention": self.attention(plan_id),
                "measurements": self.measurements(plan_id),
                "reflections": self.reflections(plan_id),
            }

    def _live(self, table: str, plan_id: int, columns: list[str], shape: str) -> pd.DataFrame:
        """The plan's live rows of ``table`` by id, as frame ``shape``."""
        with self._read() as reader:
            rows = reader.rows(
                f"SELECT {', '.join(columns)} FROM {table} "
                "WHERE plan_id = :plan_id AND deleted_at IS NULL ORDER BY id",
                plan_id=plan_id,
            )
        return frames.shape(shape, rows)

    def goals(self, plan_id: int) -> pd.DataFrame:
        return self._cached(("goals", plan_id), "goals", lambda: self._live(
            "goals", plan_id, list(frames.COLUMNS["goals"]), "goals"))

    def indicators(self, plan_id: int) -> pd.DataFrame:
        return self._cached(("indicators", plan_id), "indicators", lambda: self._live(
            "indicators", plan_id, list(frames.COLUMNS["indicators"]), "indicators"))

    def _ordered(self, shape: str, table: str, columns: str, order: str,
                 plan_id: int) -> pd.DataFrame:
        """A plan's rows of ``table`` in ``order``, as frame ``shape``, kept in the cache."""

        def read() -> pd.DataFrame:
            with self._read() as reader:
                rows = reader.rows(f"SELECT {columns} FROM {table} "
                                   f"WHERE plan_id = :plan_id ORDER BY {order}", plan_id=plan_id)
            return frames.shape(shape, rows)

        return self._cached((shape, plan_id), table, read)

    def target_groups(self, plan_id: int) -> pd.DataFrame:
        return self._ordered("target_groups", "target_group_choices",
                             "target_group, scope, level, methods, channels", "position", plan_id)

    def attention(self, plan_id: int) -> pd.DataFrame:
        return self._ordered("attention", "attention_checks",
                             ", ".join(frames.COLUMNS["attention"]), "point", plan_id)

    def reflections(self, plan_id: int) -> pd.DataFrame:
        """The plan's reflection answers (question id, answer)."""
        return self._ordered("reflections", "reflections", "question, answer", "question",
                             plan_id)

    def activity_history(self, activity_id: int) -> pd.DataFrame:
        with self._read() as reader:
            rows = reader.mappings(
                "SELECT version, action, snapshot, recorded_at FROM activity_history "
                "WHERE activity_id = :activity_id ORDER BY version",
                activity_id=activity_id,
            )
        return frames.records("history", rows)

    # ----- the big tables, read again in part -----------------------------------------

    def activities(self, plan_id: int, include_deleted: bool = False) -> pd.DataFrame:
        # One read serves both views: the live rows are filtered from every row of the
        # same revision instead of a second query decoding the same JSON columns.
        every_key = ("activities", plan_id, True)
        previous = self.cache.frames.get(every_key)
        every = self._cached(every_key, "activities",
                             lambda: self._activities(plan_id, previous))
        if include_deleted:
            return every
        return self._cached(("activities", plan_id, False), "activities",
                            lambda: every[~every["deleted"]].reset_index(drop=True))

    def _activities(self, plan_id: int, cached: tuple | None) -> pd.DataFrame:
        """Every row of the plan, deleted ones too, ordered by date and id.

        With the ``cached`` frame of an earlier revision, only rows that this store's own
        last write named, or else whose ``version`` changed (every write of a row counts it
        up) or that are new, are read and decoded again: a click in a plan of 1,000 rows
        reads one row instead of all of them.
        """
        previous = cached[1] if cached is not None else None
        if previous is None or not len(previous):
            return self._activity_rows(plan_id)
        revision = self.revisions().get("activities", 0)
        changed = self._own_change("activities", cached[0], revision)
        gone: set[int] = set()
        if changed is None:
            with self._read() as reader:
                stored = dict(reader.rows(
                    "SELECT id, version FROM activities WHERE plan_id = :plan_id",
                    plan_id=plan_id,
                ))
            known = dict(zip(previous["id"].tolist(), previous["version"].tolist(),
                             strict=True))
            changed = {row for row, version in stored.items() if known.get(row) != version}
            gone = known.keys() - stored.keys()
        keep = previous[~previous["id"].isin([*changed, *gone])]
        if len(changed) > 50 or not len(keep):
            return self._activity_rows(plan_id)
        parts = [keep]
        if changed:
            fresh = self._activity_rows(plan_id, sorted(changed))
            differ = {
                name: dtype for name, dtype in previous.dtypes.items()
                if fresh[name].dtype != dtype
            }  # e.g. a target value of None alone reads as object, not float
            parts.append(fresh.astype(differ) if differ else fresh)
        frame = pd.concat(parts, ignore_index=True)
        return frame.sort_values(["when", "id"], kind="stable", ignore_index=True)

    def _activity_rows(self, plan_id: int, ids: list[int] | None = None) -> pd.DataFrame:
        where, params = self._of_plan(plan_id, ids, live=False)
        with self._read() as reader:
            rows = reader.rows(
                f"SELECT {', '.join(_ACTIVITY_COLUMNS)} FROM activities WHERE {where} "
                "ORDER BY planned_on, id",
                **params,
            )
        return frames.shape("activities", rows)

    def measurements(self, plan_id: int) -> pd.DataFrame:
        key = ("measurements", plan_id)
        previous = self.cache.frames.get(key)
        return self._cached(key, "measurements", lambda: self._measurements(plan_id, previous))

    def _measurements(self, plan_id: int, previous: tuple | None = None) -> pd.DataFrame:
        """The plan's live measurements by date and id.

        When the only change since the ``previous`` cached frame is this store's own last
        write of a few measurements, only those rows are read again: recording one
        measurement among 10,000 reads one row instead of all of them.
        """
        if previous is not None:
            stamp, frame = previous
            revision = self.revisions().get("measurements", 0)
            ids = self._own_change("measurements", stamp, revision)
            if ids is not None:
                fresh = self._measurement_rows(plan_id, sorted(ids))
                kept = frame[~frame["id"].isin(ids)]
                if not fresh.empty:
                    fresh = fresh.astype(frame.dtypes.to_dict())
                    kept = pd.concat([kept, fresh], ignore_index=True)
                return kept.sort_values(["date", "id"], kind="stable", ignore_index=True)
        return self._measurement_rows(plan_id)

    def _measurement_rows(self, plan_id: int, ids: list[int] | None = None) -> pd.DataFrame:
        where, params = self._of_plan(plan_id, ids, live=True)
        with self._read() as reader:
            rows = reader.rows(
                f"SELECT {', '.join(_MEASUREMENT_COLUMNS)} FROM measurements "
                f"WHERE {where} ORDER BY measured_on, id",
                **params,
            )
        return frames.shape("measurements", rows)

    @staticmethod
    def _of_plan(plan_id: int, ids: list[int] | None, live: bool) -> tuple[str, dict]:
        """The WHERE of a plan's rows: all of them, or those with ``ids``; live ones only."""
        where, params = "plan_id = :plan_id", {"plan_id": plan_id}
        if live:
            where += " AND deleted_at IS NULL"
        if ids is not None:
            clause, named = among("id", ids)
            where, params = f"{where} AND {clause}", {**named, **params}
        return where, params
