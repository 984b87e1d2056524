"""Gathering the teams' plans: from a store, from files, or files into a store."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from .. import analysis, config
from ..catalog import Catalog, load_catalog
from ..export.data import PlanData
from ..i18n import t
from ..importer import (
    TABLE_IDS,
    ImportProblem,
    ImportRefused,
    ImportResult,
    ParsedPlan,
    new_plan,
    parse_plan,
    plan_tables,
    write_plan,
)
from ..model import InvalidRecord, Plan, validate
from ..store import Store
from ..tablefile import CSV_SUFFIXES, XLSX_SUFFIXES
from .texts import TEXTS as TEXTS

TEAM_FILE_SUFFIXES = XLSX_SUFFIXES + CSV_SUFFIXES


@dataclass(frozen=True)
class TeamPlan:
    """One team's plan: its name, where it came from, the plan record and its frames."""

    team: str
    source: str
    plan: Plan
    tables: dict[str, pd.DataFrame]
    _live: dict[str, Any] = field(default_factory=dict, init=False, repr=False, compare=False)

    def data(self, catalog: Catalog | None = None) -> PlanData:
        """The plan as :mod:`workbook.export` takes it (for a team's own export)."""
        return PlanData(self.plan, self.tables, catalog or load_catalog())

    def live_activities(self) -> pd.DataFrame:
        """The activities that count: not deleted, not cancelled."""
        return self._live_frame().copy(deep=False)

    def _live_frame(self) -> pd.DataFrame:
        """:meth:`live_activities` worked out once per activities frame (every frame of the
        overview reads them); the overview's own functions only read it."""
        activities = self.tables["activities"]
        if self._live.get("of") is not activities:
            self._live.update(of=activities, live=analysis.live_activities(activities))
        return self._live["live"]


# ----- gathering ----------------------------------------------------------------------


def teams_from_store(store: Store, source: str | None = None) -> list[TeamPlan]:
    """Every plan of ``store``, in the order they were made."""
    teams = []
    for plan_id in store.plans()["id"]:
        plan = store.plan(int(plan_id))
        teams.append(TeamPlan(plan.name, source or t("facilitator.source_store"), plan,
                              store.plan_tables(int(plan_id))))
    return teams


def room_teams(store: Store, source: str | None = None) -> list[TeamPlan]:
    """The store's plans as the room's facilitator looks for them: by name (Team 2 before
    Team 10), without the plan that opening the workbook without a team makes (*Mijn
    plan*) while nothing is in it, which in a room is the facilitator's own visit."""
    unnamed = {t("store.default_plan_name", lang) for lang in config.LANGUAGES}
    teams = [team for team in teams_from_store(store, source)
             if team.team not in unnamed or not all(f.empty for f in team.tables.values())]
    return sorted(teams, key=lambda team: _name_order(team.team))


def _name_order(name: str) -> list:
    return [int(part) if part.isdigit() else part.casefold()
            for part in re.split(r"(\d+)", name)]


def team_files(folder: Path | str) -> list[Path]:
    """The xlsx and csv files in ``folder`` (not hidden ones, not Excel's ~$ lock files)."""
    return sorted(
        path for path in Path(folder).iterdir()
        if path.is_file() and path.suffix.lower() in TEAM_FILE_SUFFIXES
        and not path.name.startswith((".", "~$"))
    )


def _sources(sources: Path | str | Iterable[Any]) -> list[tuple[str, Path | bytes]]:
    """(file name, path or bytes) for a folder, paths, or (name, bytes) pairs."""
    if isinstance(sources, (str, Path)) and Path(sources).is_dir():
        return [(path.name, path) for path in team_files(sources)]
    if isinstance(sources, (str, Path)):
        return [(Path(sources).name, Path(sources))]
    found = []
    for item in sources:
        if isinstance(item, tuple):
            name, content = item
            found.append((str(name), bytes(content)))
        else:
            found.append((Path(item).name, Path(item)))
    return found


