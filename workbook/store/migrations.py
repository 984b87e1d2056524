"""Schema and migrations: a new database gets the tables, an older one is brought up to
:data:`SCHEMA_VERSION`, once, under a lock.

``STEPS[n]`` turns a version-``n`` store into version ``n + 1``. Creating and migrating
run in one write transaction that first takes the database's lock — SQLite's write lock
(``BEGIN IMMEDIATE``), PostgreSQL's transaction-level advisory lock — and then reads the
version again: of many processes opening a fresh database at once, one creates the tables
and the others find them made (SQLAlchemy's ``create_all`` from several processes at once
fails on PostgreSQL with a duplicate ``pg_type`` row). An older SQLite file is copied
next to itself first.
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
SCHEMA_VERSION = 6
#: The key of the PostgreSQL advisory lock held while the schema is created or migrated.
SCHEMA_LOCK = 0x5765726B626F656B  # "Werkboek"


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


STEPS: dict[int, Callable[[sa.Connection], None]] = {
    1: _v1_to_v2, 2: _v2_to_v3, 3: _v3_to_v4, 4: _v4_to_v5, 5: _v5_to_v6,
}


def upgrade(conn: sa.Connection, from_version: int) -> list[int]:
    """Apply every step from ``from_version`` to the current version; return the versions passed."""
    passed = []
    for version in range(from_version, SCHEMA_VERSION):
        STEPS[version](conn)
        passed.append(version + 1)
    return passed


assert set(STEPS) == set(range(1, SCHEMA_VERSION)), "every older version needs a step"


def schema_version(store: Connection) -> int | None:
    """The layout version recorded in the store, or None for a new, empty database."""
    with store._read() as reader:
        if not reader.has_table("meta"):
            return None
        value = reader.scalar("SELECT value FROM meta WHERE key = 'schema_version'")
    return int(value) if value is not None else None


def set_meta(conn: sa.Connection, key: str, value: str) -> None:
    conn.execute(sa.delete(schema.meta).where(schema.meta.c.key == key))
    conn.execute(sa.insert(schema.meta).values(key=key, value=value))


def prepare(store: Connection) -> Path | None:
    """Check the file (SQLite), then create or migrate the schema once; return the backup
    made of an older store, if any."""
    if store.path is not None:
        with store._read() as reader:
            verdict = reader.scalar("PRAGMA quick_check")
        if verdict != "ok":
            raise sqlite3.DatabaseError(verdict)
    version = schema_version(store)
    if version == SCHEMA_VERSION:  # the common case: nothing to lock for
        return None
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
    return backup


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
