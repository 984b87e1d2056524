"""Schema and migrations: a new database gets the tables, an older one is brought up to
:data:`SCHEMA_VERSION`, once, under a lock.

``STEPS[n]`` turns a version-``n`` store into version ``n + 1``. Creating and migrating
run in one write transaction that first takes the database's lock — SQLite's write lock
(``BEGIN IMMEDIATE``), PostgreSQL's transaction-level advisory lock — and then reads the
version again: of many processes opening a fresh database at once, one creates the tables
and the others find them made (SQLAlchemy's ``create_all`` from several processes at once
fails on PostgreSQL with a duplicate ``pg_type`` row). An older SQLite file is copied
next to itself first.

In hub mode (the agency's hub on PostgreSQL, :mod:`workbook.hub.rowsecurity`), ``HUB_STEPS``
then bring the store to :data:`HUB_VERSION` (``hub_version`` in ``meta``) in the same
transaction: every plan and setting gets an owner. The tables a hub step changes are copied
first into the schema ``werkboek_backup`` (a server database has no file to copy).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from ..i18n import t
from ..lazy import on_first_use
from .connection import Connection, StoreError

if TYPE_CHECKING:
    import sqlalchemy as sa

    from . import schema
else:
    sa = on_first_use("sqlalchemy")
    schema = on_first_use("workbook.store.schema")

#: Counts layout changes of the store (:mod:`workbook.store.schema`).
SCHEMA_VERSION = 7
#: The key of the PostgreSQL advisory lock held while the schema is created or migrated.
SCHEMA_LOCK = 0x5765726B626F656B  # "Werkboek"
#: Counts the layout changes of hub mode, on top of :data:`SCHEMA_VERSION`.
HUB_VERSION = 1
#: Where a hub step copies the tables it changes (PostgreSQL).
BACKUP_SCHEMA = "werkboek_backup"


def _v1_to_v2(conn: sa.Connection) -> None:
    """Version 1 treated every indicator as a sum of its measurements; version 2 adds readings."""
    conn.exec_driver_sql(
        "ALTER TABLE indicators ADD COLUMN kind VARCHAR(16) NOT NULL DEFAULT 'cumulatief'"
    )


def _v2_to_v3(conn: sa.Connection) -> None:
    """Version 3 counts a revision per table, so readers can cache what they read."""
    schema.revisions.create(conn, checkfirst=True)


def _v3_to_v4(conn: sa.Connection) -> None:
    """Version 4 gives every planning row a key message (kernboodschap), empty for old rows."""
    conn.exec_driver_sql(
        "ALTER TABLE activities ADD COLUMN message VARCHAR(300) NOT NULL DEFAULT ''"
    )


def _v4_to_v5(conn: sa.Connection) -> None:
    """Version 5 records per planning row the product it makes and whether pupils are
    recognisable in its images (old rows: no product, not recognisable)."""
    conn.exec_driver_sql(
        "ALTER TABLE activities ADD COLUMN product VARCHAR(32) NOT NULL DEFAULT 'geen'"
    )
    conn.exec_driver_sql(
        "ALTER TABLE activities ADD COLUMN pupils_recognisable BOOLEAN NOT NULL DEFAULT false"
    )


def _v5_to_v6(conn: sa.Connection) -> None:
    """Version 6 records the project's size: action type (KA210/KA220) and grant budget."""
    conn.exec_driver_sql("ALTER TABLE plans ADD COLUMN action_type VARCHAR(8)")
    conn.exec_driver_sql("ALTER TABLE plans ADD COLUMN budget FLOAT")


