"""The machine's PostgreSQL server for the hub tests: a fresh database (and role prefix) per
test, dropped afterwards; skipped with a one-line reason when no server answers, except under
CI=true where a missing server is a failure.

(The store's own PostgreSQL fixture lives with the store tests; this one also cleans up the
roles that row-level security makes, which are shared by every database of the server.)
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

SERVER = os.environ.get("WORKBOOK_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432")


def _maintenance() -> str:
    return SERVER.replace("postgresql+psycopg://", "postgresql://") + "/postgres"


def unavailable() -> str | None:
    """Why the tests cannot reach PostgreSQL, or None when they can."""
    try:
        import psycopg
    except ImportError:
        return "psycopg is not installed (make setup installs the hub extra)"
    try:
        with psycopg.connect(_maintenance(), connect_timeout=3):
            return None
    except psycopg.OperationalError as error:
        return f"no PostgreSQL server at {SERVER} ({str(error).strip().splitlines()[0]})"


def require_postgres() -> None:
    reason = unavailable()
    if reason is None:
        return
    if os.environ.get("CI"):
        pytest.fail(f"CI needs PostgreSQL: {reason}")
    pytest.skip(f"{reason}; PostgreSQL test skipped")


@contextmanager
def fresh_database(monkeypatch: pytest.MonkeyPatch | None = None) -> Iterator[tuple[str, str]]:
    """A new database and a role prefix of its own; yields (admin URL, prefix)."""
    import psycopg

    require_postgres()
    tag = secrets.token_hex(4)
    name, prefix = f"werkboek_test_{tag}", f"wbt{tag}_"
    if monkeypatch is not None:
        monkeypatch.setenv("WORKBOOK_HUB_ROLE_PREFIX", prefix)
    with psycopg.connect(_maintenance(), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"{SERVER}/{name}", prefix
    finally:
        drop(name, prefix)


def drop(name: str, prefix: str | None = None) -> None:
    """Drop the database (ending its sessions) and every role whose name starts with prefix."""
    import psycopg

    with psycopg.connect(_maintenance(), autocommit=True) as conn:
        conn.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s",
                     (name,))
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        if prefix is None:
            return
        roles = [row[0] for row in conn.execute(
            "SELECT rolname FROM pg_roles WHERE starts_with(rolname, %s) "
            "ORDER BY rolname LIKE '%%member' ", (prefix,))]
        for role in roles:
            conn.execute(f'DROP ROLE IF EXISTS "{role}"')


#: In a test file whose ``store``/``demo_store`` run on SQLite and again on PostgreSQL
#: (``any_store``/``any_demo_store`` of tests/conftest.py), a test about SQLite itself (its
#: file, its backup copy, sqlite3 reading it) keeps to the SQLite run with ``@sqlite_only``.
sqlite_only = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)


def dump_rows(store) -> str:
    """Every row of every table of ``store``, in a stable order, on either database (to show
    that a refusal changed nothing)."""
    import sqlalchemy as sa

    from workbook.store import schema

    lines = []
    with store.engine.connect() as conn:
        for table in schema.metadata.sorted_tables:
            order = list(table.primary_key.columns) or list(table.c)
            lines += [f"{table.name}: {tuple(row)}"
                      for row in conn.execute(sa.select(table).order_by(*order))]
    return "\n".join(lines)


# A test module that imports these two runs every test using a store on SQLite and again on
# PostgreSQL (``any_store``, ``any_demo_store`` in tests/conftest.py).
@pytest.fixture(name="store")
def store_on_both_databases(any_store):
    return any_store


@pytest.fixture(name="demo_store")
def demo_store_on_both_databases(any_demo_store):
    return any_demo_store
