"""Values between widgets and records: typed text read by :mod:`workbook.values` (the
readings the importer and the command line use), stored values shown as people type them,
and option lists in the chosen language."""

from __future__ import annotations

import math
from collections.abc import Mapping
from enum import StrEnum
from typing import Any

import pandas as pd

from .. import i18n
from ..catalog import Entry
from ..i18n import t
from ..tables import join_labels as labels
from ..values import as_date as to_date
from ..values import parse_amount, parse_date, parse_number

__all__ = ["catalog_options", "enum_options", "labels", "number_text", "parse_amount",
           "parse_date", "parse_number", "to_date"]


def number_text(value: Any, lang: str | None = None) -> str:
    """A stored number as a participant types it: '250', '1250,5' in Dutch."""
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
        return ""
    value = float(value)
    text = str(int(value)) if value.is_integer() else f"{value:g}"
    return text.replace(".", ",") if i18n.language(lang) == "nl" else text


def catalog_options(entries: Mapping[str, Entry], lang: str | None = None) -> list[tuple[str, str]]:
    """(label, id) pairs of catalog entries, in the catalog's order."""
    return [(entry.label(lang), key) for key, entry in entries.items()]


def enum_options(enum: type[StrEnum], prefix: str, lang: str | None = None) -> list[tuple]:
    """(label, value) pairs of an enum, labelled with the texts ``prefix.value``."""
    return [(t(f"{prefix}.{member.value}", lang), member.value) for member in enum]
