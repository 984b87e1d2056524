"""Import a planning table that a team filled in a spreadsheet: xlsx or csv, Dutch or English.

Two steps, so notebooks, the command line and the facilitator share them:

- :func:`parse_plan` reads a file (path or uploaded bytes) into validated records without
  touching any store. Any problem anywhere raises :class:`ImportRefused`, which lists
  *every* problem as "rij N, kolom X: …" / "row N, column X: …".
- :func:`write_plan` adds the parsed rows to a plan of a store; :func:`import_plan` does
  both. Nothing is written unless the whole file is valid.
- :func:`plan_tables` gives the frames a store would give after :func:`write_plan`,
  without a store (the facilitator's overview of many team files).

What the importer accepts:

- Headings of the deck's table (*Context, Wat, Naar wie, Hoe / kanalen, Wanneer,
  Indicator, Streefwaarde, Prijs, Verantwoordelijke, Status*), in Dutch or English and a
  few common synonyms, matched ignoring case, spaces, slashes and accents; separate
  *Methode* and *Kanalen* columns are taken too. *Wat*, *Naar wie* and *Wanneer* are
  required; a missing *Context* column means "binnen eigen school", an empty *Status*
  means "gepland", an empty *Prijs* means 0. Other columns are ignored (and reported).
- Dates as 2025-10-14, 14/10/2025, 14-10-2025, 14.10.2025, a real spreadsheet date, or a
  month and year in Dutch or English ("oktober 2025", "Oct 2025": the 1st of that month).
- Amounts as 1250.5, 1250,5, 1.250,50, 1,250.50, € 1.250,50, 1 250 EUR.
- Several target groups, methods or channels per cell, split on , ; / and line breaks; a
  catalog entry that holds a slash itself ("Leerlingen / vrienden") stays whole, and a
  value the catalog lacks is kept as the team's own. In *Hoe / kanalen*, catalog methods
  become methods and catalog channels channels; an own value counts as a method when a
  catalog method follows it in the cell, else as a channel (so exported tables come back
  in the same order).
- The *Indicator* column names indicators: a name the plan already has (ignoring case and
  accents) links to it; an unknown name becomes a **new indicator** of the plan — from
  the file's *Indicatoren* sheet when it has one (an xlsx export does), else as a draft
  with unit "aantal"/"count", the sum of its rows' target values as target and its last
  row's date as deadline, which the team completes in the *waarom* notebook. The import
  summary names every indicator it created.
- An xlsx export of the workbook also brings its *Indicatoren* and *Metingen* sheets
  along, and its *Plan* sheet names the team, its project, organisation and period (a
  plan created by the import takes them). They are checked as a plan: a value that is
  no valid plan (a control character, an end before the start, text that is no date)
  refuses the file, placed as "blad Plan, rij N, veld X: …".
- Text that an export protected against formulas ('=…) loses that apostrophe again.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import Enum
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from . import cellsafety
from .catalog import Catalog, load_catalog, normalize
from .i18n import MESSAGES, register, t
from .model import (
    Activity,
    AttentionCheck,
    Context,
    Goal,
    Indicator,
    InvalidRecord,
    Kind,
    Measurement,
    Plan,
    Problem,
    Status,
    validate,
)
from .session import chosen_plan
from .store import Store
from .tablefile import Sheet, TableFileError, read_sheets

TEXTS: dict[str, dict[str, str]] = {
    "import.at_cell": {
        "nl": "rij {row}, kolom {column}: {message}",
        "en": "row {row}, column {column}: {message}",
    },
    "import.at_row": {"nl": "rij {row}: {message}", "en": "row {row}: {message}"},
    "import.at_fact": {
        "nl": "rij {row}, veld {fact}: {message}",
        "en": "row {row}, field {fact}: {message}",
    },
    "import.in_sheet": {"nl": "blad {sheet}, {text}", "en": "sheet {sheet}, {text}"},
    "import.refused": {
        "nl": "Niets geïmporteerd uit {source}: pas het bestand aan en probeer opnieuw.",
        "en": "Nothing imported from {source}: please correct the file and try again.",
    },
    "import.bad_date": {
        "nl": "'{value}' is geen datum; verwacht bv. 14/10/2025, 2025-10-14 of oktober 2025.",
        "en": "'{value}' is not a date; expected e.g. 14/10/2025, 2025-10-14 or October 2025.",
    },
    "import.bad_amount": {
        "nl": "'{value}' is geen bedrag of getal; verwacht bv. 1250, 1.250,50 of € 1.250,50.",
        "en": "'{value}' is not an amount or number; expected e.g. 1250, 1,250.50 or € 1250.50.",
    },
    "import.bad_context": {
        "nl": "'{value}' is geen context; kies uit: {choices}.",
        "en": "'{value}' is not a context; choose from: {choices}.",
    },
    "import.bad_status": {
        "nl": "'{value}' is geen status; kies uit: {choices}.",
        "en": "'{value}' is not a status; choose from: {choices}.",
    },
    "import.bad_kind": {
        "nl": "'{value}' is geen soort meting; kies uit: {choices}.",
        "en": "'{value}' is not a kind of measurement; choose from: {choices}.",
    },
    "import.unknown_indicator": {
        "nl": "indicator '{value}' staat niet in het bestand (niet op het blad Indicatoren "
        "en niet in de planningstabel).",
        "en": "indicator '{value}' is not in the file (neither on the Indicators sheet nor "
        "in the planning table).",
    },
    "import.duplicate_indicator": {
        "nl": "indicator '{value}' staat twee keer op het blad.",
        "en": "indicator '{value}' appears twice on the sheet.",
    },
    "import.missing_columns": {
        "nl": "kolommen ontbreken: {missing} (gevonden: {found}).",
        "en": "columns missing: {missing} (found: {found}).",
    },
    "import.duplicate_column": {
        "nl": "de kolom {column} staat er twee keer in.",
        "en": "the column {column} appears twice.",
    },
    "import.no_table": {
        "nl": "Geen planningstabel gevonden: verwacht een rij met de kolomkoppen {expected}.",
        "en": "No planning table found: expected a row with the headings {expected}.",
    },
    "import.no_rows": {
        "nl": "De planningstabel heeft kolomkoppen maar geen ingevulde rijen.",
        "en": "The planning table has headings but no filled-in rows.",
    },
    "import.file.empty": {"nl": "Het bestand is leeg.", "en": "The file is empty."},
    "import.file.binary": {
        "nl": "Dit is geen tekst- of rekenbladbestand (bewaar als .xlsx of .csv).",
        "en": "This is not a text or spreadsheet file (save it as .xlsx or .csv).",
    },
    "import.file.unreadable": {
        "nl": "Het bestand kan niet gelezen worden ({reason}).",
        "en": "The file cannot be read ({reason}).",
    },
    "import.file.not_xlsx": {
        "nl": "Dit is geen leesbaar Excel-bestand (.xlsx); bewaar het opnieuw als .xlsx of .csv.",
        "en": "This is not a readable Excel file (.xlsx); save it again as .xlsx or .csv.",
    },
    "import.file.old_xls": {
        "nl": "Oude Excel-bestanden (.xls) worden niet gelezen; bewaar als .xlsx of .csv.",
        "en": "Old Excel files (.xls) are not read; save as .xlsx or .csv.",
    },
    "import.file.unsupported": {
        "nl": "Bestanden van het type {suffix} worden niet gelezen; gebruik .xlsx of .csv.",
        "en": "Files of type {suffix} are not read; use .xlsx or .csv.",
    },
    "import.file.too_big": {
        "nl": "Het bestand is groter dan {megabytes} MB; is dit wel een planningstabel?",
        "en": "The file is larger than {megabytes} MB; is this really a planning table?",
    },
    "import.file.too_many_rows": {
        "nl": "Het bestand heeft meer dan {maximum} rijen; is dit wel een planningstabel?",
        "en": "The file has more than {maximum} rows; is this really a planning table?",
    },
    "import.file.bad_csv": {
        "nl": "Het CSV-bestand is onleesbaar ({reason}).",
        "en": "The CSV file cannot be read ({reason}).",
    },
    "import.default_unit": {"nl": "aantal", "en": "count"},
    "import.summary": {
        "nl": "{activities} activiteiten toegevoegd aan plan '{plan}' (uit {source}).",
        "en": "{activities} activities added to plan '{plan}' (from {source}).",
    },
    "import.summary_new_plan": {
        "nl": "Nieuw plan '{plan}' aangemaakt.",
        "en": "New plan '{plan}' created.",
    },
    "import.summary_indicators": {
        "nl": "Nieuwe indicatoren: {names}.",
        "en": "New indicators: {names}.",
    },
    "import.summary_drafts": {
        "nl": "Vul eenheid, streefwaarde en datum aan voor: {names} (notebook 'waarom').",
        "en": "Complete unit, target and date for: {names} (notebook 'why').",
    },
    "import.summary_measurements": {
        "nl": "{count} metingen toegevoegd.",
        "en": "{count} measurements added.",
    },
    "import.summary_ignored": {
        "nl": "Genegeerde kolommen: {columns}.",
        "en": "Ignored columns: {columns}.",
    },
}
register(TEXTS)


# ----- headings -----------------------------------------------------------------------


def heading_key(text: Any) -> str:
    """A heading folded for matching: no case, accents, spaces, slashes or punctuation."""
    folded = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]", "", folded.casefold())


def _aliases(*names: str, fields: Sequence[str] = ()) -> frozenset[str]:
    """Spellings for one column: the field labels in every language plus synonyms."""
    keys = {heading_key(name) for name in names}
    for name in fields:
        entry = MESSAGES.get(f"field.{name}", {})
        keys.update(heading_key(label) for label in entry.values())
    return frozenset(key for key in keys if key)


PLANNING_HEADINGS: dict[str, frozenset[str]] = {
    "context": _aliases("contekst", "kader", fields=("context",)),
    "what": _aliases("activiteit", "activity", "actie", "action", fields=("what",)),
    "target_groups": _aliases(
        "naar wie", "voor wie", "doelgroep", "doelgroepen", "target group", "target groups",
        "audience", "to whom", fields=("target_groups",),
    ),
    "how": _aliases(
        "hoe", "how", "hoe en kanalen", "methode en kanalen", "methods and channels",
        "methode / kanalen", "method / channels", "how / channels", fields=("how",),
    ),
    "methods": _aliases("methode", "methoden", "method", "methods", "werkvorm", "werkvormen"),
    "channels": _aliases("kanaal", "kanalen", "channel", "channels"),
    "when": _aliases("datum", "date", "wanneer", "when", fields=("when",)),
    "indicator": _aliases("indicatoren", "indicators", fields=("indicator",)),
    "target_value": _aliases(
        "streefwaarde", "streefcijfer", "target", "target value", fields=("target_value",)
    ),
    "price": _aliases(
        "prijs", "kost", "kosten", "kostprijs", "budget", "bedrag", "price", "cost", "costs",
        "amount", "prijs (euro)", "prijs in euro", "kost (eur)", fields=("price",),
    ),
    "responsible": _aliases(
        "verantwoordelijke", "verantwoordelijk", "wie", "door wie", "uitvoerder", "partner",
        "responsible", "who", "owner", "responsible partner", fields=("responsible",),
    ),
    "status": _aliases("stand van zaken", "state", fields=("status",)),
}
PLANNING_REQUIRED = ("what", "target_groups", "when")

INDICATOR_HEADINGS: dict[str, frozenset[str]] = {
    "name": _aliases("naam", "name", "indicator", fields=("name",)),
    "unit": _aliases("eenheid", "unit", fields=("unit",)),
    "target": _aliases("streefwaarde", "target", "target value", fields=("target",)),
    "deadline": _aliases(
        "doel bereikt op", "deadline", "tegen", "wanneer doel bereikt", "target reached by",
        fields=("deadline",),
    ),
    "kind": _aliases("soort", "soort meting", "kind", "kind of measurement", fields=("kind",)),
}
INDICATOR_REQUIRED = ("name", "unit", "target", "deadline")

MEASUREMENT_HEADINGS: dict[str, frozenset[str]] = {
    "indicator": _aliases("indicator"),
    "date": _aliases("datum", "date", "gemeten op", "measured on", fields=("date",)),
    "value": _aliases("waarde", "gemeten", "value", "measured", fields=("value",)),
    "note": _aliases("opmerking", "opmerkingen", "note", "notes", fields=("note",)),
}
MEASUREMENT_REQUIRED = ("indicator", "date", "value")

PLAN_FIELDS: dict[str, frozenset[str]] = {
    "name": _aliases("naam", "plan", "team", "name", "naam plan", "plan name"),
    "project": _aliases("project", fields=("project",)),
    "organisation": _aliases("organisatie", "school", "organisation", "organization",
                             fields=("organisation",)),
    "start": _aliases("start", fields=("start",)),
    "end": _aliases("einde", "end", fields=("end",)),
}
PLAN_SHEET_NAMES = frozenset({"plan", "project", "team"})


# ----- problems -----------------------------------------------------------------------


@dataclass(frozen=True)
class ImportProblem:
    """One problem in an imported file, placed by row and column when it has a place."""

    key: str
    params: dict[str, Any] = field(default_factory=dict)
    row: int | None = None
    column: str | None = None
    sheet: str | None = None
    problem: Problem | None = None  # a validation problem of workbook.model
    fact: str | None = None  # the field of a label-value sheet (Plan) whose row is ``row``

    def message(self, lang: str | None = None) -> str:
        params = {
            key: value.labels(lang) if isinstance(value, _ChoiceList | _FieldList) else value
            for key, value in self.params.items()
        }
        if self.problem is None:
            text = t(self.key, lang, **params)
        else:  # a key given with a model problem frames the problem's message
            text = _model_message(self.problem, lang)
            if self.key:
                text = t(self.key, lang, **params, message=text)
        if self.row is not None and self.fact:
            text = t("import.at_fact", lang, row=self.row, fact=_heading_label(self.fact, lang),
                     message=text)
        elif self.row is not None and self.column:
            text = t("import.at_cell", lang, row=self.row, column=self.column, message=text)
        elif self.row is not None:
            text = t("import.at_row", lang, row=self.row, message=text)
        if self.sheet:
            text = t("import.in_sheet", lang, sheet=self.sheet, text=text)
        return text


def _model_message(problem: Problem, lang: str | None) -> str:
    """A model problem's message without its field name (the column names the place)."""
    params = dict(problem.params)
    if "enum" in params:
        prefix = params.pop("enum")
        params["choices"] = ", ".join(t(f"{prefix}.{v}", lang) for v in params.pop("values"))
    return t(f"error.{problem.code}", lang, **params)


