"""Every text a participant reads, in Dutch first and English on request.

Keys are English identifiers; :func:`t` looks a key up in the active language and fills
in ``{placeholders}``. The active language (:func:`language`) is, in this order:

1. ``WORKBOOK_LANG``, when set: the machine's or the test run's fixed language;
2. the language chosen in this kernel (:func:`set_language`): the welcome form's choice just
   made, or in the app view the start page's choice or ``?lang=`` (a choice per visit);
3. the edition of the notebook being run (``notebooks/en/…`` is English,
   :func:`config.running_edition`), so the English notebooks speak English without a setting;
4. the choice saved in the store by the welcome form in an earlier kernel
   (:func:`set_saved_language`);
5. Dutch.

The Dutch notebooks have no edition of their own to impose, so for them nothing changed: the
saved choice applies, else Dutch.
"""

from __future__ import annotations

from . import config

_chosen: str | None = None
_saved: str | None = None

MESSAGES: dict[str, dict[str, str]] = {
    # --- field labels (planning table headings follow DESIGN.md) ---
    "field.context": {"nl": "Context", "en": "Context"},
    "field.what": {"nl": "Wat", "en": "What"},
    "field.target_groups": {"nl": "Naar wie", "en": "To whom"},
    "field.how": {"nl": "Hoe / kanalen", "en": "How / channels"},
    "field.methods": {"nl": "Methode", "en": "Method"},
    "field.channels": {"nl": "Kanalen", "en": "Channels"},
    "field.when": {"nl": "Wanneer", "en": "When"},
    "field.indicator": {"nl": "Indicator", "en": "Indicator"},
    "field.indicator_id": {"nl": "Indicator", "en": "Indicator"},
    "field.target_value": {"nl": "Streefwaarde", "en": "Target value"},
    "field.price": {"nl": "Prijs", "en": "Cost"},
    "field.responsible": {"nl": "Verantwoordelijke", "en": "Responsible"},
    "field.status": {"nl": "Status", "en": "Status"},
    "field.message": {"nl": "Kernboodschap", "en": "Key message"},
    "field.product": {"nl": "Product", "en": "Product"},
    "field.pupils_recognisable": {
        "nl": "Leerlingen herkenbaar in beeld",
        "en": "Pupils recognisable in images",
    },
    "product.geen": {
        "nl": "geen (enkel een gesprek of bijeenkomst)",
        "en": "none (only a talk or meeting)",
    },
    "product.poster": {"nl": "poster of affiche", "en": "poster"},
    "product.slides": {"nl": "presentatie (slides)", "en": "presentation (slides)"},
    "product.video": {"nl": "video of filmpje", "en": "video"},
    "product.webpagina": {"nl": "webpagina", "en": "web page"},
    "product.artikel": {"nl": "artikel of persbericht", "en": "article or press release"},
    "product.sociale_media": {"nl": "bericht op sociale media", "en": "social media post"},
    "product.nieuwsbrief": {"nl": "nieuwsbrief", "en": "newsletter"},
    "product.lesmateriaal": {"nl": "lesmateriaal", "en": "teaching material"},
    "product.foto": {"nl": "foto's", "en": "photos"},
    "product.ander": {"nl": "ander product", "en": "other product"},
    "yes": {"nl": "ja", "en": "yes"},
    "no": {"nl": "nee", "en": "no"},
    "field.title": {"nl": "Beoogd effect", "en": "Intended effect"},
    "field.level": {"nl": "Niveau", "en": "Level"},
    "field.theme": {"nl": "Thema", "en": "Theme"},
    "field.description": {"nl": "Toelichting", "en": "Description"},
    "field.goal_id": {"nl": "Beoogd effect", "en": "Intended effect"},
    "field.name": {"nl": "Naam", "en": "Name"},
    "field.unit": {"nl": "Eenheid", "en": "Unit"},
    "field.target": {"nl": "Streefwaarde", "en": "Target value"},
    "field.deadline": {"nl": "Doel bereikt op", "en": "Target reached by"},
    "field.kind": {"nl": "Soort meting", "en": "Type of measurement"},
    "field.date": {"nl": "Datum", "en": "Date"},
    "field.value": {"nl": "Waarde", "en": "Value"},
    "field.note": {"nl": "Opmerking", "en": "Note"},
    "field.group": {"nl": "Doelgroep", "en": "Target group"},
    "field.scope": {"nl": "Intern / extern", "en": "Internal / external"},
    "field.point": {"nl": "Aandachtspunt", "en": "Point to check"},
    "field.done": {"nl": "In orde", "en": "Done"},
    "field.project": {"nl": "Project", "en": "Project"},
    "field.organisation": {"nl": "Organisatie", "en": "Organisation"},
    "field.start": {"nl": "Start project", "en": "Project start"},
    "field.end": {"nl": "Einde project", "en": "Project end"},
    "field.action_type": {"nl": "Soort partnerschap", "en": "Kind of partnership"},
    "field.budget": {"nl": "Subsidiebedrag (€)", "en": "Grant amount (€)"},
    "action_type.KA210": {
        "nl": "KA210 — kleinschalig partnerschap",
        "en": "KA210 — small-scale partnership",
    },
    "action_type.KA220": {
        "nl": "KA220 — samenwerkingspartnerschap",
        "en": "KA220 — cooperation partnership",
    },
    "field.licence": {"nl": "Licentie van de resultaten", "en": "Licence of the results"},
    "field.exploitation": {
        "nl": "Na het project: wat blijft gebruikt, en door wie?",
        "en": "After the project: what stays in use, and by whom?",
    },
    "field.maintenance": {
        "nl": "Wie onderhoudt het, en waar blijft het beschikbaar?",
        "en": "Who maintains it, and where does it stay available?",
    },
    "licence.cc_by": {"nl": "CC BY 4.0 (naamsvermelding)", "en": "CC BY 4.0 (attribution)"},
    "licence.cc_by_sa": {
        "nl": "CC BY-SA 4.0 (naamsvermelding, gelijk delen)",
        "en": "CC BY-SA 4.0 (attribution, share alike)",
    },
    "licence.ander": {"nl": "een andere open licentie", "en": "another open licence"},
    "licence.geen": {
        "nl": "geen open licentie (alle rechten voorbehouden)",
        "en": "no open licence (all rights reserved)",
    },
    "field.impact": {
        "nl": "Impact in woorden: welke brede verandering?",
        "en": "Impact in words: which broad change?",
    },
    "field.impact_signal": {"nl": "Hoe zul je die merken?", "en": "How will you notice it?"},
    "field.change": {
        "nl": "Welke verandering toont ze, bij wie?",
        "en": "Which change does it show, in whom?",
    },
    "field.period": {"nl": "Periode", "en": "Period"},
    "period.tijdens": {"nl": "tijdens het project", "en": "during the project"},
    "period.na": {"nl": "na het project", "en": "after the project"},
    "field.question": {"nl": "Vraag", "en": "Question"},
    "field.answer": {"nl": "Antwoord", "en": "Answer"},
    "field.moment": {"nl": "Moment", "en": "Moment"},
    "moment.start": {"nl": "bij de start", "en": "at the start"},
    "moment.tussentijds": {"nl": "tussentijdse evaluatie", "en": "mid-term review"},
    # --- vocabularies fixed by the model ---
    "context.binnen_school": {"nl": "Binnen eigen school", "en": "Within our own school"},
    "context.tussen_partners": {
        "nl": "Tussen de projectpartners",
        "en": "Between the project partners",
    },
    "status.gepland": {"nl": "gepland", "en": "planned"},
    "status.bezig": {"nl": "bezig", "en": "in progress"},
    "status.uitgevoerd": {"nl": "uitgevoerd", "en": "done"},
    "status.geannuleerd": {"nl": "geannuleerd", "en": "cancelled"},
    "level.output": {"nl": "output", "en": "output"},
    "level.outcome": {"nl": "outcome", "en": "outcome"},
    "level.impact": {"nl": "impact", "en": "impact"},
    "kind.cumulatief": {
        "nl": "telt op (bv. deelnemers per infosessie)",
        "en": "added up (e.g. participants in each information session)",
    },
    "kind.stand": {
        "nl": "stand (bv. volgers op Instagram)",
        "en": "current total (e.g. followers on Instagram)",
    },
    "scope.intern": {"nl": "intern", "en": "internal"},
    "scope.extern": {"nl": "extern", "en": "external"},
    "tier.micro": {"nl": "micro", "en": "micro"},
    "tier.meso": {"nl": "meso", "en": "meso"},
    "tier.macro": {"nl": "macro", "en": "macro"},
    "event_by.erasmus": {"nl": "Erasmus+", "en": "Erasmus+"},
    "event_by.etwinning": {"nl": "eTwinning (Erasmus+)", "en": "eTwinning (Erasmus+)"},
    "event_by.raad_van_europa": {
        "nl": "Raad van Europa (met de EU)",
        "en": "Council of Europe (with the EU)",
    },
    "event_by.eu": {"nl": "Europese Unie", "en": "European Union"},
    "event_by.epos": {"nl": "Epos (nationaal agentschap)", "en": "Epos (national agency)"},
    # --- validation messages: "{field}: {message}" ---
    "problem.line": {"nl": "{field}: {message}", "en": "{field}: {message}"},
    "error.required": {"nl": "vul dit in.", "en": "please fill this in."},
    "error.at_least_one": {"nl": "kies er minstens één.", "en": "choose at least one."},
    "error.too_long": {
        "nl": "maximaal {max_length} tekens.",
        "en": "at most {max_length} characters.",
    },
    "error.number": {
        "nl": "verwacht een getal, bv. 250 of 1250,50.",
        "en": "expected a number, e.g. 250 or 1250.50.",
    },
    "error.not_negative": {
        "nl": "mag niet negatief zijn.",
        "en": "cannot be negative.",
    },
    "error.too_large": {
        "nl": "is onwaarschijnlijk groot (hoogstens {maximum}).",
        "en": "is implausibly large (at most {maximum}).",
    },
    "error.date": {
        "nl": "verwacht een datum, bv. 2026-10-14.",
        "en": "expected a date, e.g. 2026-10-14.",
    },
    "error.date_range": {
        "nl": "verwacht een datum tussen {first} en {last}.",
        "en": "expected a date between {first} and {last}.",
    },
    "error.choice": {
        "nl": "kies uit: {choices}.",
        "en": "choose from: {choices}.",
    },
    "error.unknown_id": {
        "nl": "{value} bestaat niet (meer) in dit plan.",
        "en": "{value} is not (or no longer) in this plan.",
    },
    "error.text": {"nl": "verwacht tekst.", "en": "expected text."},
    "error.invalid": {"nl": "ongeldige waarde.", "en": "invalid value."},
    "error.end_before_start": {
        "nl": "het einde ligt vóór de start.",
        "en": "the end date is before the start date.",
    },
    "error.control_chars": {
        "nl": "bevat onzichtbare stuurtekens; typ de tekst opnieuw.",
        "en": "contains invisible control characters; please retype the text.",
    },
    "error.own_group_needs_tags": {
        "nl": "een eigen doelgroep heeft intern/extern en micro/meso/macro nodig.",
        "en": "a target group of your own needs internal/external and micro/meso/macro.",
    },
    "error.impact_in_words": {
        "nl": "impact is geen indicator: kies output of outcome, en beschrijf de impact in "
        "woorden bij het beoogde effect (welke verandering, en hoe je ze zult merken).",
        "en": "impact is not an indicator: choose output or outcome, and describe the impact "
        "in words at the intended effect (which change, and how you will notice it).",
    },
    "error.record_invalid": {
        "nl": "Niet bewaard — pas aan wat hieronder staat:",
        "en": "Not saved — please correct the following:",
    },
    # --- catalog files ---
    "catalog.missing_file": {
        "nl": "Catalogusbestand ontbreekt: {file}.",
        "en": "Catalog file missing: {file}.",
    },
    "catalog.bad_header": {
        "nl": "{file}, regel 1: verwacht de kolommen {expected}, gevonden {found}.",
        "en": "{file}, line 1: expected the columns {expected}, found {found}.",
    },
    "catalog.bad_row": {
        "nl": "{file}, regel {line}: {message}",
        "en": "{file}, line {line}: {message}",
    },
    "catalog.wrong_cell_count": {
        "nl": "verwacht {expected} cellen, gevonden {found}",
        "en": "expected {expected} cells, found {found}",
    },
    "catalog.empty_cell": {
        "nl": "kolom '{column}' is leeg",
        "en": "column '{column}' is empty",
    },
    "catalog.bad_id": {
        "nl": "id '{value}' mag alleen kleine letters, cijfers en _ bevatten",
        "en": "id '{value}' may only hold lowercase letters, digits and _",
    },
    "catalog.duplicate_id": {
        "nl": "id '{value}' staat er al eerder in",
        "en": "id '{value}' appears earlier already",
    },
    "catalog.bad_choice": {
        "nl": "kolom '{column}' heeft '{value}', verwacht een van: {choices}",
        "en": "column '{column}' has '{value}', expected one of: {choices}",
    },
    "catalog.unknown_ref": {
        "nl": "kolom '{column}' noemt '{value}', die niet in {other} staat",
        "en": "column '{column}' names '{value}', which is not in {other}",
    },
    "catalog.bad_number": {
        "nl": "kolom '{column}' heeft '{value}', verwacht een geheel getal",
        "en": "column '{column}' has '{value}', expected a whole number",
    },
    "catalog.bad_date": {
        "nl": "kolom '{column}' heeft '{value}', verwacht een datum als 2025-10-13",
        "en": "column '{column}' has '{value}', expected a date like 2025-10-13",
    },
    "catalog.unreadable": {
        "nl": "{file} is geen leesbaar CSV-bestand in UTF-8 ({reason}).",
        "en": "{file} is not a readable CSV file in UTF-8 ({reason}).",
    },
    # --- store ---
    "store.not_sqlite": {
        "nl": "{path} is geen werkboek-database (geen SQLite-bestand). Het bestand blijft "
        "onaangeroerd; kies een andere map met WORKBOOK_DATA of verplaats het bestand.",
        "en": "{path} is not a workbook database (not an SQLite file). The file is left "
        "untouched; choose another folder with WORKBOOK_DATA or move the file.",
    },
    "store.damaged": {
        "nl": "{path} is beschadigd ({reason}). Het bestand blijft onaangeroerd; herstel een "
        "reservekopie (*.bak) of kies een andere map met WORKBOOK_DATA.",
        "en": "{path} is damaged ({reason}). The file is left untouched; restore a backup "
        "(*.bak) or choose another folder with WORKBOOK_DATA.",
    },
    "store.too_new": {
        "nl": "{path} komt van een nieuwere versie van het werkboek (schema {found}, deze "
        "versie kent tot {known}). Werk het werkboek bij.",
        "en": "{path} comes from a newer workbook (schema {found}, this version knows up to "
        "{known}). Please update the workbook.",
    },
    "store.unknown_plan": {
        "nl": "Er is geen plan met de naam '{name}'.",
        "en": "There is no plan named '{name}'.",
    },
    "store.duplicate_plan": {
        "nl": "Er bestaat al een plan met de naam '{name}'.",
        "en": "A plan named '{name}' already exists.",
    },
    "store.not_found": {
        "nl": "{what} {id} bestaat niet in dit plan.",
        "en": "{what} {id} does not exist in this plan.",
    },
    "store.integrity": {
        "nl": "Niet bewaard: de gegevens verwijzen naar iets wat niet (meer) bestaat ({reason}).",
        "en": "Not saved: the entry refers to something that does not exist or no longer "
        "exists ({reason}).",
    },
    "store.database_failed": {
        "nl": "De database werkt niet ({where}: {reason}). Wat je invulde is niet bewaard en "
        "ligt niet aan jou: probeer het straks opnieuw of meld het aan de begeleider.",
        "en": "The database failed ({where}: {reason}). What you entered was not saved, and "
        "it is not your entry's fault: try again later or tell the facilitator.",
    },
    "store.default_plan_name": {"nl": "Mijn plan", "en": "My plan"},
    # --- room mode ---
    "room.banner": {
        "nl": "Werkboek in zaalmodus. Toegangscode: {token}\nDeelnemers openen een van deze "
        "adressen (de code zit erin) en kiezen of maken hun plan op de welkomstpagina:",
        "en": "Workbook in room mode. Access token: {token}\nParticipants open one of these "
        "addresses (the token is included) and pick or create their plan on the welcome page:",
    },
    # --- demo ---
    "demo.loaded": {
        "nl": "Voorbeeldplan '{name}' geladen: {activities} activiteiten, {indicators} "
        "indicatoren, {measurements} metingen.",
        "en": "Demo plan '{name}' loaded: {activities} activities, {indicators} indicators, "
        "{measurements} measurements.",
    },
    "demo.store_not_empty": {
        "nl": "Dit werkboek bevat al gegevens ({path}); het voorbeeldplan wordt niet geladen. "
        "Gebruik --beside om het voorbeeld als apart plan toe te voegen.",
        "en": "This workbook already holds entries ({path}); the demo plan is not loaded. "
        "Use --beside to add the demo as a separate plan.",
    },
}


