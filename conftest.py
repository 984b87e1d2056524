"""Notebook runs under nbval: each notebook gets a fresh copy of the demo plan and a fixed date,
so the outputs stored in the notebooks are exactly what a re-run produces."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

NOTEBOOK_TODAY = "2026-03-15"
_state: dict = {"notebook": None, "template": None, "root": None}


def notebook_environment(folder: Path, edition: str | None = None) -> dict[str, str]:
    """The environment a notebook kernel runs in: its own store folder, fixed date, and the
    sample team files for the facilitator's overview. The Dutch notebooks run in Dutch; an
    edition (notebooks/en) gets no WORKBOOK_LANG, so its language comes from the edition
    itself, as in JupyterLab (workbook.i18n)."""
    return {"WORKBOOK_DATA": str(folder), "WORKBOOK_TODAY": NOTEBOOK_TODAY,
            "WORKBOOK_LANG": "" if edition else "nl", "WORKBOOK_TEAMS": "data/teams"}


def _template() -> Path:
    from workbook.demo import make_demo_folder

    if _state["template"] is None:
        _state["root"] = Path(tempfile.mkdtemp(prefix="werkboek-nbval-"))
        _state["template"] = make_demo_folder(_state["root"] / "template")
    return _state["template"]


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    notebook = item.parent
    if not str(getattr(notebook, "path", "")).endswith(".ipynb") or notebook is _state["notebook"]:
        return
    _state["notebook"] = notebook
    from workbook.config import edition_of

    template = _template()
    edition = edition_of(notebook.path.parent)
    folder = _state["root"] / f"{edition or 'nl'}-{notebook.path.stem}"
    folder.mkdir(exist_ok=True)
    shutil.copy(template, folder / template.name)
    os.environ.update(notebook_environment(folder, edition))


def pytest_sessionfinish(session: pytest.Session) -> None:
    if _state["root"] is not None:
        shutil.rmtree(_state["root"], ignore_errors=True)