class ImportRefused(ValueError):
    """The file was refused as a whole; ``problems`` lists everything to correct."""

    def __init__(self, problems: list[ImportProblem], source: str = ""):
        self.problems = problems
        self.source = source
        super().__init__("\n".join(self.messages()))

    def messages(self, lang: str | None = None) -> list[str]:
        return [problem.message(lang) for problem in self.problems]

    def report(self, lang: str | None = None) -> str:
        """A heading line and one line per problem, for the command line or a widget."""
        head = t("import.refused", lang, source=self.source or "?")
        return "\n".join([head, *(f"- {line}" for line in self.messages(lang))])


# ----- cell values --------------------------------------------------------------------

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


def is_blank(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return isinstance(value, str) and not value.strip()


def cell_text(value: Any) -> str:
    """A cell as text: trimmed, a whole number without '.0', formula protection removed."""
    if value.__class__ is str:
        return cellsafety.restore(value.strip())
    if is_blank(value):
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime):
        value = value.date() if value.time() == datetime.min.time() else value
    if isinstance(value, date):
        return value.isoformat()
    return cellsafety.restore(str(value).strip())


def parse_date(value: Any) -> date | None:
    """A date from a spreadsheet date or from text; None for an empty cell.

    Raises ValueError for anything else (a month and year give the 1st of the month).
    """
    if is_blank(value):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = unicodedata.normalize("NFKC", str(value)).strip()
    if match := _ISO.match(text):
        year, month, day = (int(part) for part in match.groups())
        return date(year, month, day)
    if match := _DAY_FIRST.match(text):
        day, month, year = (int(part) for part in match.groups())
        return date(year, month, day)
    folded = normalize(text)
    if (match := _MONTH_YEAR.match(folded)) and match.group(1) in MONTHS:
        return date(int(match.group(2)), MONTHS[match.group(1)], 1)
    raise ValueError(text)


