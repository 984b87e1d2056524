"""Charts of the progress review and the plan overview: store frames in, a Figure out.

Every function builds a :class:`matplotlib.figure.Figure` with the object API (no pyplot
state, nothing displayed) from the frames of :meth:`Store.plan_tables`; the numbers come
from :mod:`workbook.analysis`. The figures are made for a projector: large type,
nothing cut off, the Okabe–Ito colour-blind-safe palette, and never colour alone (every
status is also written out, empty cells are hatched and labelled). The indicator charts,
drawn by the hundred, get margins measured from their own texts (see ``_fixed_margins``)
and come in two layers, frame and data (see :class:`IndicatorView`); the overview charts,
drawn once, use constrained layout.

Artists a test or a form may look for carry a ``gid``: ``measured``, ``measured_points``,
``target``, ``pace``, ``deadline``, ``today``, ``status``, ``no_data``, ``context:<id>``,
``event:<id>``, ``cost:<key>``, ``cell:<scope>:<tier>`` and ``empty:<scope>:<tier>``.
"""

from __future__ import annotations

import math
import textwrap
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import pandas as pd
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, Rectangle
from matplotlib.ticker import MaxNLocator

from . import analysis as an
from . import config
from .i18n import language, register, t

# Okabe & Ito (2008): distinguishable with every common colour-vision deficiency.
BLACK = "#000000"
ORANGE = "#E69F00"
SKY = "#56B4E9"
GREEN = "#009E73"
BLUE = "#0072B2"
VERMILLION = "#D55E00"
PURPLE = "#CC79A7"
GREY = "#6E6E6E"

CONTEXT_COLOURS = {"binnen_school": BLUE, "tussen_partners": ORANGE}
STATUS_COLOURS = {
    an.BEHAALD: GREEN,
    an.OP_SCHEMA: BLUE,
    an.ACHTER: VERMILLION,
    an.NIET_GEMETEN: GREY,
    an.VERSTREKEN: PURPLE,
}

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
    "chart.measured.stand": {"nl": "Gemeten (stand)", "en": "Measured (reading)"},
    "chart.target": {"nl": "Doel: {target} {unit}", "en": "Target: {target} {unit}"},
    "chart.target_short": {"nl": "Doel", "en": "Target"},
    "chart.pace": {"nl": "Tempo naar het doel", "en": "Pace to the target"},
    "chart.deadline": {"nl": "Termijn: {date}", "en": "Deadline: {date}"},
    "chart.deadline_short": {"nl": "Termijn", "en": "Deadline"},
    "chart.today": {"nl": "Vandaag", "en": "Today"},
    "chart.measured_short": {"nl": "Gemeten", "en": "Measured"},
    "chart.no_measurements": {"nl": "Nog geen metingen", "en": "No measurements yet"},
    "chart.axis_date": {"nl": "Datum", "en": "Date"},
    "chart.axis_unit.cumulatief": {"nl": "{unit} (opgeteld)", "en": "{unit} (added up)"},
    "chart.axis_unit.stand": {"nl": "{unit} (stand)", "en": "{unit} (reading)"},
    "chart.status_value": {
        "nl": "{status}: {value} van {target}{share}",
        "en": "{status}: {value} of {target}{share}",
    },
    "chart.timeline_title": {"nl": "Activiteiten per maand", "en": "Activities per month"},
    "chart.activities_axis": {"nl": "Aantal activiteiten", "en": "Number of activities"},
    "chart.event_month": {
        "nl": "Erasmus+-moment, exacte dag nog niet bekend",
        "en": "Erasmus+ event, exact day not yet known",
    },
    "chart.event_exact": {"nl": "Erasmus+-moment", "en": "Erasmus+ event"},
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


# ----- one indicator ---------------------------------------------------------------------

#: Artists that change when a measurement is added, edited or deleted; everything else
#: in an indicator chart (axes, references, titles) is its frame. See :class:`IndicatorView`.
DATA_GIDS = ("measured", "measured_points", "no_data", "status")


