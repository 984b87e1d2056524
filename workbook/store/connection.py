"""Connections and transactions: how the store reaches its database.

SQLite by default (a file in the data folder), any SQLAlchemy URL on request. Writes are
short transactions that take the write lock up front, with a generous busy timeout, so two
open notebooks never see "database is locked". A plain SQLite file is read with the
standard library's ``sqlite3``, so a notebook that only shows what is stored never imports
SQLAlchemy (~0.2 s per kernel): it loads on the first write, and for other URLs.
"""

from __future__ import annotations

import os
import re
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..i18n import t
from ..lazy import on_first_use
from . import cache

if TYPE_CHECKING:
    import sqlalchemy as sa
else:
    sa = on_first_use("sqlalchemy")

BUSY_TIMEOUT_SECONDS = 30
# sqlite:///relative/path or sqlite:////absolute/path: nothing for SQLAlchemy to decode
_PLAIN_SQLITE_URL = re.compile(r"sqlite(\+pysqlite)?:///(?P<database>[^?#%@]+)")
SQLITE_HEADER = b"SQLite format 3\x00"


class StoreError(RuntimeError):
    """The store cannot be opened or asked for something it does not hold; the text says why."""


class DatabaseFailed(StoreError):
    """The database itself failed (unreachable, out of space, a server error): nothing the
    participant entered is at fault, and the text says so."""

    def __init__(self, text: str, reason: object = None) -> None:
        super().__init__(text)
        self.reason = reason


def plain_sqlite_file(url: str) -> Path | None:
    """The file of a SQLite URL without options or escapes: ``sqlite3`` opens it as is."""
    found = _PLAIN_SQLITE_URL.fullmatch(url)
    if found is None or found["database"] == ":memory:":
        return None
    return Path(found["database"])


def sqlite_path(url: str) -> Path | None:
    """The file a SQLite URL names (None for another database or an in-memory one)."""
    plain = plain_sqlite_file(url)
    if plain is not None:
        return plain
    parsed = sa.engine.make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database)


def check_sqlite_file(path: Path) -> None:
    """Refuse a file that is not an SQLite database before SQLite gets a chance to touch it."""
    if path.exists() and path.stat().st_size > 0:
        with path.open("rb") as handle:
            if handle.read(16) != SQLITE_HEADER:
                raise StoreError(t("store.not_sqlite", path=path))


def _switch_to_wal(cursor: sqlite3.Cursor, attempts: int = 100) -> None:
    """``PRAGMA journal_mode = WAL``, again while another process holds the new file's lock:
    SQLite answers that pragma "database is locked" at once, without its busy timeout, when
    several processes open a new store at the same moment."""
    for attempt in range(attempts):
        try:
            cursor.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or attempt == attempts - 1:
                raise
            time.sleep(0.05 + 0.01 * attempt)