_CURRENCY = re.compile(r"(€|eur(?:o|os)?\b|\$)", re.IGNORECASE)
_SPACING = re.compile(r"[\s']")
_NUMBER = re.compile(r"[+-]?[\d.,]*\d[\d.,]*")
_THREE_DIGITS_AFTER = {sep: re.compile(rf"\{sep}\d{{3}}$") for sep in ",."}
# digits with at most two decimals after a comma or dot: read the same with either mark
_PLAIN_AMOUNT = re.compile(r"([0-9]+)(?:[.,]([0-9]{1,2}))?")


def parse_amount(value: Any, decimal: str | None = None) -> float | None:
    """A number from a cell: 1250.5, 1250,5, 1.250,50, 1,250.50, € 1.250,50, 1 250 EUR.

    ``decimal`` is the file's decimal mark when known (``","`` for a ``;``-CSV, ``"."`` for
    a ``,``-CSV); it settles "1.250" and "1,250". Without it the Flemish habit applies:
    a comma is decimal, a lone dot followed by three digits groups thousands.
    None for an empty cell; ValueError for text that is not a number.
    """
    if is_blank(value):
        return None
    if isinstance(value, bool):
        raise ValueError(str(value))
    if isinstance(value, (int, float)):
        return float(value)
    if value.__class__ is str and (plain := _PLAIN_AMOUNT.fullmatch(value)):
        whole, fraction = plain.groups()
        return float(f"{whole}.{fraction}" if fraction else whole)
    text = _CURRENCY.sub("", unicodedata.normalize("NFKC", str(value)))
    text = _SPACING.sub("", text).strip()
    if text in ("-", "–", "—"):
        return 0.0
    if not _NUMBER.fullmatch(text):
        raise ValueError(str(value))
    if "," in text and "." in text:
        mark = "," if text.rfind(",") > text.rfind(".") else "."
    elif "," in text or "." in text:
        sep = "," if "," in text else "."
        if text.count(sep) > 1:
            mark = "," if sep == "." else "."  # repeated: it groups thousands
        elif _THREE_DIGITS_AFTER[sep].search(text) and (decimal or ",") != sep:
            mark = "," if sep == "." else "."  # "1.250" with a decimal comma: thousands
        else:
            mark = sep
    else:
        mark = "."
    grouping = "." if mark == "," else ","
    number = text.replace(grouping, "").replace(mark, ".")
    try:
        return float(number)
    except ValueError:
        raise ValueError(str(value)) from None


def _choice_map(enum_type: type, prefix: str, extra: dict[str, Iterable[str]]) -> dict[str, str]:
    found: dict[str, str] = {}
    for member in enum_type:
        spellings = [member.value, *extra.get(member.value, ())]
        spellings += list(MESSAGES[f"{prefix}.{member.value}"].values())
        for spelling in spellings:
            found[heading_key(spelling)] = member.value
    return found


