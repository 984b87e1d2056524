"""A self-contained HTML progress report (jinja2, autoescaped): readable offline, printable.

What it holds: the plan's facts, the planning table, the indicators with their progress,
the impact chain of each effect, the team's reflection answers (at the start and at the
mid-term review), the plan check, and charts embedded as base64 PNG. Charts and the plan
check can be passed in; when they are not, the report asks :mod:`workbook.charts`,
:mod:`workbook.analysis` and :mod:`workbook.checks` for them if those modules are there,
and leaves the section out if not. Everything a participant typed is escaped.
"""

from __future__ import annotations

import base64
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import pandas as pd
from jinja2 import Environment, select_autoescape

from .. import analysis, checks, config, reflection
from ..analysis import format_money, format_number
from ..i18n import language, register, t
from ..lazy import on_first_use
from ..sources import model_paragraphs, text_sources
from ..store import frames
from .data import PlanData, python_value, records

# The charts (Matplotlib, ~0.6 s) only for a report that draws them.
_charts = on_first_use("workbook.charts")

TEXTS = {
    "report.title": {"nl": "Voortgangsrapport disseminatie", "en": "Dissemination progress report"},
    "report.made_on": {"nl": "Gemaakt op {date} met het Werkboek Disseminatie.",
                       "en": "Made on {date} with the Werkboek Disseminatie."},
    "report.planning": {"nl": "Planning", "en": "Planning"},
    "report.no_activities": {"nl": "Nog geen activiteiten gepland.",
                             "en": "No activities planned yet."},
    "report.indicators": {"nl": "Indicatoren en voortgang", "en": "Indicators and progress"},
    "report.no_indicators": {"nl": "Nog geen indicatoren.", "en": "No indicators yet."},
    "report.measured": {"nl": "Gemeten", "en": "Measured"},
    "report.progress": {"nl": "Stand van zaken", "en": "Progress"},
    "report.chains": {"nl": "De impactketen per effect", "en": "The impact chain of each effect"},
    "report.reflection": {"nl": "Reflectie", "en": "Reflection"},
    "report.no_reflection": {"nl": "Nog geen antwoorden op de reflectievragen.",
                             "en": "No answers to the reflection questions yet."},
    "report.check": {"nl": "Plancheck", "en": "Plan check"},
    "report.check_ok": {"nl": "in orde", "en": "in order"},
    "report.check_todo": {"nl": "aandacht nodig", "en": "needs attention"},
    "report.charts": {"nl": "Grafieken", "en": "Charts"},
    "report.total": {"nl": "Totaal", "en": "Total"},
    "report.chart.timeline": {"nl": "Tijdlijn", "en": "Timeline"},
    "report.chart.cost_context": {"nl": "Kosten per context", "en": "Cost per context"},
    "report.chart.cost_channel": {"nl": "Kosten per kanaal", "en": "Cost per channel"},
    "report.chart.coverage": {"nl": "Bereik per niveau", "en": "Reach per level"},
    "report.consent": {"nl": "Bijlage: modeltekst toestemming voor beelden van leerlingen",
                       "en": "Appendix: model consent for images of pupils"},
    "report.consent_help": {
        "nl": "Om af te drukken en aan te passen (de [haakjes]); in het Nederlands en het "
        "Engels, voor de partners. Ze volgt de bronnen hieronder; het schoolreglement "
        "vervangt ze niet.",
        "en": "To print and adapt (the [brackets]); in Dutch and English, for the partners. "
        "It follows the sources below; the school rules do not replace it.",
    },
    "report.sources": {"nl": "Bronnen", "en": "Sources"},
}
register(TEXTS)

