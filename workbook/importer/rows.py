"""Rows into records: one row parser for the planning rows, the indicators and the
measurements, each described by the fields it reads from which column.

A table repeats the same few target groups, channels, dates and amounts in row after row,
so each distinct cell of a column is interpreted once (:func:`_each_distinct`); then each
row is validated through the one validation path, every problem placed at its cell.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from .. import cellsafety
from ..catalog import Catalog, normalize
from ..model import (
    Activity,
    Context,
    Indicator,
    InvalidRecord,
    Kind,
    Level,
    Measurement,
    Period,
    Problem,
    Product,
    Status,
    validate,
)
from ..values import Unreadable, parse_amount, parse_date, parse_number
from .cells import (
    _CONTEXTS,
    _KINDS,
    _LEVELS,
    _PERIODS,
    _PRODUCTS,
    _STATUSES,
    _YES_NO,
    _choice,
    _each_distinct,
    _how,
    _listed,
    cell_text,
    heading_key,
)
from .problems import ImportProblem, _ChoiceList, _heading_label
from .tables import _Table


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


# ----- the one row parser ---------------------------------------------------------------


class CellProblem(Exception):
    """What is wrong with one cell: a message key and its parameters."""

    def __init__(self, key: str, **params: Any) -> None:
        super().__init__(key)
        self.key, self.params = key, params


_OMIT = object()  # a reader's "leave this field out" (the record's default applies)


@dataclass(frozen=True)
class Column:
    """How a table's column becomes part of a row: ``read`` turns a cell into a value (or
    raises :class:`CellProblem` / :class:`~workbook.values.Unreadable`)."""

    name: str  # the column, as the table's headings know it
    read: Callable[[Any], Any]


def _interpret(read: Callable[[Any], Any]) -> Callable[[Any], Any]:
    def outcome(cell: Any) -> Any:
        try:
            return read(cell)
        except Unreadable as unreadable:
            return CellProblem(f"error.{unreadable.code}", **unreadable.params)
        except CellProblem as problem:
            return problem

    return outcome


def read_rows(table: _Table, columns: Sequence[Column],
              build: Callable[[dict[str, Any]], dict[str, Any]], model: type,
              column_of: Callable[[str], str | None], sheet: str | None = None,
              check: Callable[[int, dict[str, Any], list[ImportProblem]], None] | None = None,
              **context: Any) -> list[tuple[int, dict[str, Any], Any, list[ImportProblem]]]:
    """Every body row of ``table`` as ``(row number, values, record or None, problems)``.

    Each column's distinct cells are read once; ``build`` turns a row's values into the
    record's data, ``check`` adds problems that span cells or rows, and the record is
    validated without the cells that have a problem already (one message a cell).
    """
    values = {column.name: _each_distinct(table.column(column.name), _interpret(column.read))
              for column in columns}
    parsed = []
    for index, (number, _cells) in enumerate(table.body):
        row = {name: found[index] for name, found in values.items()}
        problems = [table.problem(number, name, value.key, sheet, **value.params)
                    for name, value in row.items() if isinstance(value, CellProblem)]
        if check is not None:
            check(number, row, problems)
        data = {name: value for name, value in build(row).items()
                if value is not _OMIT and not isinstance(value, CellProblem)}
        record = _validated(model, data, problems, number, column_of, sheet, **context)
        parsed.append((number, row, record, problems))
    return parsed


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


def _column_of(table: _Table, label_missing: bool) -> Callable[[str], str | None]:
    """The heading a problem with a record's field is reported under (for the planning
    rows also when the column is missing: the deck's heading)."""

    def column_of(field_name: str) -> str | None:
        name = {"methods": "how", "channels": "how", "indicator_id": "indicator"}.get(
            field_name, field_name)
        written = table.headings.get(name)
        return written or (_heading_label(name) if label_missing else None)

    return column_of


def _text(cell: Any) -> str:
    return cell_text(cell)


def _choose(choices: dict[str, str], enum_type: type[Enum], prefix: str,
            default: Enum | None) -> Callable[[Any], Any]:
    """A reader of a choice among an enum's values (``default`` when empty, else left out)."""

    def read(cell: Any) -> Any:
        text = cell_text(cell)
        if not text:
            return default.value if default is not None else _OMIT
        found = _choice(text, choices)
        if found is None:
            raise CellProblem(f"import.bad_{prefix}", value=text,
                              choices=_ChoiceList(enum_type, prefix))
        return found

    return read


def _yes_no(cell: Any) -> Any:
    """'ja'/'nee' (also yes/no, x, 1/0, a spreadsheet's true/false); empty is no."""
    if isinstance(cell, bool):
        return cell
    text = cell_text(cell)
    if not text:
        return False
    found = _YES_NO.get(heading_key(text))
    if found is None:
        raise CellProblem("import.bad_yes_no", value=text)
    return found