_CONTEXTS = _choice_map(Context, "context", {
    "binnen_school": ("binnen", "binnen school", "school", "eigen school", "intern", "internal",
                      "within school", "in school", "own school"),
    "tussen_partners": ("tussen", "partners", "tussen partners", "projectpartners",
                        "transnationaal", "between partners", "transnational", "partnership"),
})
_STATUSES = _choice_map(Status, "status", {
    "gepland": ("planned", "te doen", "todo", "to do", "nog te doen", "plan"),
    "bezig": ("in progress", "lopend", "loopt", "ongoing", "busy", "in uitvoering"),
    "uitgevoerd": ("done", "klaar", "gedaan", "afgerond", "voltooid", "completed", "finished"),
    "geannuleerd": ("cancelled", "canceled", "afgelast", "geschrapt", "geannuleerd"),
})
_KINDS = _choice_map(Kind, "kind", {
    "cumulatief": ("telt op", "optellend", "cumulative", "adds up", "sum"),
    "stand": ("reading", "standen", "level", "running total"),
})


def _choice(value: str, choices: dict[str, str]) -> str | None:
    key = heading_key(value)
    if key in choices:
        return choices[key]
    # a label with an explanation, e.g. "telt op (bv. deelnemers per infosessie)"
    head = heading_key(re.split(r"[(:]", value, maxsplit=1)[0])
    return choices.get(head)


def _choice_labels(enum_type: type, prefix: str, lang: str | None) -> str:
    return ", ".join(t(f"{prefix}.{member.value}", lang) for member in enum_type)


# ----- several values in one cell -----------------------------------------------------

_SEPARATORS = re.compile(r"([,;/\n])")
MAX_JOINED = 4


def split_values(cell: str, match: Callable[[str], Any]) -> list[tuple[str, Any]]:
    """Split a cell on , ; / and line breaks, keeping catalog entries that hold a separator.

    Returns ``(text, matched)`` pairs, ``matched`` being ``match(text)`` (None for an own
    value). Neighbouring own values separated only by a slash stay one value
    ("Oud-leerlingen / alumni"), because a slash splits only where the catalog knows a part.
    """
    parts = _SEPARATORS.split(cell)
    texts, seps = parts[0::2], parts[1::2]
    items: list[tuple[int, int, Any]] = []  # first token, last token, match
    i = 0
    while i < len(texts):
        if not texts[i].strip():
            i += 1
            continue
        step, found = 1, None
        for size in range(min(MAX_JOINED, len(texts) - i), 1, -1):
            candidate = _join(texts, seps, i, i + size - 1)
            if candidate and (found := match(candidate)) is not None:
                step = size
                break
        else:
            found = match(texts[i].strip())
        items.append((i, i + step - 1, found))
        i += step
    merged: list[tuple[int, int, Any]] = []
    for first, last, found in items:
        if (
            merged
            and found is None
            and merged[-1][2] is None
            and all(seps[k] == "/" for k in range(merged[-1][1], first))
        ):
            merged[-1] = (merged[-1][0], last, None)
        else:
            merged.append((first, last, found))
    return [(_join(texts, seps, first, last), found) for first, last, found in merged]


def _join(texts: list[str], seps: list[str], first: int, last: int) -> str:
    pieces = [texts[first]]
    for k in range(first, last):
        pieces += [seps[k], texts[k + 1]]
    return "".join(pieces).strip()


def _how(cell: str, catalog: Catalog) -> tuple[list[str], list[str]]:
    """Methods and channels from a *Hoe / kanalen* cell (see the module notes)."""

    match_method, match_channel = catalog.match_method, catalog.match_channel

    def match(text: str) -> tuple[str, str] | None:
        if found := match_method(text):
            return ("method", found)
        if found := match_channel(text):
            return ("channel", found)
        return None

    items = split_values(cell, match)
    methods: list[str] = []
    channels: list[str] = []
    for index, (text, found) in enumerate(items):
        if found is not None:
            (methods if found[0] == "method" else channels).append(found[1])
        elif any(later and later[0] == "method" for _, later in items[index + 1:]):
            methods.append(text)
        else:
            channels.append(text)
    return methods, channels


def _listed(cell: str, match: Callable[[str], str | None]) -> list[str]:
    return [found or text for text, found in split_values(cell, match)]


# ----- the table in a sheet -----------------------------------------------------------


@dataclass
class _Table:
    sheet: Sheet
    header_row: int
    columns: dict[str, int]  # field -> cell index
    headings: dict[str, str]  # field -> heading as written
    ignored: list[str]
    body: list[tuple[int, list[Any]]]

    def cell(self, cells: list[Any], name: str) -> Any:
        index = self.columns.get(name)
        return cells[index] if index is not None and index < len(cells) else None

    def problem(self, number: int, name: str, key: str, sheet: str | None = None,
                **params: Any) -> ImportProblem:
        """A problem with the cell of column ``name`` in row ``number``."""
        return ImportProblem(key, params, number, self.headings.get(name), sheet)

    def column(self, name: str) -> list[Any]:
        """The body's cells of column ``name``, row by row, like :meth:`cell` gives them."""
        index = self.columns.get(name)
        if index is None:
            return [None] * len(self.body)
        return [cells[index] if index < len(cells) else None for _, cells in self.body]


HEADER_SEARCH_ROWS = 15


def _find_table(sheet: Sheet, headings: dict[str, frozenset[str]], required: Sequence[str],
                ) -> tuple[_Table | None, list[ImportProblem], int]:
    """The table whose heading row holds the required headings; with the best score."""
    best: tuple[int, int, list[Any]] | None = None
    for number, cells in sheet.rows[:HEADER_SEARCH_ROWS]:
        keys = [heading_key(cell) if not is_blank(cell) else "" for cell in cells]
        score = sum(1 for key in keys if any(key in names for names in headings.values()))
        if score and (best is None or score > best[0]):
            best = (score, number, cells)
    if best is None:
        return None, [], 0
    _, number, cells = best
    columns: dict[str, int] = {}
    written: dict[str, str] = {}
    ignored: list[str] = []
    problems: list[ImportProblem] = []
    for index, cell in enumerate(cells):
        if is_blank(cell):
            continue
        key = heading_key(cell)
        name = next((f for f, names in headings.items() if key in names), None)
        if name is None:
            ignored.append(str(cell).strip())
        elif name in columns:
            problems.append(ImportProblem("import.duplicate_column", {"column": str(cell).strip()},
                                          row=number))
        else:
            columns[name], written[name] = index, str(cell).strip()
    missing = [name for name in required if name not in columns]
    if missing:
        found = ", ".join(str(c).strip() for c in cells if not is_blank(c)) or "—"
        problems.append(ImportProblem("import.missing_columns",
                                      {"missing": _FieldList(missing), "found": found},
                                      row=number))
    body = [(n, c) for n, c in sheet.rows if n > number and any(not is_blank(v) for v in c)]
    table = _Table(sheet, number, columns, written, ignored, body)
    return table, problems, best[0]