def register(messages: dict[str, dict[str, str]]) -> None:
    """Add the texts of one module (charts, exports, forms…); every key needs nl and en."""
    for key, entry in messages.items():
        missing = [lang for lang in config.LANGUAGES if not entry.get(lang)]
        if missing:
            raise ValueError(f"text {key!r} lacks {', '.join(missing)}")
        if key in MESSAGES and MESSAGES[key] != entry:
            raise ValueError(f"text {key!r} is registered twice with different wording")
        MESSAGES[key] = entry


def set_language(lang: str | None) -> None:
    """Choose the language for this process (the welcome form, the app view's choice);
    None forgets the choice."""
    global _chosen
    _chosen = lang if lang in config.LANGUAGES else None


def set_saved_language(lang: str | None) -> None:
    """The language the store keeps from an earlier choice (read when the store opens)."""
    global _saved
    _saved = lang if lang in config.LANGUAGES else None


def language(lang: str | None = None) -> str:
    """The language to use: an explicit one, else the order of this module's notes."""
    if lang in config.LANGUAGES:
        return lang
    return (config.env_language() or _chosen or config.running_edition() or _saved
            or config.DEFAULT_LANGUAGE)


def t(key: str, lang: str | None = None, **params: object) -> str:
    """The text for ``key`` in the active language, with ``params`` filled in."""
    entry = MESSAGES.get(key)
    if entry is None:
        raise KeyError(f"no text for {key!r}")
    text = entry[language(lang)]
    return text.format(**params) if params else text


def label(entry: dict[str, str], lang: str | None = None) -> str:
    """The label of a catalog entry (a mapping with ``nl`` and ``en``) in the active language."""
    return entry.get(language(lang)) or entry.get("nl", "")
