"""The read cache, kept inside the store: callers never see it.

Every write transaction counts up a revision per table it touched (table ``revisions``);
a read keeps its frame until the revision of its tables changes — by any writer, in any
process. After this store's own write of a few rows, the frames of the big tables
(planning rows, measurements) are read again in part: only the rows that write named.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from ..lazy import on_first_use

if TYPE_CHECKING:
    import pandas as pd
    import sqlalchemy as sa
    from sqlalchemy.dialects import postgresql, sqlite

    from . import schema
else:
    sa = on_first_use("sqlalchemy")
    postgresql = on_first_use("sqlalchemy.dialects.postgresql")
    sqlite = on_first_use("sqlalchemy.dialects.sqlite")
    schema = on_first_use("workbook.store.schema")

#: Tables whose cached frame is read again in part after this store's own writes.
READ_IN_PART = {"activities", "measurements"}
#: At most this many rows of one write are read again in part; more read the whole table.
MOST_IN_PART = 50

Stamp = tuple[int, ...]


def track_writes(engine: sa.Engine) -> None:
    """Note which tables a write transaction changes, to count their revisions at commit."""
    @sa.event.listens_for(engine, "after_execute")
    def _after_execute(conn: sa.Connection, clause: Any, multiparams: Any, _params: Any,
                       options: Any, result: Any) -> None:
        if isinstance(clause, sa.sql.dml.UpdateBase) and "touched" in conn.info:
            name = clause.table.name
            if name == "revisions":
                return
            conn.info["touched"].add(name)
            ids = options.get("workbook_rows")
            if ids is None and isinstance(clause, sa.sql.dml.Insert) and not multiparams:
                with contextlib.suppress(sa.exc.InvalidRequestError):  # INSERT … RETURNING
                    ids = tuple(result.inserted_primary_key or ())
            rows = conn.info["rows"]
            # One statement that does not say which rows it wrote makes the table's changes
            # unknown for the whole transaction.
            if ids is None or rows.get(name, set()) is None:
                rows[name] = None
            else:
                rows.setdefault(name, set()).update(ids)


def count_revisions(conn: sa.Connection) -> dict[str, tuple[int, set[int] | None]]:
    """Count up the revision of every table this transaction touched (before it commits);
    return, for the tables read in part, the revision it made and the ids it wrote."""
    table = schema.revisions
    touched, rows = conn.info.pop("touched"), conn.info.pop("rows")
    # One statement per table (insert, or count up on conflict): an update-then-insert let
    # two processes writing a table for the first time both insert (a duplicate key).
    insert = postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert
    for name in sorted(touched):
        first = insert(table).values(table_name=name, revision=1)
        conn.execute(first.on_conflict_do_update(
            index_elements=[table.c.table_name],
            set_={"revision": table.c.revision + 1}))
    names = sorted(touched & READ_IN_PART)
    if not names:
        return {}
    made = dict(conn.execute(sa.select(table.c.table_name, table.c.revision)
                             .where(table.c.table_name.in_(names))).all())
    return {name: (made[name], rows.get(name)) for name in names}


class ReadCache:
    """Frames by key with the revisions they were read at, and what this store last wrote."""

    def __init__(self) -> None:
        self.frames: dict[tuple, tuple[Stamp, pd.DataFrame]] = {}
        self._own_writes: dict[str, tuple[int, set[int] | None]] = {}
        self._local = threading.local()

    def committed(self, written: dict[str, tuple[int, set[int] | None]]) -> None:
        self._own_writes.update(written)

    @contextmanager
    def pinned(self, revisions: dict[str, int]) -> Iterator[None]:
        """Reads inside the block see these revisions (one look-up for a plan's tables)."""
        if self.pinned_revisions() is not None:
            yield
            return
        self._local.revisions = revisions
        try:
            yield
        finally:
            self._local.revisions = None

    def pinned_revisions(self) -> dict[str, int] | None:
        return getattr(self._local, "revisions", None)

    def get(self, key: tuple, stamp: Stamp, read: Callable[[], pd.DataFrame]) -> pd.DataFrame:
        """``read()`` once per ``stamp``; later calls get a copy of that frame (pandas copies
        on write, so callers cannot change the cached one)."""
        hit = self.frames.get(key)
        if hit is None or hit[0] != stamp:
            hit = (stamp, read())
            self.frames[key] = hit
        return hit[1].copy(deep=False)

    def own_change(self, table: str, stamp: Stamp, revision: int) -> set[int] | None:
        """The ids of ``table``'s rows that changed since a frame cached at ``stamp``, when
        the only change since is this store's own last write of at most
        :data:`MOST_IN_PART` named rows (that write made ``revision``, the table's revision
        now); else None."""
        own = self._own_writes.get(table)
        if own is None or stamp != (revision - 1,):
            return None
        made, ids = own
        if made == revision and ids is not None and len(ids) <= MOST_IN_PART:
            return set(ids)
        return None