def _v6_to_v7(conn: sa.Connection) -> None:
    """Version 7 holds the impact chain and what happens after the project: an indicator's
    step (old ones: output, the honest default for a count) and the change it shows; an
    effect's impact in words and how it is noticed; a planning row's period (old rows: during
    the project); the plan's licence, exploitation and maintenance; and the reflection answers
    (a new table)."""
    for statement in (
        "ALTER TABLE indicators ADD COLUMN level VARCHAR(16) NOT NULL DEFAULT 'output'",
        "ALTER TABLE indicators ADD COLUMN change TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE goals ADD COLUMN impact TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE goals ADD COLUMN impact_signal TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE activities ADD COLUMN period VARCHAR(16) NOT NULL DEFAULT 'tijdens'",
        "ALTER TABLE plans ADD COLUMN licence VARCHAR(16)",
        "ALTER TABLE plans ADD COLUMN exploitation TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE plans ADD COLUMN maintenance TEXT NOT NULL DEFAULT ''",
    ):
        conn.exec_driver_sql(statement)
    schema.reflections.create(conn, checkfirst=True)


STEPS: dict[int, Callable[[sa.Connection], None]] = {
    1: _v1_to_v2, 2: _v2_to_v3, 3: _v3_to_v4, 4: _v4_to_v5, 5: _v5_to_v6, 6: _v6_to_v7,
}


def upgrade(conn: sa.Connection, from_version: int) -> list[int]:
    """Apply every step from ``from_version`` to the current version; return the versions passed."""
    passed = []
    for version in range(from_version, SCHEMA_VERSION):
        STEPS[version](conn)
        passed.append(version + 1)
    return passed


assert set(STEPS) == set(range(1, SCHEMA_VERSION)), "every older version needs a step"


def _hub_owners(conn: sa.Connection) -> None:
    """Hub 1: a plan and a setting belong to the PostgreSQL role that made them (a team's);
    a plan's name is unique per owner, not in the whole store, and a setting's key too.
    Written to run once more on a hub made before it was a step (``IF NOT EXISTS``)."""
    for statement in (
        "ALTER TABLE plans ADD COLUMN IF NOT EXISTS owner text NOT NULL DEFAULT current_user",
        "ALTER TABLE plans DROP CONSTRAINT IF EXISTS plans_name_key",
        "CREATE UNIQUE INDEX IF NOT EXISTS plans_owner_name ON plans (owner, name)",
        "ALTER TABLE meta ADD COLUMN IF NOT EXISTS owner text NOT NULL DEFAULT current_user",
        """DO $$ BEGIN
              IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'meta_key_owner') THEN
                ALTER TABLE meta DROP CONSTRAINT IF EXISTS meta_pkey;
                ALTER TABLE meta ADD CONSTRAINT meta_key_owner PRIMARY KEY (key, owner);
              END IF;
            END $$""",
    ):
        conn.exec_driver_sql(statement)


#: ``HUB_STEPS[n]``: (the tables it changes, the step) from hub version ``n`` to ``n + 1``.
HUB_STEPS: dict[int, tuple[tuple[str, ...], Callable[[sa.Connection], None]]] = {
    0: (("plans", "meta"), _hub_owners),
}

assert set(HUB_STEPS) == set(range(HUB_VERSION)), "every older hub version needs a step"


def schema_version(store: Connection, key: str = "schema_version") -> int | None:
    """The layout version recorded in the store, or None for a new, empty database
    (``key="hub_version"``: the hub layout's, None before the first hub step)."""
    with store._read() as reader:
        if not reader.has_table("meta"):
            return None
        value = reader.scalar("SELECT value FROM meta WHERE key = :key", key=key)
    return int(value) if value is not None else None


def set_meta(conn: sa.Connection, key: str, value: str) -> None:
    conn.execute(sa.delete(schema.meta).where(schema.meta.c.key == key))
    conn.execute(sa.insert(schema.meta).values(key=key, value=value))


