"""Import a planning table that a team filled in a spreadsheet: xlsx or csv, Dutch or English.

A package with a module per step (see ARCHITECTURE.md): :mod:`.cells` reads a cell,
:mod:`.tables` finds the tables in a file's sheets, :mod:`.rows` turns rows into records
(one row parser for planning rows, indicators and measurements), :mod:`.parsing` reads a
whole file, :mod:`.writing` writes it into a store. Numbers, amounts and dates are read by
:mod:`workbook.values`, as the forms read them.

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
- Amounts as 1250.5, 1250,5, 1.250,50, 1,250.50, € 1.250,50, 1 250 EUR; an amount that
  reads two ways (1,250) is refused with both readings named.
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

from ..values import is_blank, parse_amount, parse_date, parse_number
from . import texts as texts
from .cells import _REFUSED, _each_distinct, cell_text, heading_key, split_values
from .parsing import parse_plan
from .problems import ImportProblem, ImportRefused
from .rows import ParsedActivity, ParsedMeasurement, ParsedPlan
from .tables import (
    INDICATOR_HEADINGS,
    MEASUREMENT_HEADINGS,
    PLAN_FIELDS,
    PLANNING_HEADINGS,
    PLANNING_REQUIRED,
)
from .writing import TABLE_IDS, ImportResult, import_plan, new_plan, plan_tables, write_plan

__all__ = [
    "INDICATOR_HEADINGS", "MEASUREMENT_HEADINGS", "PLANNING_HEADINGS", "PLANNING_REQUIRED",
    "PLAN_FIELDS", "TABLE_IDS", "ImportProblem", "ImportRefused", "ImportResult",
    "ParsedActivity", "ParsedMeasurement", "ParsedPlan", "_REFUSED", "_each_distinct",
    "cell_text", "heading_key", "import_plan", "is_blank", "new_plan", "parse_amount",
    "parse_date", "parse_number", "parse_plan", "plan_tables", "split_values", "write_plan",
]
