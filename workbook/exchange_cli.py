"""``python -m workbook export PATH`` and ``python -m workbook import PATH``.

Both work on the store the notebooks use (``WORKBOOK_DATA``, ``WORKBOOK_DB_URL``) and speak
the language of ``WORKBOOK_LANG``; ``WORKBOOK_TODAY`` fixes the date in the report and the
calendar. A refused import or export exits with code 2 and says why on stderr; the store
is then exactly as before.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .cli import EXIT_REFUSED, command
from .i18n import register, t
from .lazy import on_first_use

# Loaded when the subcommand runs, not for every `python -m workbook` (~0.4 s each).
export = on_first_use("workbook.export")
importer = on_first_use("workbook.importer")
session = on_first_use("workbook.session")
store_module = on_first_use("workbook.store")

TEXTS = {
    "cli.unknown_plan": {
        "nl": "Er is geen plan met de naam '{name}'. Plannen in dit werkboek: {names}.",
        "en": "There is no plan named '{name}'. Plans in this workbook: {names}.",
    },
    "cli.cannot_write": {
        "nl": "Kan {path} niet schrijven ({reason}).",
        "en": "Cannot write {path} ({reason}).",
    },
}
register(TEXTS)


def _configure_export(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", type=Path,
                        help="doelbestand: .xlsx, .csv, .ics of .html / target file")
    parser.add_argument("--plan", help="naam van het plan (standaard het huidige) / plan name")
    parser.add_argument("--csv-comma", action="store_true",
                        help="CSV met , en decimaalpunt i.p.v. ; en decimaalkomma / "
                        "CSV with , and a decimal point instead of ; and a decimal comma")


def _configure_import(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", type=Path, help="planningstabel: .xlsx of .csv / planning table")
    parser.add_argument("--plan", help="in dit plan (nieuw als het nog niet bestaat) / "
                        "into this plan (created when new)")


@command("export", "exporteer een plan (xlsx, csv, ics, html) / export a plan")(_configure_export)
def _export(args: argparse.Namespace) -> int:
    store = store_module.open_store()
    plan_id = None
    if args.plan:
        plan_id = store.plan_id(args.plan)
        if plan_id is None:
            names = ", ".join(store.plans()["name"]) or "—"
            print(t("cli.unknown_plan", name=args.plan, names=names), file=sys.stderr)
            return EXIT_REFUSED
    try:
        path = export.export_plan(store, args.path, plan_id, comma=args.csv_comma)
    except export.ExportError as exc:
        print(exc, file=sys.stderr)
        return EXIT_REFUSED
    except OSError as exc:
        print(t("cli.cannot_write", path=args.path, reason=exc.strerror or exc), file=sys.stderr)
        return EXIT_REFUSED
    plan_id = plan_id or session.current_plan_id(store)
    print(t("export.written", plan=store.plan(plan_id).name, path=path))
    return 0


@command("import", "importeer een planningstabel (xlsx, csv) / import a planning table")(
    _configure_import
)
def _import(args: argparse.Namespace) -> int:
    store = store_module.open_store()
    try:
        result = importer.import_plan(store, args.path, plan_name=args.plan)
    except importer.ImportRefused as exc:
        print(exc.report(), file=sys.stderr)
        return EXIT_REFUSED
    print(result.summary())
    return 0