def prepare(store: Connection, hub: bool = False) -> Path | None:
    """Check the file (SQLite), then create or migrate the schema once (``hub``: and bring
    it to the hub's layout); return the backup file made of an older SQLite store, if any."""
    if hub and store.engine.dialect.name != "postgresql":
        raise ValueError("hub mode needs a PostgreSQL store")
    if store.path is not None:
        with store._read() as reader:
            verdict = reader.scalar("PRAGMA quick_check")
        if verdict != "ok":
            raise sqlite3.DatabaseError(verdict)
    version = schema_version(store)
    if version == SCHEMA_VERSION and (
            not hub or schema_version(store, "hub_version") == HUB_VERSION):
        return None  # the common case: nothing to lock for
    _refuse_newer(store, version)
    backup = None
    with store.transaction(), store._write() as conn:
        if conn.dialect.name == "postgresql":
            conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({SCHEMA_LOCK})")
        version = schema_version(store)  # again, now that no one else can change it
        _refuse_newer(store, version)
        if version is None:
            schema.metadata.create_all(conn)
            set_meta(conn, "schema_version", str(SCHEMA_VERSION))
        elif version < SCHEMA_VERSION:
            backup = _backup(store.path, version)
            upgrade(conn, version)
            set_meta(conn, "schema_version", str(SCHEMA_VERSION))
        if hub:
            _hub_upgrade(conn, store, fresh=version is None)
    return backup


def _hub_upgrade(conn: sa.Connection, store: Connection, fresh: bool) -> None:
    """Apply the hub steps from the store's hub version on, each after copying the tables it
    changes (not in a store made a moment ago: it holds nothing to keep)."""
    at = schema_version(store, "hub_version") or 0
    for version in range(at, HUB_VERSION):
        tables, step = HUB_STEPS[version]
        if not fresh:
            _backup_tables(conn, tables, f"hub{version}")
        step(conn)
    if at < HUB_VERSION:
        set_meta(conn, "hub_version", str(HUB_VERSION))


def _backup_tables(conn: sa.Connection, tables: tuple[str, ...], label: str) -> list[str]:
    """Copy ``tables`` (rows and columns, as they are) into :data:`BACKUP_SCHEMA` as
    ``<table>_<label>`` (``_2``, ``_3`` … when taken); return the copies' names."""
    conn.exec_driver_sql(f"CREATE SCHEMA IF NOT EXISTS {BACKUP_SCHEMA}")
    made = []
    for table in tables:
        name, counter = f"{table}_{label}", 1
        while conn.exec_driver_sql(
                f"SELECT to_regclass('{BACKUP_SCHEMA}.{name}')").scalar() is not None:
            counter += 1
            name = f"{table}_{label}_{counter}"
        conn.exec_driver_sql(f"CREATE TABLE {BACKUP_SCHEMA}.{name} AS TABLE public.{table}")
        made.append(f"{BACKUP_SCHEMA}.{name}")
    return made


def _refuse_newer(store: Connection, version: int | None) -> None:
    if version is not None and version > SCHEMA_VERSION:
        raise StoreError(
            t("store.too_new", path=store.where, found=version, known=SCHEMA_VERSION)
        )


def _backup(path: Path | None, version: int) -> Path | None:
    """Copy an older store next to itself before migrating it (SQLite only)."""
    if path is None:
        return None
    target = path.with_name(f"{path.name}.v{version}.bak")
    counter = 1
    while target.exists():
        target = path.with_name(f"{path.name}.v{version}.{counter}.bak")
        counter += 1
    source = sqlite3.connect(path)
    try:
        with sqlite3.connect(target) as copy:
            source.backup(copy)
        copy.close()
    finally:
        source.close()
    return target


def integrity(store: Connection) -> str:
    """SQLite's ``PRAGMA integrity_check`` verdict ("ok" when the file is sound); a database
    server checks its own pages, and "ok" means that it answers."""
    with store._read() as reader:
        if store.path is None and store.engine.dialect.name != "sqlite":
            return "ok" if reader.scalar("SELECT 1") == 1 else "no answer"
        return str(reader.scalar("PRAGMA integrity_check"))
