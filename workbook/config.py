"""Where the workbook keeps its data, which day it is, and which language it speaks.

Every value can be fixed through the environment so that runs are reproducible:
``WORKBOOK_DATA`` (folder of the store), ``WORKBOOK_TODAY`` (YYYY-MM-DD),
``WORKBOOK_LANG`` (nl or en), ``WORKBOOK_PLAN`` (name of the plan to work in),
``WORKBOOK_DB_URL`` (an SQLAlchemy URL, for a shared server database) and
``WORKBOOK_TEAMS`` (a folder of team files the facilitator's overview reads at start).

The notebooks come in editions: the Dutch source in ``notebooks/`` and, generated from it,
``notebooks/<lang>/`` for each other language (:mod:`workbook.editions`). Which edition a
kernel runs is read from the notebook it runs (:func:`running_edition`).
"""

from __future__ import annotations

import os
from datetime import date
from functools import cache
from pathlib import Path
from urllib.parse import parse_qs

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = PACKAGE_DIR.parent
DEFAULT_DATA_DIR = PROJECT_DIR / "data"
STORE_FILENAME = "werkboek.sqlite"
LANGUAGES = ("nl", "en")
DEFAULT_LANGUAGE = "nl"
NOTEBOOKS_DIR = PROJECT_DIR / "notebooks"
# The languages with an edition of their own, generated from the Dutch notebooks.
EDITIONS = tuple(lang for lang in LANGUAGES if lang != DEFAULT_LANGUAGE)


class ConfigError(ValueError):
    """A setting in the environment has a value the workbook cannot use."""


def data_dir() -> Path:
    """The folder that holds the user's store (``WORKBOOK_DATA`` or ``data/``)."""
    return Path(os.environ.get("WORKBOOK_DATA") or DEFAULT_DATA_DIR).expanduser()


def catalog_dir() -> Path:
    """The folder with the kick-off vocabularies (``WORKBOOK_CATALOG`` or ``data/catalog``)."""
    return Path(os.environ.get("WORKBOOK_CATALOG") or DEFAULT_DATA_DIR / "catalog").expanduser()


def demo_dir() -> Path:
    return DEFAULT_DATA_DIR / "voorbeeld"


def teams_dir() -> Path | None:
    """The folder of team files named by ``WORKBOOK_TEAMS`` (relative to the project), or None."""
    folder = (os.environ.get("WORKBOOK_TEAMS") or "").strip()
    if not folder:
        return None
    path = Path(folder).expanduser()
    return path if path.is_absolute() else PROJECT_DIR / path


def store_url() -> str:
    """SQLAlchemy URL of the store: ``WORKBOOK_DB_URL`` or the SQLite file in the data folder."""
    explicit = os.environ.get("WORKBOOK_DB_URL")
    if explicit:
        return explicit
    return f"sqlite:///{data_dir() / STORE_FILENAME}"


def today() -> date:
    """Today, or the day fixed by ``WORKBOOK_TODAY`` for reproducible runs."""
    fixed = os.environ.get("WORKBOOK_TODAY")
    if not fixed:
        return date.today()
    try:
        return date.fromisoformat(fixed.strip())
    except ValueError:
        raise ConfigError(
            f"WORKBOOK_TODAY={fixed!r}: expected a date as YYYY-MM-DD, e.g. 2026-03-15"
        ) from None


def env_language() -> str | None:
    """The language fixed by ``WORKBOOK_LANG``, or None when the environment leaves it open."""
    lang = (os.environ.get("WORKBOOK_LANG") or "").strip().lower()[:2]
    return lang if lang in LANGUAGES else None


def edition_dir(lang: str | None = None) -> Path:
    """The folder of the notebooks in ``lang``: ``notebooks/`` (Dutch) or ``notebooks/en``."""
    return NOTEBOOKS_DIR / lang if lang in EDITIONS else NOTEBOOKS_DIR


def edition_of(folder: Path | str) -> str | None:
    """The language of the edition in ``folder`` (``…/notebooks/en`` is English), or None for
    the Dutch source notebooks and any folder that holds no edition."""
    folder = Path(folder)
    if folder.name in EDITIONS and folder.parent.name == NOTEBOOKS_DIR.name:
        return folder.name
    return None


def running_edition() -> str | None:
    """The edition of the notebook this kernel runs, or None (Dutch source, app view, tests).

    JupyterLab names the notebook in ``JPY_SESSION_NAME``; every other runner (nbval,
    nbclient, Voilà's page per notebook) starts the kernel in the notebook's folder.
    """
    try:
        cwd = os.getcwd()
    except OSError:  # the folder was removed under the process
        cwd = ""
    return _edition(os.environ.get("JPY_SESSION_NAME", ""), cwd)


@cache
def _edition(session: str, cwd: str) -> str | None:
    if session.endswith(".ipynb"):
        named = edition_of(Path(session).parent)
        if named:
            return named
    return edition_of(cwd) if cwd else None


def requested_plan() -> str | None:
    """The plan asked for by ``WORKBOOK_PLAN`` or, in the app view, by ``?plan=`` in the URL.

    Voilà hands a page's query string to its kernel as ``QUERY_STRING``; that lets each
    team in the room open the workbook on its own plan.
    """
    query = parse_qs(os.environ.get("QUERY_STRING", ""))
    from_query = (query.get("plan") or [""])[0].strip()
    return from_query or (os.environ.get("WORKBOOK_PLAN") or "").strip() or None
