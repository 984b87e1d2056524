"""The facilitator's overview: many teams' plans side by side and combined. Pure functions.

Plans come from two places, and both give a list of :class:`TeamPlan`:

- :func:`teams_from_store` — every plan of a store (live, when the teams in the room share
  one store);
- :func:`teams_from_files` — exported or hand-made planning files (a folder, paths, or
  ``(filename, bytes)`` pairs from an upload widget). Each file becomes a plan of its own,
  named after its team: the *Plan* sheet's name when the file has one (an xlsx export
  does), else the file name without extension ("_" read as a space). The frames are
  built from the validated records, the same frames a store would give; no store is
  written, the facilitator's own least of all. A refused file does not stop the others:
  it is returned with its problems — a Plan sheet whose name, project, organisation or
  period is no valid plan (say a control character, or an end before the start) refuses
  the file too, placed at its row, as does a file name that is no valid team name.
  :func:`import_team_files` puts the same files into a real store instead.

Teams are columns side by side, so every combined frame first gives them distinct names
(:func:`distinct_teams`): a second "Team Brugge" — the same plan in the store and in a
file, or two files naming the same team — is shown as "Team Brugge (2)", the way an
import into a store names it; the teams' sources tell them apart in the Teams frame.

The combined frames (headings in the chosen language): :func:`combined_activities`,
:func:`activities_per_team`, :func:`totals_per_context`, :func:`totals_per_level`,
:func:`totals_per_channel`, :func:`coverage_gaps`, :func:`all_indicators`; and the
combined overview as :func:`overview_xlsx_bytes` and :func:`overview_html`.

Counting rules: deleted and cancelled activities count nowhere. An activity counts once
per level cell (intern/extern × micro/meso/macro) it reaches, through the catalog's tags
of its target groups or the tags a team gave its own groups; untagged own groups count in
no cell. "Gemeten" of an indicator is the sum of its measurements up to today (kind
*cumulatief*) or the last reading up to today (kind *stand*).
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from . import analysis, config
from .catalog import Catalog, load_catalog
from .export.data import PlanData
from .i18n import language, register, t
from .importer import (
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
from .model import Context, InvalidRecord, Plan, Scope, Tier, validate
from .store import Store
from .tablefile import CSV_SUFFIXES, XLSX_SUFFIXES

TEXTS: dict[str, dict[str, str]] = {
    "facilitator.team": {"nl": "Team", "en": "Team"},
    "facilitator.source": {"nl": "Bron", "en": "Source"},
    "facilitator.source_store": {"nl": "werkboek", "en": "workbook"},
    "facilitator.activities": {"nl": "Activiteiten", "en": "Activities"},
    "facilitator.cost": {"nl": "Kosten", "en": "Cost"},
    "facilitator.first": {"nl": "Eerste activiteit", "en": "First activity"},
    "facilitator.last": {"nl": "Laatste activiteit", "en": "Last activity"},
    "facilitator.indicators": {"nl": "Indicatoren", "en": "Indicators"},
    "facilitator.total": {"nl": "Totaal", "en": "Total"},
    "facilitator.level": {"nl": "Niveau", "en": "Level"},
    "facilitator.channel": {"nl": "Kanaal", "en": "Channel"},
    "facilitator.no_channel": {"nl": "(geen kanaal)", "en": "(no channel)"},
    "facilitator.gap": {"nl": "Wat", "en": "What"},
    "facilitator.missing_in": {"nl": "Ontbreekt bij", "en": "Missing in"},
    "facilitator.nobody": {"nl": "—", "en": "—"},
    "facilitator.measured": {"nl": "Gemeten", "en": "Measured"},
    "facilitator.share": {"nl": "Behaald (%)", "en": "Reached (%)"},
    "facilitator.cell": {"nl": "{scope} · {tier}", "en": "{scope} · {tier}"},
    "facilitator.mandatory": {"nl": "verplicht kanaal: {name}", "en": "mandatory channel: {name}"},
    "facilitator.sheet.teams": {"nl": "Teams", "en": "Teams"},
    "facilitator.sheet.activities": {"nl": "Activiteiten", "en": "Activities"},
    "facilitator.sheet.context": {"nl": "Per context", "en": "Per context"},
    "facilitator.sheet.level": {"nl": "Per niveau", "en": "Per level"},
    "facilitator.sheet.channel": {"nl": "Per kanaal", "en": "Per channel"},
    "facilitator.sheet.gaps": {"nl": "Hiaten", "en": "Gaps"},
    "facilitator.sheet.indicators": {"nl": "Indicatoren", "en": "Indicators"},
    "facilitator.title": {"nl": "Overzicht van de teams", "en": "Overview of the teams"},
    "facilitator.heading.teams": {"nl": "De teams", "en": "The teams"},
    "facilitator.heading.context": {
        "nl": "Activiteiten per context", "en": "Activities per context"},
    "facilitator.heading.level": {
        "nl": "Activiteiten per niveau (intern/extern × micro/meso/macro)",
        "en": "Activities per level (internal/external × micro/meso/macro)"},
    "facilitator.heading.channel": {
        "nl": "Activiteiten per kanaal", "en": "Activities per channel"},
    "facilitator.heading.gaps": {
        "nl": "Hiaten: niveaus en verplichte kanalen zonder activiteit",
        "en": "Gaps: levels and mandatory channels without an activity"},
    "facilitator.heading.indicators": {
        "nl": "Indicatoren van alle teams", "en": "Indicators of all teams"},
    "facilitator.heading.activities": {"nl": "Alle activiteiten", "en": "All activities"},
    "facilitator.made_on": {"nl": "Gemaakt op {date} met het Werkboek Disseminatie.",
                            "en": "Made on {date} with the Werkboek Disseminatie."},
    "facilitator.file_name": {
        "nl": "bestandsnaam (de naam van het team): {message}",
        "en": "file name (the team's name): {message}",
    },
}
register(TEXTS)

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


# ----- combined frames ----------------------------------------------------------------


def _team_heading(lang: str | None) -> str:
    return t("facilitator.team", lang)


def _headings(lang: str | None) -> set[str]:
    """The headings that stand beside the team columns of the per-team frames."""
    return {t(key, lang) for key in ("facilitator.total", "facilitator.missing_in",
                                     "field.context", "facilitator.level",
                                     "facilitator.channel", "facilitator.gap")}


def distinct_teams(teams: Sequence[TeamPlan], lang: str | None = None) -> list[TeamPlan]:
    """The teams with names that can be columns side by side: a name a team before it
    already has, or a heading of the overview ("Totaal"), gets the first free " (2)",
    " (3)", … (as :func:`import_team_files` names plans); every team stays."""
    names = [team.team for team in teams]
    reserved = _headings(lang)
    if len(set(names)) == len(names) and reserved.isdisjoint(names):
        return list(teams)
    taken = set(names) | reserved
    seen: set[str] = set()
    result = []
    for team in teams:
        if team.team in seen or team.team in reserved:
            name = _unique(team.team, taken.__contains__)
            taken.add(name)
            team = dataclasses.replace(team, team=name)
        seen.add(team.team)
        result.append(team)
    return result


def combined_activities(teams: Sequence[TeamPlan], catalog: Catalog | None = None,
                        lang: str | None = None) -> pd.DataFrame:
    """Every team's planning table below each other, with a Team column in front.

    One planning table is made for all teams together (a table per team cost 30 times
    its fixed pandas overhead): activities and indicators are numbered anew so that ids
    stay unique across teams, and each row's id then tells its team.
    """
    from .tables import planning_columns, planning_table

    catalog = catalog or load_catalog()
    if not teams:
        return pd.DataFrame(columns=[_team_heading(lang), *planning_columns(lang)])
    teams = distinct_teams(teams, lang)
    frames = [team.tables["activities"] for team in teams]
    names: list[str] = []
    indicator_ids: list[int | None] = []
    for team, own in zip(teams, frames, strict=True):
        known = team.tables["indicators"]
        renumbered = dict(zip(known["id"].tolist(), range(len(names), len(names) + len(known)),
                              strict=True))
        names += known["name"].tolist()
        indicator_ids += [None if missing else renumbered.get(value)
                          for value, missing in zip(own["indicator_id"].tolist(),
                                                    own["indicator_id"].isna().tolist(),
                                                    strict=True)]
    activities = pd.concat([frame if "deleted" in frame else frame.assign(deleted=False)
                            for frame in frames], ignore_index=True)
    activities["id"] = range(len(activities))
    activities["indicator_id"] = pd.array(indicator_ids, dtype="Int64")
    activities["deleted"] = activities["deleted"].astype(bool)
    table = planning_table(activities, pd.DataFrame({"id": range(len(names)), "name": names}),
                           catalog, lang)
    team_of = np.repeat(np.arange(len(teams)), [len(frame) for frame in frames])
    positions = team_of[table.index.to_numpy()]
    order = np.argsort(positions, kind="stable")
    table = table.iloc[order].reset_index(drop=True)
    table.insert(0, _team_heading(lang), [teams[k].team for k in positions[order]])
    return table


def activities_per_team(teams: Sequence[TeamPlan], lang: str | None = None) -> pd.DataFrame:
    """Per team: source, number of activities, total cost, first and last date, indicators."""
    rows = []
    for team in distinct_teams(teams, lang):
        live = team._live_frame()
        when = pd.to_datetime(live["when"])
        rows.append([
            team.team,
            team.source,
            len(live),
            float(live["price"].sum()) if len(live) else 0.0,
            when.min() if len(live) else pd.NaT,
            when.max() if len(live) else pd.NaT,
            len(team.tables["indicators"]),
        ])
    columns = [_team_heading(lang), t("facilitator.source", lang),
               t("facilitator.activities", lang), t("facilitator.cost", lang),
               t("facilitator.first", lang), t("facilitator.last", lang),
               t("facilitator.indicators", lang)]
    frame = pd.DataFrame(rows, columns=columns)
    for column in columns[4:6]:
        frame[column] = pd.to_datetime(frame[column])
    return frame


def _per_team(counts: dict[str, dict[str, float]], order: Sequence[str], teams: Sequence[TeamPlan],
              first_heading: str, lang: str | None, labels: dict[str, str]) -> pd.DataFrame:
    """A frame: one row per key (in ``order``), one column per team, and a total column."""
    names = [team.team for team in teams]
    data = [[counts.get(key, {}).get(name, 0) for name in names] for key in order]
    frame = pd.DataFrame(data, columns=names, index=pd.Index(
        [labels.get(key, key) for key in order], name=first_heading))
    frame[t("facilitator.total", lang)] = frame.sum(axis=1) if names else 0
    return frame


def totals_per_context(teams: Sequence[TeamPlan], lang: str | None = None,
                       *, measure: str = "count") -> pd.DataFrame:
    """Activities (``measure="count"``) or cost (``"cost"``) per context and team."""
    teams = distinct_teams(teams, lang)
    counts: dict[str, dict[str, float]] = {}
    for team in teams:
        live = team._live_frame()
        if measure == "cost":
            values = zip(live["context"].tolist(), map(float, live["price"].tolist()),
                         strict=True)
        else:
            values = Counter(live["context"].tolist()).items()
        for context, value in values:
            cell = counts.setdefault(context, {})
            cell[team.team] = cell.get(team.team, 0) + value
    order = [c.value for c in Context]
    labels = {c: t(f"context.{c}", lang) for c in order}
    return _per_team(counts, order, teams, t("field.context", lang), lang, labels)


def _tally(lists: pd.Series) -> Counter[tuple[str, ...]]:
    """How many rows hold each list of values (rows repeat the same few lists)."""
    return Counter(map(tuple, lists.tolist()))


def _cells() -> list[tuple[str, str]]:
    return [(scope.value, tier.value) for scope in Scope for tier in Tier]


def _cell_label(cell: tuple[str, str], lang: str | None) -> str:
    return t("facilitator.cell", lang, scope=t(f"scope.{cell[0]}", lang),
             tier=t(f"tier.{cell[1]}", lang))


def _level_counts(teams: Sequence[TeamPlan], catalog: Catalog) -> dict[str, dict[str, float]]:
    counts: dict[str, dict[str, float]] = {}
    for team in teams:
        tags = analysis.group_tags(team.tables.get("target_groups"), catalog)
        for groups, times in _tally(team._live_frame()["target_groups"]).items():
            reached = {analysis.tag_of(tags, g) for g in groups} - {None}
            for cell in reached:
                key = "|".join(cell)
                counts.setdefault(key, {})
                counts[key][team.team] = counts[key].get(team.team, 0) + times
    return counts


def totals_per_level(teams: Sequence[TeamPlan], catalog: Catalog | None = None,
                     lang: str | None = None) -> pd.DataFrame:
    """Activities per level cell (intern/extern × micro/meso/macro) and team."""
    catalog = catalog or load_catalog()
    teams = distinct_teams(teams, lang)
    order = ["|".join(cell) for cell in _cells()]
    labels = {"|".join(cell): _cell_label(cell, lang) for cell in _cells()}
    return _per_team(_level_counts(teams, catalog), order, teams,
                     t("facilitator.level", lang), lang, labels)


def totals_per_channel(teams: Sequence[TeamPlan], catalog: Catalog | None = None,
                       lang: str | None = None) -> pd.DataFrame:
    """Activities per channel and team; most used channels first, own channels as typed."""
    catalog = catalog or load_catalog()
    teams = distinct_teams(teams, lang)
    counts: dict[str, dict[str, float]] = {}
    for team in teams:
        for channels, times in _tally(team._live_frame()["channels"]).items():
            for channel in channels or ("",):
                cell = counts.setdefault(channel, {})
                cell[team.team] = cell.get(team.team, 0) + times
    totals = {key: sum(values.values()) for key, values in counts.items()}
    order = sorted(counts, key=lambda key: (-totals[key], key == "", key))
    labels = {key: catalog.label_of(key, lang) for key in order if key}
    labels[""] = t("facilitator.no_channel", lang)
    return _per_team(counts, order, teams, t("facilitator.channel", lang), lang, labels)


def coverage_gaps(teams: Sequence[TeamPlan], catalog: Catalog | None = None,
                  lang: str | None = None) -> pd.DataFrame:
    """What teams leave empty: level cells and mandatory channels (EPRP) without activity.

    One row per cell and per mandatory channel, one column per team with the number of
    activities, and "Ontbreekt bij" naming the teams with none ("—" when every team has it).
    """
    catalog = catalog or load_catalog()
    teams = distinct_teams(teams, lang)
    levels = totals_per_level(teams, catalog, lang)
    mandatory: dict[str, dict[str, float]] = {}
    channels = [_tally(team._live_frame()["channels"]) for team in teams]
    for channel in catalog.mandatory_channels():
        label = t("facilitator.mandatory", lang, name=channel.label(lang))
        mandatory[label] = {
            team.team: sum(times for cell, times in tally.items() if channel.id in cell)
            for team, tally in zip(teams, channels, strict=True)
        }
    extra = _per_team(mandatory, list(mandatory), teams, levels.index.name, lang, {})
    frame = pd.concat([levels, extra])
    frame.index.name = t("facilitator.gap", lang)
    names = [team.team for team in teams]
    frame = frame.drop(columns=[t("facilitator.total", lang)])
    frame[t("facilitator.missing_in", lang)] = [
        ", ".join(name for name, none in zip(names, row, strict=True) if none)
        or t("facilitator.nobody", lang)
        for row in (frame[names].to_numpy() == 0).tolist()
    ]
    return frame


def _measurements_until(measurements: pd.DataFrame, today: Any) -> dict[Any, pd.DataFrame]:
    """Per indicator id, its measurements that count as measured on ``today``."""
    seen = analysis.measured(measurements, today)
    return dict(list(seen.groupby("indicator_id", sort=False))) if len(seen) else {}


def all_indicators(teams: Sequence[TeamPlan], lang: str | None = None) -> pd.DataFrame:
    """Every team's indicators: name, unit, target, deadline, kind, measured and share."""
    today = config.today()
    rows = []
    for team in distinct_teams(teams, lang):
        measurements = _measurements_until(team.tables["measurements"], today)
        indicators = team.tables["indicators"]
        for indicator_id, name, unit, target, deadline, kind in zip(
            *(indicators[column].tolist()
              for column in ("id", "name", "unit", "target", "deadline", "kind")),
            strict=True,
        ):
            own = measurements.get(indicator_id)
            measured = None if own is None else analysis.measured_value(own, kind, today)
            share = None
            if measured is not None and target:
                share = round(100 * measured / float(target))
            rows.append([team.team, name, unit, float(target), pd.Timestamp(deadline),
                         t(f"kind.{kind}", lang), measured, share])
    columns = [_team_heading(lang), t("field.name", lang), t("field.unit", lang),
               t("field.target", lang), t("field.deadline", lang), t("field.kind", lang),
               t("facilitator.measured", lang), t("facilitator.share", lang)]
    frame = pd.DataFrame(rows, columns=columns)
    frame[columns[4]] = pd.to_datetime(frame[columns[4]])
    for column in columns[6:]:
        frame[column] = frame[column].astype("Float64")
    return frame


