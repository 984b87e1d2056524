"""The overview's headings and messages, in Dutch and English."""

from __future__ import annotations

from ..i18n import register

TEXTS: dict[str, dict[str, str]] = {
    "facilitator.team": {"nl": "Team", "en": "Team"},
    "facilitator.source": {"nl": "Bron", "en": "Source"},
    "facilitator.source_store": {"nl": "werkboek", "en": "workbook"},
    "facilitator.activities": {"nl": "Activiteiten", "en": "Activities"},
    "facilitator.no_message": {
        "nl": "Doelgroepen zonder kernboodschap",
        "en": "Target groups without key message",
    },
    "facilitator.cost": {"nl": "Kosten", "en": "Cost"},
    "facilitator.after_project": {"nl": "Na het project", "en": "After the project"},
    "facilitator.stops_at_output": {
        "nl": "Effecten die bij output stoppen",
        "en": "Effects that stop at output",
    },
    "facilitator.step": {"nl": "Telt als", "en": "Counts as"},
    "facilitator.first": {"nl": "Eerste activiteit", "en": "First activity"},
    "facilitator.last": {"nl": "Laatste activiteit", "en": "Last activity"},
    "facilitator.indicators": {"nl": "Indicatoren", "en": "Indicators"},
    "facilitator.total": {"nl": "Totaal", "en": "Total"},
    "facilitator.teams_taking_part": {"nl": "Teams", "en": "Teams"},
    "facilitator.level": {"nl": "Niveau", "en": "Level"},
    "facilitator.channel": {"nl": "Kanaal", "en": "Channel"},
    "facilitator.no_channel": {"nl": "(geen kanaal)", "en": "(no channel)"},
    "facilitator.gap": {"nl": "Wat", "en": "What"},
    "facilitator.missing_in": {"nl": "Ontbreekt bij", "en": "Missing in"},
    "facilitator.nobody": {"nl": "—", "en": "—"},
    "facilitator.measured": {"nl": "Gemeten", "en": "Measured"},
    "facilitator.share": {"nl": "Behaald (%)", "en": "Reached (%)"},
    "facilitator.cell": {"nl": "{scope} · {tier}", "en": "{scope} · {tier}"},
    "facilitator.mandatory": {"nl": "verplicht kanaal: {name}", "en": "mandatory channel: {name}"},
    "facilitator.sheet.teams": {"nl": "Teams", "en": "Teams"},
    "facilitator.sheet.activities": {"nl": "Activiteiten", "en": "Activities"},
    "facilitator.sheet.context": {"nl": "Per context", "en": "Per context"},
    "facilitator.sheet.level": {"nl": "Per niveau", "en": "Per level"},
    "facilitator.sheet.channel": {"nl": "Per kanaal", "en": "Per channel"},
    "facilitator.sheet.gaps": {"nl": "Hiaten", "en": "Gaps"},
    "facilitator.sheet.indicators": {"nl": "Indicatoren", "en": "Indicators"},
    "facilitator.title": {"nl": "Overzicht van de teams", "en": "Overview of the teams"},
    "facilitator.heading.teams": {"nl": "De teams", "en": "The teams"},
    "facilitator.heading.context": {
        "nl": "Activiteiten per context", "en": "Activities per context"},
    "facilitator.heading.level": {
        "nl": "Activiteiten per niveau (intern/extern × micro/meso/macro)",
        "en": "Activities per level (internal/external × micro/meso/macro)"},
    "facilitator.heading.channel": {
        "nl": "Activiteiten per kanaal", "en": "Activities per channel"},
    "facilitator.heading.gaps": {
        "nl": "Hiaten: niveaus en verplichte kanalen zonder activiteit",
        "en": "Gaps: levels and mandatory channels without an activity"},
    "facilitator.heading.indicators": {
        "nl": "Indicatoren van alle teams", "en": "Indicators of all teams"},
    "facilitator.heading.activities": {"nl": "Alle activiteiten", "en": "All activities"},
    "facilitator.made_on": {"nl": "Gemaakt op {date} met het Werkboek Disseminatie.",
                            "en": "Made on {date} with the Werkboek Disseminatie."},
    "facilitator.file_name": {
        "nl": "bestandsnaam (de naam van het team): {message}",
        "en": "file name (the team's name): {message}",
    },
}
register(TEXTS)
