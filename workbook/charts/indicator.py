"""The chart of one indicator: measured values against the target, the pace and the
deadline; full size or as a small multiple."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import pandas as pd
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.lines import Line2D
from matplotlib.textpath import TextToPath
from matplotlib.ticker import MaxNLocator

from .. import analysis as an
from .. import config
from ..i18n import language, t
from .common import (
    BIG,
    BLACK,
    BLUE,
    GREY,
    PANEL,
    SMALL,
    STATUS_COLOURS,
    TITLE_Y,
    VERMILLION,
    WIDE,
    _date_axis,
    _message,
    _style,
    _wrap,
    ink_on,
    today_line,
)

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
    ax.axvline(pd.Timestamp(progress.today), **today_line(lw * 0.6), gid="today",
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
    status.set_color(ink_on(colour))  # contrast ≥ 4.5:1 on every status colour
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
        _TEXT_TO_PATH = TextToPath()
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
        Line2D([], [], **today_line(2), label=t("chart.today", lang)),
    ]
    figure = Figure(figsize=(WIDE[0], 0.6), dpi=100)
    figure.set_facecolor("white")
    figure.legend(handles=handles, loc="center", ncols=len(handles),
                  fontsize=SMALL["legend"], frameon=False)
    return figure


