"""Reading a planning file: its sheets, tables and rows into validated records, with every
problem of the file at once (:class:`~.problems.ImportRefused`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..catalog import Catalog, load_catalog
from ..i18n import t
from ..model import Indicator, InvalidRecord, Plan, validate
from ..tablefile import Sheet, TableFileError, read_sheets
from ..values import Unreadable, is_blank, parse_amount, parse_date
from .cells import cell_text, heading_key
from .problems import ImportProblem, ImportRefused, _FieldList
from .rows import (
    ParsedActivity,
    ParsedMeasurement,
    ParsedPlan,
    _key,
    _parse_activities,
    _parse_indicators,
    _parse_measurements,
)
from .tables import PLAN_FIELDS, PLANNING_REQUIRED, _locate, _Table


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
        indicators, indicator_problems = _parse_indicators(found["indicators"][0])
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
        measurements, measurement_problems = _parse_measurements(found["measurements"][0],
                                                                  known)
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
        if name in ("start", "end", "budget"):
            try:
                info[name] = (parse_amount(cells[1]) if name == "budget"
                              else parse_date(cells[1]))
            except Unreadable as unreadable:
                problems.append(ImportProblem(f"error.{unreadable.code}", unreadable.params,
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