def _configure_sqlite(engine: sa.Engine) -> None:
    @sa.event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        # Let SQLAlchemy's "begin" event below issue BEGIN, so writes can ask for IMMEDIATE.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_SECONDS * 1000}")
        cursor.execute("PRAGMA foreign_keys = ON")
        _switch_to_wal(cursor)
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.close()

    @sa.event.listens_for(engine, "begin")
    def _on_begin(conn: sa.Connection) -> None:
        writing = conn.get_execution_options().get("workbook_write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if writing else "BEGIN")


class Reader:
    """Plain SQL reads with ``:name`` parameters on one open connection. Values come as the
    database hands them out (SQLite: dates, times and JSON as text; :mod:`.frames` decodes)."""

    def __init__(
        self,
        execute: Callable[[str, dict], tuple[list[str], list[tuple]]],
        has_table: Callable[[str], bool],
    ) -> None:
        self._execute = execute
        self.has_table = has_table

    def rows(self, sql: str, **params: Any) -> list[tuple]:
        return self._execute(sql, params)[1]

    def mappings(self, sql: str, **params: Any) -> list[dict[str, Any]]:
        columns, rows = self._execute(sql, params)
        return [dict(zip(columns, row, strict=True)) for row in rows]

    def scalar(self, sql: str, **params: Any) -> Any:
        rows = self._execute(sql, params)[1]
        return rows[0][0] if rows else None

    def column(self, sql: str, **params: Any) -> list[Any]:
        return [row[0] for row in self._execute(sql, params)[1]]


def _sqlite_reader(conn: sqlite3.Connection) -> Reader:
    def execute(sql: str, params: dict) -> tuple[list[str], list[tuple]]:
        cursor = conn.execute(sql, params)
        return [column[0] for column in cursor.description], cursor.fetchall()

    def has_table(name: str) -> bool:
        query = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?"
        return conn.execute(query, (name,)).fetchone() is not None

    return Reader(execute, has_table)


def _sqlalchemy_reader(conn: sa.Connection) -> Reader:
    def execute(sql: str, params: dict) -> tuple[list[str], list[tuple]]:
        result = conn.execute(sa.text(sql), params)
        return list(result.keys()), [tuple(row) for row in result]

    return Reader(execute, lambda name: sa.inspect(conn).has_table(name))


def among(name: str, values: list[Any]) -> tuple[str, dict[str, Any]]:
    """``name IN (:name0, :name1, …)`` and its parameters."""
    params = {f"{name}{n}": value for n, value in enumerate(values)}
    return f"{name} IN ({', '.join(':' + key for key in params)})", params


def failed(exc: Exception, where: Any) -> DatabaseFailed:
    """A database error as what it is: the database failed, not the participant's entry."""
    reason = getattr(exc, "orig", None) or exc
    return DatabaseFailed(t("store.database_failed", where=where, reason=reason), reason)


class Connection:
    """One database's connections: a kept ``sqlite3`` connection per thread for reads of a
    plain SQLite file, SQLAlchemy's engine (made on first use) for everything else, and
    the transactions over them."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.path = sqlite_path(url)
        self._sqlite_file = plain_sqlite_file(url)  # read with sqlite3
        self._local = threading.local()
        self._readers: list[sqlite3.Connection] = []
        self.cache = cache.ReadCache()

    @property
    def where(self) -> Any:
        """The database as a message names it: its file, else its URL."""
        return self.path or self.url

    @cached_property
    def engine(self) -> sa.Engine:
        """SQLAlchemy's engine, made on first use: for every write, and for the reads of a
        store that is not a plain SQLite file."""
        if self.path is not None:
            engine = sa.create_engine(
                self.url, connect_args={"timeout": BUSY_TIMEOUT_SECONDS}, poolclass=sa.NullPool
            )
            _configure_sqlite(engine)
        else:
            engine = sa.create_engine(self.url, pool_pre_ping=True)
        cache.track_writes(engine)
        return engine

    def _reading_connection(self) -> sqlite3.Connection:
        """This thread's connection for reads, kept open: opening one per read cost more
        than the read, and closing the last connection to a WAL file checkpoints it (an
        fsync after every click). A forked process opens its own."""
        held = getattr(self._local, "reading", None)
        if held is not None and held[0] == os.getpid():
            return held[1]
        conn = sqlite3.connect(self._sqlite_file, timeout=BUSY_TIMEOUT_SECONDS,
                               isolation_level=None, check_same_thread=False)
        self._local.reading = (os.getpid(), conn)
        self._readers.append(conn)
        return conn

    def close(self) -> None:
        """Close the reading connections and the engine's connections, if made."""
        while self._readers:
            self._readers.pop().close()
        self._local = threading.local()
        engine = self.__dict__.pop("engine", None)
        if engine is not None:
            engine.dispose()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Group several writes (an import, the demo): all of them are stored, or none.

        Inside the block every store method of this thread works on the one transaction.
        """
        if getattr(self._local, "conn", None) is not None:
            yield
            return
        with self._write() as conn:
            self._local.conn = conn
            try:
                yield
            finally:
                self._local.conn = None

    @contextmanager
    def _write(self) -> Iterator[sa.Connection]:
        """A write transaction: all of it is stored, or — on any error — none of it.

        A refused reference (a foreign key) is the entry's fault and says so; any other
        database error says that the database failed.
        """
        active = getattr(self._local, "conn", None)
        if active is not None:
            yield active
            return
        try:
            with (
                self.engine.connect().execution_options(workbook_write=True) as conn,
                conn.begin(),
            ):
                conn.info["touched"], conn.info["rows"] = set(), {}
                yield conn
                written = cache.count_revisions(conn)
            self.cache.committed(written)
        except sa.exc.IntegrityError as exc:
            raise StoreError(t("store.integrity", reason=exc.orig)) from None
        except sa.exc.DBAPIError as exc:
            if is_locked(exc):
                raise
            raise failed(exc, self.where) from None

    @contextmanager
    def _read(self) -> Iterator[Reader]:
        """A read transaction, or the write transaction this thread is in."""
        active = getattr(self._local, "conn", None)
        if active is not None:
            yield _sqlalchemy_reader(active)
        elif self._sqlite_file is not None:
            conn = self._reading_connection()
            conn.execute("BEGIN")
            try:
                yield _sqlite_reader(conn)
            finally:
                conn.execute("COMMIT")
        else:
            with self.engine.connect() as conn, conn.begin():
                yield _sqlalchemy_reader(conn)


def is_locked(exc: Exception) -> bool:
    """SQLite's "database is locked" after the busy timeout: raised as it is (a test and
    the caller's retry depend on it), not dressed up as a failure."""
    return isinstance(exc, sqlite3.OperationalError | sa.exc.OperationalError) and (
        "locked" in str(exc)
    )
