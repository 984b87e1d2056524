"""Shared fixtures: every test gets its own data folder, a fixed "today" and Dutch texts."""

from __future__ import annotations

import os
import shutil
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
    yield data
    forget_open_stores()
    i18n.set_language(None)


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