def _heading_label(name: str, lang: str | None = None) -> str:
    key = {"how": "how", "indicator": "indicator"}.get(name, name)
    return t(f"field.{key}", lang) if f"field.{key}" in MESSAGES else name


# ----- parsing ------------------------------------------------------------------------


@dataclass(frozen=True)
class ParsedActivity:
    row: int
    indicator: str | None  # the indicator's name as written, None when empty
    activity: Activity


@dataclass(frozen=True)
class ParsedMeasurement:
    row: int
    indicator: str
    measurement: Measurement  # indicator_id is a placeholder (0) until written


@dataclass(frozen=True)
class ParsedPlan:
    """A file's content as validated records, not yet in any store."""

    source: str
    activities: list[ParsedActivity]
    indicators: list[Indicator]  # from an Indicatoren sheet
    drafts: list[Indicator]  # named in the planning table only
    measurements: list[ParsedMeasurement]
    plan: dict[str, Any]  # name, project, organisation, start, end from a Plan sheet
    ignored_columns: list[str]
    plan_places: dict[str, tuple[str, int]] = field(default_factory=dict)  # (sheet, row)

    def indicator_names(self) -> list[str]:
        return [i.name for i in self.indicators] + [d.name for d in self.drafts]


def _key(name: str) -> str:
    return normalize(name)


def parse_plan(
    source: Path | str | bytes,
    *,
    filename: str | None = None,
    catalog: Catalog | None = None,
    lang: str | None = None,
) -> ParsedPlan:
    """Read and validate a planning file; raise :class:`ImportRefused` listing every problem."""
    catalog = catalog or load_catalog()
    name = filename or (Path(source).name if isinstance(source, (str, Path)) else "upload")
    try:
        sheets = read_sheets(source, filename=name)
    except TableFileError as exc:
        raise ImportRefused([ImportProblem(f"import.file.{exc.key}", exc.params)], name) from None

    found = _locate(sheets)
    if found["planning"] is None:
        expected = _FieldList(PLANNING_REQUIRED)
        raise ImportRefused([ImportProblem("import.no_table", {"expected": expected})], name)
    planning, problems = found["planning"]
    problems = list(problems)
    multi = len(sheets) > 1
    if problems:  # headings missing or doubled: the rows cannot be read reliably
        raise ImportRefused(_in_sheet(problems, planning.sheet.name if multi else None), name)

    indicators, indicator_problems = ([], [])
    if found["indicators"] is not None:
        indicators, indicator_problems = _parse_indicators(*found["indicators"], lang)
    problems += indicator_problems
    if not problems and not planning.body:
        problems.append(ImportProblem("import.no_rows"))
    activities, row_problems = _parse_activities(planning, catalog)
    problems += row_problems
    drafts, draft_problems = _drafts(planning, activities, indicators, lang)
    problems += draft_problems
    measurements: list[ParsedMeasurement] = []
    if found["measurements"] is not None:
        known = {_key(i.name) for i in indicators} | {_key(d.name) for d in drafts}
        measurements, measurement_problems = _parse_measurements(*found["measurements"], known)
        problems += measurement_problems
    plan_info, plan_places, plan_problems = _plan_info(found["plan"])
    problems += plan_problems
    if problems:
        raise ImportRefused(_in_sheet(problems, planning.sheet.name if multi else None), name)
    return ParsedPlan(
        source=name,
        activities=activities,
        indicators=indicators,
        drafts=drafts,
        measurements=measurements,
        plan=plan_info,
        ignored_columns=planning.ignored,
        plan_places=plan_places,
    )


def _in_sheet(problems: list[ImportProblem], sheet: str | None) -> list[ImportProblem]:
    """Name the planning sheet in problems placed on it (when the file has several sheets)."""
    if sheet is None:
        return problems
    return [
        ImportProblem(p.key, p.params, p.row, p.column, sheet, p.problem)
        if p.sheet is None and p.row is not None else p
        for p in problems
    ]


def _locate(sheets: list[Sheet]) -> dict[str, Any]:
    """The planning, indicators, measurements and plan sheets among a file's sheets."""
    found: dict[str, Any] = {"planning": None, "indicators": None, "measurements": None,
                             "plan": None}
    best_planning = 0
    for sheet in sheets:
        table, problems, score = _find_table(sheet, PLANNING_HEADINGS, PLANNING_REQUIRED)
        has_planning = table is not None and {"what", "target_groups"} & set(table.columns)
        if has_planning and score > best_planning:
            found["planning"], best_planning = (table, problems), score
            continue
        if len(sheets) > 1 and heading_key(sheet.name) in PLAN_SHEET_NAMES:
            found["plan"] = found["plan"] or sheet
            continue
        for kind, headings, required in (
            ("indicators", INDICATOR_HEADINGS, INDICATOR_REQUIRED),
            ("measurements", MEASUREMENT_HEADINGS, MEASUREMENT_REQUIRED),
        ):
            table, problems, _ = _find_table(sheet, headings, required)
            if table is not None and not problems and found[kind] is None:
                found[kind] = (table, [])
                break
    return found


