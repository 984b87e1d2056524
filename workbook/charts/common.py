"""What every chart shares: the colour-blind-safe palette, type sizes for a projector,
texts, and the helpers for figures, axes and month ticks."""

from __future__ import annotations

import textwrap
from datetime import date
from typing import Any

import pandas as pd
from matplotlib import patheffects
from matplotlib.axes import Axes
from matplotlib.colors import to_rgb
from matplotlib.figure import Figure

from .. import analysis as an
from ..i18n import register, t

# Okabe & Ito (2008): distinguishable with every common colour-vision deficiency.
BLACK = "#000000"
ORANGE = "#E69F00"
SKY = "#56B4E9"
GREEN = "#009E73"
BLUE = "#0072B2"
VERMILLION = "#D55E00"
PURPLE = "#CC79A7"
GREY = "#6E6E6E"
# Vermillion darkened for text on white (5.5:1; the palette's own is 3.9:1, enough for lines
# and large type only): WCAG 2.1 asks 4.5:1 for text, in charts too.
VERMILLION_TEXT = "#B34700"

CONTEXT_COLOURS = {"binnen_school": BLUE, "tussen_partners": ORANGE}
# The two contexts differ by a pattern too, not by colour alone (WCAG 1.4.1): stacked in the
# timeline, the orange of the partners is 2.3:1 on white, so a black outline bounds each bar.
CONTEXT_HATCHES = {"binnen_school": "", "tussen_partners": "///"}
STATUS_COLOURS = {
    an.BEHAALD: GREEN,
    an.OP_SCHEMA: BLUE,
    an.ACHTER: VERMILLION,
    an.NIET_GEMETEN: GREY,
    an.VERSTREKEN: PURPLE,
}


def today_line(lw: float) -> dict[str, Any]:
    """How today's line is drawn (an ``axvline`` or a legend key) at width ``lw``: the
    palette's sky is 2.3:1 on white, under the 3:1 WCAG 1.4.11 asks of a chart's marks, so
    it runs inside a black edge, which also keeps it apart from blue bars it crosses."""
    return {"color": SKY, "lw": lw,
            "path_effects": [patheffects.withStroke(linewidth=lw + 2, foreground=BLACK)]}


# Type sizes (points) for a full-screen chart and for a panel of a grid.
BIG = {"title": 22, "label": 17, "tick": 15, "text": 15, "legend": 15}
SMALL = {"title": 14, "label": 12, "tick": 11.5, "text": 12, "legend": 15}

# Titles sit on top of their axes, placed there explicitly: Matplotlib then skips measuring
# the axes for top tick labels a title could clash with (~24 ms a chart; ours have none).
TITLE_Y = 1.0

WIDE = (13.0, 7.3)  # 16:9, one projector screen
PANEL = (4.2, 3.3)  # one small multiple, inches

TEXTS: dict[str, dict[str, str]] = {
    "chart.measured.cumulatief": {"nl": "Gemeten (opgeteld)", "en": "Measured (added up)"},
    "chart.measured.stand": {"nl": "Gemeten (stand)", "en": "Measured (current total)"},
    "chart.target": {"nl": "Doel: {target} {unit}", "en": "Target: {target} {unit}"},
    "chart.target_short": {"nl": "Doel", "en": "Target"},
    "chart.pace": {"nl": "Tempo naar het doel", "en": "Pace needed for the target"},
    "chart.deadline": {"nl": "Termijn: {date}", "en": "Deadline: {date}"},
    "chart.deadline_short": {"nl": "Termijn", "en": "Deadline"},
    "chart.today": {"nl": "Vandaag", "en": "Today"},
    "chart.measured_short": {"nl": "Gemeten", "en": "Measured"},
    "chart.no_measurements": {"nl": "Nog geen metingen", "en": "No measurements yet"},
    "chart.axis_date": {"nl": "Datum", "en": "Date"},
    "chart.axis_unit.cumulatief": {"nl": "{unit} (opgeteld)", "en": "{unit} (added up)"},
    "chart.axis_unit.stand": {"nl": "{unit} (stand)", "en": "{unit} (current total)"},
    "chart.status_value": {
        "nl": "{status}: {value} van {target}{share}",
        "en": "{status}: {value} of {target}{share}",
    },
    "chart.timeline_title": {"nl": "Activiteiten per maand", "en": "Activities per month"},
    "chart.activities_axis": {"nl": "Aantal activiteiten", "en": "Number of activities"},
    "chart.event_month": {
        "nl": "Europees moment, exacte dag nog niet bekend",
        "en": "European moment, exact day not yet known",
    },
    "chart.event_exact": {"nl": "Europees moment", "en": "European moment"},
    "chart.no_activities": {
        "nl": "Nog geen activiteiten gepland",
        "en": "No activities planned yet",
    },
    "chart.cost_channel_title": {"nl": "Kosten per kanaal", "en": "Cost per channel"},
    "chart.cost_context_title": {"nl": "Kosten per context", "en": "Cost per context"},
    "chart.cost_axis": {"nl": "Kosten (€)", "en": "Cost (€)"},
    "chart.cost_split_note": {
        "nl": "De prijs van een activiteit is gelijk verdeeld over haar kanalen.",
        "en": "An activity's price is split equally over its channels.",
    },
    "chart.cost_total": {"nl": "Totaal: {total}", "en": "Total: {total}"},
    "chart.no_costs": {
        "nl": "Nog geen activiteiten met kosten",
        "en": "No activities with costs yet",
    },
    "chart.coverage_title": {
        "nl": "Welke doelgroepen bereiken we?\n(aantal activiteiten)",
        "en": "Which target groups do we reach?\n(number of activities)",
    },
    "chart.empty": {"nl": "leeg", "en": "empty"},
    "chart.scope_axis": {"nl": "Intern / extern", "en": "Internal / external"},
    "chart.tier_axis": {"nl": "Niveau", "en": "Level"},
}
register(TEXTS)


