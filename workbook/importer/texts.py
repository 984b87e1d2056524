"""The importer's messages and summaries, in Dutch and English."""

from __future__ import annotations

from ..i18n import register

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
    "import.bad_context": {
        "nl": "'{value}' is geen context; kies uit: {choices}.",
        "en": "'{value}' is not a context; choose from: {choices}.",
    },
    "import.bad_product": {
        "nl": "'{value}' is geen product; kies uit: {choices}.",
        "en": "'{value}' is not a product; choose from: {choices}.",
    },
    "import.bad_yes_no": {
        "nl": "'{value}' is geen ja of nee.",
        "en": "'{value}' is not a yes or no.",
    },
    "import.bad_status": {
        "nl": "'{value}' is geen status; kies uit: {choices}.",
        "en": "'{value}' is not a status; choose from: {choices}.",
    },
    "import.bad_kind": {
        "nl": "'{value}' is geen soort meting; kies uit: {choices}.",
        "en": "'{value}' is not a type of measurement; choose from: {choices}.",
    },
    "import.bad_period": {
        "nl": "'{value}' is geen periode; kies uit: {choices}.",
        "en": "'{value}' is not a period; choose from: {choices}.",
    },
    "import.bad_level": {
        "nl": "'{value}' is geen niveau; kies uit: {choices}.",
        "en": "'{value}' is not a level; choose from: {choices}.",
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
        "en": "Add the unit, target and date for: {names} (notebook 01 — Why).",
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
