"""Finding the tables in a file's sheets: the heading row, its columns, the rows below."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..i18n import MESSAGES
from ..tablefile import Sheet
from ..values import is_blank
from .cells import heading_key
from .problems import ImportProblem, _FieldList


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
    "product": _aliases("product", "wat maak je", "drager", "materiaal", "output",
                        fields=("product",)),
    "pupils_recognisable": _aliases(
        "leerlingen herkenbaar", "leerlingen in beeld", "herkenbaar", "pupils recognisable",
        "pupils recognizable", "pupils in images", fields=("pupils_recognisable",),
    ),
    "message": _aliases(
        "kernboodschap", "boodschap", "key message", "message", "wat wil je dat ze onthouden",
        fields=("message",),
    ),
    "period": _aliases("periode", "period", "tijdens of na", "during or after",
                       fields=("period",)),
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
    "level": _aliases("niveau", "level", "stap", "step", "stap in de keten", fields=("level",)),
    "change": _aliases("verandering", "change", "welke verandering", fields=("change",)),
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
    "action_type": _aliases("kernactie", "actie", "soort", "action type", "action",
                            fields=("action_type",)),
    "budget": _aliases("budget", "subsidie", "subsidiebedrag", "grant", "grant amount",
                       fields=("budget",)),
    "licence": _aliases("licentie", "licence", "license", fields=("licence",)),
    "exploitation": _aliases("na het project", "after the project", "exploitatie",
                             "exploitation", "duurzaamheid", fields=("exploitation",)),
    "maintenance": _aliases("onderhoud", "maintenance", "wie onderhoudt", "maintained by",
                            fields=("maintenance",)),
}


PLAN_SHEET_NAMES = frozenset({"plan", "project", "team"})


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
