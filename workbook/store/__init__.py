"""The shared planning store: one database that every notebook of a workbook reads and writes.

A package with a module per job (see ARCHITECTURE.md):

- :mod:`.connection` — reaching the database, transactions, what an error means;
- :mod:`.schema` and :mod:`.migrations` — the tables, and bringing a database to them once;
- :mod:`.writes` and :mod:`.history` — keeping validated records (planning rows with history);
- :mod:`.reads` — a plan's tables as frames, with the read cache (:mod:`.cache`) inside;
- :mod:`.frames` — the frames' shapes, shared with the importer.

Which plan a participant works in is not the store's business: :mod:`workbook.session`
decides it.
"""

from __future__ import annotations

import sqlite3

from .. import config
from ..i18n import t
from .connection import DatabaseFailed, StoreError, check_sqlite_file, failed, is_locked, sa
from .history import ActivityWrites
from .migrations import integrity, prepare, schema_version

__all__ = ["DatabaseFailed", "Store", "StoreError", "forget_open_stores", "open_store",
           "record_values"]


class Store(ActivityWrites):
    """One workbook's database. Open it with :func:`open_store` to share one per process."""

    def __init__(self, url: str | None = None, *, hub: bool = False):
        """``hub``: the agency's hub opens its store so (the hub layout: plans and settings
        per owner, see :mod:`.migrations`); a team's server opens it as any store."""
        super().__init__(url or config.store_url())
        self.backup_path = None
        if self.path is not None:
            check_sqlite_file(self.path)
            self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.backup_path = prepare(self, hub=hub)
        except Exception as exc:
            self.close()
            problem = self._opening_problem(exc)
            if problem is None:
                raise
            raise problem from None

    def _opening_problem(self, exc: Exception) -> StoreError | None:
        """What an error while opening means for the participant (None: raise it as is —
        SQLite's "locked", or a message that is one already)."""
        if is_locked(exc):
            return None
        if isinstance(exc, DatabaseFailed) and self.path is not None:
            return StoreError(t("store.damaged", path=self.where, reason=exc.reason))
        if isinstance(exc, StoreError):
            return None
        if isinstance(exc, sqlite3.DatabaseError) or (
            self.path is not None and isinstance(exc, sa.exc.DatabaseError)
        ):
            return StoreError(t("store.damaged", path=self.where,
                                reason=getattr(exc, "orig", None) or exc))
        if isinstance(exc, sa.exc.DBAPIError):
            return failed(exc, self.where)
        return None

    def schema_version(self) -> int | None:
        """The layout version recorded in the store, or None for a new, empty database."""
        return schema_version(self)

    def integrity(self) -> str:
        """SQLite's ``PRAGMA integrity_check`` verdict ("ok" when the file is sound)."""
        return integrity(self)


_open: dict[str, Store] = {}


def open_store(url: str | None = None) -> Store:
    """The store at ``url`` (default: the data folder's), opened once per process."""
    url = url or config.store_url()
    if url not in _open:
        _open[url] = Store(url)
    return _open[url]


def forget_open_stores() -> None:
    """Drop cached stores (tests point ``WORKBOOK_DATA`` elsewhere between cases)."""
    for store in _open.values():
        store.close()
    _open.clear()


def record_values(record) -> dict:
    """A record as plain JSON values (for snapshots, exports and tests)."""
    return record.model_dump(mode="json")
