"""The store's tables in SQLAlchemy Core, portable between SQLite and PostgreSQL.

``SCHEMA_VERSION`` counts layout changes; :mod:`workbook.store.migrations`, where it is kept
(without SQLAlchemy, for the store's check on opening), brings an older store up to it.
Every write counts up the revision of the tables it touched, so a reader can keep what it
read until it changes. Rows that people delete keep living with ``deleted_at`` set, so
nothing entered is ever lost and a deleted planning row can be restored.
"""

from __future__ import annotations

import sqlalchemy as sa

from .migrations import SCHEMA_VERSION as SCHEMA_VERSION

metadata = sa.MetaData()

meta = sa.Table(
    "meta",
    metadata,
    sa.Column("key", sa.String(64), primary_key=True),
    sa.Column("value", sa.Text, nullable=False),
)

revisions = sa.Table(
    "revisions",
    metadata,
    sa.Column("table_name", sa.String(64), primary_key=True),
    sa.Column("revision", sa.Integer, nullable=False),
)

plans = sa.Table(
    "plans",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("name", sa.String(120), nullable=False, unique=True),
    sa.Column("project", sa.String(300), nullable=False, server_default=""),
    sa.Column("organisation", sa.String(300), nullable=False, server_default=""),
    sa.Column("start", sa.Date),
    sa.Column("end", sa.Date),
    sa.Column("action_type", sa.String(8)),
    sa.Column("budget", sa.Float),
    sa.Column("licence", sa.String(16)),
    sa.Column("exploitation", sa.Text, nullable=False, server_default=""),
    sa.Column("maintenance", sa.Text, nullable=False, server_default=""),
    sa.Column("created_at", sa.DateTime, nullable=False),
)


def _plan_fk() -> sa.Column:
    return sa.Column(
        "plan_id", sa.Integer, sa.ForeignKey("plans.id", ondelete="CASCADE"), nullable=False
    )


def _plan_records(name: str, *columns: sa.Column) -> sa.Table:
    """A table of one kind of a plan's records: an id, the plan, the record's ``columns``,
    and ``deleted_at`` (a deleted record is kept, marked)."""
    return sa.Table(name, metadata, sa.Column("id", sa.Integer, primary_key=True), _plan_fk(),
                    *columns, sa.Column("deleted_at", sa.DateTime))


goals = _plan_records(
    "goals",
    sa.Column("title", sa.String(300), nullable=False),
    sa.Column("level", sa.String(16), nullable=False),
    sa.Column("theme", sa.String(120), nullable=False, server_default=""),
    sa.Column("description", sa.Text, nullable=False, server_default=""),
    sa.Column("impact", sa.Text, nullable=False, server_default=""),
    sa.Column("impact_signal", sa.Text, nullable=False, server_default=""),
)

indicators = _plan_records(
    "indicators",
    sa.Column("goal_id", sa.Integer, sa.ForeignKey("goals.id")),
    sa.Column("name", sa.String(300), nullable=False),
    sa.Column("unit", sa.String(120), nullable=False),
    sa.Column("target", sa.Float, nullable=False),
    sa.Column("deadline", sa.Date, nullable=False),
    sa.Column("kind", sa.String(16), nullable=False, server_default="cumulatief"),
    sa.Column("level", sa.String(16), nullable=False, server_default="output"),
    sa.Column("change", sa.Text, nullable=False, server_default=""),
)

activities = _plan_records(
    "activities",
    sa.Column("context", sa.String(32), nullable=False),
    sa.Column("what", sa.String(300), nullable=False),
    sa.Column("target_groups", sa.JSON, nullable=False),
    sa.Column("methods", sa.JSON, nullable=False),
    sa.Column("channels", sa.JSON, nullable=False),
    sa.Column("planned_on", sa.Date, nullable=False),
    sa.Column("indicator_id", sa.Integer, sa.ForeignKey("indicators.id")),
    sa.Column("target_value", sa.Float),
    sa.Column("price", sa.Float, nullable=False, server_default="0"),
    sa.Column("responsible", sa.String(120), nullable=False, server_default=""),
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("message", sa.String(300), nullable=False, server_default=""),
    sa.Column("product", sa.String(32), nullable=False, server_default="geen"),
    sa.Column("pupils_recognisable", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("period", sa.String(16), nullable=False, server_default="tijdens"),
    sa.Column("version", sa.Integer, nullable=False, server_default="1"),
    sa.Column("updated_at", sa.DateTime, nullable=False),
)

activity_history = sa.Table(
    "activity_history",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("activity_id", sa.Integer, sa.ForeignKey("activities.id"), nullable=False),
    sa.Column("version", sa.Integer, nullable=False),
    sa.Column("action", sa.String(16), nullable=False),
    sa.Column("snapshot", sa.JSON, nullable=False),
    sa.Column("recorded_at", sa.DateTime, nullable=False),
)

target_group_choices = sa.Table(
    "target_group_choices",
    metadata,
    _plan_fk(),
    sa.Column("target_group", sa.String(120), nullable=False),
    sa.Column("scope", sa.String(16), nullable=False),
    sa.Column("level", sa.String(16), nullable=False),
    sa.Column("methods", sa.JSON, nullable=False),
    sa.Column("channels", sa.JSON, nullable=False),
    sa.Column("position", sa.Integer, nullable=False, server_default="0"),
    sa.PrimaryKeyConstraint("plan_id", "target_group"),
)

attention_checks = sa.Table(
    "attention_checks",
    metadata,
    _plan_fk(),
    sa.Column("point", sa.String(120), nullable=False),
    sa.Column("done", sa.Boolean, nullable=False),
    sa.Column("note", sa.Text, nullable=False, server_default=""),
    sa.PrimaryKeyConstraint("plan_id", "point"),
)

reflections = sa.Table(
    "reflections",
    metadata,
    _plan_fk(),
    sa.Column("question", sa.String(120), nullable=False),
    sa.Column("answer", sa.Text, nullable=False, server_default=""),
    sa.Column("updated_at", sa.DateTime, nullable=False),
    sa.PrimaryKeyConstraint("plan_id", "question"),
)

measurements = _plan_records(
    "measurements",
    sa.Column("indicator_id", sa.Integer, sa.ForeignKey("indicators.id"), nullable=False),
    sa.Column("measured_on", sa.Date, nullable=False),
    sa.Column("value", sa.Float, nullable=False),
    sa.Column("note", sa.Text, nullable=False, server_default=""),
)

sa.Index("ix_activities_plan", activities.c.plan_id, activities.c.deleted_at)
sa.Index("ix_measurements_plan", measurements.c.plan_id, measurements.c.indicator_id)
sa.Index("ix_indicators_plan", indicators.c.plan_id)
sa.Index("ix_goals_plan", goals.c.plan_id)
sa.Index("ix_history_activity", activity_history.c.activity_id)
