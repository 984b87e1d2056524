"""Charts of the whole plan: the timeline of activities, costs per channel and context, and
coverage of intern/extern × micro/meso/macro."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, Rectangle
from matplotlib.ticker import MaxNLocator

from .. import analysis as an
from .. import config
from ..i18n import language, t
from .common import (
    BIG,
    BLACK,
    BLUE,
    CONTEXT_COLOURS,
    CONTEXT_HATCHES,
    GREY,
    PURPLE,
    TITLE_Y,
    VERMILLION,
    VERMILLION_TEXT,
    WIDE,
    _date_axis,
    _figure,
    _message,
    _style,
    _wrap,
    channel_label,
    context_label,
    ink_on,
    timeline_span,
    today_line,
)

# ----- overview: timeline ----------------------------------------------------------------


def timeline_chart(activities: pd.DataFrame, catalog: Any = None, plan_start: Any = None,
                   plan_end: Any = None, today: Any = None, lang: str | None = None) -> Figure:
    """Activities per month as stacked bars by context, with the Erasmus+ events of those
    years in a band above (one row per event) and today marked.

    The months run from the plan's start (or first activity) to its end (or last
    activity). Events come from ``catalog.events_between`` (those overlapping the months
    shown); an event whose exact days are unknown covers its whole month, hatched.
    """
    lang = language(lang)
    today = an.as_date(today) or config.today()
    per_month = an.activities_per_month(activities, plan_start, plan_end)
    figure = _figure(WIDE)
    if per_month.empty:
        ax = figure.add_subplot()
        ax.set_axis_off()
        ax.set_title(t("chart.timeline_title", lang), fontsize=BIG["title"], fontweight="bold",
                     y=TITLE_Y)
        _message(ax, t("chart.no_activities", lang), BIG["text"] + 4)
        return figure

    low, high, events = timeline_span(per_month, catalog)
    names = list(dict.fromkeys(o.event.label(lang) for o in events))
    if events:
        band, ax = figure.subplots(2, 1, sharex=True,
                                   height_ratios=[0.5 + 0.45 * len(names), 4.5])
    else:
        band, ax = None, figure.add_subplot()

    centres = per_month.index + pd.Timedelta(days=14)
    bottom = pd.Series(0, index=per_month.index)
    for context in per_month.columns:
        ax.bar(centres, per_month[context], bottom=bottom, width=24,
               color=CONTEXT_COLOURS.get(context, GREY), edgecolor=BLACK, linewidth=0.6,
               hatch=CONTEXT_HATCHES.get(context, ""), label=context_label(context, lang),
               gid=f"context:{context}")
        bottom = bottom + per_month[context]
    ax.set_ylim(0, max(int(bottom.max()), 1) * 1.15)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_ylabel(t("chart.activities_axis", lang), fontsize=BIG["label"])
    _style(ax, BIG)
    if low <= today <= high:
        for axes in (ax, band) if band is not None else (ax,):
            axes.axvline(pd.Timestamp(today), **today_line(2.5), gid="today",
                         label=t("chart.today", lang) if axes is ax else None)

    if band is not None:
        _draw_events(band, ax, events, names, lang)
    _date_axis(ax, low - timedelta(days=5), high + timedelta(days=5), lang, BIG["tick"],
               max_ticks=14)
    title_ax = band if band is not None else ax
    title_ax.set_title(t("chart.timeline_title", lang), fontsize=BIG["title"], y=TITLE_Y,
                       fontweight="bold", loc="left")
    handles, labels = ax.get_legend_handles_labels()
    # Bars (contexts) first, then today's line, then the event keys.
    order = sorted(range(len(handles)), key=lambda i: isinstance(handles[i], Line2D))
    handles, labels = [handles[i] for i in order], [labels[i] for i in order]
    if events:
        handles += [Patch(facecolor=PURPLE, edgecolor=PURPLE),
                    Patch(facecolor="white", edgecolor=PURPLE, hatch="///")]
        labels += [t("chart.event_exact", lang), t("chart.event_month", lang)]
    figure.legend(handles, labels, loc="outside lower center", ncols=3,
                  fontsize=BIG["legend"] - 1, frameon=False)
    return figure


def _draw_events(band: Axes, ax: Axes, events: list, names: list[str],
                 lang: str | None) -> None:
    """One row per event in ``band``; a faint line through the bars at exact events."""
    rows = {name: len(names) - 1 - i for i, name in enumerate(names)}
    for occurrence in events:
        row = rows[occurrence.event.label(lang)]
        start = pd.Timestamp(occurrence.start)
        days = max((occurrence.end - occurrence.start).days + 1, 5)  # visible at 2 years
        gid = f"event:{occurrence.event.id}"
        if occurrence.exact:
            band.add_patch(Rectangle((start, row - 0.32), pd.Timedelta(days=days), 0.64,
                                     facecolor=PURPLE, edgecolor=PURPLE, gid=gid))
            ax.axvline(start, color=PURPLE, lw=1.2, alpha=0.5, linestyle=":")
        else:
            band.add_patch(Rectangle((start, row - 0.32), pd.Timedelta(days=days), 0.64,
                                     facecolor="white", edgecolor=PURPLE, hatch="///",
                                     lw=1.2, gid=gid))
    band.set_ylim(-0.6, len(names) - 0.4)
    band.set_yticks(list(rows.values()), list(rows.keys()))
    band.tick_params(axis="y", labelsize=BIG["tick"], length=0)
    band.tick_params(axis="x", labelbottom=False, length=0)
    for side in ("top", "right", "left"):
        band.spines[side].set_visible(False)
    band.grid(axis="x", color="#EEEEEE")


# ----- overview: costs -------------------------------------------------------------------


def _cost_bars(ax: Axes, labels: list[str], values: list[float], colours: list[str],
               keys: list[str], lang: str | None) -> None:
    """Horizontal bars in the given order from the top, the amount written at each end."""
    positions = list(range(len(values)))[::-1]
    for pos, value, colour, key in zip(positions, values, colours, keys, strict=True):
        ax.barh(pos, value, color=colour, height=0.7, gid=f"cost:{key}")
        ax.text(value, pos, f"  {an.format_money(round(value), lang)}", va="center", ha="left",
                fontsize=BIG["text"])
    ax.set_yticks(positions, labels)
    # Room on the right for the amounts; constrained layout cannot see text inside axes.
    ax.set_xlim(0, max(max(values, default=0), 1) * 1.3)
    ax.xaxis.set_major_formatter(lambda value, _pos: an.format_money(value, lang))
    ax.xaxis.set_major_locator(MaxNLocator(nbins=5))
    _style(ax, BIG)
    ax.grid(axis="y", visible=False)
    ax.grid(axis="x", color="#DDDDDD", linewidth=0.8)


def cost_by_channel_chart(activities: pd.DataFrame, catalog: Any = None,
                          lang: str | None = None) -> Figure:
    """Total cost per channel, horizontal bars; the price of an activity with several
    channels is split equally over them (said under the chart)."""
    lang = language(lang)
    costs = an.costs_by_channel(activities)
    figure = _figure((WIDE[0], max(4.5, 1.9 + 0.42 * len(costs))))
    ax = figure.add_subplot()
    ax.set_title(t("chart.cost_channel_title", lang), fontsize=BIG["title"], y=TITLE_Y,
                 fontweight="bold", loc="left")
    if costs.empty:
        ax.set_axis_off()
        _message(ax, t("chart.no_costs", lang), BIG["text"] + 4)
        return figure
    labels = [_wrap(channel_label(key, catalog, lang), 34) for key in costs.index]
    _cost_bars(ax, labels, list(costs), [BLUE] * len(costs), list(costs.index), lang)
    total = an.format_money(costs.sum(), lang)
    ax.set_xlabel(f"{t('chart.cost_total', lang, total=total)}. "
                  f"{t('chart.cost_split_note', lang)}", fontsize=BIG["label"] - 2)
    return figure


def cost_by_context_chart(activities: pd.DataFrame, lang: str | None = None) -> Figure:
    """Total cost per context (within our own school / between the partners)."""
    lang = language(lang)
    costs = an.costs_by_context(activities)
    figure = _figure((WIDE[0], 4.2))
    ax = figure.add_subplot()
    ax.set_title(t("chart.cost_context_title", lang), fontsize=BIG["title"], y=TITLE_Y,
                 fontweight="bold", loc="left")
    labels = [context_label(key, lang) for key in costs.index]
    colours = [CONTEXT_COLOURS.get(key, GREY) for key in costs.index]
    _cost_bars(ax, labels, list(costs), colours, list(costs.index), lang)
    ax.set_xlabel(t("chart.cost_total", lang, total=an.format_money(costs.sum(), lang)),
                  fontsize=BIG["label"] - 2)
    return figure


# ----- overview: coverage ----------------------------------------------------------------


def coverage_chart(activities: pd.DataFrame, target_groups: pd.DataFrame | None = None,
                   catalog: Any = None, lang: str | None = None) -> Figure:
    """Heatmap intern/extern × micro/meso/macro counting activities; empty cells hatched
    with a vermillion border and the word 'leeg', and named in a sentence below."""
    lang = language(lang)
    coverage = an.coverage_counts(activities, target_groups, catalog)
    figure = _figure((11.0, 6.8))
    ax = figure.add_subplot()
    highest = max(int(coverage.to_numpy().max()), 1)
    image = ax.imshow(coverage.to_numpy(), cmap="Blues", vmin=0, vmax=highest * 1.25,
                      aspect="auto")
    for row, scope in enumerate(coverage.index):
        for col, tier in enumerate(coverage.columns):
            count = int(coverage.loc[scope, tier])
            if count == 0:
                ax.add_patch(Rectangle((col - 0.46, row - 0.46), 0.92, 0.92, facecolor="white",
                                       edgecolor=VERMILLION, hatch="//", lw=4,
                                       gid=f"empty:{scope}:{tier}"))
                ax.text(col, row, t("chart.empty", lang), ha="center", va="center",
                        fontsize=26, fontweight="bold", color=VERMILLION_TEXT,
                        bbox={"facecolor": "white", "edgecolor": "none", "pad": 4},
                        gid=f"cell:{scope}:{tier}")
            else:
                ink = ink_on(image.cmap(image.norm(count)))
                ax.text(col, row, an.format_number(count, lang), ha="center", va="center",
                        fontsize=30, fontweight="bold", color=ink,
                        gid=f"cell:{scope}:{tier}")
    ax.set_xticks(range(len(coverage.columns)),
                  [t(f"tier.{tier}", lang) for tier in coverage.columns])
    ax.set_yticks(range(len(coverage.index)),
                  [t(f"scope.{scope}", lang) for scope in coverage.index])
    ax.tick_params(labelsize=BIG["label"], length=0)
    ax.xaxis.set_ticks_position("top")
    ax.set_xlabel(t("chart.tier_axis", lang), fontsize=BIG["label"], labelpad=12)
    ax.xaxis.set_label_position("top")
    ax.set_ylabel(t("chart.scope_axis", lang), fontsize=BIG["label"])
    for spine in ax.spines.values():
        spine.set_visible(False)
    figure.suptitle(t("chart.coverage_title", lang), fontsize=BIG["title"], fontweight="bold")
    figure.supxlabel(_wrap(an.describe_empty_cells(coverage, lang), 90, 3),
                     fontsize=BIG["text"],
                     color=VERMILLION_TEXT if an.empty_cells(coverage) else BLACK)
    return figure

