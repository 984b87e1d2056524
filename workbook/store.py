"""The shared planning store: one database that every notebook of a workbook reads and writes.

SQLite by default (a file in the data folder), any SQLAlchemy URL on request. Writes are
short transactions that take the write lock up front, with a generous busy timeout, so
two open notebooks never see "database is locked". Records arrive validated
(:mod:`workbook.model`); the store only keeps them and hands out pandas frames.

Reads are plain SQL that SQLite and PostgreSQL both understand. A SQLite file is read with
the standard library's ``sqlite3``, so a notebook that only shows what is stored never
imports SQLAlchemy (~0.2 s per kernel): it loads on the first write, and for other URLs.
"""

from __future__ import annotations

import contextlib
import importlib
import json
import os
import re
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from . import config, migrations, model
from .i18n import t
from .model import FIELDS

if TYPE_CHECKING:
    import sqlalchemy as sa

    from . import schema as s
    from .model import (
        Activity,
        AttentionCheck,
        Goal,
        Indicator,
        Measurement,
        Plan,
        Record,
        TargetGroupChoice,
    )
else:

    class _OnFirstUse:
        """A module imported when one of its names is first used."""

        def __init__(self, name: str) -> None:
            self._name = name

        def __getattr__(self, attribute: str) -> Any:
            return getattr(importlib.import_module(self._name, __package__), attribute)

    sa = _OnFirstUse("sqlalchemy")
    s = _OnFirstUse(".schema")

BUSY_TIMEOUT_SECONDS = 30
# sqlite:///relative/path or sqlite:////absolute/path: nothing for SQLAlchemy to decode
_PLAIN_SQLITE_URL = re.compile(r"sqlite(\+pysqlite)?:///(?P<database>[^?#%@]+)")
SQLITE_HEADER = b"SQLite format 3\x00"


class StoreError(RuntimeError):
    """The store cannot be opened or asked for something it does not hold; the text says why."""


def _now() -> datetime:
    return datetime.now().replace(microsecond=0)


def _plain_sqlite_file(url: str) -> Path | None:
    """The file of a SQLite URL without options or escapes: ``sqlite3`` opens it as is."""
    found = _PLAIN_SQLITE_URL.fullmatch(url)
    if found is None or found["database"] == ":memory:":
        return None
    return Path(found["database"])


def _sqlite_path(url: str) -> Path | None:
    plain = _plain_sqlite_file(url)
    if plain is not None:
        return plain
    parsed = sa.engine.make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database)


def _check_sqlite_file(path: Path) -> None:
    """Refuse a file that is not an SQLite database before SQLite gets a chance to touch it."""
    if path.exists() and path.stat().st_size > 0:
        with path.open("rb") as handle:
            if handle.read(16) != SQLITE_HEADER:
                raise StoreError(t("store.not_sqlite", path=path))


def _track_writes(engine: sa.Engine) -> None:
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


#: Tables whose cached frame is read again in part after this store's own writes.
_READ_IN_PART = {"activities", "measurements"}


