"""The plan as an Excel workbook (openpyxl): one sheet per table, made to read well in Excel.

Headings in the chosen language, bold on a coloured band, the header row frozen and
filterable, columns as wide as their content (long text wraps), euro amounts as
``€ 1.250,50`` and dates as ``14/10/2025`` (Excel shows both in the reader's locale).
Text that could start a formula is stored as text with Excel's own "quote prefix", so
``=…`` shows as typed and never runs; the workbook holds no formulas at all.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import Any

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from ..cellsafety import is_dangerous
from ..i18n import t
from .data import PlanData, records

EURO_FORMAT = "[$€-813] #,##0.00"
DATE_FORMAT = "dd/mm/yyyy"
NUMBER_FORMAT = "#,##0.##"
HEADER_FILL = PatternFill("solid", fgColor="DCE6F1")
MIN_WIDTH, MAX_WIDTH = 8, 60


def set_cell(ws: Worksheet, row: int, column: int, value: Any) -> None:
    """Write one value; text never becomes a formula (Excel's quote prefix marks it as text)."""
    cell = ws.cell(row=row, column=column)
    if isinstance(value, tuple | list):
        value = ", ".join(str(v) for v in value)
    if isinstance(value, datetime) and value.time() == datetime.min.time():
        value = value.date()
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"  # openpyxl would take "=…" for a formula
        if is_dangerous(value):
            cell.quotePrefix = True
    elif isinstance(value, date):
        cell.number_format = DATE_FORMAT


def write_table(
    ws: Worksheet,
    frame: pd.DataFrame,
    *,
    money: Iterable[str] = (),
    numbers: Iterable[str] = (),
    wrap: Iterable[str] = (),
) -> None:
    """``frame`` with its headings on ``ws``: formats, widths, frozen and filterable header."""
    money, numbers, wrap = set(money), set(numbers), set(wrap)
    headings = [str(c) for c in frame.columns]
    for col, heading in enumerate(headings, start=1):
        set_cell(ws, 1, col, heading)
        cell = ws.cell(row=1, column=col)
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(vertical="center", wrap_text=True)
    rows = records(frame)
    for r, values in enumerate(rows, start=2):
        for col, value in enumerate(values, start=1):
            set_cell(ws, r, col, value)
            cell = ws.cell(row=r, column=col)
            if headings[col - 1] in money:
                cell.number_format = EURO_FORMAT
            elif headings[col - 1] in numbers:
                cell.number_format = NUMBER_FORMAT
            cell.alignment = Alignment(vertical="top", wrap_text=headings[col - 1] in wrap)
    _widths(ws, headings, rows, money)
    ws.freeze_panes = "A2"
    if headings:
        ws.auto_filter.ref = f"A1:{get_column_letter(len(headings))}{max(len(rows) + 1, 1)}"


def _widths(ws: Worksheet, headings: Sequence[str], rows: list[list[Any]],
            money: set[str]) -> None:
    for col, heading in enumerate(headings, start=1):
        lengths = [len(heading) + 2]
        for values in rows:
            value = values[col - 1]
            if isinstance(value, date):
                lengths.append(11)
            elif isinstance(value, float | int):
                lengths.append(len(f"{value:,.2f}") + (3 if heading in money else 0))
            elif value is not None:
                lengths.append(max((len(line) for line in str(value).splitlines()), default=0))
        ws.column_dimensions[get_column_letter(col)].width = max(
            MIN_WIDTH, min(MAX_WIDTH, max(lengths) + 2)
        )


def write_facts(ws: Worksheet, facts: list[tuple[str, Any]]) -> None:
    """Label-value rows (the plan sheet)."""
    for r, (label, value) in enumerate(facts, start=1):
        set_cell(ws, r, 1, label)
        ws.cell(row=r, column=1).font = Font(bold=True)
        set_cell(ws, r, 2, value if value not in (None, "") else None)
    ws.column_dimensions["A"].width = 22
    width = max((len(str(v)) for _, v in facts if v), default=20)
    ws.column_dimensions["B"].width = max(20, min(MAX_WIDTH + 40, width + 2))


def plan_workbook(data: PlanData, lang: str | None = None) -> Workbook:
    """The workbook: Planning, Indicatoren, Metingen, Plan, Effecten (the impact chain) and
    Reflectie sheets."""
    book = Workbook()
    sheet = book.active
    sheet.title = t("export.sheet.planning", lang)
    write_table(
        sheet,
        data.planning(lang),
        money=[t("field.price", lang)],
        numbers=[t("field.target_value", lang)],
        wrap=[t("field.what", lang), t("field.target_groups", lang), t("field.how", lang)],
    )
    write_table(
        book.create_sheet(t("export.sheet.indicators", lang)),
        data.indicator_table(lang),
        numbers=[t("field.target", lang)],
    )
    write_table(
        book.create_sheet(t("export.sheet.measurements", lang)),
        data.measurement_table(lang),
        numbers=[t("field.value", lang)],
        wrap=[t("field.note", lang)],
    )
    write_facts(book.create_sheet(t("export.sheet.plan", lang)), data.plan_facts(lang))
    chain = data.chain_table(lang)
    write_table(book.create_sheet(t("export.sheet.chains", lang)), chain,
                wrap=[str(column) for column in chain.columns])
    write_table(book.create_sheet(t("export.sheet.reflection", lang)),
                data.reflection_table(lang), wrap=[t("field.question", lang),
                                                  t("field.answer", lang)])
    book.properties.title = data.plan.name
    book.properties.creator = "Werkboek Disseminatie"
    return book


def workbook_bytes(book: Workbook) -> bytes:
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def xlsx_bytes(data: PlanData, lang: str | None = None) -> bytes:
    """The plan as an .xlsx file's bytes."""
    return workbook_bytes(plan_workbook(data, lang))