# ----- the combined overview as files -------------------------------------------------


def overview_frames(teams: Sequence[TeamPlan], catalog: Catalog | None = None,
                    lang: str | None = None) -> dict[str, pd.DataFrame]:
    """Every frame of the overview, keyed by its sheet/section name (without index)."""
    catalog = catalog or load_catalog()
    teams = distinct_teams(teams, lang)
    return {
        "teams": activities_per_team(teams, lang),
        "context": totals_per_context(teams, lang).reset_index(),
        "level": totals_per_level(teams, catalog, lang).reset_index(),
        "channel": totals_per_channel(teams, catalog, lang).reset_index(),
        "gaps": coverage_gaps(teams, catalog, lang).reset_index(),
        "indicators": all_indicators(teams, lang),
        "activities": combined_activities(teams, catalog, lang),
    }


def overview_xlsx_bytes(teams: Sequence[TeamPlan], catalog: Catalog | None = None,
                        lang: str | None = None) -> bytes:
    """The combined overview as an Excel workbook, one sheet per frame."""
    from openpyxl import Workbook

    from .export.xlsx import workbook_bytes, write_table

    frames = overview_frames(teams, catalog, lang)
    money = [t("facilitator.cost", lang), t("field.price", lang)]
    wrap = [t("field.what", lang), t("field.target_groups", lang), t("field.how", lang)]
    book = Workbook()
    book.remove(book.active)
    for key in ("teams", "activities", "context", "level", "channel", "gaps", "indicators"):
        sheet = book.create_sheet(t(f"facilitator.sheet.{key}", lang)[:31])
        write_table(sheet, frames[key], money=money, wrap=wrap)
    book.properties.title = t("facilitator.title", lang)
    book.properties.creator = "Werkboek Disseminatie"
    return workbook_bytes(book)