def _parse_activities(table: _Table, catalog: Catalog) -> tuple[list[ParsedActivity],
                                                               list[ImportProblem]]:
    """The planning rows as activities, column by column: a planning table repeats the same
    few target groups, channels, contexts, dates and amounts in row after row, so each
    distinct cell of a column is interpreted once; then each row is validated."""
    decimal = table.sheet.decimal

    def amount(raw: Any) -> float | None:
        return parse_amount(cellsafety.restore(raw) if isinstance(raw, str) else raw, decimal)

    raw = {name: table.column(name) for name in (
        "what", "responsible", "target_groups", "how", "methods", "channels", "context",
        "status", "when", "target_value", "price", "indicator")}
    groups = _each_distinct(raw["target_groups"], lambda cell: tuple(
        _listed(cell_text(cell), catalog.match_target_group)))
    how = _each_distinct(raw["how"], lambda cell: tuple(
        map(tuple, _how(cell_text(cell), catalog))))
    methods = _each_distinct(raw["methods"], lambda cell: tuple(
        _listed(cell_text(cell), catalog.match_method)))
    channels = _each_distinct(raw["channels"], lambda cell: tuple(
        _listed(cell_text(cell), catalog.match_channel)))
    contexts = _each_distinct(raw["context"], lambda cell: _chosen(
        cell_text(cell), _CONTEXTS, Context.BINNEN_SCHOOL))
    statuses = _each_distinct(raw["status"], lambda cell: _chosen(
        cell_text(cell), _STATUSES, Status.GEPLAND))
    dates = _each_distinct(raw["when"], parse_date, (ValueError, OverflowError))
    targets = _each_distinct(raw["target_value"], amount, (ValueError,))
    prices = _each_distinct(raw["price"], amount, (ValueError,))

    def column_of(field: str) -> str:
        return _activity_column(table, field)

    parsed: list[ParsedActivity] = []
    problems: list[ImportProblem] = []
    for (number, what, responsible, target_groups, (how_methods, how_channels), more_methods,
         more_channels, (context, context_id), (status, status_id), when, target_value,
         price, row) in zip(
            (number for number, _ in table.body), raw["what"], raw["responsible"], groups,
            how, methods, channels, contexts, statuses, dates, targets, prices,
            range(len(table.body)), strict=True):
        row_problems: list[ImportProblem] = []
        data: dict[str, Any] = {
            "what": cell_text(what),
            "responsible": cell_text(responsible),
            "target_groups": list(target_groups),
            "methods": [*how_methods, *more_methods],
            "channels": [*how_channels, *more_channels],
        }
        if context_id is None:
            row_problems.append(table.problem(number, "context", "import.bad_context",
                                              value=context,
                                              choices=_ChoiceList(Context, "context")))
        else:
            data["context"] = context_id
        if status_id is None:
            row_problems.append(table.problem(number, "status", "import.bad_status",
                                              value=status,
                                              choices=_ChoiceList(Status, "status")))
        else:
            data["status"] = status_id
        for name, value in (("when", when), ("target_value", target_value), ("price", price)):
            if value is _REFUSED:
                key = "import.bad_date" if name == "when" else "import.bad_amount"
                row_problems.append(table.problem(number, name, key,
                                                  value=cell_text(raw[name][row])))
            else:
                data[name] = value

        activity = _validated(Activity, data, row_problems, number, column_of, catalog=catalog)
        problems += row_problems
        if activity is not None and not row_problems:
            parsed.append(ParsedActivity(number, cell_text(raw["indicator"][row]) or None,
                                         activity))
    return parsed, problems


def _chosen(text: str, choices: dict[str, str], default: Enum) -> tuple[str, str | None]:
    """A cell's text and the choice it names (``default`` when empty, None when unknown)."""
    return text, (_choice(text, choices) if text else default.value)


_REFUSED = object()  # a cell that :func:`_each_distinct` could not interpret


def _each_distinct(cells: list[Any], interpret: Callable[[Any], Any],
                   refusals: tuple[type[Exception], ...] = ()) -> list[Any]:
    """``interpret`` of every cell, worked out once per distinct value (and type: 1, 1.0
    and True are different cells); ``_REFUSED`` where it raised one of ``refusals``.

    Cells that hold the same value share the result, so ``interpret`` returns values
    that cannot change (tuples, dates, numbers).
    """

    def outcome(cell: Any) -> Any:
        try:
            return interpret(cell)
        except refusals:
            return _REFUSED

    keys = list(zip(map(type, cells), cells, strict=True))
    try:
        known = dict.fromkeys(keys)
    except TypeError:  # an unhashable cell
        return [outcome(cell) for cell in cells]
    for key in known:
        known[key] = outcome(key[1])
    return list(map(known.__getitem__, keys))


def _activity_column(table: _Table, field: str) -> str:
    """The heading a problem with an activity's ``field`` is reported under."""
    name = _column_of(field)
    return table.headings.get(name) or _heading_label(name)


def _validated(model: type, data: dict[str, Any], row_problems: list[ImportProblem],
               number: int, column_of: Callable[[str], str | None], sheet: str | None = None,
               **context: Any) -> Any:
    """The row's record through the one validation path, or None; each problem joins
    ``row_problems`` unless its column already has one from parsing (one message a cell)."""
    reported = {p.column for p in row_problems}
    try:
        return validate(model, data, **context)
    except InvalidRecord as exc:
        for problem in exc.problems:
            column = column_of(problem.field)
            if column is None or column not in reported:
                row_problems.append(ImportProblem("", {}, number, column, sheet, problem))
        return None


class _ChoiceList:
    """Lazily formatted choices, so a message lists them in the language it is read in."""

    def __init__(self, enum_type: type, prefix: str):
        self.enum_type, self.prefix = enum_type, prefix

    def labels(self, lang: str | None = None) -> str:
        return _choice_labels(self.enum_type, self.prefix, lang)

    def __str__(self) -> str:
        return self.labels()


class _FieldList:
    """Column names, formatted in the language the message is read in."""

    def __init__(self, names: Sequence[str]):
        self.names = tuple(names)

    def labels(self, lang: str | None = None) -> str:
        return ", ".join(_heading_label(name, lang) for name in self.names)

    def __str__(self) -> str:
        return self.labels()


def _column_of(field_name: str) -> str:
    return {"methods": "how", "channels": "how", "indicator_id": "indicator"}.get(
        field_name, field_name
    )


def _drafts(table: _Table, activities: list[ParsedActivity], indicators: list[Indicator],
            lang: str | None) -> tuple[list[Indicator], list[ImportProblem]]:
    """Draft indicators for names in the planning table that the Indicatoren sheet lacks."""
    known = {_key(i.name) for i in indicators}
    grouped: dict[str, list[ParsedActivity]] = {}
    for parsed in activities:
        if parsed.indicator and _key(parsed.indicator) not in known:
            grouped.setdefault(_key(parsed.indicator), []).append(parsed)
    drafts, problems = [], []
    for rows in grouped.values():
        targets = [r.activity.target_value for r in rows if r.activity.target_value is not None]
        data = {
            "name": rows[0].indicator,
            "unit": t("import.default_unit", lang),
            "target": sum(targets),
            "deadline": max(r.activity.when for r in rows),
        }
        try:
            drafts.append(validate(Indicator, data))
        except InvalidRecord as exc:
            column = table.headings.get("indicator")
            problems += [ImportProblem("", {}, rows[0].row, column, None, p) for p in exc.problems]
    return drafts, problems