def _number(table: _Table, read: Callable[[Any, str | None], Any]) -> Callable[[Any], Any]:
    decimal = table.sheet.decimal
    return lambda cell: read(cellsafety.restore(cell) if isinstance(cell, str) else cell, decimal)


def _rows(parsed: list, make: Callable[[int, dict, Any], Any]) -> tuple[list, list]:
    found, problems = [], []
    for number, row, record, row_problems in parsed:
        problems += row_problems
        if record is not None and not row_problems:
            found.append(make(number, row, record))
    return found, problems


# ----- the three tables -----------------------------------------------------------------


def _parse_activities(table: _Table, catalog: Catalog
                      ) -> tuple[list[ParsedActivity], list[ImportProblem]]:
    """The planning rows as activities."""
    columns = [
        Column("what", _text), Column("responsible", _text), Column("indicator", _text),
        Column("message", _text),
        Column("target_groups", lambda c: tuple(_listed(cell_text(c),
                                                        catalog.match_target_group))),
        Column("how", lambda c: tuple(map(tuple, _how(cell_text(c), catalog)))),
        Column("methods", lambda c: tuple(_listed(cell_text(c), catalog.match_method))),
        Column("channels", lambda c: tuple(_listed(cell_text(c), catalog.match_channel))),
        Column("context", _choose(_CONTEXTS, Context, "context", Context.BINNEN_SCHOOL)),
        Column("status", _choose(_STATUSES, Status, "status", Status.GEPLAND)),
        Column("when", parse_date),
        Column("target_value", _number(table, parse_number)),
        Column("price", _number(table, parse_amount)),
        Column("product", _choose(_PRODUCTS, Product, "product", Product.GEEN)),
        Column("pupils_recognisable", _yes_no),
        Column("period", _choose(_PERIODS, Period, "period", Period.TIJDENS)),
    ]

    def build(row: dict[str, Any]) -> dict[str, Any]:
        data = {name: row[name] for name in ("what", "responsible", "context", "status", "when",
                                             "target_value", "price", "message", "product",
                                             "pupils_recognisable", "period")}
        how_methods, how_channels = row["how"]
        return {**data, "target_groups": list(row["target_groups"]),
                "methods": [*how_methods, *row["methods"]],
                "channels": [*how_channels, *row["channels"]]}

    parsed = read_rows(table, columns, build, Activity, _column_of(table, True), catalog=catalog)
    return _rows(parsed, lambda number, row, record: ParsedActivity(
        number, row["indicator"] or None, record))


def _parse_indicators(table: _Table) -> tuple[list[Indicator], list[ImportProblem]]:
    sheet = table.sheet.name
    columns = [Column("name", _text), Column("unit", _text), Column("deadline", parse_date),
               Column("target", _number(table, parse_number)),
               Column("kind", _choose(_KINDS, Kind, "kind", None)),
               Column("level", _choose(_LEVELS, Level, "level", None)),
               Column("change", _text)]
    seen: set[str] = set()

    def check(number: int, row: dict[str, Any], problems: list[ImportProblem]) -> None:
        if _key(row["name"]) in seen:
            problems.append(table.problem(number, "name", "import.duplicate_indicator", sheet,
                                          value=row["name"]))
        seen.add(_key(row["name"]))

    parsed = read_rows(table, columns, dict, Indicator, _column_of(table, False), sheet, check)
    return _rows(parsed, lambda number, row, record: record)


def _parse_measurements(table: _Table, known: set[str]
                        ) -> tuple[list[ParsedMeasurement], list[ImportProblem]]:
    sheet = table.sheet.name
    columns = [Column("indicator", _text), Column("note", _text), Column("date", parse_date),
               Column("value", _number(table, parse_number))]

    def check(number: int, row: dict[str, Any], problems: list[ImportProblem]) -> None:
        name = row["indicator"]
        if name and _key(name) not in known:
            problems.insert(0, table.problem(number, "indicator", "import.unknown_indicator",
                                             sheet, value=name))
        if not name:
            problems.append(ImportProblem("", {}, number, table.headings.get("indicator"),
                                          sheet, Problem("indicator_id", "required")))

    def build(row: dict[str, Any]) -> dict[str, Any]:
        return {"indicator_id": 0, "note": row["note"], "date": row["date"],
                "value": row["value"]}

    parsed = read_rows(table, columns, build, Measurement, _column_of(table, False), sheet,
                       check)
    return _rows(parsed, lambda number, row, record: ParsedMeasurement(
        number, row["indicator"], record))
