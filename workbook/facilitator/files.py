"""The combined overview as files: an Excel workbook and a self-contained HTML page."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import pandas as pd

from .. import config
from ..catalog import Catalog, load_catalog
from ..i18n import language, t
from ..lazy import on_first_use
from .combined import (
    activities_per_team,
    all_indicators,
    combined_activities,
    coverage_gaps,
    distinct_teams,
    totals_per_channel,
    totals_per_context,
    totals_per_level,
)
from .teams import TeamPlan

# The xlsx (openpyxl, ~0.2 s) and the HTML page (Jinja2 and the report, ~0.1 s) when asked for.
openpyxl = on_first_use("openpyxl")
jinja2 = on_first_use("jinja2")
xlsx = on_first_use("workbook.export.xlsx")
report = on_first_use("workbook.export.report")

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
    frames = overview_frames(teams, catalog, lang)
    money = [t("facilitator.cost", lang), t("field.price", lang)]
    wrap = [t("field.what", lang), t("field.target_groups", lang), t("field.how", lang)]
    book = openpyxl.Workbook()
    book.remove(book.active)
    for key in ("teams", "activities", "context", "level", "channel", "gaps", "indicators"):
        sheet = book.create_sheet(t(f"facilitator.sheet.{key}", lang)[:31])
        xlsx.write_table(sheet, frames[key], money=money, wrap=wrap)
    book.properties.title = t("facilitator.title", lang)
    book.properties.creator = "Werkboek Disseminatie"
    return xlsx.workbook_bytes(book)


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
    lang = language(lang)
    frames = overview_frames(teams, catalog, lang)
    money = [t("facilitator.cost", lang), t("field.price", lang)]
    sections = [
        {"heading": t(f"facilitator.heading.{key}", lang),
         "table": report.frame_html_table(frames[key], lang, money)}
        for key in ("teams", "context", "level", "channel", "gaps", "indicators", "activities")
    ]
    environment = jinja2.Environment(
        autoescape=jinja2.select_autoescape(default=True, default_for_string=True),
        trim_blocks=True, lstrip_blocks=True)
    return environment.from_string(_OVERVIEW).render(
        lang=lang,
        title=t("facilitator.title", lang),
        made_on=t("facilitator.made_on", lang, date=report.format_date(config.today())),
        sections=sections,
        charts=[{"title": c.title, "data": c.data_uri_payload()} for c in report.as_charts(charts)],
    )