def _parse_indicators(table: _Table, _problems: list, lang: str | None
                      ) -> tuple[list[Indicator], list[ImportProblem]]:
    indicators: list[Indicator] = []
    problems: list[ImportProblem] = []
    seen: set[str] = set()
    sheet = table.sheet.name
    for number, cells in table.body:
        row_problems: list[ImportProblem] = []

        data: dict[str, Any] = {
            "name": cell_text(table.cell(cells, "name")),
            "unit": cell_text(table.cell(cells, "unit")),
        }
        try:
            data["deadline"] = parse_date(table.cell(cells, "deadline"))
        except (ValueError, OverflowError):
            row_problems.append(table.problem(number, "deadline", "import.bad_date", sheet,
                                              value=cell_text(table.cell(cells, "deadline"))))
        try:
            data["target"] = parse_amount(table.cell(cells, "target"), table.sheet.decimal)
        except ValueError:
            row_problems.append(table.problem(number, "target", "import.bad_amount", sheet,
                                              value=cell_text(table.cell(cells, "target"))))
        kind = cell_text(table.cell(cells, "kind"))
        if kind:
            if (found := _choice(kind, _KINDS)) is None:
                row_problems.append(table.problem(number, "kind", "import.bad_kind", sheet,
                                                  value=kind, choices=_ChoiceList(Kind, "kind")))
            else:
                data["kind"] = found
        if _key(data["name"]) in seen:
            row_problems.append(table.problem(number, "name", "import.duplicate_indicator", sheet,
                                              value=data["name"]))
        seen.add(_key(data["name"]))
        indicator = _validated(Indicator, data, row_problems, number, table.headings.get, sheet)
        problems += row_problems
        if indicator is not None and not row_problems:
            indicators.append(indicator)
    return indicators, problems


def _parse_measurements(table: _Table, _problems: list, known: set[str]
                        ) -> tuple[list[ParsedMeasurement], list[ImportProblem]]:
    measurements: list[ParsedMeasurement] = []
    problems: list[ImportProblem] = []
    sheet = table.sheet.name
    for number, cells in table.body:
        row_problems: list[ImportProblem] = []
        name = cell_text(table.cell(cells, "indicator"))
        if name and _key(name) not in known:
            row_problems.append(table.problem(number, "indicator", "import.unknown_indicator",
                                              sheet, value=name))
        data: dict[str, Any] = {"indicator_id": 0, "note": cell_text(table.cell(cells, "note"))}
        try:
            data["date"] = parse_date(table.cell(cells, "date"))
        except (ValueError, OverflowError):
            row_problems.append(table.problem(number, "date", "import.bad_date", sheet,
                                              value=cell_text(table.cell(cells, "date"))))
        try:
            data["value"] = parse_amount(table.cell(cells, "value"), table.sheet.decimal)
        except ValueError:
            row_problems.append(table.problem(number, "value", "import.bad_amount", sheet,
                                              value=cell_text(table.cell(cells, "value"))))
        if not name:
            problem = Problem("indicator_id", "required")
            row_problems.append(ImportProblem("", {}, number, table.headings.get("indicator"),
                                              sheet, problem))
        measurement = _validated(Measurement, data, row_problems, number, table.headings.get,
                                 sheet)
        problems += row_problems
        if measurement is not None and not row_problems:
            measurements.append(ParsedMeasurement(number, name, measurement))
    return measurements, problems


def _plan_info(sheet: Sheet | None) -> tuple[dict[str, Any], dict[str, tuple[str, int]],
                                              list[ImportProblem]]:
    """Name, project, organisation and period from a two-column Plan sheet (label, value),
    per field taken the sheet and row it stands on, and the problems of those values.

    The values are checked as a :class:`Plan` record, each problem placed at its field's
    row; a sheet without a name is fine (the plan is named elsewhere).
    """
    info: dict[str, Any] = {}
    places: dict[str, tuple[str, int]] = {}
    problems: list[ImportProblem] = []
    if sheet is None:
        return info, places, problems
    for number, cells in sheet.rows:
        if len(cells) < 2 or is_blank(cells[0]):
            continue
        key = heading_key(cells[0])
        name = next((f for f, names in PLAN_FIELDS.items() if key in names), None)
        if name is None or name in places:
            continue
        places[name] = (sheet.name, number)
        if name in ("start", "end"):
            try:
                info[name] = parse_date(cells[1])
            except (ValueError, OverflowError):
                problems.append(ImportProblem("import.bad_date", {"value": cell_text(cells[1])},
                                              row=number, sheet=sheet.name, fact=name))
        else:
            info[name] = cell_text(cells[1])
    try:
        validate(Plan, info)
    except InvalidRecord as exc:
        for problem in exc.problems:
            if problem.field == "name" and not info.get("name"):
                continue
            where, row = places.get(problem.field, (sheet.name, None))
            problems.append(ImportProblem("", row=row, sheet=where, problem=problem,
                                          fact=problem.field if row is not None else None))
    return info, places, problems


# ----- writing ------------------------------------------------------------------------


@dataclass(frozen=True)
class ImportResult:
    """What :func:`write_plan` added, with a summary in either language."""

    plan_id: int
    plan_name: str
    source: str
    activity_ids: list[int]
    created_plan: bool
    new_indicators: list[str]
    draft_indicators: list[str]
    measurement_ids: list[int]
    ignored_columns: list[str]

    def summary(self, lang: str | None = None) -> str:
        lines = []
        if self.created_plan:
            lines.append(t("import.summary_new_plan", lang, plan=self.plan_name))
        lines.append(t("import.summary", lang, activities=len(self.activity_ids),
                       plan=self.plan_name, source=self.source))
        if self.new_indicators:
            lines.append(t("import.summary_indicators", lang,
                           names=", ".join(self.new_indicators)))
        if self.draft_indicators:
            lines.append(t("import.summary_drafts", lang, names=", ".join(self.draft_indicators)))
        if self.measurement_ids:
            lines.append(t("import.summary_measurements", lang, count=len(self.measurement_ids)))
        if self.ignored_columns:
            lines.append(t("import.summary_ignored", lang,
                           columns=", ".join(self.ignored_columns)))
        return "\n".join(lines)


def new_plan(name: str, details: Mapping[str, Any] | None = None) -> Plan:
    """The plan record an import creates: ``name`` with the file's project, organisation
    and period; :class:`InvalidRecord` when they do not validate (:func:`parse_plan` has
    refused such a Plan sheet already)."""
    details = {k: v for k, v in (details or {}).items()
               if k in ("project", "organisation", "start", "end")}
    return validate(Plan, {**details, "name": name})