def _status_text(progress: an.Progress, lang: str | None, compact: bool = False) -> str:
    """'achter op schema: 121 van 200 (61 %)'; in a small panel 'achter op schema · 61 %'."""
    label = an.status_label(progress.status, lang)
    if progress.value is None:
        return label
    if compact:
        return label if progress.share is None else (
            f"{label} · {an.format_percent(progress.share, lang)}")
    share = f" ({an.format_percent(progress.share, lang)})" if progress.share is not None else ""
    return t("chart.status_value", lang, status=label, share=share,
             value=an.format_number(progress.value, lang),
             target=an.format_number(progress.target, lang))


def _x_range(progress: an.Progress, series: pd.Series) -> tuple[date, date]:
    days = [progress.deadline, progress.today]
    if progress.start is not None:
        days.append(progress.start)
    if not series.empty:
        days += [series.index[0].date(), series.index[-1].date()]
    low, high = min(days), max(days)
    pad = max(timedelta(days=10), (high - low) * 0.04)
    return low - pad, high + pad


_NICE_STEPS = (1.0, 1.2, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0)


def _nice_ceiling(value: float) -> float:
    """The smallest of 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 times a power of ten ≥ ``value``.

    The y axis ends there, so a new measurement moves the scale only when it crosses one
    of these steps (the frame of the chart stays and need not be drawn again).
    """
    power = 10.0 ** math.floor(math.log10(value))
    return next(step * power for step in _NICE_STEPS if step * power >= value * (1 - 1e-12))


@dataclass(frozen=True)
class IndicatorView:
    """What one indicator's chart shows on ``progress.today``, split in two layers.

    The *frame* (axes, scales, target, deadline, pace, today, title) follows from the
    indicator and the date range; the *data* (measured line, points, status label) from
    its measurements. A new measurement inside the frame's range changes only the data,
    so a picture can keep the frame's pixels and draw the data on top
    (:class:`workbook.pictures.IndicatorPicture`).
    """

    progress: an.Progress
    series: pd.Series
    low: date
    high: date
    top: float

    def frame_key(self) -> tuple:
        p = self.progress
        return (p.indicator_id, p.name, p.unit, p.kind, p.target, p.deadline, p.start,
                p.today, self.low, self.high, self.top)

    def data_key(self) -> tuple:
        p = self.progress
        return (tuple(self.series.index), tuple(self.series.to_numpy()), p.status, p.value)


def indicator_view(indicator: Any, measurements: pd.DataFrame, plan_start: Any = None,
                   today: Any = None) -> IndicatorView:
    """The progress, series and scales of one indicator (a row of the indicators frame)."""
    today = an.as_date(today) or config.today()
    progress, series = an.indicator_state(indicator, measurements, plan_start, today)
    low, high = _x_range(progress, series)
    highest = max(progress.target, float(series.max()) if not series.empty else 0.0)
    # Headroom above the highest line keeps the status label clear of the data. A target
    # of 0 with readings of 0 still gets a 0–4 scale of whole numbers.
    top = _nice_ceiling(highest * 1.4) if highest > 0 else 5.6
    return IndicatorView(progress, series, low, high, top)


def _draw_frame(ax: Axes, view: IndicatorView, lang: str | None, compact: bool) -> None:
    sizes = SMALL if compact else BIG
    lw = 2.2 if compact else 3.0
    progress = view.progress
    deadline, target = pd.Timestamp(progress.deadline), progress.target
    if progress.start is not None and progress.start < progress.deadline:
        ax.plot([pd.Timestamp(progress.start), deadline], [0, target], color=GREY, lw=lw * 0.8,
                linestyle=(0, (1.5, 1.5)), gid="pace", label=t("chart.pace", lang))
    ax.axhline(target, color=BLACK, lw=lw * 0.7, linestyle=(0, (6, 3)), gid="target",
               label=t("chart.target", lang, target=an.format_number(target, lang),
                       unit=progress.unit))
    ax.axvline(deadline, color=VERMILLION, lw=lw * 0.8, linestyle="-.", gid="deadline",
               label=t("chart.deadline", lang, date=an.format_date(progress.deadline, lang)))
    ax.plot([deadline], [target], marker="*", markersize=14 if compact else 22,
            color=VERMILLION, markeredgecolor=BLACK, linestyle="none", zorder=5,
            gid="goal_marker")
    ax.axvline(pd.Timestamp(progress.today), color=SKY, lw=lw * 0.6, gid="today",
               label=t("chart.today", lang))
    # A little room below 0 keeps a line at 0 (target 0, nothing measured yet) off the spine.
    ax.set_ylim(-view.top * 0.03, view.top)
    ax.yaxis.set_major_locator(MaxNLocator(nbins=4 if compact else 6,
                                           integer=view.top >= 4, min_n_ticks=2))
    ax.yaxis.set_major_formatter(lambda value, _pos: an.format_number(value, lang))
    _style(ax, sizes)
    _date_axis(ax, view.low, view.high, lang, sizes["tick"], 4 if compact else 10)
    ax.set_title(_wrap(progress.name, 27 if compact else 70), fontsize=sizes["title"], y=TITLE_Y,
                 loc="left", fontweight="bold")
    ax.set_ylabel(_wrap(t(f"chart.axis_unit.{progress.kind}", lang, unit=progress.unit),
                        24 if compact else 40), fontsize=sizes["label"])