_OVERVIEW = """<!DOCTYPE html>
<html lang="{{ lang }}">
<head>
<meta charset="utf-8">
<title>{{ title }}</title>
<style>
  body { font-family: system-ui, "Segoe UI", Roboto, sans-serif; max-width: 1300px;
         margin: 2rem auto; padding: 0 1rem; color: #1a1a1a; }
  h2 { border-bottom: 2px solid #003399; margin-top: 2rem; }
  table { border-collapse: collapse; width: 100%; font-size: .9rem; }
  th, td { border: 1px solid #bbb; padding: .3rem .45rem; text-align: left;
           vertical-align: top; }
  th { background: #dce6f1; }
  td.num { text-align: right; white-space: nowrap; }
  figure { margin: 1rem 0; break-inside: avoid; }
  figure img { max-width: 100%; }
  .muted { color: #555; font-size: .85rem; }
  @media print { body { margin: 0; max-width: none; font-size: 9pt; }
                 tr { break-inside: avoid; } thead { display: table-header-group; } }
</style>
</head>
<body>
{% macro td(cell) %}<td{% if cell.num %} class="num"{% endif %}>{{ cell.text }}</td>{% endmacro %}
<h1>{{ title }}</h1>
<p class="muted">{{ made_on }}</p>
{% for section in sections %}
<section>
  <h2>{{ section.heading }}</h2>
  <table>
    <thead><tr>{% for h in section.table.headings %}<th>{{ h }}</th>{% endfor %}</tr></thead>
    <tbody>
    {% for row in section.table.rows %}
      <tr>{% for cell in row %}{{ td(cell) }}{% endfor %}</tr>
    {% endfor %}
    </tbody>
  </table>
</section>
{% endfor %}
{% for chart in charts %}
<figure><figcaption>{{ chart.title }}</figcaption>
  <img alt="{{ chart.title }}" src="data:image/png;base64,{{ chart.data }}"></figure>
{% endfor %}
</body>
</html>
"""