def team_name(plan_info: dict[str, Any], filename: str) -> str:
    """A team's name: the file's Plan sheet name, else the file name without extension."""
    name = str(plan_info.get("name") or "").strip()
    if not name:
        name = re.sub(r"\s+", " ", Path(filename).stem.replace("_", " ")).strip()
    return name[:120] or "team"


def _checked_team_name(parsed: ParsedPlan, filename: str) -> str:
    """:func:`team_name` of a parsed file, refused (:class:`ImportRefused`, placed at the
    file name) when it is no valid plan name. A name from the Plan sheet has passed
    :func:`importer.parse_plan`, which refuses it at its row."""
    name = team_name(parsed.plan, filename)
    try:
        validate(Plan, {"name": name})
    except InvalidRecord as exc:
        raise ImportRefused([ImportProblem("facilitator.file_name", problem=p)
                             for p in exc.problems], filename) from None
    return name


def _unique(name: str, taken: Callable[[str], bool]) -> str:
    candidate, counter = name, 2
    while taken(candidate):
        suffix = f" ({counter})"
        candidate = f"{name[:120 - len(suffix)]}{suffix}"
        counter += 1
    return candidate


def _parsed_files(
    sources: Path | str | Iterable[Any],
    catalog: Catalog | None,
    lang: str | None,
    refused: dict[str, ImportRefused],
) -> Iterator[tuple[str, ParsedPlan, str]]:
    """Each readable planning file: its name, its contents and its team's name; a file
    that is refused goes into ``refused`` under its name instead."""
    catalog = catalog or load_catalog()
    for filename, content in _sources(sources):
        try:
            parsed = parse_plan(content, filename=filename, catalog=catalog, lang=lang)
            name = _checked_team_name(parsed, filename)
        except ImportRefused as exc:
            refused[filename] = exc
            continue
        yield filename, parsed, name


def import_team_files(
    store: Store,
    sources: Path | str | Iterable[Any],
    *,
    catalog: Catalog | None = None,
    lang: str | None = None,
) -> tuple[list[ImportResult], dict[str, ImportRefused]]:
    """Add each file as a plan of its own to ``store``, named after its team.

    Returns the imports that succeeded and, per file name, the refusals (their
    ``report(lang)`` says what to fix); a refused file leaves the store untouched.
    """
    results: list[ImportResult] = []
    refused: dict[str, ImportRefused] = {}
    for _filename, parsed, name in _parsed_files(sources, catalog, lang, refused):
        name = _unique(name, lambda n: store.plan_id(n) is not None)
        results.append(write_plan(store, parsed, plan_name=name, plan_details=parsed.plan,
                                  lang=lang))
    return results, refused


def teams_from_files(
    sources: Path | str | Iterable[Any],
    *,
    catalog: Catalog | None = None,
    lang: str | None = None,
) -> tuple[list[TeamPlan], dict[str, ImportRefused]]:
    """Read planning files (a folder, paths or ``(name, bytes)`` pairs) as team plans.

    Each team's frames are built from its validated records (:func:`importer.plan_tables`),
    numbered as :func:`import_team_files` into an empty store would number them; no store
    is written, the workbook's own least of all.
    """
    teams: list[TeamPlan] = []
    refused: dict[str, ImportRefused] = {}
    names: set[str] = set()
    next_ids = dict.fromkeys(TABLE_IDS, 1)
    for filename, parsed, name in _parsed_files(sources, catalog, lang, refused):
        plan = new_plan(_unique(name, names.__contains__), parsed.plan)
        names.add(plan.name)
        tables = plan_tables(parsed, plan_id=len(teams) + 1, first_ids=next_ids)
        for key in TABLE_IDS:
            next_ids[key] += len(tables[key])
        teams.append(TeamPlan(plan.name, filename, plan, tables))
    return teams, refused
