"""Numbers, amounts and dates as people read them, in Dutch or English: the other way round
from :mod:`workbook.values`, and independent of the operating system's locale."""

from __future__ import annotations

import math
from typing import Any

from .i18n import language
from .values import as_date

MONTHS: dict[str, tuple[str, ...]] = {
    "nl": ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
}
MONTH_ABBREVIATIONS: dict[str, tuple[str, ...]] = {
    "nl": ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"),
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
}


def format_date(value: Any, lang: str | None = None) -> str:
    """'30 juni 2026' in Dutch, '30 June 2026' in English; independent of the OS locale."""
    day = as_date(value)
    if day is None:
        return ""
    return f"{day.day} {MONTHS[language(lang)][day.month - 1]} {day.year}"


def month_abbreviation(month: int, lang: str | None = None) -> str:
    """'mrt' / 'Mar' for month 3: the short names used on chart axes."""
    return MONTH_ABBREVIATIONS[language(lang)][month - 1]


def format_month(value: Any, lang: str | None = None) -> str:
    """'mrt 2026' / 'Mar 2026'."""
    day = as_date(value)
    return f"{month_abbreviation(day.month, lang)} {day.year}" if day else ""


def format_number(value: float, lang: str | None = None, decimals: int | None = None) -> str:
    """1.250 and 12,5 in Dutch; 1,250 and 12.5 in English. Whole numbers get no decimals."""
    value = float(value)
    if decimals is None:
        decimals = 0 if round(value, 1).is_integer() else 1
    text = f"{value:,.{decimals}f}"
    if language(lang) == "nl":
        text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return text


def format_percent(share: float, lang: str | None = None) -> str:
    """'61 %' in Dutch (with a space, as Dutch style guides write it), '61%' in English."""
    number = format_number(math.floor(share * 100 + 0.5), lang, 0)
    return f"{number} %" if language(lang) == "nl" else f"{number}%"


def format_money(amount: float, lang: str | None = None) -> str:
    """'€ 1.250' in Dutch, '€1,250' in English; cents only when there are any."""
    number = format_number(amount, lang, 0 if float(amount).is_integer() else 2)
    return f"€ {number}" if language(lang) == "nl" else f"€{number}"