TEMPLATE = """<!DOCTYPE html>
<html lang="{{ lang }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ title }} – {{ plan.name }}</title>
<style>
  body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1a1a1a;
         max-width: 1200px; margin: 2rem auto; padding: 0 1rem; line-height: 1.4; }
  h1 { font-size: 1.8rem; margin-bottom: .2rem; }
  h2 { font-size: 1.3rem; margin-top: 2rem; border-bottom: 2px solid #003399; }
  table { border-collapse: collapse; width: 100%; font-size: .9rem; margin: .5rem 0; }
  th, td { border: 1px solid #bbb; padding: .3rem .45rem; text-align: left;
           vertical-align: top; }
  th { background: #dce6f1; }
  td.num { text-align: right; white-space: nowrap; }
  tfoot td { font-weight: bold; }
  dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; }
  dl.facts dt { font-weight: bold; }
  dl.facts dd { margin: 0; }
  dl.reflection dt { font-weight: bold; margin-top: .5rem; }
  dl.reflection dd { margin: 0 0 .3rem 0; }
  ul.check li.ok::marker { content: "✔ "; color: #1b7a3a; }
  ul.check li.todo::marker { content: "⚠ "; color: #b35900; }
  figure { margin: 1rem 0; page-break-inside: avoid; break-inside: avoid; }
  figure img { max-width: 100%; height: auto; }
  figcaption { font-weight: bold; }
  .muted { color: #555; font-size: .85rem; }
  @media print {
    body { margin: 0; max-width: none; font-size: 10pt; }
    h2 { page-break-after: avoid; break-after: avoid; }
    tr { page-break-inside: avoid; break-inside: avoid; }
    thead { display: table-header-group; }
  }
</style>
</head>
<body>
{% macro td(cell) %}<td{% if cell.num %} class="num"{% endif %}>{{ cell.text }}</td>{% endmacro %}
{% macro rows_table(part) %}
  <table>
    <thead><tr>{% for h in part.headings %}<th>{{ h }}</th>{% endfor %}</tr></thead>
    <tbody>
    {% for row in part.rows %}
      <tr>{% for cell in row %}{{ td(cell) }}{% endfor %}</tr>
    {% endfor %}
    </tbody>
    {% if caller is defined %}{{ caller() }}{% endif %}
  </table>
{% endmacro %}
<header>
  <h1>{{ title }}: {{ plan.name }}</h1>
  <dl class="facts">
  {% for label, value in facts if value %}
    <dt>{{ label }}</dt><dd>{{ value }}</dd>
  {% endfor %}
  </dl>
  <p class="muted">{{ made_on }}</p>
</header>

<section id="planning">
  <h2>{{ text.planning }}</h2>
  {% if planning.rows %}
  {% call rows_table(planning) %}
    <tfoot><tr><td colspan="{{ planning.price_column }}">{{ text.total }}</td>
      <td class="num">{{ planning.total }}</td>
      <td colspan="{{ planning.headings|length - planning.price_column - 1 }}"></td></tr></tfoot>
  {% endcall %}
  {% else %}<p>{{ text.no_activities }}</p>{% endif %}
</section>

<section id="indicators">
  <h2>{{ text.indicators }}</h2>
  {% if indicators.rows %}
  {{ rows_table(indicators) }}
  {% else %}<p>{{ text.no_indicators }}</p>{% endif %}
</section>

{% if chains.rows %}
<section id="chains">
  <h2>{{ text.chains }}</h2>
  {{ rows_table(chains) }}
</section>
{% endif %}

<section id="reflection">
  <h2>{{ text.reflection }}</h2>
  {% for moment in reflection %}
  <h3>{{ moment.title }}</h3>
  <dl class="reflection">
  {% for question, answer in moment.answers %}
    <dt>{{ question }}</dt><dd>{{ answer }}</dd>
  {% endfor %}
  </dl>
  {% else %}<p>{{ text.no_reflection }}</p>
  {% endfor %}
</section>

{% if check %}
<section id="check">
  <h2>{{ text.check }}</h2>
  <ul class="check">
  {% for ok, message in check %}
    <li class="{{ 'ok' if ok else 'todo' }}">
      <span class="muted">{{ text.check_ok if ok else text.check_todo }}:</span> {{ message }}
    </li>
  {% endfor %}
  </ul>
</section>
{% endif %}

{% if consent %}
<section id="consent" style="page-break-before: always; break-before: page;">
  <h2>{{ text.consent }}</h2>
  <p class="muted">{{ text.consent_help }}</p>
  {% for paragraphs in consent.texts %}
  <article lang="{{ paragraphs.lang }}" style="page-break-after: always; break-after: page;">
    <h3>{{ paragraphs.title }}</h3>
    {% for paragraph in paragraphs.body %}<p>{{ paragraph }}</p>{% endfor %}
  </article>
  {% endfor %}
  <p class="muted">{{ text.sources }}: {{ consent.sources }}</p>
</section>
{% endif %}

{% if charts %}
<section id="charts">
  <h2>{{ text.charts }}</h2>
  {% for chart in charts %}
  <figure>
    <figcaption>{{ chart.title }}</figcaption>
    <img alt="{{ chart.title }}" src="data:image/png;base64,{{ chart.data }}">
  </figure>
  {% endfor %}
</section>
{% endif %}
</body>
</html>
"""