def overview_html(teams: Sequence[TeamPlan], catalog: Catalog | None = None,
                  lang: str | None = None, *, charts: Iterable[Any] = ()) -> str:
    """The combined overview as one self-contained, escaped HTML page.

    ``charts``: ``(title, Figure | PNG bytes)`` pairs to embed below the tables.
    """
    from jinja2 import Environment, select_autoescape

    from .export.report import _as_charts, format_date, frame_html_table

    lang = language(lang)
    frames = overview_frames(teams, catalog, lang)
    money = [t("facilitator.cost", lang), t("field.price", lang)]
    sections = [
        {"heading": t(f"facilitator.heading.{key}", lang),
         "table": frame_html_table(frames[key], lang, money)}
        for key in ("teams", "context", "level", "channel", "gaps", "indicators", "activities")
    ]
    environment = Environment(autoescape=select_autoescape(default=True,
                                                           default_for_string=True),
                              trim_blocks=True, lstrip_blocks=True)
    return environment.from_string(_OVERVIEW).render(
        lang=lang,
        title=t("facilitator.title", lang),
        made_on=t("facilitator.made_on", lang, date=format_date(config.today())),
        sections=sections,
        charts=[{"title": c.title, "data": c.data_uri_payload()} for c in _as_charts(charts)],
    )


__all__ = [
    "TeamPlan", "activities_per_team", "all_indicators", "combined_activities",
    "coverage_gaps", "distinct_teams", "import_team_files", "overview_frames", "overview_html",
    "overview_xlsx_bytes", "team_files", "team_name", "teams_from_files", "teams_from_store",
    "totals_per_channel", "totals_per_context", "totals_per_level",
]
