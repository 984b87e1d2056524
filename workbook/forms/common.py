"""What every form shares, in one import: the session (:mod:`workbook.session`), the
widgets (:mod:`.widgets`), values between widgets and records (:mod:`.values`) and the
base classes (:mod:`.base`)."""

from __future__ import annotations

from ..session import Session
from .base import Form, RecordClass, RecordForm, store_changed, subscribe
from .texts import TEXTS
from .values import (
    catalog_options,
    enum_options,
    labels,
    number_text,
    parse_amount,
    parse_date,
    parse_number,
    to_date,
)
from .widgets import (
    BAD_STYLE,
    CELL_STYLE,
    HEAD_STYLE,
    INVALID_BORDER,
    LABEL_STYLE,
    NOTE_STYLE,
    OK_STYLE,
    TABLE_STYLE,
    CheckGroup,
    Feedback,
    RowCache,
    RowPicker,
    esc,
    heading,
    html_table,
    notes_html,
    scroll_box,
    show_widget,
    wide,
)

__all__ = [
    "BAD_STYLE", "CELL_STYLE", "HEAD_STYLE", "INVALID_BORDER", "LABEL_STYLE", "NOTE_STYLE",
    "OK_STYLE", "TABLE_STYLE", "TEXTS", "CheckGroup", "Feedback", "Form", "RecordClass",
    "RecordForm", "RowCache", "RowPicker", "Session", "catalog_options", "enum_options",
    "esc", "heading", "html_table", "labels", "notes_html", "number_text", "parse_amount",
    "parse_date", "parse_number", "scroll_box", "show_widget", "store_changed", "subscribe",
    "to_date",
    "wide",
]
