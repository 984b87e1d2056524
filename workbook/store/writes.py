"""Writes: plans, settings, goals, indicators, target groups, points of attention and
measurements. Records arrive validated (:mod:`workbook.model`); each method is one write
transaction, or part of the one :meth:`~.connection.Connection.transaction` it runs in.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from ..i18n import t
from ..lazy import on_first_use
from .connection import StoreError
from .migrations import set_meta
from .reads import Reads

if TYPE_CHECKING:
    import sqlalchemy as sa
    from sqlalchemy.dialects import postgresql

    from ..model import (
        AttentionCheck,
        Goal,
        Indicator,
        Measurement,
        Plan,
        Reflection,
        TargetGroupChoice,
    )
    from . import schema as s
else:
    sa = on_first_use("sqlalchemy")
    postgresql = on_first_use("sqlalchemy.dialects.postgresql")
    s = on_first_use("workbook.store.schema")

#: The tables that hold a plan's entries (a plan without rows in them is empty).
_ENTRY_TABLES = ("goals", "indicators", "activities", "measurements", "target_group_choices",
                 "attention_checks", "reflections")


def now() -> datetime:
    return datetime.now().replace(microsecond=0)


class Writes(Reads):
    """Adding, changing and removing what a plan holds."""

    # ----- generic helpers ----------------------------------------------------------

    def _require(self, conn: sa.Connection, table: sa.Table, row_id: int, what: str,
                 plan_id: int | None = None) -> dict:
        query = sa.select(table).where(table.c.id == row_id)
        if plan_id is not None:
            query = query.where(table.c.plan_id == plan_id)
        if "deleted_at" in table.c and table is not s.activities:
            query = query.where(table.c.deleted_at.is_(None))
        row = conn.execute(query).mappings().first()
        if row is None:
            raise StoreError(t("store.not_found", what=what, id=row_id))
        return dict(row)

    def _insert(self, table: sa.Table, plan_id: int, values: dict) -> int:
        with self._write() as conn:
            self._require(conn, s.plans, plan_id, "plan")
            return conn.execute(
                sa.insert(table).values(plan_id=plan_id, **values)
            ).inserted_primary_key[0]

    def _update(self, table: sa.Table, row_id: int, values: dict, what: str) -> None:
        with self._write() as conn:
            self._require(conn, table, row_id, what)
            conn.execute(sa.update(table).where(table.c.id == row_id).values(**values),
                         execution_options={"workbook_rows": (row_id,)})

    def _soft_delete(self, table: sa.Table, row_id: int, what: str) -> None:
        self._update(table, row_id, {"deleted_at": now()}, what)

    # ----- settings and plans -------------------------------------------------------

    def set_setting(self, key: str, value: str) -> None:
        with self._write() as conn:
            set_meta(conn, f"setting.{key}", value)

    def add_plan(self, plan: Plan) -> int:
        """A new plan; :class:`StoreError` when its name is taken."""
        plan_id, created = self.ensure_plan(plan)
        if not created:
            raise StoreError(t("store.duplicate_plan", name=plan.name))
        return plan_id

    def ensure_plan(self, plan: Plan) -> tuple[int, bool]:
        """The id of the plan named ``plan.name``, created from ``plan`` when there is none,
        and whether it was created: one atomic step, so processes that create the same plan
        at once all get the one plan (the name is unique; SQLite's write lock or
        PostgreSQL's ``ON CONFLICT`` settles who makes it). The conflict names no column: on
        the hub a name is unique per team (hub mode, store/migrations.py), not in the table."""
        values = {**plan.model_dump(), "created_at": now()}
        with self._write() as conn:
            if conn.dialect.name == "postgresql":
                made = conn.execute(postgresql.insert(s.plans).values(**values)
                                    .on_conflict_do_nothing()
                                    .returning(s.plans.c.id)).scalar()
                if made is not None:
                    return made, True
            found = conn.execute(
                sa.select(s.plans.c.id).where(s.plans.c.name == plan.name)).scalar()
            if found is not None:
                return found, False
            return conn.execute(sa.insert(s.plans).values(**values)).inserted_primary_key[0], True

    def update_plan(self, plan_id: int, plan: Plan) -> None:
        with self._write() as conn:
            clash = conn.execute(
                sa.select(s.plans.c.id).where(s.plans.c.name == plan.name, s.plans.c.id != plan_id)
            ).scalar()
            if clash is not None:
                raise StoreError(t("store.duplicate_plan", name=plan.name))
            self._require(conn, s.plans, plan_id, "plan")
            conn.execute(
                sa.update(s.plans).where(s.plans.c.id == plan_id).values(**plan.model_dump())
            )

    def delete_empty_plan(self, plan_id: int) -> None:
        """Remove a plan that holds nothing (the default plan a fresh store starts with)."""
        with self._write() as conn:
            for name in _ENTRY_TABLES:
                table = s.metadata.tables[name]
                count = conn.execute(
                    sa.select(sa.func.count()).select_from(table).where(table.c.plan_id == plan_id)
                ).scalar()
                if count:
                    return
            conn.execute(sa.delete(s.plans).where(s.plans.c.id == plan_id))

    def choose_plan(self, plan_id: int) -> None:
        """Remember ``plan_id`` as the plan chosen in the welcome notebook."""
        with self._read() as reader:
            known = reader.scalar("SELECT id FROM plans WHERE id = :id", id=plan_id)
        if known is None:
            raise StoreError(t("store.not_found", what="plan", id=plan_id))
        self.set_setting("current_plan", str(plan_id))

    # ----- goals and indicators -----------------------------------------------------

    def add_goal(self, plan_id: int, goal: Goal) -> int:
        return self._insert(s.goals, plan_id, goal.model_dump())

    def update_goal(self, goal_id: int, goal: Goal) -> None:
        self._update(s.goals, goal_id, goal.model_dump(), "goal")

    def delete_goal(self, goal_id: int) -> None:
        self._soft_delete(s.goals, goal_id, "goal")

    def add_indicator(self, plan_id: int, indicator: Indicator) -> int:
        return self._insert(s.indicators, plan_id, indicator.model_dump())

    def update_indicator(self, indicator_id: int, indicator: Indicator) -> None:
        self._update(s.indicators, indicator_id, indicator.model_dump(), "indicator")

    def delete_indicator(self, indicator_id: int) -> None:
        self._soft_delete(s.indicators, indicator_id, "indicator")

    # ----- target groups and points of attention ------------------------------------

    def set_target_group(self, plan_id: int, choice: TargetGroupChoice) -> None:
        """Add the target group to the plan, or replace its methods and channels."""
        table = s.target_group_choices
        values = {
            "scope": choice.scope,
            "level": choice.level,
            "methods": list(choice.methods),
            "channels": list(choice.channels),
        }
        where = (table.c.plan_id == plan_id) & (table.c.target_group == choice.group)
        with self._write() as conn:
            self._require(conn, s.plans, plan_id, "plan")
            if conn.execute(sa.select(table.c.target_group).where(where)).first():
                conn.execute(sa.update(table).where(where).values(**values))
            else:
                position = conn.execute(
                    sa.select(sa.func.count()).select_from(table).where(table.c.plan_id == plan_id)
                ).scalar()
                conn.execute(
                    sa.insert(table).values(
                        plan_id=plan_id, target_group=choice.group, position=position, **values
                    )
                )

    def remove_target_group(self, plan_id: int, group: str) -> None:
        table = s.target_group_choices
        with self._write() as conn:
            conn.execute(
                sa.delete(table).where(
                    (table.c.plan_id == plan_id) & (table.c.target_group == group)
                )
            )

    def set_attention(self, plan_id: int, check: AttentionCheck) -> None:
        table = s.attention_checks
        where = (table.c.plan_id == plan_id) & (table.c.point == check.point)
        with self._write() as conn:
            self._require(conn, s.plans, plan_id, "plan")
            conn.execute(sa.delete(table).where(where))
            conn.execute(sa.insert(table).values(plan_id=plan_id, **check.model_dump()))

    def set_reflection(self, plan_id: int, reflection: Reflection) -> None:
        """Keep the answer to one reflection question (replacing an earlier one)."""
        table = s.reflections
        where = (table.c.plan_id == plan_id) & (table.c.question == reflection.question)
        with self._write() as conn:
            self._require(conn, s.plans, plan_id, "plan")
            conn.execute(sa.delete(table).where(where))
            conn.execute(sa.insert(table).values(plan_id=plan_id, updated_at=now(),
                                                 **reflection.model_dump()))

    # ----- measurements -------------------------------------------------------------

    @staticmethod
    def _measurement_values(measurement: Measurement) -> dict[str, Any]:
        values = measurement.model_dump()
        values["measured_on"] = values.pop("date")
        return values

    def add_measurement(self, plan_id: int, measurement: Measurement) -> int:
        with self._write() as conn:
            self._require(conn, s.indicators, measurement.indicator_id, "indicator", plan_id)
            return conn.execute(
                sa.insert(s.measurements).values(
                    plan_id=plan_id, **self._measurement_values(measurement)
                )
            ).inserted_primary_key[0]

    def update_measurement(self, measurement_id: int, measurement: Measurement) -> None:
        self._update(
            s.measurements, measurement_id, self._measurement_values(measurement), "measurement"
        )

    def delete_measurement(self, measurement_id: int) -> None:
        self._soft_delete(s.measurements, measurement_id, "measurement")
