"""The planning table as CSV, in the dialect Excel uses in Flanders unless asked otherwise.

Default: ``;`` between cells, a decimal comma, dates as 14/10/2025, UTF-8 with a BOM (so
Excel recognises the accents). ``comma=True``: ``,`` between cells, a decimal point and
ISO dates, for tools and partners abroad. Text that could start a formula gets an
apostrophe in front (the importer removes it again).
"""

from __future__ import annotations

import csv
import io
from datetime import date
from typing import Any

import pandas as pd

from ..cellsafety import neutralise
from .data import PlanData, records


def format_number(value: float, decimal: str = ",") -> str:
    """A number without thousands separators: 1250 → "1250", 1250.5 → "1250,5"."""
    if float(value).is_integer():
        return str(int(value))
    return repr(float(value)).replace(".", decimal)


def format_cell(value: Any, comma: bool = False) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float):
        return format_number(value, "." if comma else ",")
    if isinstance(value, date):
        return value.isoformat() if comma else value.strftime("%d/%m/%Y")
    return neutralise(str(value))


def frame_csv(frame: pd.DataFrame, *, comma: bool = False, bom: bool = True) -> bytes:
    """Any frame with its headings as CSV bytes (see the module notes for the dialect)."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter="," if comma else ";", lineterminator="\r\n",
                        quoting=csv.QUOTE_MINIMAL)
    writer.writerow([neutralise(str(c)) for c in frame.columns])
    for row in records(frame):
        writer.writerow([format_cell(value, comma) for value in row])
    return buffer.getvalue().encode("utf-8-sig" if bom else "utf-8")


def csv_bytes(data: PlanData, lang: str | None = None, *, comma: bool = False,
              bom: bool = True) -> bytes:
    """The plan's planning table as CSV bytes."""
    return frame_csv(data.planning(lang), comma=comma, bom=bom)
