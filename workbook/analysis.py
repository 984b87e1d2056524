"""What the progress review and the overview charts need, computed from the store's frames.

Pure pandas: every function takes the frames that :meth:`Store.plan_tables` hands out (or
hand-made frames with the same columns) and returns numbers, frames or text. Nothing here
opens the store, builds a widget or draws.

Decisions a reader of the numbers should know:

* **Progress** of an indicator on a day: for kind ``cumulatief`` the sum of all
  measurements up to and including that day; for kind ``stand`` the latest reading up to
  that day (several readings on one day: the last one entered counts).
* **Pace**: the straight line from 0 on the start day to the target on the deadline. The
  start is the plan's start; without one, the first measurement; without that, the
  indicator's ``created_at`` when the frame has that column.
* **Status** is judged on "today" (``WORKBOOK_TODAY`` or the real date), in this order:
  ``behaald`` (the value reached the target, also when that happened after the deadline),
  ``verstreken`` (deadline passed and not reached, measured or not), ``niet_gemeten`` (no
  measurement up to today), ``op_schema`` (value today >= the pace today), ``achter``.
  A target of 0 counts as reached from the first measurement on.
* **Activities** that are deleted or cancelled (``geannuleerd``) count nowhere: not in
  coverage, costs or the timeline.
* **Cost per channel**: an activity's price is split equally over its channels; an
  activity without channels books its price on :data:`NO_CHANNEL`.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

import pandas as pd

from . import config
from .coverage import CONTEXTS as CONTEXTS
from .coverage import NO_CHANNEL as NO_CHANNEL
from .coverage import SCOPES as SCOPES
from .coverage import TIERS as TIERS
from .coverage import activities_per_month as activities_per_month
from .coverage import cell_label as cell_label
from .coverage import costs_by_channel as costs_by_channel
from .coverage import costs_by_context as costs_by_context
from .coverage import coverage_counts as coverage_counts
from .coverage import describe_empty_cells as describe_empty_cells
from .coverage import empty_cells as empty_cells
from .coverage import group_tags as group_tags
from .coverage import live_activities as live_activities
from .coverage import tag_of as tag_of
from .coverage import untagged_groups as untagged_groups
from .formats import MONTH_ABBREVIATIONS as MONTH_ABBREVIATIONS
from .formats import MONTHS as MONTHS
from .formats import format_date as format_date
from .formats import format_money as format_money
from .formats import format_month as format_month
from .formats import format_number as format_number
from .formats import format_percent as format_percent
from .formats import month_abbreviation as month_abbreviation
from .i18n import register, t
from .model import Kind
from .values import as_date as as_date

BEHAALD = "behaald"
OP_SCHEMA = "op_schema"
ACHTER = "achter"
NIET_GEMETEN = "niet_gemeten"
VERSTREKEN = "verstreken"
STATUSES: tuple[str, ...] = (BEHAALD, OP_SCHEMA, ACHTER, NIET_GEMETEN, VERSTREKEN)

TEXTS: dict[str, dict[str, str]] = {
    "analysis.status.behaald": {"nl": "behaald", "en": "reached"},
    "analysis.status.op_schema": {"nl": "op schema", "en": "on track"},
    "analysis.status.achter": {"nl": "achter op schema", "en": "behind schedule"},
    "analysis.status.niet_gemeten": {"nl": "nog niet gemeten", "en": "not measured yet"},
    "analysis.status.verstreken": {"nl": "termijn verstreken", "en": "deadline passed"},
    "analysis.progress": {
        "nl": "{name}: {value} van {target} {unit}{share}",
        "en": "{name}: {value} of {target} {unit}{share}",
    },
    "analysis.sentence.behaald": {
        "nl": "{progress}, behaald op {reached} — doel tegen {deadline}.",
        "en": "{progress}, reached on {reached} — target by {deadline}.",
    },
    "analysis.sentence.behaald_late": {
        "nl": "{progress}, behaald op {reached}, na de termijn van {deadline}.",
        "en": "{progress}, reached on {reached}, after the deadline of {deadline}.",
    },
    "analysis.sentence.op_schema": {
        "nl": "{progress}, op schema — doel tegen {deadline}.",
        "en": "{progress}, on track — target by {deadline}.",
    },
    "analysis.sentence.achter": {
        "nl": "{progress}, achter op schema (volgens het tempo nu {expected}) — doel tegen "
        "{deadline}.",
        "en": "{progress}, behind schedule (the pace calls for {expected} by now) — target by "
        "{deadline}.",
    },
    "analysis.sentence.niet_gemeten": {
        "nl": "{name}: nog niet gemeten — doel {target} {unit} tegen {deadline}.",
        "en": "{name}: not measured yet — target {target} {unit} by {deadline}.",
    },
    "analysis.sentence.verstreken": {
        "nl": "{progress}, termijn verstreken op {deadline}.",
        "en": "{progress}, deadline passed on {deadline}.",
    },
    "analysis.sentence.verstreken_unmeasured": {
        "nl": "{name}: nooit gemeten, termijn verstreken op {deadline} (doel {target} {unit}).",
        "en": "{name}: never measured, deadline passed on {deadline} (target {target} {unit}).",
    },
    "analysis.no_channel": {"nl": "(geen kanaal)", "en": "(no channel)"},
    "analysis.empty_cells": {
        "nl": "Geen activiteiten voor: {cells}.",
        "en": "No activities for: {cells}.",
    },
    "analysis.no_empty_cells": {
        "nl": "Elke combinatie van intern/extern en micro/meso/macro krijgt minstens één "
        "activiteit.",
        "en": "Every combination of internal/external and micro/meso/macro gets at least one "
        "activity.",
    },
}
register(TEXTS)


# ----- progress per indicator ------------------------------------------------------------


def measurements_of(measurements: pd.DataFrame, indicator_id: int) -> pd.DataFrame:
    """The measurements of one indicator, oldest first (stable: entry order within a day)."""
    own = measurements[measurements["indicator_id"] == indicator_id]
    return own.sort_values("date", kind="stable")


def measured(measurements: pd.DataFrame, today: Any) -> pd.DataFrame:
    """The measurements that count as measured on ``today``: those dated on or before it
    (one rule for the progress views and the facilitator's overview)."""
    if measurements.empty:
        return measurements
    return measurements[pd.to_datetime(measurements["date"]) <= pd.Timestamp(as_date(today))]


def measured_value(measurements: pd.DataFrame, kind: str, today: Any) -> float | None:
    """One indicator's value as measured on ``today`` (None when nothing is): the sum of
    its measurements, or for a reading (*stand*) the last one entered on the last day."""
    seen = measured(measurements, today)
    if seen.empty:
        return None
    if kind == Kind.STAND:
        return float(seen.sort_values("date", kind="stable")["value"].iloc[-1])
    return float(seen["value"].sum())


def progress_series(measurements: pd.DataFrame, kind: str) -> pd.Series:
    """The indicator's value after each measurement day: a Series indexed by date.

    ``measurements`` holds one indicator's rows (columns ``date`` and ``value``).
    Cumulative indicators add up (several measurements on one day add up too); readings
    keep the last value entered on a day.
    """
    if measurements.empty:
        return pd.Series([], index=pd.DatetimeIndex([], name="date"), name="value", dtype=float)
    ordered = measurements.sort_values("date", kind="stable")
    days = pd.to_datetime(ordered["date"]).dt.normalize()
    values = ordered["value"].astype(float)
    if kind == Kind.CUMULATIEF:
        series = values.groupby(days.to_numpy()).sum().cumsum()
    else:
        series = values.groupby(days.to_numpy()).last()
    series.index = pd.DatetimeIndex(series.index, name="date")
    return series.rename("value")


def value_on(series: pd.Series, on: Any) -> float | None:
    """The value as of day ``on`` (inclusive), or None when nothing was measured by then."""
    upto = series[series.index <= pd.Timestamp(as_date(on))]
    return None if upto.empty else float(upto.iloc[-1])


def reached_on(series: pd.Series, target: float) -> date | None:
    """The first measurement day on which the value reached ``target``."""
    hits = series[series >= target]
    return None if hits.empty else hits.index[0].date()


def pace_start(
    plan_start: Any = None, measurements: pd.DataFrame | None = None, created: Any = None
) -> date | None:
    """Where the pace line starts: plan start, else first measurement, else creation day."""
    start = as_date(plan_start)
    if start is None and measurements is not None and not measurements.empty:
        start = as_date(pd.to_datetime(measurements["date"]).min())
    return start if start is not None else as_date(created)


def expected_on(target: float, start: Any, deadline: Any, on: Any) -> float | None:
    """The value the straight line from (start, 0) to (deadline, target) gives on ``on``.

    0 before the start, the target from the deadline on; None without a start.
    """
    start, deadline, on = as_date(start), as_date(deadline), as_date(on)
    if start is None or deadline is None or on is None:
        return None
    if on >= deadline:
        return float(target)
    if on <= start:
        return 0.0
    return float(target) * (on - start).days / (deadline - start).days


@dataclass(frozen=True)
class Progress:
    """Where one indicator stands on ``today``, with everything its status line needs."""

    indicator_id: int
    name: str
    unit: str
    kind: str
    target: float
    deadline: date
    start: date | None
    today: date
    value: float | None
    measured_count: int
    last_measured: date | None
    expected: float | None
    reached_on: date | None
    status: str

    @property
    def share(self) -> float | None:
        """value / target; None when not measured or when the target is 0."""
        if self.value is None or self.target == 0:
            return None
        return self.value / self.target

    @property
    def late(self) -> bool:
        return self.reached_on is not None and self.reached_on > self.deadline


def judge(
    value: float | None,
    target: float,
    deadline: date,
    expected: float | None,
    today: date,
) -> str:
    """The status code for a value on ``today``; see the module docstring for the order."""
    if value is not None and value >= target:
        return BEHAALD
    if today > deadline:
        return VERSTREKEN
    if value is None:
        return NIET_GEMETEN
    if expected is None or value >= expected:
        return OP_SCHEMA
    return ACHTER


def indicator_progress(
    indicator: Mapping[str, Any] | pd.Series,
    measurements: pd.DataFrame,
    plan_start: Any = None,
    today: Any = None,
) -> Progress:
    """Progress, pace and status of one indicator (a row of the indicators frame).

    ``measurements`` may hold all of the plan's measurements; only this indicator's count.
    Measurements dated after ``today`` are ignored for the value and the status.
    """
    return indicator_state(indicator, measurements, plan_start, today)[0]


def indicator_state(
    indicator: Mapping[str, Any] | pd.Series,
    measurements: pd.DataFrame,
    plan_start: Any = None,
    today: Any = None,
) -> tuple[Progress, pd.Series]:
    """:func:`indicator_progress` and the :func:`progress_series` it was judged on (a chart
    draws the series: computed once for both)."""
    today = as_date(today) or config.today()
    own = measurements_of(measurements, int(indicator["id"]))
    series = progress_series(own, str(indicator["kind"]))
    seen = series[series.index <= pd.Timestamp(today)]
    target = float(indicator["target"])
    deadline = as_date(indicator["deadline"])
    start = pace_start(plan_start, own, indicator.get("created_at"))
    value = None if seen.empty else float(seen.iloc[-1])
    expected = expected_on(target, start, deadline, today)
    progress = Progress(
        indicator_id=int(indicator["id"]),
        name=str(indicator["name"]),
        unit=str(indicator["unit"]),
        kind=str(indicator["kind"]),
        target=target,
        deadline=deadline,
        start=start,
        today=today,
        value=value,
        measured_count=len(measured(own, today)),
        last_measured=None if seen.empty else seen.index[-1].date(),
        expected=expected,
        reached_on=reached_on(seen, target),
        status=judge(value, target, deadline, expected, today),
    )
    return progress, series


def status_label(status: str, lang: str | None = None) -> str:
    """'achter op schema' / 'behind schedule' for the code ``achter``."""
    return t(f"analysis.status.{status}", lang)


def status_sentence(progress: Progress, lang: str | None = None) -> str:
    """One plain line, e.g. 'Deelnemers infosessies: 140 van 200 deelnemers (70 %), op
    schema — doel tegen 30 juni 2026.'"""
    target = format_number(progress.target, lang)
    deadline = format_date(progress.deadline, lang)
    common = {"name": progress.name, "unit": progress.unit, "target": target,
              "deadline": deadline}
    if progress.value is None:
        key = "verstreken_unmeasured" if progress.status == VERSTREKEN else "niet_gemeten"
        return t(f"analysis.sentence.{key}", lang, **common)
    share = f" ({format_percent(progress.share, lang)})" if progress.share is not None else ""
    line = t("analysis.progress", lang, value=format_number(progress.value, lang), share=share,
             **common)
    if progress.status == BEHAALD:
        key = "behaald_late" if progress.late else "behaald"
        return t(f"analysis.sentence.{key}", lang, progress=line, deadline=deadline,
                 reached=format_date(progress.reached_on, lang))
    # The pace in the same precision as the target: "129", not "129,1" participants.
    whole = float(progress.target).is_integer()
    expected = progress.expected or 0.0
    expected = format_number(math.floor(expected + 0.5) if whole else expected, lang)
    return t(f"analysis.sentence.{progress.status}", lang, progress=line, deadline=deadline,
             expected=expected)


def progress_table(
    indicators: pd.DataFrame,
    measurements: pd.DataFrame,
    plan_start: Any = None,
    today: Any = None,
    lang: str | None = None,
) -> pd.DataFrame:
    """One row per indicator: value, pace, share, status code, label and sentence.

    Indexed by indicator id, in the order of ``indicators``.
    """
    columns = ["name", "unit", "kind", "target", "deadline", "start", "value", "expected",
               "share", "measured_count", "last_measured", "reached_on", "status",
               "status_label", "sentence"]
    rows = []
    for _, indicator in indicators.iterrows():
        progress = indicator_progress(indicator, measurements, plan_start, today)
        rows.append({
            "indicator_id": progress.indicator_id,
            **{name: getattr(progress, name) for name in columns[:-2]},
            "status_label": status_label(progress.status, lang),
            "sentence": status_sentence(progress, lang),
        })
    frame = pd.DataFrame(rows, columns=["indicator_id", *columns])
    return frame.set_index("indicator_id")
