"""Which activities count, and what they reach: coverage of intern/extern × micro/meso/macro,
costs per context and channel, activities per month. Pure pandas, like
:mod:`workbook.analysis`, which re-exports these names.

The rules owned here, for the charts and the facilitator's overview alike: deleted and
cancelled (``geannuleerd``) activities count nowhere (:func:`live_activities`); a group's
tags are those stored with the plan's choice of it, else the catalog's (:func:`group_tags`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import pandas as pd

from .catalog import normalize
from .i18n import register, t
from .model import Context, Scope, Status, Tier
from .values import as_date

SCOPES: tuple[str, ...] = tuple(member.value for member in Scope)
TIERS: tuple[str, ...] = tuple(member.value for member in Tier)
CONTEXTS: tuple[str, ...] = tuple(member.value for member in Context)
NO_CHANNEL = ""

register({"analysis.cell": {"nl": "{scope} · {tier}", "en": "{scope} · {tier}"}})


def live_activities(activities: pd.DataFrame) -> pd.DataFrame:
    """Activities that count: not deleted and not cancelled."""
    keep = pd.Series(True, index=activities.index)
    if "deleted" in activities:
        keep &= ~activities["deleted"].astype(bool)
    if "status" in activities:
        keep &= activities["status"] != Status.GEANNULEERD
    if keep.all():  # nothing to leave out: no copy (frames are copy-on-write)
        return activities
    return activities[keep]


def group_tags(target_groups: pd.DataFrame | None, catalog: Any = None) -> dict[str, tuple]:
    """(scope, tier) per target group — the one rule for a group's tags, used by the
    charts and the facilitator's overview alike: the tags stored with the plan's own
    choice of the group first (a team's own group has no others), else the catalog's.

    Keys are folded as the catalog folds names (:func:`workbook.catalog.normalize`), so
    'Oud-leerlingen' matches 'oud-leerlingen'; look a group up with :func:`tag_of`.
    """
    tags: dict[str, tuple] = {}
    if catalog is not None:
        for group_id, entry in catalog.target_groups.items():
            tags[normalize(group_id)] = (entry.scope, entry.level)
    if target_groups is not None and len(target_groups):
        for group, scope, tier in zip(target_groups["group"], target_groups["scope"],
                                      target_groups["level"], strict=True):
            if scope in SCOPES and tier in TIERS:
                tags[normalize(group)] = (scope, tier)
    return tags


def tag_of(tags: Mapping[str, tuple], group: str) -> tuple | None:
    """The (scope, tier) of ``group`` in :func:`group_tags`, or None when it has none."""
    return tags.get(normalize(group))


def coverage_counts(
    activities: pd.DataFrame, target_groups: pd.DataFrame | None = None, catalog: Any = None
) -> pd.DataFrame:
    """How many activities reach each cell of intern/extern × micro/meso/macro.

    An activity counts once per cell it reaches: one for parents and pupils counts in
    extern·micro and intern·micro; one for pupils and teachers counts once in intern·micro.
    Groups without known tags are left out (see :func:`untagged_groups`).
    """
    tags = group_tags(target_groups, catalog)
    counts = pd.DataFrame(0, index=pd.Index(SCOPES, name="scope"),
                          columns=pd.Index(TIERS, name="tier"))
    for groups in live_activities(activities)["target_groups"]:
        cells = {tag_of(tags, group) for group in groups} - {None}
        for scope, tier in cells:
            counts.loc[scope, tier] += 1
    return counts


def untagged_groups(
    activities: pd.DataFrame, target_groups: pd.DataFrame | None = None, catalog: Any = None
) -> list[str]:
    """Target groups named in activities whose intern/extern and level are unknown."""
    tags = group_tags(target_groups, catalog)
    found: list[str] = []
    for groups in live_activities(activities)["target_groups"]:
        for group in groups:
            if tag_of(tags, group) is None and group not in found:
                found.append(group)
    return found


def empty_cells(coverage: pd.DataFrame) -> list[tuple[str, str]]:
    """The (scope, tier) cells no activity reaches, row by row."""
    return [(scope, tier) for scope in coverage.index for tier in coverage.columns
            if coverage.loc[scope, tier] == 0]


def cell_label(scope: str, tier: str, lang: str | None = None) -> str:
    """'extern · macro' / 'external · macro'."""
    return t("analysis.cell", lang, scope=t(f"scope.{scope}", lang), tier=t(f"tier.{tier}", lang))


def describe_empty_cells(coverage: pd.DataFrame, lang: str | None = None) -> str:
    """A sentence naming the empty cells, or saying that every cell is covered."""
    cells = empty_cells(coverage)
    if not cells:
        return t("analysis.no_empty_cells", lang)
    names = ", ".join(cell_label(scope, tier, lang) for scope, tier in cells)
    return t("analysis.empty_cells", lang, cells=names)


def _ordered(values: Iterable[str], first: Iterable[str]) -> list[str]:
    values = list(dict.fromkeys(values))
    known = [value for value in first if value in values]
    return known + [value for value in values if value not in known]


def costs_by_context(activities: pd.DataFrame) -> pd.Series:
    """Total price per context; both contexts always present (0 when nothing is planned)."""
    live = live_activities(activities)
    totals = live.groupby("context")["price"].sum() if not live.empty else pd.Series(dtype=float)
    order = _ordered(totals.index, CONTEXTS)
    order += [context for context in CONTEXTS if context not in order]
    return totals.reindex(order, fill_value=0.0).astype(float).rename("cost")


def costs_by_channel(activities: pd.DataFrame) -> pd.Series:
    """Total price per channel, the price of an activity split equally over its channels.

    Largest first (ties in order of first use); activities without channels are booked
    on :data:`NO_CHANNEL`. The sum equals the sum of the prices.
    """
    shares: dict[str, float] = {}
    for _, row in live_activities(activities).iterrows():
        channels = tuple(row["channels"]) or (NO_CHANNEL,)
        for channel in channels:
            shares[channel] = shares.get(channel, 0.0) + float(row["price"]) / len(channels)
    series = pd.Series(shares, dtype=float, name="cost")
    series.index.name = "channel"
    return series.sort_values(ascending=False, kind="stable")


def activities_per_month(
    activities: pd.DataFrame, start: Any = None, end: Any = None
) -> pd.DataFrame:
    """Number of activities per calendar month and context.

    Indexed by the first day of each month, every month from the earlier of ``start`` and
    the first activity to the later of ``end`` and the last activity, empty months
    included; one column per context (both contexts always present).
    """
    live = live_activities(activities)
    days = pd.to_datetime(live["when"])
    bounds = [day for day in (as_date(start), as_date(end)) if day is not None]
    bounds += [day.date() for day in days]
    if not bounds:
        return pd.DataFrame(columns=list(CONTEXTS), index=pd.DatetimeIndex([], name="month"),
                            dtype=int)
    low, high = min(bounds), max(bounds)
    months = pd.date_range(pd.Timestamp(low).to_period("M").to_timestamp(),
                           pd.Timestamp(high).to_period("M").to_timestamp(), freq="MS",
                           name="month")
    keys = days.dt.to_period("M").dt.to_timestamp()
    counts = live.groupby([keys.rename("month"), live["context"]]).size().unstack(fill_value=0)
    columns = _ordered(counts.columns, CONTEXTS)
    columns += [context for context in CONTEXTS if context not in columns]
    return counts.reindex(index=months, columns=columns, fill_value=0).astype(int)
