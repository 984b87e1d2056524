"""Shared fixtures: every test gets its own data folder, a fixed "today" and Dutch texts."""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from workbook import i18n
from workbook.catalog import Catalog, load_catalog
from workbook.demo import load_demo
from workbook.store import Store, forget_open_stores, open_store

TODAY = "2026-03-15"


@pytest.fixture(autouse=True)
def isolated_workbook(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the workbook at a fresh data folder and fix the date and language."""
    data = tmp_path / "data"
    data.mkdir()
    monkeypatch.setenv("WORKBOOK_DATA", str(data))
    monkeypatch.setenv("WORKBOOK_TODAY", TODAY)
    for name in (
        "WORKBOOK_LANG",
        "WORKBOOK_PLAN",
        "QUERY_STRING",
        "WORKBOOK_DB_URL",
        "WORKBOOK_CATALOG",
        "WORKBOOK_TEAMS",
    ):
        monkeypatch.delenv(name, raising=False)
    forget_open_stores()
    i18n.set_language(None)
    i18n.set_saved_language(None)
    yield data
    forget_open_stores()
    i18n.set_language(None)
    i18n.set_saved_language(None)


@pytest.fixture
def store() -> Store:
    """An empty store in the test's data folder (the one ``workbook.store()`` opens too)."""
    return open_store()


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store file with the demo plan, built once per run and copied for each test."""
    folder = tmp_path_factory.mktemp("demo-template")
    template = Store(f"sqlite:///{folder / 'werkboek.sqlite'}")
    load_demo(template)
    template.close()  # the last connection closed: every write is in the file itself
    return folder / "werkboek.sqlite"


@pytest.fixture
def demo_store(demo_template: Path, isolated_workbook: Path) -> Store:
    """A store holding the demo plan (as current plan), private to the test."""
    shutil.copy(demo_template, isolated_workbook / "werkboek.sqlite")
    return open_store()


@pytest.fixture
def catalog() -> Catalog:
    return load_catalog()


_FIGURES: list[tuple[str, str]] = []


@pytest.fixture(scope="session")
def figures():
    """Record a measured figure (``figures("rows lost", 0)``); all are printed after the run."""

    def record(name: str, value: object) -> None:
        _FIGURES.append((name, str(value)))

    return record


def pytest_terminal_summary(terminalreporter) -> None:
    if _FIGURES:
        terminalreporter.section("reliability figures")
        for name, value in _FIGURES:
            terminalreporter.write_line(f"{name}: {value}")


def pytest_collection_modifyitems(config, items) -> None:
    """Browser tests need Debian's Chromium: in CI its absence is a failure, elsewhere a skip
    with a one-line reason."""
    from servers import chromium_available

    if chromium_available() or os.environ.get("CI"):
        return
    reason = "Debian's chromium is not installed (apt-get install chromium); browser test skipped"
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(pytest.mark.skip(reason=reason))


@pytest.fixture(scope="session")
def browser():
    from servers import chromium

    with chromium() as launched:
        yield launched


@pytest.fixture
def app_environment(demo_template: Path, tmp_path: Path) -> dict[str, str]:
    """Environment for a server: its own data folder holding the demo plan, a fixed date."""
    folder = tmp_path / "app-data"
    folder.mkdir()
    shutil.copy(demo_template, folder / "werkboek.sqlite")
    return {"WORKBOOK_DATA": str(folder), "WORKBOOK_TODAY": TODAY, "WORKBOOK_LANG": "nl"}


# ----- the store on both databases -------------------------------------------------------

POSTGRES_ADMIN_URL = os.environ.get("WORKBOOK_TEST_POSTGRES",
                                    "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")


def _postgres_problem() -> str | None:
    """Why the PostgreSQL tests cannot run here (None: a server answers)."""
    try:
        import sqlalchemy as sa
    except ImportError:  # pragma: no cover - a dependency of the package
        return "SQLAlchemy is missing"
    try:
        engine = sa.create_engine(POSTGRES_ADMIN_URL, isolation_level="AUTOCOMMIT",
                                  connect_args={"connect_timeout": 3})
        with engine.connect() as conn:
            conn.exec_driver_sql("SELECT 1")
        engine.dispose()
    except Exception as exc:  # no driver, no server, no access: all mean "cannot test"
        return f"no PostgreSQL server answers at {POSTGRES_ADMIN_URL} ({type(exc).__name__})"
    return None


@pytest.fixture(scope="session")
def postgres_admin() -> Iterator[Callable[[], str]]:
    """Makes fresh PostgreSQL databases for this test run (``make()`` returns a URL) and
    drops every one of them at the end. A missing server skips the test with a one-line
    reason, except under CI=true, where it fails."""
    problem = _postgres_problem()
    if problem is not None:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"CI needs PostgreSQL: {problem}")
        pytest.skip(problem)
    import sqlalchemy as sa

    engine = sa.create_engine(POSTGRES_ADMIN_URL, isolation_level="AUTOCOMMIT")
    run = f"werkboek_test_{os.getpid()}_{uuid.uuid4().hex[:6]}"
    made: list[str] = []

    def make() -> str:
        name = f"{run}_{len(made)}"
        with engine.connect() as conn:
            conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
        made.append(name)
        return str(sa.engine.make_url(POSTGRES_ADMIN_URL).set(database=name)
                   .render_as_string(hide_password=False))

    yield make
    forget_open_stores()
    with engine.connect() as conn:
        for name in made:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    engine.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, isolated_workbook: Path,
                 monkeypatch: pytest.MonkeyPatch) -> str:
    """The URL of a fresh, empty store: a SQLite file in the test's data folder, or a new
    PostgreSQL database of this test run; ``WORKBOOK_DB_URL`` names it, so the
    workbook's own ``open_store()`` opens it too."""
    if request.param == "sqlite":
        url = f"sqlite:///{isolated_workbook / 'werkboek.sqlite'}"
    else:
        url = request.getfixturevalue("postgres_admin")()
    monkeypatch.setenv("WORKBOOK_DB_URL", url)
    return url


@pytest.fixture
def any_store(database_url: str) -> Store:
    """An empty store on SQLite, and again on PostgreSQL."""
    return open_store(database_url)


@pytest.fixture
def any_demo_store(database_url: str, demo_template: Path, isolated_workbook: Path) -> Store:
    """The demo plan (as current plan) in a store private to the test: a copy of the
    template on SQLite, and again loaded into a fresh PostgreSQL database."""
    if database_url.startswith("sqlite"):
        shutil.copy(demo_template, isolated_workbook / "werkboek.sqlite")
        return open_store(database_url)
    store = open_store(database_url)
    load_demo(store)
    return store