# ----- shared helpers --------------------------------------------------------------------


def _luminance(colour: object) -> float:
    """Relative luminance of a Matplotlib colour (WCAG 2.1's definition)."""
    channels = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
                for c in to_rgb(colour)]
    return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]


def contrast_ratio(first: object, second: object) -> float:
    """WCAG 2.1 contrast ratio of two colours, from 1 (the same) to 21 (black on white)."""
    low, high = sorted((_luminance(first), _luminance(second)))
    return (high + 0.05) / (low + 0.05)


def ink_on(background: object) -> str:
    """Black or white, whichever reads better on ``background``: the text colour of every
    coloured label (status badges in the page and in the charts, counts in the heatmap)."""
    return BLACK if contrast_ratio(BLACK, background) >= contrast_ratio("#FFFFFF", background) \
        else "#FFFFFF"



# ----- what a chart and its words both read ------------------------------------------


def context_label(context: str, lang: str | None) -> str:
    """A context's label (``context.<id>``); a context the texts do not know, as stored."""
    try:
        return t(f"context.{context}", lang)
    except KeyError:
        return context


def channel_label(key: str, catalog: Any, lang: str | None) -> str:
    """The name of a cost bar's channel: the catalog's label, an own channel as typed, and
    the bar of the activities without a channel (``analysis.NO_CHANNEL``) by its text."""
    if key == an.NO_CHANNEL:
        return t("analysis.no_channel", lang)
    return catalog.label_of(key, lang) if catalog else key


def timeline_span(per_month: pd.DataFrame, catalog: Any) -> tuple[date, date, list]:
    """The first and last day of the timeline's months (``analysis.activities_per_month``)
    and the events the catalog gives for them (:meth:`Catalog.events_between`; none without
    a catalog): what the timeline draws and what its text alternative names."""
    low = per_month.index[0].date()
    high = (per_month.index[-1] + pd.offsets.MonthEnd(0)).date()
    events = catalog.events_between(low, high) if catalog is not None else []
    return low, high, events


# ----- figures and axes ------------------------------------------------------------------


def _figure(size: tuple[float, float]) -> Figure:
    figure = Figure(figsize=size, layout="constrained", dpi=100)
    figure.set_facecolor("white")
    return figure


def _wrap(text: str, width: int, lines: int = 2) -> str:
    """Wrap a long name onto at most ``lines`` lines, ending in '…' when it had to be cut."""
    wrapped = textwrap.wrap(text, width) or [""]
    if len(wrapped) > lines:
        wrapped = wrapped[:lines]
        wrapped[-1] = wrapped[-1][: width - 1].rstrip() + "…"
    return "\n".join(wrapped)


def _message(ax: Axes, text: str, size: float) -> None:
    """A grey note in the middle of an axes that has nothing to show."""
    ax.text(0.5, 0.5, text, transform=ax.transAxes, ha="center", va="center",
            fontsize=size, color=GREY, gid="no_data", zorder=6,
            bbox={"facecolor": "white", "edgecolor": GREY, "boxstyle": "round,pad=0.4"})


def month_ticks(low: date, high: date, lang: str | None = None,
                max_ticks: int = 10) -> list[tuple[date, str]]:
    """Tick positions on the first of a month with labels people read: 'sep' / '2025'.

    The interval (1, 2, 3, 4, 6 or 12 months) keeps at most ``max_ticks`` ticks; the
    year is written under the first tick and under every tick that starts a new year.
    """
    months = pd.date_range(pd.Timestamp(low).to_period("M").to_timestamp(),
                           pd.Timestamp(high), freq="MS")
    months = [m.date() for m in months if low <= m.date() <= high]
    for step in (1, 2, 3, 4, 6, 12):
        chosen = [m for m in months if (m.month - 1) % step == 0]
        if len(chosen) <= max_ticks:
            break
    ticks: list[tuple[date, str]] = []
    for m in chosen:
        label = an.month_abbreviation(m.month, lang)
        if not ticks or m.year != ticks[-1][0].year:
            label += f"\n{m.year}"
        ticks.append((m, label))
    return ticks


def _date_axis(ax: Axes, low: date, high: date, lang: str | None, size: float,
               max_ticks: int) -> None:
    ax.set_xlim(pd.Timestamp(low), pd.Timestamp(high))
    ticks = month_ticks(low, high, lang, max_ticks)
    ax.set_xticks([pd.Timestamp(day) for day, _ in ticks], [label for _, label in ticks])
    ax.tick_params(axis="x", labelsize=size)


def _style(ax: Axes, sizes: dict) -> None:
    ax.tick_params(labelsize=sizes["tick"])
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.grid(axis="y", color="#DDDDDD", linewidth=0.8)
    ax.set_axisbelow(True)


