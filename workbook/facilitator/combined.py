"""The combined frames of many teams' plans. Pure functions of :class:`TeamPlan` lists."""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from .. import analysis, chain, config
from ..afterproject import OPEN_LICENCES
from ..catalog import Catalog, load_catalog
from ..checks import groups_without_message
from ..i18n import t
from ..model import Context, Scope, Tier
from ..tables import planning_columns, planning_table
from .teams import TeamPlan, _unique

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
    """Per team: source, action type (KA210/KA220), the results' licence, number of
    activities and of those after the project, target groups with channels but no key message
    (:func:`checks.groups_without_message`), total cost, first and last date, indicators, and
    effects whose chain stops at output (:func:`chain.effect_chains`)."""
    rows = []
    for team in distinct_teams(teams, lang):
        live = team._live_frame()
        when = pd.to_datetime(live["when"])
        chains = chain.effect_chains(team.tables["goals"], team.tables["indicators"])
        rows.append([
            team.team,
            team.source,
            team.plan.action_type or "",
            _licence(team.plan.licence, lang),
            len(live),
            int((live["period"] == "na").sum()) if len(live) else 0,
            len(groups_without_message(live, team.tables.get("target_groups"))),
            float(live["price"].sum()) if len(live) else 0.0,
            when.min() if len(live) else pd.NaT,
            when.max() if len(live) else pd.NaT,
            len(team.tables["indicators"]),
            int((chains["stops_at"] == "output").sum()),
        ])
    first, last = t("facilitator.first", lang), t("facilitator.last", lang)
    columns = [_team_heading(lang), t("facilitator.source", lang), t("field.action_type", lang),
               t("field.licence", lang), t("facilitator.activities", lang),
               t("facilitator.after_project", lang), t("facilitator.no_message", lang),
               t("facilitator.cost", lang), first, last, t("facilitator.indicators", lang),
               t("facilitator.stops_at_output", lang)]
    frame = pd.DataFrame(rows, columns=columns)
    for column in (first, last):
        frame[column] = pd.to_datetime(frame[column])
    return frame


def _licence(licence: str | None, lang: str | None) -> str:
    """A licence as the overview names it: CC BY 4.0, CC BY-SA 4.0, else its label."""
    if not licence:
        return ""
    return OPEN_LICENCES.get(licence) or t(f"licence.{licence}", lang)


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
    """Every team's indicators: name, unit, target, deadline, kind, the step of the chain it
    counts as (:func:`chain.shows_change`: outcome only when it shows a change), measured and
    share."""
    today = config.today()
    rows = []
    for team in distinct_teams(teams, lang):
        measurements = _measurements_until(team.tables["measurements"], today)
        indicators = team.tables["indicators"]
        steps = ["outcome" if chain.shows_change(row) else "output"
                 for row in indicators.to_dict("records")]
        for indicator_id, name, unit, target, deadline, kind, step in zip(
            *(indicators[column].tolist()
              for column in ("id", "name", "unit", "target", "deadline", "kind")), steps,
            strict=True,
        ):
            own = measurements.get(indicator_id)
            measured = None if own is None else analysis.measured_value(own, kind, today)
            share = None
            if measured is not None and target:
                share = round(100 * measured / float(target))
            rows.append([team.team, name, unit, float(target), pd.Timestamp(deadline),
                         t(f"kind.{kind}", lang), t(f"level.{step}", lang), measured, share])
    columns = [_team_heading(lang), t("field.name", lang), t("field.unit", lang),
               t("field.target", lang), t("field.deadline", lang), t("field.kind", lang),
               t("facilitator.step", lang), t("facilitator.measured", lang),
               t("facilitator.share", lang)]
    frame = pd.DataFrame(rows, columns=columns)
    frame[columns[4]] = pd.to_datetime(frame[columns[4]])
    for column in columns[7:]:
        frame[column] = frame[column].astype("Float64")
    return frame


# More teams than this and a column per team no longer fits a projector of 1280 px.
PROJECTOR_TEAMS = 6


def for_projector(frames: dict[str, pd.DataFrame], teams: Sequence[TeamPlan],
                  lang: str | None = None) -> dict[str, pd.DataFrame]:
    """The overview's frames as a projector shows them: a column per team while the teams
    fit; beyond :data:`PROJECTOR_TEAMS`, a row per team for the few contexts and level cells,
    and the totals (with how many teams take part) for the long lists of channels and gaps,
    whose "Ontbreekt bij" already names the teams. The xlsx keeps a column per team."""
    names = [team.team for team in distinct_teams(teams, lang)]
    if len(names) <= PROJECTOR_TEAMS:
        return frames
    fitted = dict(frames)
    team = _team_heading(lang)
    for key in ("context", "level"):
        frame = frames[key].set_index(frames[key].columns[0])
        turned = frame[names].T
        turned.columns.name = None
        turned[t("facilitator.total", lang)] = turned.sum(axis=1)
        fitted[key] = turned.rename_axis(team).reset_index()
    for key in ("channel", "gaps"):
        frame = frames[key]
        present = [name for name in names if name in frame.columns]
        summary = frame.drop(columns=present)
        if key == "channel":
            summary.insert(1, t("facilitator.teams_taking_part", lang),
                           (frame[present] > 0).sum(axis=1))
        fitted[key] = summary
    return fitted