def _draw_data(ax: Axes, view: IndicatorView, lang: str | None, compact: bool) -> None:
    """The data layer, present even without measurements (empty, or hidden) so that
    :func:`update_data` can fill it in later."""
    sizes = SMALL if compact else BIG
    ax.plot([], [], drawstyle="steps-post", color=BLUE, lw=2.2 if compact else 3.0,
            gid="measured", label=t(f"chart.measured.{view.progress.kind}", lang))
    ax.plot([], [], "o", color=BLUE, markersize=6 if compact else 9, markeredgecolor="white",
            gid="measured_points", zorder=4)
    _message(ax, t("chart.no_measurements", lang), sizes["text"] + 2)
    ax.text(0.02, 0.97, "", transform=ax.transAxes, ha="left", va="top",
            fontsize=sizes["text"], fontweight="bold", gid="status",
            bbox={"boxstyle": "round,pad=0.35"})
    update_data(ax, view, lang, compact)


def data_artists(ax: Axes) -> list[Artist]:
    """The artists of ``ax`` that show measurements (gids in :data:`DATA_GIDS`)."""
    return [artist for artist in ax.get_children() if artist.get_gid() in DATA_GIDS]


def update_data(ax: Axes, view: IndicatorView, lang: str | None, compact: bool) -> None:
    """Show ``view``'s measurements in the data layer of ``ax``; the frame is left as is."""
    found = {artist.get_gid(): artist for artist in data_artists(ax)}
    progress, series = view.progress, view.series
    found["no_data"].set_visible(series.empty)
    xs, ys = list(series.index), list(series.to_numpy())
    found["measured_points"].set_data(xs, ys)
    if xs and pd.Timestamp(progress.today) > xs[-1]:  # the value holds until today
        xs, ys = [*xs, pd.Timestamp(progress.today)], [*ys, ys[-1]]
    found["measured"].set_data(xs, ys)
    colour = STATUS_COLOURS[progress.status]
    status = found["status"]
    status.set_text(_status_text(progress, lang, compact))
    status.set_color(BLACK if colour in (PURPLE, ORANGE, SKY) else "white")  # contrast ≥ 3:1
    status.get_bbox_patch().set(facecolor=colour, edgecolor=colour)


def view_figure(view: IndicatorView, lang: str | None = None, compact: bool = False) -> Figure:
    """The chart of ``view``: full screen, or one small panel when ``compact``."""
    lang = language(lang)
    # No layout engine: constrained layout measured every artist before each draw (about
    # half of the render time of this chart). The margins are computed from the texts.
    figure = Figure(figsize=PANEL if compact else WIDE, dpi=100)
    figure.set_facecolor("white")
    ax = figure.add_subplot()
    _draw_frame(ax, view, lang, compact)
    _draw_data(ax, view, lang, compact)
    if compact:
        _panel_margins(figure, ax)
    else:
        ax.set_xlabel(t("chart.axis_date", lang), fontsize=BIG["label"])
        handles, labels = _legend_entries(ax)
        figure.legend(handles, labels, loc="lower center", bbox_to_anchor=(0.5, 0.005),
                      ncols=3, fontsize=BIG["legend"], frameon=False)
        _fixed_margins(figure, ax, legend_rows=math.ceil(len(labels) / 3))
    figure.set_label(view.progress.name)
    return figure