_environment = Environment(autoescape=select_autoescape(default=True, default_for_string=True),
                           trim_blocks=True, lstrip_blocks=True)
_template = _environment.from_string(TEMPLATE)


@dataclass(frozen=True)
class Chart:
    """A chart for the report: a title and PNG bytes (or a matplotlib Figure)."""

    title: str
    image: Any

    def png(self) -> bytes:
        if isinstance(self.image, bytes | bytearray):
            return bytes(self.image)
        buffer = io.BytesIO()
        self.image.savefig(buffer, format="png", dpi=90, bbox_inches="tight")
        return buffer.getvalue()

    def data_uri_payload(self) -> str:
        return base64.b64encode(self.png()).decode("ascii")


# ----- formatting ----------------------------------------------------------------------


def format_date(value: Any) -> str:
    """14/10/2025: compact, for table cells (prose dates use analysis.format_date)."""
    value = python_value(value)
    return value.strftime("%d/%m/%Y") if isinstance(value, date) else ""


def _cells(values: Sequence[Any], money: set[int], lang: str | None) -> list[dict[str, Any]]:
    cells = []
    for index, value in enumerate(values):
        if value is None:
            cells.append({"text": "", "num": False})
        elif isinstance(value, date):
            cells.append({"text": format_date(value), "num": True})
        elif isinstance(value, int | float) and not isinstance(value, bool):
            text = format_money(value, lang) if index in money else format_number(value, lang)
            cells.append({"text": text, "num": True})
        else:
            cells.append({"text": str(value), "num": False})
    return cells


def _planning(data: PlanData, lang: str | None) -> dict[str, Any]:
    table = data.planning(lang)
    price = list(table.columns).index(t("field.price", lang))
    return {
        "headings": list(table.columns),
        "rows": [_cells(row, {price}, lang) for row in records(table)],
        "price_column": price,
        "total": format_money(float(table.iloc[:, price].sum()) if len(table) else 0.0, lang),
    }


def _indicators(data: PlanData, lang: str | None) -> dict[str, Any]:
    table = data.indicator_table(lang)
    progress = _progress(data, lang)
    headings = list(table.columns)
    rows = records(table)
    if progress is not None:
        headings.append(t("report.progress", lang))
        ids = list(data.tables["indicators"]["id"])
        rows = [[*row, progress.get(ids[i], "")] for i, row in enumerate(rows)]
    return {"headings": headings, "rows": [_cells(row, set(), lang) for row in rows]}


def _chains(data: PlanData, lang: str | None) -> dict[str, Any]:
    """Each effect's outputs → outcomes → impact (:mod:`workbook.chain`)."""
    return frame_html_table(data.chain_table(lang), lang)


def _reflection(data: PlanData, lang: str | None) -> list[dict[str, Any]]:
    """The answered reflection questions, per moment (start, mid-term review)."""
    answers = reflection.answered(data.tables.get("reflections", frames.empty("reflections")),
                                  lang)
    moments = dict.fromkeys(moment for moment, _, _ in answers)
    return [{"title": t(f"moment.{moment}", lang).capitalize(),
             "answers": [(q, a) for m, q, a in answers if m == moment]} for moment in moments]


def _progress(data: PlanData, lang: str | None) -> dict[int, str] | None:
    """A progress sentence per indicator id (workbook.analysis)."""
    if data.tables["indicators"].empty:
        return None
    frame = analysis.progress_table(data.tables["indicators"], data.tables["measurements"],
                     plan_start=data.plan.start, lang=lang)
    if "sentence" not in frame:
        return None
    return {int(k): str(v) for k, v in frame["sentence"].items()}


