"""Steps that bring a store written by an older workbook up to :data:`SCHEMA_VERSION`.

``STEPS[n]`` turns a version-``n`` store into version ``n + 1``. Each step runs inside
the store's write transaction, after :class:`~workbook.store.Store` made a backup copy.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlalchemy as sa

#: Counts layout changes of the store (:mod:`workbook.schema`).
SCHEMA_VERSION = 3


def _v1_to_v2(conn: sa.Connection) -> None:
    """Version 1 treated every indicator as a sum of its measurements; version 2 adds readings."""
    conn.exec_driver_sql(
        "ALTER TABLE indicators ADD COLUMN kind VARCHAR(16) NOT NULL DEFAULT 'cumulatief'"
    )


def _v2_to_v3(conn: sa.Connection) -> None:
    """Version 3 counts a revision per table, so readers can cache what they read."""
    from .schema import revisions

    revisions.create(conn, checkfirst=True)


STEPS: dict[int, Callable[[sa.Connection], None]] = {1: _v1_to_v2, 2: _v2_to_v3}


def upgrade(conn: sa.Connection, from_version: int) -> list[int]:
    """Apply every step from ``from_version`` to the current version; return the versions passed."""
    passed = []
    for version in range(from_version, SCHEMA_VERSION):
        STEPS[version](conn)
        passed.append(version + 1)
    return passed


assert set(STEPS) == set(range(1, SCHEMA_VERSION)), "every older version needs a step"