def write_plan(
    store: Store,
    parsed: ParsedPlan,
    *,
    plan_name: str | None = None,
    plan_details: dict[str, Any] | None = None,
    lang: str | None = None,
) -> ImportResult:
    """Add a parsed file to the plan named ``plan_name`` (created if new) or the current plan.

    ``plan_details`` (project, organisation, start, end) fill a plan that is created here.
    Indicators are linked by name; unknown names become new indicators of the plan.
    """
    plan_id, name = chosen_plan(store, plan_name)
    plan = new_plan(name, plan_details) if plan_id is None else None  # before any write
    with store.transaction():
        created_plan = False
        if plan is not None:  # one atomic get-or-create: importers at once share the plan
            plan_id, created_plan = store.ensure_plan(plan)
        if name is None:
            name = store.plan_fields(plan_id)["name"]
        frame = store.indicators(plan_id)
        existing = {_key(n): int(i) for n, i in zip(frame["name"], frame["id"], strict=True)}
        new_names, draft_names = [], []
        for indicator in [*parsed.indicators, *parsed.drafts]:
            if _key(indicator.name) in existing:
                continue
            existing[_key(indicator.name)] = store.add_indicator(plan_id, indicator)
            new_names.append(indicator.name)
            if indicator in parsed.drafts:
                draft_names.append(indicator.name)
        activities = [
            p.activity.model_copy(
                update={"indicator_id": existing[_key(p.indicator)] if p.indicator else None}
            )
            for p in parsed.activities
        ]
        activity_ids = store.add_activities(plan_id, activities)
        measurement_ids = [
            store.add_measurement(plan_id, m.measurement.model_copy(
                update={"indicator_id": existing[_key(m.indicator)]}
            ))
            for m in parsed.measurements
        ]
    return ImportResult(
        plan_id=plan_id,
        plan_name=name,
        source=parsed.source,
        activity_ids=activity_ids,
        created_plan=created_plan,
        new_indicators=new_names,
        draft_indicators=draft_names,
        measurement_ids=measurement_ids,
        ignored_columns=parsed.ignored_columns,
    )


def import_plan(
    store: Store,
    source: Path | str | bytes,
    *,
    filename: str | None = None,
    plan_name: str | None = None,
    catalog: Catalog | None = None,
    lang: str | None = None,
) -> ImportResult:
    """Parse ``source`` and add it to a plan; :class:`ImportRefused` leaves the store as it was."""
    parsed = parse_plan(source, filename=filename, catalog=catalog, lang=lang)
    return write_plan(store, parsed, plan_name=plan_name, plan_details=parsed.plan, lang=lang)


# ----- frames without a store ---------------------------------------------------------

TABLE_IDS = ("indicators", "activities", "measurements")


def plan_tables(
    parsed: ParsedPlan,
    *,
    plan_id: int = 1,
    first_ids: Mapping[str, int] | None = None,
) -> dict[str, pd.DataFrame]:
    """The frames :meth:`Store.plan_tables` gives after :func:`write_plan` has put ``parsed``
    into a new, empty plan ``plan_id`` of a store, built from the records directly.

    ``first_ids`` gives, per table of :data:`TABLE_IDS`, the id its first row gets (1 when
    not given), as a store that already holds other plans would number them.
    """
    first = dict.fromkeys(TABLE_IDS, 1) | dict(first_ids or {})
    indicator_ids: dict[str, int] = {}
    indicators: list[Indicator] = []
    for indicator in [*parsed.indicators, *parsed.drafts]:
        if _key(indicator.name) not in indicator_ids:
            indicator_ids[_key(indicator.name)] = first["indicators"] + len(indicators)
            indicators.append(indicator)
    return {
        "goals": _no_rows("goals"),
        "indicators": (_indicator_frame(indicators, list(indicator_ids.values()), plan_id)
                       if indicators else _no_rows("indicators")),
        "activities": (_activity_frame(parsed.activities, first["activities"], plan_id,
                                       indicator_ids)
                       if parsed.activities else _no_rows("activities")),
        "target_groups": _no_rows("target_groups"),
        "attention": _no_rows("attention"),
        "measurements": (_measurement_frame(parsed.measurements, first["measurements"], plan_id,
                                            indicator_ids)
                         if parsed.measurements else _no_rows("measurements")),
    }


def _no_rows(table: str) -> pd.DataFrame:
    """Table ``table`` of a plan without such rows, as a store gives it (a copy)."""
    return _empty_tables()[table].copy()


@cache
def _empty_tables() -> dict[str, pd.DataFrame]:
    return {
        "goals": pd.DataFrame([], columns=["id", "plan_id", *Goal.model_fields]),
        "indicators": _indicator_frame([], [], 1),
        # a store reads the list columns of no rows as numbers
        "activities": _activity_frame([], 1, 1, {}).astype(
            dict.fromkeys(("target_groups", "methods", "channels"), float)),
        "target_groups": pd.DataFrame([], columns=["group", "scope", "level", "methods",
                                                   "channels"]),
        "attention": pd.DataFrame([], columns=list(AttentionCheck.model_fields)),
        "measurements": _measurement_frame([], 1, 1, {}),
    }


def _indicator_frame(indicators: list[Indicator], ids: list[int], plan_id: int
                     ) -> pd.DataFrame:
    columns = _columns(indicators, Indicator.model_fields)
    return _frame({
        "id": ids,
        "plan_id": [plan_id] * len(indicators),
        **columns,
        "deadline": pd.to_datetime(columns["deadline"]),
        "goal_id": pd.array(columns["goal_id"], dtype="Int64"),
    })


def _activity_frame(parsed: list[ParsedActivity], first: int, plan_id: int,
                    indicator_ids: dict[str, int]) -> pd.DataFrame:
    order = sorted(range(len(parsed)), key=lambda number: parsed[number].activity.when)
    rows = [parsed[number] for number in order]
    columns = _columns([row.activity for row in rows], Activity.model_fields)
    return _frame({
        "id": [first + number for number in order],
        "plan_id": [plan_id] * len(rows),
        **columns,
        "when": pd.to_datetime(columns["when"]),
        "indicator_id": pd.array(
            [indicator_ids[_key(row.indicator)] if row.indicator else None for row in rows],
            dtype="Int64"),
        "version": [1] * len(rows),
        "deleted": np.zeros(len(rows), dtype=bool),
    })


def _measurement_frame(parsed: list[ParsedMeasurement], first: int, plan_id: int,
                       indicator_ids: dict[str, int]) -> pd.DataFrame:
    order = sorted(range(len(parsed)), key=lambda number: parsed[number].measurement.date)
    rows = [parsed[number] for number in order]
    columns = _columns([row.measurement for row in rows], Measurement.model_fields)
    return _frame({
        "id": [first + number for number in order],
        "plan_id": [plan_id] * len(rows),
        **columns,
        "indicator_id": [indicator_ids[_key(row.indicator)] for row in rows],
        "date": pd.to_datetime(columns["date"]),
    })


def _frame(columns: dict[str, Any]) -> pd.DataFrame:
    """A frame of ``columns``; an empty list makes a column of objects, as in a store's
    empty table."""
    empty = np.array([], dtype=object)
    return pd.DataFrame({name: empty if isinstance(values, list) and not values else values
                         for name, values in columns.items()})


def _columns(records: Sequence[Any], names: Iterable[str]) -> dict[str, list[Any]]:
    return {name: [getattr(record, name) for record in records] for name in names}