def default_check(data: PlanData, lang: str | None = None) -> list[tuple[bool, str]]:
    """The plan check of workbook.checks."""
    plan = data.plan.model_dump()
    return [(bool(f.ok), f.message(lang))
            for f in checks.plan_check(data.tables, data.catalog, plan)]


def default_charts(data: PlanData, lang: str | None = None) -> list[Chart]:
    """The overview charts and one chart per indicator, from workbook.charts."""
    tables = data.tables
    activities = tables["activities"]
    if "deleted" in activities:
        activities = activities[~activities["deleted"]]
    found: list[Chart] = []

    def add(title_key: str, name: str, *args: Any, **kwargs: Any) -> None:
        function = getattr(_charts, name)
        found.append(Chart(t(title_key, lang), function(*args, lang=lang, **kwargs)))

    if len(activities):
        add("report.chart.timeline", "timeline_chart", activities, data.catalog,
            plan_start=data.plan.start)
        add("report.chart.cost_context", "cost_by_context_chart", activities)
        add("report.chart.cost_channel", "cost_by_channel_chart", activities, data.catalog)
        add("report.chart.coverage", "coverage_chart", activities, tables.get("target_groups"),
            data.catalog)
    for _, indicator in tables["indicators"].iterrows():
        figure = _charts.indicator_chart(indicator, tables["measurements"],
                                         plan_start=data.plan.start, lang=lang)
        found.append(Chart(str(indicator["name"]), figure))
    return found


def as_charts(charts: Iterable[Any]) -> list[Chart]:
    result = []
    for chart in charts:
        if isinstance(chart, Chart):
            result.append(chart)
        else:
            title, image = chart
            result.append(Chart(str(title), image))
    return result


def report_html(
    data: PlanData,
    lang: str | None = None,
    *,
    charts: Iterable[Any] | bool | None = None,
    check: Iterable[tuple[bool, str]] | bool | None = None,
    consent: bool = True,
) -> str:
    """The report as one HTML page (UTF-8 text with everything embedded).

    ``charts``: a list of :class:`Chart` or ``(title, Figure | PNG bytes)``; None looks
    them up (:func:`default_charts`); False leaves them out. ``check``: ``(ok, message)``
    pairs; None looks them up (:func:`default_check`); False leaves it out. ``consent``:
    the printable model consent for images of pupils (nl and en) as an appendix.
    """
    lang = language(lang)
    if charts is None or charts is True:
        charts = default_charts(data, lang)
    chart_list = as_charts(charts) if charts else []
    if check is None or check is True:
        check = default_check(data, lang)
    facts = [(label, format_date(value) if isinstance(value, date)
              else format_money(value, lang) if isinstance(value, float) else value)
             for label, value in data.plan_facts(lang)[1:]]
    text = {key.split(".", 1)[1]: t(key, lang) for key in TEXTS if key.count(".") == 1}
    return _template.render(
        lang=lang,
        title=t("report.title", lang),
        plan=data.plan,
        facts=facts,
        made_on=t("report.made_on", lang, date=format_date(config.today())),
        text=text,
        planning=_planning(data, lang),
        indicators=_indicators(data, lang),
        chains=_chains(data, lang),
        reflection=_reflection(data, lang),
        check=list(check) if check else [],
        charts=[{"title": c.title, "data": c.data_uri_payload()} for c in chart_list],
        consent=consent_model() if consent else None,
    )


def consent_model() -> dict[str, Any]:
    """The model consent text in Dutch and English, with its sources (``data/``)."""
    texts = []
    for text_lang in ("nl", "en"):
        title, *body = model_paragraphs("toestemming", text_lang)
        texts.append({"lang": text_lang, "title": title, "body": body})
    cited = "; ".join(source.short_citation() for source in text_sources("toestemming"))
    cited += " (data/bronnen.csv)"
    return {"texts": texts, "sources": cited}


def frame_html_table(frame: pd.DataFrame, lang: str | None = None,
                     money: Iterable[str] = ()) -> dict[str, Any]:
    """A frame as the headings/rows structure the templates use (for other reports)."""
    money_index = {list(frame.columns).index(c) for c in money if c in frame.columns}
    return {"headings": [str(c) for c in frame.columns],
            "rows": [_cells(row, money_index, lang) for row in records(frame)]}