def indicator_chart(indicator: Any, measurements: pd.DataFrame, plan_start: Any = None,
                    today: Any = None, lang: str | None = None) -> Figure:
    """One indicator full screen: measured value over time, target, deadline, pace, status.

    ``indicator`` is a row of the indicators frame (Series or mapping with id, name, unit,
    target, deadline, kind); ``measurements`` the plan's measurements frame.
    """
    return view_figure(indicator_view(indicator, measurements, plan_start, today), lang)


def indicator_panel(indicator: Any, measurements: pd.DataFrame, plan_start: Any = None,
                    today: Any = None, lang: str | None = None) -> Figure:
    """One indicator as a small multiple (:data:`PANEL` inches, short status, no legend:
    see :func:`panel_legend`), for a grid of all indicators at a glance."""
    return view_figure(indicator_view(indicator, measurements, plan_start, today), lang,
                       compact=True)


def _text_size(text: str, size: float, bold: bool = False) -> tuple[float, float]:
    """Width and height in inches of ``text`` (one or more lines) at ``size`` points,
    measured with the font Agg draws with, without drawing anything."""
    global _TEXT_TO_PATH
    if _TEXT_TO_PATH is None:
        from matplotlib.textpath import TextToPath

        _TEXT_TO_PATH = TextToPath()
    from matplotlib.font_manager import FontProperties

    properties = FontProperties(size=size, weight="bold" if bold else "normal")
    lines = text.split("\n")
    width = max(_TEXT_TO_PATH.get_text_width_height_descent(line, properties, ismath=False)[0]
                for line in lines)
    return width / 72.0, len(lines) * size * 1.2 / 72.0


_TEXT_TO_PATH: Any = None
_PAD = 0.15  # inches between the figure's edge and what it shows


def _left_room(ax: Axes, sizes: dict) -> float:
    """Inches left of an axes for its y label (one or two lines) and widest tick label."""
    formatter = ax.yaxis.get_major_formatter()
    low, high = ax.get_ylim()
    values = [v for v in ax.yaxis.get_major_locator()() if low <= v <= high]
    tick_width = max((_text_size(formatter(v, 0), sizes["tick"])[0] for v in values),
                     default=0.3)
    label_height = _text_size(ax.get_ylabel(), sizes["label"])[1]
    return label_height + 0.12 + tick_width + 0.15


def _fixed_margins(figure: Figure, ax: Axes, legend_rows: int) -> None:
    """Place the axes so that title, labels, ticks and the legend below all fit.

    What varies per indicator is measured from the texts themselves (title and unit
    wrapped on one or two lines, the widest value on the y axis); the rest is the fixed
    room of the type sizes in :data:`BIG`.
    """
    width, height = figure.get_size_inches()
    pad = _PAD
    title_height = _text_size(ax.get_title(loc="left"), BIG["title"], bold=True)[1]
    left = pad + _left_room(ax, BIG)
    top = pad + title_height + 0.1
    # x ticks: month and year on two lines; the axis label; the legend rows
    bottom = (0.1 + 2 * BIG["tick"] * 1.2 / 72 + 0.12 + BIG["label"] * 1.2 / 72 + 0.15
              + legend_rows * BIG["legend"] * 1.45 / 72 + pad)
    right = 0.45  # half of the last month label may stand past the axis end
    figure.subplots_adjust(left=left / width, right=1 - right / width,
                           bottom=bottom / height, top=1 - top / height)


def _panel_margins(figure: Figure, ax: Axes) -> None:
    """Like :func:`_fixed_margins` for a small multiple: room for a title of up to two
    lines, the y label and values, month and year under the axis; no legend."""
    width, height = figure.get_size_inches()
    left = _PAD + _left_room(ax, SMALL)
    top = _PAD + 2 * SMALL["title"] * 1.2 / 72 + 0.08  # panels in a row share one height
    bottom = _PAD + 0.06 + 2 * SMALL["tick"] * 1.2 / 72 + 0.1
    right = 0.3  # half of the last month label may stand past the axis end
    figure.subplots_adjust(left=left / width, right=1 - right / width,
                           bottom=bottom / height, top=1 - top / height)


_LEGEND_ORDER = ("measured", "target", "pace", "deadline", "today")


def _legend_entries(ax: Axes) -> tuple[list, list[str]]:
    """Legend handles in reading order: what was measured first, then the references."""
    handles, labels = ax.get_legend_handles_labels()
    pairs = sorted(zip(handles, labels, strict=True),
                   key=lambda pair: _LEGEND_ORDER.index(pair[0].get_gid()))
    return [h for h, _ in pairs], [label for _, label in pairs]


