"""How typed text and spreadsheet cells become numbers, amounts and dates: one reading each,
used by the forms, the importer and the command line alike.

Numbers are read the Flemish way unless the file says otherwise: a comma is the decimal
mark and a dot groups thousands (``1.250`` is one thousand two hundred and fifty, ``12,5``
twelve and a half, ``1.250,50`` and ``€ 1.250,50`` an amount with cents). Text that only
reads as English (``1,250.50``, ``1250.5``) is read so. An entry that reads as two
different numbers — ``1,250`` is 1,25 to a Fleming and 1250 to an English reader — is not
guessed: :class:`Unreadable` names both readings. Babel's number parsing (CLDR data for
``nl_BE`` and ``en``) checks the grouping, so ``1.25.0`` is no number.
"""

from __future__ import annotations

import math
import re
import unicodedata
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import pandas as pd
from babel.numbers import NumberFormatError, parse_decimal

from .catalog import normalize
from .i18n import register

TEXTS: dict[str, dict[str, str]] = {
    "error.not_a_number": {
        "nl": "'{value}' is geen bedrag of getal; verwacht bv. 1250, 1.250,50 of € 1.250,50.",
        "en": "'{value}' is not an amount or number; expected e.g. 1250, 1,250.50 or € 1250.50.",
    },
    "error.ambiguous_number": {
        "nl": "'{value}' is dubbelzinnig: {fraction} (met decimale komma) of {thousands}? "
        "Typ {fraction} of {thousands}.",
        "en": "'{value}' is ambiguous: {fraction} (with a decimal comma) or {thousands}? "
        "Type {fraction} or {thousands}.",
    },
    "error.not_a_date": {
        "nl": "'{value}' is geen datum; verwacht bv. 14/10/2025, 2025-10-14 of oktober 2025.",
        "en": "'{value}' is not a date; expected e.g. 14/10/2025, 2025-10-14 or October 2025.",
    },
}
register(TEXTS)


class Unreadable(ValueError):
    """A value that is no number, amount or date, or that reads two ways; ``code`` and
    ``params`` make the message (``error.<code>``), which names what was read."""

    def __init__(self, code: str, **params: Any) -> None:
        self.code, self.params = code, params
        super().__init__(f"{code}: {params}")


def is_blank(value: Any) -> bool:
    """None, NaN, NaT or text of spaces only."""
    if value is None or value is pd.NaT or value is pd.NA:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return isinstance(value, str) and not value.strip()


# ----- numbers and amounts -----------------------------------------------------------

_CURRENCY = re.compile(r"(€|eur(?:o|os)?\b|\$)", re.IGNORECASE)
_SPACING = re.compile(r"[\s'\u00a0\u202f]")
_MINUS = str.maketrans({"−": "-", "–": "-", "—": "-"})
# digits with at most two decimals after a comma or dot: read the same with either mark
_PLAIN = re.compile(r"(-?[0-9]+)(?:[.,]([0-9]{1,2}))?")
_LOCALES = {",": ("nl_BE",), ".": ("en",), None: ("nl_BE", "en")}


def _reading(text: str, locale: str) -> Decimal | None:
    try:
        return parse_decimal(text, locale=locale, strict=True)
    except NumberFormatError:
        return None


def _typed(number: Decimal, mark: str) -> str:
    text = format(number.normalize(), "f")
    return text.replace(".", ",") if mark == "," else text


def parse_number(value: Any, decimal: str | None = None) -> float | None:
    """A number from typed text or a cell; None for an empty one.

    ``decimal`` is the decimal mark when a file says it (``","`` for a ``;``-CSV, ``"."``
    for a ``,``-CSV); without it, the Flemish reading comes first (see the module notes).
    Raises :class:`Unreadable` for text that is no number or that reads two ways.
    """
    if is_blank(value):
        return None
    if isinstance(value, bool):
        raise Unreadable("not_a_number", value=str(value))
    if isinstance(value, int | float):
        return float(value)
    if value.__class__ is str and (plain := _PLAIN.fullmatch(value)):
        whole, fraction = plain.groups()
        return float(f"{whole}.{fraction}" if fraction else whole)
    written = str(value).strip()
    text = _SPACING.sub("", unicodedata.normalize("NFKC", written).translate(_MINUS))
    text = text.removeprefix("+")
    if text == "-":
        return 0.0  # a dash in a cell: nothing
    readings = {locale: _reading(text, locale) for locale in _LOCALES[decimal]}
    flemish, english = readings.get("nl_BE"), readings.get("en")
    if flemish is not None and english is not None and flemish != english and "," in text:
        raise Unreadable("ambiguous_number", value=written, fraction=_typed(flemish, ","),
                         thousands=_typed(english, "."))
    number = flemish if flemish is not None else english
    if number is None or not number.is_finite():
        raise Unreadable("not_a_number", value=written)
    return float(number)


def parse_amount(value: Any, decimal: str | None = None) -> float | None:
    """An amount of money: a number as :func:`parse_number` reads it, with or without a
    currency sign (``€ 1.250,50``, ``1 250 EUR``)."""
    if isinstance(value, str) and _CURRENCY.search(value):
        try:
            return parse_number(_CURRENCY.sub("", value).strip() or value, decimal)
        except Unreadable as unreadable:
            unreadable.params["value"] = value.strip()
            raise
    return parse_number(value, decimal)


# ----- dates -------------------------------------------------------------------------

MONTHS = {
    "januari": 1, "jan": 1, "january": 1,
    "februari": 2, "feb": 2, "february": 2, "febr": 2,
    "maart": 3, "mrt": 3, "march": 3, "mar": 3, "maa": 3,
    "april": 4, "apr": 4,
    "mei": 5, "may": 5,
    "juni": 6, "jun": 6, "june": 6,
    "juli": 7, "jul": 7, "july": 7,
    "augustus": 8, "aug": 8, "august": 8,
    "september": 9, "sep": 9, "sept": 9,
    "oktober": 10, "okt": 10, "october": 10, "oct": 10,
    "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}
_ISO = re.compile(r"^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$")
_DAY_FIRST = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?: \d{1,2}:\d{2}(?::\d{2})?)?$")
_MONTH_YEAR = re.compile(r"^([a-z]+)\.?,?\s+(\d{4})$")


def parse_date(value: Any) -> date | None:
    """A date from a date, a datetime or Timestamp, a spreadsheet date or text
    (2025-10-14, 14/10/2025, 14-10-2025, 14.10.2025, "oktober 2025": the 1st of the month);
    None for an empty value. Raises :class:`Unreadable` for anything else."""
    if is_blank(value):
        return None
    if isinstance(value, datetime):  # a pandas Timestamp is one too
        return value.date()
    if isinstance(value, date):
        return value
    text = unicodedata.normalize("NFKC", str(value)).strip()
    try:
        if match := _ISO.match(text):
            year, month, day = (int(part) for part in match.groups())
            return date(year, month, day)
        if match := _DAY_FIRST.match(text):
            day, month, year = (int(part) for part in match.groups())
            return date(year, month, day)
    except (ValueError, OverflowError):
        raise Unreadable("not_a_date", value=text) from None
    folded = normalize(text)
    if (match := _MONTH_YEAR.match(folded)) and match.group(1) in MONTHS:
        return date(int(match.group(2)), MONTHS[match.group(1)], 1)
    raise Unreadable("not_a_date", value=text)


def as_date(value: Any) -> date | None:
    """:func:`parse_date` for values shown rather than entered: None where it is no date."""
    try:
        return parse_date(value)
    except Unreadable:
        return None
