"""Text alternatives of the charts: what each picture shows, in words (WCAG 2.1, 1.1.1).

Each function reads the same numbers as its chart (from :mod:`workbook.analysis`) and says
them with the same words the page uses elsewhere: an indicator's text is its status line
(``analysis.status_label`` and ``analysis.status_sentence``, as ``forms.progress.status_line``
shows them), so the picture and its words cannot drift apart. The forms put the text on the
picture widget (its ``tooltip``, shown as the image's ``title``; the app view's template
copies it into ``alt``).
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from .. import analysis as an
from .. import config
from ..i18n import language, register, t
from .common import channel_label, context_label, timeline_span

TEXTS: dict[str, dict[str, str]] = {
    "chart.alt.indicator": {
        "nl": "Grafiek van de voortgang, {status}. {sentence}",
        "en": "Progress chart, {status}. {sentence}",
    },
    "chart.alt.legend": {
        "nl": "Legende van de grafieken hieronder: gemeten is een blauwe lijn met punten, het "
        "doel een zwarte streepjeslijn, het tempo naar het doel een grijze stippellijn, de "
        "termijn een oranjerode streep-puntlijn en vandaag een lichtblauwe lijn met een zwarte "
        "rand. Elke grafiek schrijft zijn status ook voluit.",
        "en": "Key to the charts below: measured is a blue line with dots, the target a black "
        "dashed line, the pace to the target a grey dotted line, the deadline an orange-red "
        "dash-dot line and today a light-blue line with a black edge. Every chart also writes out "
        "its status.",
    },
    "chart.alt.timeline": {
        "nl": "{title}, {first} tot {last}: {months}.",
        "en": "{title}, {first} to {last}: {months}.",
    },
    "chart.alt.month": {"nl": "{month}: {count}", "en": "{month}: {count}"},
    "chart.alt.no_months": {"nl": "geen enkele maand", "en": "no month at all"},
    "chart.alt.events": {"nl": "Erasmus+-momenten: {events}.", "en": "Erasmus+ events: {events}."},
    "chart.alt.list": {"nl": "{title}: {items}.", "en": "{title}: {items}."},
    "chart.alt.empty": {"nl": "{title}: {message}.", "en": "{title}: {message}."},
}
register(TEXTS)


def _join(parts: list[str]) -> str:
    return "; ".join(parts)


def indicator_description(progress: an.Progress, lang: str | None = None) -> str:
    """'Grafiek van de voortgang, op schema. Deelnemers infosessies: 140 van 200 …' —
    the words of the indicator's status line, label and sentence."""
    return t("chart.alt.indicator", lang, status=an.status_label(progress.status, lang),
             sentence=an.status_sentence(progress, lang))


def legend_description(lang: str | None = None) -> str:
    """The key of the grid of small indicator charts (:func:`panel_legend`)."""
    return t("chart.alt.legend", lang)


def timeline_description(activities: pd.DataFrame, catalog: Any = None, plan_start: Any = None,
                         plan_end: Any = None, today: Any = None,
                         lang: str | None = None) -> str:
    """The months of :func:`timeline_chart` with their activities per context, and the
    Erasmus+ events in that period."""
    lang = language(lang)
    title = t("chart.timeline_title", lang)
    per_month = an.activities_per_month(activities, plan_start, plan_end)
    if per_month.empty or int(per_month.to_numpy().sum()) == 0:
        return t("chart.alt.empty", lang, title=title, message=t("chart.no_activities", lang))
    months = []
    for month, row in per_month.iterrows():
        total = int(row.sum())
        if total == 0:
            continue
        split = ", ".join(f"{context_label(context, lang)} {int(count)}"
                          for context, count in row.items() if count)
        months.append(t("chart.alt.month", lang, month=an.format_month(month, lang),
                        count=f"{total} ({split})"))
    text = t("chart.alt.timeline", lang, title=title,
             first=an.format_month(per_month.index[0], lang),
             last=an.format_month(per_month.index[-1], lang),
             months=_join(months) or t("chart.alt.no_months", lang))
    low, high, events = timeline_span(per_month, catalog)
    if events:
        named = [f"{o.event.label(lang)} ({an.format_date(o.start, lang)})" if o.exact
                 else f"{o.event.label(lang)} ({an.format_month(o.start, lang)})"
                 for o in events]
        text += " " + t("chart.alt.events", lang, events=_join(named))
    today = an.as_date(today) or config.today()
    if low <= today <= high:
        text += f" {t('chart.today', lang)}: {an.format_date(today, lang)}."
    return text


def _costs(title: str, labels: list[str], costs: pd.Series, lang: str) -> str:
    items = [f"{label} {an.format_money(round(value), lang)}"
             for label, value in zip(labels, costs, strict=True)]
    total = t("chart.cost_total", lang, total=an.format_money(costs.sum(), lang))
    return t("chart.alt.list", lang, title=title, items=_join(items)) + f" {total}."


def cost_by_channel_description(activities: pd.DataFrame, catalog: Any = None,
                                lang: str | None = None) -> str:
    """The bars of :func:`cost_by_channel_chart`: each channel's amount, and the total."""
    lang = language(lang)
    title = t("chart.cost_channel_title", lang)
    costs = an.costs_by_channel(activities)
    if costs.empty:
        return t("chart.alt.empty", lang, title=title, message=t("chart.no_costs", lang))
    labels = [channel_label(key, catalog, lang) for key in costs.index]
    return _costs(title, labels, costs, lang) + f" {t('chart.cost_split_note', lang)}"


def cost_by_context_description(activities: pd.DataFrame, lang: str | None = None) -> str:
    """The bars of :func:`cost_by_context_chart`: each context's amount, and the total."""
    lang = language(lang)
    costs = an.costs_by_context(activities)
    labels = [context_label(key, lang) for key in costs.index]
    return _costs(t("chart.cost_context_title", lang), labels, costs, lang)


def coverage_description(activities: pd.DataFrame, target_groups: pd.DataFrame | None = None,
                         catalog: Any = None, lang: str | None = None) -> str:
    """The cells of :func:`coverage_chart` row by row, and which cells are empty."""
    lang = language(lang)
    coverage = an.coverage_counts(activities, target_groups, catalog)
    title = t("chart.coverage_title", lang).replace("\n", " ")
    rows = []
    for scope in coverage.index:
        cells = ", ".join(
            f"{t(f'tier.{tier}', lang)} "
            + (an.format_number(count, lang) if (count := int(coverage.loc[scope, tier]))
               else t("chart.empty", lang))
            for tier in coverage.columns)
        rows.append(f"{t(f'scope.{scope}', lang)}: {cells}")
    return (t("chart.alt.list", lang, title=title, items=_join(rows))
            + f" {an.describe_empty_cells(coverage, lang)}")