def panel_legend(lang: str | None = None) -> Figure:
    """One legend for a grid of panels (their own labels carry values, so generic ones),
    as a strip as wide as the full-screen chart."""
    lang = language(lang)
    handles = [
        Line2D([], [], color=BLUE, lw=3, marker="o", label=t("chart.measured_short", lang)),
        Line2D([], [], color=BLACK, lw=2, linestyle=(0, (6, 3)),
               label=t("chart.target_short", lang)),
        Line2D([], [], color=GREY, lw=2.5, linestyle=(0, (1.5, 1.5)), label=t("chart.pace", lang)),
        Line2D([], [], color=VERMILLION, lw=2.5, linestyle="-.",
               label=t("chart.deadline_short", lang)),
        Line2D([], [], color=SKY, lw=2, label=t("chart.today", lang)),
    ]
    figure = Figure(figsize=(WIDE[0], 0.6), dpi=100)
    figure.set_facecolor("white")
    figure.legend(handles=handles, loc="center", ncols=len(handles),
                  fontsize=SMALL["legend"], frameon=False)
    return figure


# ----- overview: timeline ----------------------------------------------------------------


def _context_label(context: str, lang: str | None) -> str:
    try:
        return t(f"context.{context}", lang)
    except KeyError:
        return context


def _events_in(catalog: Any, low: date, high: date) -> list:
    if catalog is None:
        return []
    years = range(low.year, high.year + 1)
    return [o for o in catalog.event_occurrences(years) if o.end >= low and o.start <= high]


def timeline_chart(activities: pd.DataFrame, catalog: Any = None, plan_start: Any = None,
                   plan_end: Any = None, today: Any = None, lang: str | None = None) -> Figure:
    """Activities per month as stacked bars by context, with the Erasmus+ events of those
    years in a band above (one row per event) and today marked.

    The months run from the plan's start (or first activity) to its end (or last
    activity). Events come from ``catalog.event_occurrences``; an event whose exact days
    are unknown covers its whole month, hatched.
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

    low = per_month.index[0].date()
    high = (per_month.index[-1] + pd.offsets.MonthEnd(0)).date()
    events = _events_in(catalog, low, high)
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
               color=CONTEXT_COLOURS.get(context, GREY), edgecolor="white",
               label=_context_label(context, lang), gid=f"context:{context}")
        bottom = bottom + per_month[context]
    ax.set_ylim(0, max(int(bottom.max()), 1) * 1.15)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_ylabel(t("chart.activities_axis", lang), fontsize=BIG["label"])
    _style(ax, BIG)
    if low <= today <= high:
        for axes in (ax, band) if band is not None else (ax,):
            axes.axvline(pd.Timestamp(today), color=SKY, lw=2.5, gid="today",
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
    labels = [t("analysis.no_channel", lang) if key == an.NO_CHANNEL
              else _wrap(catalog.label_of(key, lang) if catalog else key, 34)
              for key in costs.index]
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
    labels = [_context_label(key, lang) for key in costs.index]
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
    ax.imshow(coverage.to_numpy(), cmap="Blues", vmin=0, vmax=highest * 1.25, aspect="auto")
    for row, scope in enumerate(coverage.index):
        for col, tier in enumerate(coverage.columns):
            count = int(coverage.loc[scope, tier])
            if count == 0:
                ax.add_patch(Rectangle((col - 0.46, row - 0.46), 0.92, 0.92, facecolor="white",
                                       edgecolor=VERMILLION, hatch="//", lw=4,
                                       gid=f"empty:{scope}:{tier}"))
                ax.text(col, row, t("chart.empty", lang), ha="center", va="center",
                        fontsize=26, fontweight="bold", color=VERMILLION,
                        bbox={"facecolor": "white", "edgecolor": "none", "pad": 4},
                        gid=f"cell:{scope}:{tier}")
            else:
                dark = count > highest * 0.6
                ax.text(col, row, an.format_number(count, lang), ha="center", va="center",
                        fontsize=30, fontweight="bold", color="white" if dark else BLACK,
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
                     fontsize=BIG["text"], color=VERMILLION if an.empty_cells(coverage) else BLACK)
    return figure
