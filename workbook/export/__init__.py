"""Plans leave the workbook in the files schools and partners already use.

- :mod:`.xlsx` — an Excel workbook: planning table, indicators, measurements, plan sheet.
- :mod:`.csvfile` — the planning table as CSV (Flemish Excel dialect by default).
- :mod:`.ics` — an iCalendar file: the dated activities plus the Erasmus+ events.
- :mod:`.report` — a self-contained HTML progress report (tables, plan check, charts).

Every function takes a :class:`PlanData` (frames, not the store) and returns bytes or
text, so a notebook can offer them as downloads; :func:`export_plan` writes a file chosen
by its extension, the way ``python -m workbook export PATH`` does.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..i18n import t
from ..lazy import on_first_use
from .csvfile import csv_bytes
from .data import PlanData, planning_rows
from .ics import ics_bytes

# openpyxl (~0.1 s) and Jinja2 with the charts (~0.7 s) when that format is asked for.
_xlsx = on_first_use("workbook.export.xlsx")
_report = on_first_use("workbook.export.report")

FORMATS = {
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".csv": "text/csv",
    ".ics": "text/calendar",
    ".html": "text/html",
}

__all__ = ["FORMATS", "PlanData", "export_bytes", "export_plan", "filename_for", "planning_rows"]


class ExportError(ValueError):
    """The export cannot be made (e.g. an extension the workbook does not write)."""


def filename_for(data: PlanData, suffix: str) -> str:
    """A file name for a download: the plan's name, safe for every file system."""
    stem = re.sub(r"[^\w.-]+", "-", data.plan.name, flags=re.UNICODE).strip("-.") or "plan"
    return f"{stem}{suffix}"


def export_bytes(
    data: PlanData,
    suffix: str,
    lang: str | None = None,
    *,
    comma: bool = False,
    charts: object = None,
) -> bytes:
    """The export in the format named by ``suffix`` (``.xlsx``, ``.csv``, ``.ics``, ``.html``).

    ``comma`` makes the CSV use ``,`` and a decimal point instead of Flemish Excel's ``;``
    and decimal comma. ``charts`` goes to :func:`.report.report_html`.
    """
    suffix = suffix.lower() if suffix.startswith(".") else f".{suffix.lower()}"
    if suffix == ".xlsx":
        return _xlsx.xlsx_bytes(data, lang)
    if suffix == ".csv":
        return csv_bytes(data, lang, comma=comma)
    if suffix == ".ics":
        return ics_bytes(data, lang)
    if suffix in (".html", ".htm"):
        return _report.report_html(data, lang, charts=charts).encode("utf-8")
    raise ExportError(t("export.unsupported", lang, suffix=suffix or "—"))


def export_plan(
    store,
    path: Path | str,
    plan_id: int | None = None,
    lang: str | None = None,
    *,
    comma: bool = False,
) -> Path:
    """Write a plan of ``store`` (default: the current plan) to ``path``; return the path."""
    path = Path(path)
    data = PlanData.from_store(store, plan_id)
    content = export_bytes(data, path.suffix, lang, comma=comma)
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.part")
    temporary.write_bytes(content)
    temporary.replace(path)
    return path
