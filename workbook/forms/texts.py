"""The texts the forms' shared pieces show, in Dutch and English."""

from __future__ import annotations

from ..i18n import register

TEXTS: dict[str, dict[str, str]] = {
    "forms.add": {"nl": "Toevoegen", "en": "Add"},
    "forms.save": {"nl": "Bewaren", "en": "Save"},
    "forms.save_changes": {"nl": "Wijziging bewaren", "en": "Save changes"},
    "forms.edit": {"nl": "Bewerken", "en": "Edit"},
    "forms.delete": {"nl": "Verwijderen", "en": "Delete"},
    "forms.restore": {"nl": "Herstellen", "en": "Restore"},
    "forms.clear": {"nl": "Leegmaken", "en": "Clear"},
    "forms.cancel_edit": {"nl": "Stoppen met bewerken", "en": "Stop editing"},
    "forms.none": {"nl": "(geen)", "en": "(none)"},
    "forms.choose_row": {"nl": "Kies een rij", "en": "Choose a row"},
    "forms.row": {"nl": "Rij", "en": "Row"},
    "forms.no_rows": {"nl": "Nog niets ingevuld.", "en": "Nothing entered yet."},
    "forms.deleted_mark": {"nl": "(verwijderd)", "en": "(deleted)"},
    "forms.saved": {"nl": "Bewaard: {what}.", "en": "Saved: {what}."},
    "forms.updated": {"nl": "Gewijzigd: {what}.", "en": "Changed: {what}."},
    "forms.deleted": {"nl": "Verwijderd: {what}.", "en": "Deleted: {what}."},
    "forms.deleted_restorable": {
        "nl": "Verwijderd: {what}. Met Herstellen haal je het terug.",
        "en": "Deleted: {what}. Restore brings it back.",
    },
    "forms.restored": {"nl": "Hersteld: {what}.", "en": "Restored: {what}."},
    "forms.editing": {
        "nl": "Je bewerkt: {what}. Pas aan en klik op 'Wijziging bewaren'.",
        "en": "You are editing: {what}. Change it and click 'Save changes'.",
    },
    "forms.not_saved": {"nl": "Niet bewaard: {reason}", "en": "Not saved: {reason}"},
    "forms.fallback": {
        "nl": "[formulier {name}: open dit notebook in JupyterLab of Voilà om het in te vullen]",
        "en": "[form {name}: open this notebook in JupyterLab or Voilà to fill it in]",
    },
    "forms.pick_first": {
        "nl": "Kies eerst een rij in de keuzelijst.",
        "en": "Choose a row in the list first.",
    },
}
register(TEXTS)
texts = TEXTS