def _configure_sqlite(engine: sa.Engine) -> None:
    @sa.event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        # Let SQLAlchemy's "begin" event below issue BEGIN, so writes can ask for IMMEDIATE.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_SECONDS * 1000}")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.close()

    @sa.event.listens_for(engine, "begin")
    def _on_begin(conn: sa.Connection) -> None:
        writing = conn.get_execution_options().get("workbook_write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if writing else "BEGIN")


_LIST_COLUMNS = ("target_groups", "methods", "channels")


class _Reader:
    """Plain SQL reads with ``:name`` parameters on one open connection. Values come as the
    database hands them out (SQLite: dates, times and JSON as text; see ``_day`` and co)."""

    def __init__(
        self,
        execute: Callable[[str, dict], tuple[list[str], list[tuple]]],
        has_table: Callable[[str], bool],
    ) -> None:
        self._execute = execute
        self.has_table = has_table

    def result(self, sql: str, **params: Any) -> tuple[list[str], list[tuple]]:
        """The column names and the rows."""
        return self._execute(sql, params)

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


def _sqlite_reader(conn: sqlite3.Connection) -> _Reader:
    def execute(sql: str, params: dict) -> tuple[list[str], list[tuple]]:
        cursor = conn.execute(sql, params)
        return [column[0] for column in cursor.description], cursor.fetchall()

    def has_table(name: str) -> bool:
        query = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?"
        return conn.execute(query, (name,)).fetchone() is not None

    return _Reader(execute, has_table)


def _sqlalchemy_reader(conn: sa.Connection) -> _Reader:
    def execute(sql: str, params: dict) -> tuple[list[str], list[tuple]]:
        result = conn.execute(sa.text(sql), params)
        return list(result.keys()), [tuple(row) for row in result]

    return _Reader(execute, lambda name: sa.inspect(conn).has_table(name))


def _in(name: str, values: list[Any]) -> tuple[str, dict[str, Any]]:
    """``name IN (:name0, :name1, …)`` and its parameters."""
    params = {f"{name}{n}": value for n, value in enumerate(values)}
    return f"{name} IN ({', '.join(':' + key for key in params)})", params


class Store:
    """One workbook's database. Open it with :func:`open_store` to share one per process."""

    def __init__(self, url: str | None = None):
        self.url = url or config.store_url()
        self.path = _sqlite_path(self.url)
        self._sqlite_file = _plain_sqlite_file(self.url)  # read with sqlite3
        self._local = threading.local()
        self._readers: list[sqlite3.Connection] = []
        self._frames: dict[tuple, tuple[tuple[int, ...], pd.DataFrame]] = {}
        self._own_writes: dict[str, tuple[int, set[int] | None]] = {}
        if self.path is not None:
            _check_sqlite_file(self.path)
            self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._prepare()
        except (sqlite3.DatabaseError, sa.exc.DatabaseError) as exc:
            self.close()
            if isinstance(exc, sqlite3.OperationalError | sa.exc.OperationalError) and (
                "locked" in str(exc)
            ):
                raise
            reason = getattr(exc, "orig", exc)
            raise StoreError(
                t("store.damaged", path=self.path or self.url, reason=reason)
            ) from None

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
            engine = sa.create_engine(self.url)
        _track_writes(engine)
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

    # ----- transactions -------------------------------------------------------------

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
        """A write transaction: all of it is stored, or — on any error — none of it."""
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
                touched = conn.info.pop("touched")
                self._count_revisions(conn, touched)
                written = self._written_rows(conn, touched, conn.info.pop("rows"))
            self._own_writes.update(written)  # committed
        except sa.exc.IntegrityError as exc:
            raise StoreError(t("store.integrity", reason=exc.orig)) from None

    @staticmethod
    def _count_revisions(conn: sa.Connection, tables: set[str]) -> None:
        table = s.revisions
        for name in sorted(tables):
            where = table.c.table_name == name
            bumped = conn.execute(
                sa.update(table).where(where).values(revision=table.c.revision + 1)
            )
            if not bumped.rowcount:
                conn.execute(sa.insert(table).values(table_name=name, revision=1))

    def _written_rows(self, conn: sa.Connection, touched: set[str],
                      rows: dict[str, set[int] | None]) -> dict[str, tuple[int, set | None]]:
        """For the tables read in part after this store's own writes: the revision this
        write made and the ids of the rows it wrote (None when it did not say)."""
        names = sorted(touched & _READ_IN_PART)
        if not names:
            return {}
        table = s.revisions
        made = dict(conn.execute(sa.select(table.c.table_name, table.c.revision)
                                 .where(table.c.table_name.in_(names))).all())
        return {name: (made[name], rows.get(name)) for name in names}

    def _own_change(self, table: str, stamp: tuple[int, ...], revision: int) -> set[int] | None:
        """The ids of ``table``'s rows that changed since a frame cached at ``stamp``, when
        the only change since is this store's own last write of at most 50 named rows
        (that write made ``revision``, the table's revision now); else None."""
        own = self._own_writes.get(table)
        if own is None or stamp != (revision - 1,):
            return None
        made, ids = own
        return set(ids) if made == revision and ids is not None and len(ids) <= 50 else None

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """Read the revisions once for a block of reads (a view refreshing several tables):
        every cached read inside sees the same state and opens no connection to ask again.
        Writes inside the block are not seen by reads inside it; call it around reads only.
        """
        if getattr(self._local, "revisions", None) is not None:
            yield
            return
        self._local.revisions = self.revisions()
        try:
            yield
        finally:
            self._local.revisions = None

    def revisions(self) -> dict[str, int]:
        """How often each table was written; a changed number means cached reads are stale."""
        pinned = getattr(self._local, "revisions", None)
        if pinned is not None:
            return pinned
        with self._read() as reader:
            return dict(reader.rows("SELECT table_name, revision FROM revisions"))

    def _cached(
        self,
        key: tuple,
        tables: tuple[str, ...],
        read: Callable[[], pd.DataFrame],
        revisions: dict[str, int] | None = None,
    ) -> pd.DataFrame:
        """``read()`` once per revision of ``tables``; later calls get a copy of that frame
        (pandas copies on write, so callers cannot change the cached one)."""
        revisions = self.revisions() if revisions is None else revisions
        stamp = tuple(revisions.get(name, 0) for name in tables)
        hit = self._frames.get(key)
        if hit is None or hit[0] != stamp:
            hit = (stamp, read())
            self._frames[key] = hit
        return hit[1].copy(deep=False)

    @contextmanager
    def _read(self) -> Iterator[_Reader]:
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

    # ----- schema -------------------------------------------------------------------

    def _prepare(self) -> None:
        if self.path is not None:
            with self._read() as reader:
                verdict = reader.scalar("PRAGMA quick_check")
            if verdict != "ok":
                raise sqlite3.DatabaseError(verdict)
        version = self.schema_version()
        if version is None:
            with self._write() as conn:
                s.metadata.create_all(conn)
                self._set_meta(conn, "schema_version", str(migrations.SCHEMA_VERSION))
        elif version > migrations.SCHEMA_VERSION:
            raise StoreError(
                t(
                    "store.too_new",
                    path=self.path or self.url,
                    found=version,
                    known=migrations.SCHEMA_VERSION,
                )
            )
        elif version < migrations.SCHEMA_VERSION:
            self.backup_path = self._backup(version)
            with self._write() as conn:
                migrations.upgrade(conn, version)
                self._set_meta(conn, "schema_version", str(migrations.SCHEMA_VERSION))

    def schema_version(self) -> int | None:
        """The layout version recorded in the store, or None for a new, empty database."""
        with self._read() as reader:
            if not reader.has_table("meta"):
                return None
            value = reader.scalar("SELECT value FROM meta WHERE key = 'schema_version'")
        return int(value) if value is not None else None

    def _backup(self, version: int) -> Path | None:
        """Copy an older store next to itself before migrating it (SQLite only)."""
        if self.path is None:
            return None
        target = self.path.with_name(f"{self.path.name}.v{version}.bak")
        counter = 1
        while target.exists():
            target = self.path.with_name(f"{self.path.name}.v{version}.{counter}.bak")
            counter += 1
        source = sqlite3.connect(self.path)
        try:
            with sqlite3.connect(target) as copy:
                source.backup(copy)
            copy.close()
        finally:
            source.close()
        return target

    def integrity(self) -> str:
        """SQLite's ``PRAGMA integrity_check`` verdict ("ok" when the file is sound)."""
        with self._read() as reader:
            return str(reader.scalar("PRAGMA integrity_check"))

    # ----- settings -----------------------------------------------------------------

    def _set_meta(self, conn: sa.Connection, key: str, value: str) -> None:
        conn.execute(sa.delete(s.meta).where(s.meta.c.key == key))
        conn.execute(sa.insert(s.meta).values(key=key, value=value))

    def setting(self, key: str, default: str | None = None) -> str | None:
        with self._read() as reader:
            value = reader.scalar("SELECT value FROM meta WHERE key = :key", key=f"setting.{key}")
        return default if value is None else value

    def set_setting(self, key: str, value: str) -> None:
        with self._write() as conn:
            self._set_meta(conn, f"setting.{key}", value)

    # ----- plans --------------------------------------------------------------------

    def plans(self) -> pd.DataFrame:
        with self._read() as reader:
            rows = [_plan_row(row) for row in reader.mappings(f"{_PLANS} ORDER BY id")]
        return _frame(rows, list(_PLAN_COLUMNS), dates=("start", "end"))

    def plan(self, plan_id: int) -> Plan:
        return model.Plan(**self.plan_fields(plan_id))

    def plan_fields(self, plan_id: int) -> dict[str, Any]:
        """The fields of :meth:`plan` as stored (name, project, organisation, start, end),
        without building the record: showing a plan's name or dates needs no pydantic."""
        with self._read() as reader:
            rows = reader.mappings(f"{_PLANS} WHERE id = :id", id=plan_id)
        if not rows:
            raise StoreError(t("store.not_found", what="plan", id=plan_id))
        row = _plan_row(rows[0])
        return {key: row[key] for key in FIELDS["Plan"]}

    def plan_id(self, name: str) -> int | None:
        with self._read() as reader:
            return reader.scalar("SELECT id FROM plans WHERE name = :name", name=name)

    def add_plan(self, plan: Plan) -> int:
        with self._write() as conn:
            exists = conn.execute(
                sa.select(s.plans.c.id).where(s.plans.c.name == plan.name)
            ).scalar()
            if exists is not None:
                raise StoreError(t("store.duplicate_plan", name=plan.name))
            return conn.execute(
                sa.insert(s.plans).values(**plan.model_dump(), created_at=_now())
            ).inserted_primary_key[0]

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

    def current_plan_id(self) -> int:
        """The plan this participant works in, created on first use when the store has none.

        ``?plan=`` in the app view or ``WORKBOOK_PLAN`` choose by name (a new name makes a
        new plan); otherwise the plan chosen in the welcome notebook, else the first one.
        """
        requested = config.requested_plan()
        if requested:
            found = self.plan_id(requested)
            return found if found is not None else self._create_plan_named(requested)
        chosen = self.setting("current_plan")
        with self._read() as reader:
            ids = reader.column("SELECT id FROM plans ORDER BY id")
        if chosen is not None and int(chosen) in ids:
            return int(chosen)
        if ids:
            return ids[0]
        return self._create_plan_named(t("store.default_plan_name"))

    def _create_plan_named(self, name: str) -> int:
        try:
            return self.add_plan(model.Plan(name=name))
        except StoreError:  # another process created it a moment ago
            found = self.plan_id(name)
            if found is None:
                raise
            return found

    def delete_empty_plan(self, plan_id: int) -> None:
        """Remove a plan that holds nothing (the default plan a fresh store starts with)."""
        with self._write() as conn:
            for table in (
                s.goals,
                s.indicators,
                s.activities,
                s.measurements,
                s.target_group_choices,
                s.attention_checks,
            ):
                count = conn.execute(
                    sa.select(sa.func.count()).select_from(table).where(table.c.plan_id == plan_id)
                ).scalar()
                if count:
                    return
            conn.execute(sa.delete(s.plans).where(s.plans.c.id == plan_id))

    def choose_plan(self, plan_id: int) -> None:
        with self._read() as reader:
            known = reader.scalar("SELECT id FROM plans WHERE id = :id", id=plan_id)
        if known is None:
            raise StoreError(t("store.not_found", what="plan", id=plan_id))
        self.set_setting("current_plan", str(plan_id))

    def is_empty(self) -> bool:
        """True when no plan holds any entry (an empty default plan counts as empty)."""
        with self._read() as reader:
            for table in (
                "goals",
                "indicators",
                "activities",
                "measurements",
                "target_group_choices",
            ):
                if reader.scalar(f"SELECT count(*) FROM {table}"):
                    return False
            named = reader.scalar(
                "SELECT count(*) FROM plans WHERE project != '' OR organisation != ''"
            )
        return not named

    # ----- generic helpers ----------------------------------------------------------

    def _require(
        self,
        conn: sa.Connection,
        table: sa.Table,
        row_id: int,
        what: str,
        plan_id: int | None = None,
    ) -> dict:
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
        self._update(table, row_id, {"deleted_at": _now()}, what)

    def _rows(self, table: str, plan_id: int, columns: list[str]) -> pd.DataFrame:
        """The plan's live rows of ``table`` by id: ``columns`` as the database stores them."""
        with self._read() as reader:
            rows = reader.rows(
                f"SELECT {', '.join(columns)} FROM {table} "
                "WHERE plan_id = :plan_id AND deleted_at IS NULL ORDER BY id",
                plan_id=plan_id,
            )
        return pd.DataFrame(rows, columns=columns)

    # ----- goals and indicators -----------------------------------------------------

    def add_goal(self, plan_id: int, goal: Goal) -> int:
        return self._insert(s.goals, plan_id, goal.model_dump())

    def update_goal(self, goal_id: int, goal: Goal) -> None:
        self._update(s.goals, goal_id, goal.model_dump(), "goal")

    def delete_goal(self, goal_id: int) -> None:
        self._soft_delete(s.goals, goal_id, "goal")

    def goals(self, plan_id: int, revisions: dict[str, int] | None = None) -> pd.DataFrame:
        return self._cached(("goals", plan_id), ("goals",), lambda: self._goals(plan_id), revisions)

    def _goals(self, plan_id: int) -> pd.DataFrame:
        return self._rows("goals", plan_id, ["id", "plan_id", *FIELDS["Goal"]])

    def add_indicator(self, plan_id: int, indicator: Indicator) -> int:
        return self._insert(s.indicators, plan_id, indicator.model_dump())

    def update_indicator(self, indicator_id: int, indicator: Indicator) -> None:
        self._update(s.indicators, indicator_id, indicator.model_dump(), "indicator")

    def delete_indicator(self, indicator_id: int) -> None:
        self._soft_delete(s.indicators, indicator_id, "indicator")

    def indicators(self, plan_id: int, revisions: dict[str, int] | None = None) -> pd.DataFrame:
        return self._cached(
            ("indicators", plan_id), ("indicators",), lambda: self._indicators(plan_id), revisions
        )

    def _indicators(self, plan_id: int) -> pd.DataFrame:
        frame = self._rows("indicators", plan_id, ["id", "plan_id", *FIELDS["Indicator"]])
        frame["deadline"] = pd.to_datetime(frame["deadline"].map(_day))
        frame["goal_id"] = frame["goal_id"].astype("Int64")
        return frame

    def ids(self, plan_id: int) -> dict[str, set[int]]:
        """Ids that records of this plan may refer to; pass as validation context."""
        with self._read() as reader:

            def live(table: str) -> set[int]:
                return set(reader.column(
                    f"SELECT id FROM {table} WHERE plan_id = :plan_id AND deleted_at IS NULL",
                    plan_id=plan_id,
                ))

            return {"goal_ids": live("goals"), "indicator_ids": live("indicators")}

    # ----- planning activities (with history) ---------------------------------------

    @staticmethod
    def _activity_values(activity: Activity) -> dict:
        values = activity.model_dump()
        values["planned_on"] = values.pop("when")
        for column in _LIST_COLUMNS:
            values[column] = list(values[column])
        return values

    def _log(
        self, conn: sa.Connection, activity_id: int, version: int, action: str, snapshot: dict
    ) -> None:
        conn.execute(
            sa.insert(s.activity_history).values(
                activity_id=activity_id,
                version=version,
                action=action,
                snapshot=snapshot,
                recorded_at=_now(),
            )
        )

    def add_activity(self, plan_id: int, activity: Activity) -> int:
        snapshot = activity.model_dump(mode="json")
        with self._write() as conn:
            self._require(conn, s.plans, plan_id, "plan")
            activity_id = conn.execute(
                sa.insert(s.activities).values(
                    plan_id=plan_id, version=1, updated_at=_now(), **self._activity_values(activity)
                )
            ).inserted_primary_key[0]
            self._log(conn, activity_id, 1, "create", snapshot)
        return activity_id

    def add_activities(self, plan_id: int, activities: list[Activity]) -> list[int]:
        """Add many rows in one transaction: all of them or, on any failure, none.

        One INSERT … RETURNING for all rows and one for their history: a statement per
        row cost ~1 ms of SQLAlchemy compilation each (9 s for 30 files of 300 rows).
        """
        if not activities:
            with self._write() as conn:
                self._require(conn, s.plans, plan_id, "plan")
            return []
        now = _now()
        with self._write() as conn:
            self._require(conn, s.plans, plan_id, "plan")
            result = conn.execute(
                sa.insert(s.activities).returning(s.activities.c.id, sort_by_parameter_order=True),
                [
                    {"plan_id": plan_id, "version": 1, "updated_at": now,
                     **self._activity_values(activity)}
                    for activity in activities
                ],
            )
            ids = [row[0] for row in result]
            conn.execute(
                sa.insert(s.activity_history),
                [
                    {"activity_id": activity_id, "version": 1, "action": "create",
                     "snapshot": activity.model_dump(mode="json"), "recorded_at": now}
                    for activity_id, activity in zip(ids, activities, strict=True)
                ],
            )
        return ids

    def _change_activity(
        self, activity_id: int, action: str, values: dict, snapshot: dict | None = None
    ) -> None:
        with self._write() as conn:
            row = self._require(conn, s.activities, activity_id, "activity")
            if action == "update" and row["deleted_at"] is not None:
                raise StoreError(t("store.not_found", what="activity", id=activity_id))
            version = row["version"] + 1
            conn.execute(
                sa.update(s.activities)
                .where(s.activities.c.id == activity_id)
                .values(version=version, updated_at=_now(), **values),
                execution_options={"workbook_rows": (activity_id,)},
            )
            if snapshot is None:
                snapshot = _activity_snapshot(row)
            self._log(conn, activity_id, version, action, snapshot)

    def update_activity(self, activity_id: int, activity: Activity) -> None:
        self._change_activity(
            activity_id, "update", self._activity_values(activity), activity.model_dump(mode="json")
        )

    def delete_activity(self, activity_id: int) -> None:
        """Hide a planning row; it stays stored and :meth:`restore_activity` brings it back."""
        self._change_activity(activity_id, "delete", {"deleted_at": _now()})

    def restore_activity(self, activity_id: int) -> None:
        self._change_activity(activity_id, "restore", {"deleted_at": None})

    def activities(
        self, plan_id: int, include_deleted: bool = False, revisions: dict[str, int] | None = None
    ) -> pd.DataFrame:
        # One read serves both views: the live rows are filtered from every row of the
        # same revision instead of a second query decoding the same JSON columns.
        revisions = self.revisions() if revisions is None else revisions
        previous = self._frames.get(("activities", plan_id, True))
        every = self._cached(
            ("activities", plan_id, True),
            ("activities",),
            lambda: self._activities(plan_id, previous, revisions.get("activities", 0)),
            revisions,
        )
        if include_deleted:
            return every
        return self._cached(
            ("activities", plan_id, False),
            ("activities",),
            lambda: every[~every["deleted"]].reset_index(drop=True),
            revisions,
        )

    def _activities(self, plan_id: int, cached: tuple | None = None,
                    revision: int = 0) -> pd.DataFrame:
        """Every row of the plan, deleted ones too, ordered by date and id.

        With the ``cached`` frame of an earlier revision, only rows that this store's own
        last write named, or else whose ``version`` changed (every write of a row counts it
        up) or that are new, are read and decoded again: a click in a plan of 1,000 rows
        reads one row instead of all of them.
        """
        previous = cached[1] if cached is not None else None
        if previous is not None and len(previous):
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
                changed = [row for row, version in stored.items() if known.get(row) != version]
                gone = known.keys() - stored.keys()
            keep = previous[~previous["id"].isin([*changed, *gone])]
            if len(changed) <= 50 and len(keep):
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
        return self._activity_rows(plan_id)

    def _activity_rows(self, plan_id: int, ids: list[int] | None = None) -> pd.DataFrame:
        # The JSON lists and dates come as the database stores them and are decoded here
        # in one pass per column.
        names = ["id", "plan_id", *FIELDS["Activity"], "version", "deleted_at"]
        names[names.index("when")] = "planned_on"
        where, params = "plan_id = :plan_id", {"plan_id": plan_id}
        if ids is not None:
            among, params = _in("id", ids)
            where, params = f"{where} AND {among}", {**params, "plan_id": plan_id}
        with self._read() as reader:
            rows = reader.rows(
                f"SELECT {', '.join(names)} FROM activities WHERE {where} "
                "ORDER BY planned_on, id",
                **params,
            )
        frame = pd.DataFrame(rows, columns=names).rename(columns={"planned_on": "when"})
        frame["when"] = pd.to_datetime([_day(value) for value in frame["when"]])
        for column in _LIST_COLUMNS:
            values = frame[column].tolist()
            if all(isinstance(value, str) for value in values):
                # Rows repeat the same few lists: decode each distinct text once.
                decoded = {text: _json_tuple(text) for text in set(values)}
                frame[column] = [decoded[text] for text in values]
            else:
                frame[column] = [_json_tuple(value) for value in values]
        frame["indicator_id"] = frame["indicator_id"].astype("Int64")
        frame["deleted"] = frame.pop("deleted_at").notna()
        return frame

    def activity_history(self, activity_id: int) -> pd.DataFrame:
        with self._read() as reader:
            rows = reader.mappings(
                "SELECT version, action, snapshot, recorded_at FROM activity_history "
                "WHERE activity_id = :activity_id ORDER BY version",
                activity_id=activity_id,
            )
        for row in rows:
            row["snapshot"] = _json(row["snapshot"])
            row["recorded_at"] = _moment(row["recorded_at"])
        return _frame(rows, ["version", "action", "snapshot", "recorded_at"])

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

    def target_groups(self, plan_id: int, revisions: dict[str, int] | None = None) -> pd.DataFrame:
        return self._cached(
            ("target_groups", plan_id),
            ("target_group_choices",),
            lambda: self._target_groups(plan_id),
            revisions,
        )

    def _target_groups(self, plan_id: int) -> pd.DataFrame:
        with self._read() as reader:
            rows = reader.mappings(
                "SELECT target_group AS \"group\", scope, level, methods, channels "
                "FROM target_group_choices WHERE plan_id = :plan_id ORDER BY position",
                plan_id=plan_id,
            )
        frame = _frame(rows, ["group", "scope", "level", "methods", "channels"])
        for column in ("methods", "channels"):
            frame[column] = frame[column].map(_json_tuple)
        return frame

    def set_attention(self, plan_id: int, check: AttentionCheck) -> None:
        table = s.attention_checks
        where = (table.c.plan_id == plan_id) & (table.c.point == check.point)
        with self._write() as conn:
            self._require(conn, s.plans, plan_id, "plan")
            conn.execute(sa.delete(table).where(where))
            conn.execute(sa.insert(table).values(plan_id=plan_id, **check.model_dump()))

    def attention(self, plan_id: int, revisions: dict[str, int] | None = None) -> pd.DataFrame:
        return self._cached(
            ("attention", plan_id),
            ("attention_checks",),
            lambda: self._attention(plan_id),
            revisions,
        )

    def _attention(self, plan_id: int) -> pd.DataFrame:
        columns = list(FIELDS["AttentionCheck"])
        with self._read() as reader:
            rows = reader.mappings(
                f"SELECT {', '.join(columns)} FROM attention_checks "
                "WHERE plan_id = :plan_id ORDER BY point",
                plan_id=plan_id,
            )
        for row in rows:
            row["done"] = bool(row["done"])
        return _frame(rows, columns)

    # ----- measurements -------------------------------------------------------------

    @staticmethod
    def _measurement_values(measurement: Measurement) -> dict:
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

    def measurements(self, plan_id: int, revisions: dict[str, int] | None = None) -> pd.DataFrame:
        revisions = self.revisions() if revisions is None else revisions
        previous = self._frames.get(("measurements", plan_id))
        return self._cached(
            ("measurements", plan_id),
            ("measurements",),
            lambda: self._measurements(plan_id, previous, revisions.get("measurements", 0)),
            revisions,
        )

    def _measurements(self, plan_id: int, previous: tuple | None = None,
                      revision: int = 0) -> pd.DataFrame:
        """The plan's live measurements by date and id.

        When the only change since the ``previous`` cached frame is this store's own last
        write of a few measurements, only those rows are read again: recording one
        measurement among 10,000 reads one row instead of all of them.
        """
        if previous is not None:
            stamp, frame = previous
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
        where, params = "plan_id = :plan_id AND deleted_at IS NULL", {"plan_id": plan_id}
        if ids is not None:
            among, params = _in("id", ids)
            where, params = f"{where} AND {among}", {**params, "plan_id": plan_id}
        with self._read() as reader:
            rows = reader.rows(
                "SELECT id, plan_id, indicator_id, measured_on, value, note FROM measurements "
                f"WHERE {where} ORDER BY measured_on, id",
                **params,
            )
        frame = pd.DataFrame(rows, columns=["id", "plan_id", *FIELDS["Measurement"]])
        frame["date"] = pd.to_datetime(frame["date"].map(_day))
        return frame

    # ----- whole plan ---------------------------------------------------------------

    def plan_tables(self, plan_id: int) -> dict[str, pd.DataFrame]:
        """Every table of one plan, the input of :mod:`workbook.analysis`."""
        revisions = self.revisions()
        return {
            "goals": self.goals(plan_id, revisions),
            "indicators": self.indicators(plan_id, revisions),
            "activities": self.activities(plan_id, revisions=revisions),
            "target_groups": self.target_groups(plan_id, revisions),
            "attention": self.attention(plan_id, revisions),
            "measurements": self.measurements(plan_id, revisions),
        }


def _day(value: Any) -> date:
    """A date column as a date (SQLite hands out 'YYYY-MM-DD', PostgreSQL a date)."""
    return date.fromisoformat(value) if isinstance(value, str) else value


def _moment(value: Any) -> datetime:
    """A date-and-time column as a datetime (SQLite hands out the text)."""
    return datetime.fromisoformat(value) if isinstance(value, str) else value


def _json(value: Any) -> Any:
    """A JSON column's value (SQLite hands out the text, PostgreSQL the value)."""
    return json.loads(value) if isinstance(value, str) else value


def _json_tuple(value: Any) -> tuple:
    """A JSON list column as a tuple."""
    return tuple(_json(value))


_PLAN_COLUMNS = ("id", "name", "project", "organisation", "start", "end", "created_at")
_PLANS = 'SELECT id, name, project, organisation, start, "end", created_at FROM plans'


def _plan_row(row: dict[str, Any]) -> dict[str, Any]:
    return {**row, "start": _day(row["start"]), "end": _day(row["end"]),
            "created_at": _moment(row["created_at"])}


def _activity_snapshot(row: dict) -> dict:
    snapshot = {key: row[key] for key in FIELDS["Activity"] if key != "when"}
    snapshot["when"] = row["planned_on"].isoformat()
    return snapshot


def _frame(rows: list, columns: list[str], dates: tuple[str, ...] = ()) -> pd.DataFrame:
    frame = pd.DataFrame([{c: row[c] for c in columns} for row in rows], columns=columns)
    for column in dates:
        frame[column] = pd.to_datetime(frame[column])
    return frame


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


def record_values(record: Record) -> dict:
    """A record as plain JSON values (for snapshots, exports and tests)."""
    return record.model_dump(mode="json")
