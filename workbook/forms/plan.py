"""Notebook *welkom*: which plan you work in, your project's details, the language, and the
button that loads the demo plan into an empty workbook."""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets

from .. import api, config, i18n, model
from ..i18n import register
from ..lazy import on_first_use
from ..model import FIELDS, ActionType, Licence
from ..store import StoreError
from .common import Form, Session, enum_options, esc, heading, number_text, parse_amount, to_date
from .navigation import in_app_view, requested_plan

# The demo plan (its records and catalog matching, ~0.2 s) when a team asks for it.
demo = on_first_use("workbook.demo")

LANGUAGE_NAMES = (("Nederlands", "nl"), ("English", "en"))

TEXTS: dict[str, dict[str, str]] = {
    "plan.heading": {"nl": "Je project", "en": "Your project"},
    "plan.name": {"nl": "Naam van het plan", "en": "Name of the plan"},
    "plan.language": {"nl": "Taal / Language", "en": "Language / Taal"},
    "plan.choose_heading": {"nl": "Welk plan?", "en": "Which plan?"},
    "plan.choose": {"nl": "Werk in dit plan", "en": "Work in this plan"},
    "plan.plan": {"nl": "Plan", "en": "Plan"},
    "plan.chosen": {
        "nl": "Je werkt nu in '{name}'. Voer de andere notebooks opnieuw uit om dit plan te zien.",
        "en": "You are now working in '{name}'. Run the other notebooks again to see this "
        "plan.",
    },
    "plan.demo_heading": {"nl": "Voorbeeldplan", "en": "Demo plan"},
    "plan.demo_button": {"nl": "Voorbeeldplan laden", "en": "Load the demo plan"},
    "plan.demo_refused": {
        "nl": "Dit werkboek bevat al gegevens; het voorbeeldplan wordt alleen in een leeg "
        "werkboek geladen, zodat er nooit iets verloren gaat.",
        "en": "This workbook already holds entries; the demo plan only loads into an empty "
        "workbook, so nothing is ever lost.",
    },
    "plan.where": {
        "nl": "Alles wat je invult, wordt meteen bewaard in <code>{path}</code>.",
        "en": "Everything you enter is saved straight away in <code>{path}</code>.",
    },
    "plan.where_app": {
        "nl": "Alles wat je invult, wordt meteen bewaard in het werkboek op de computer waarop "
        "het draait.",
        "en": "Everything you enter is saved straight away in the workbook on the computer "
        "that runs it.",
    },
    "plan.saved": {"nl": "Bewaard: {name}.", "en": "Saved: {name}."},
    "plan.language_fixed": {
        "nl": "De taal is vastgelegd met WORKBOOK_LANG={lang}; je keuze is bewaard en geldt "
        "zodra die instelling weg is.",
        "en": "The language is fixed by WORKBOOK_LANG={lang}; your choice is saved and applies "
        "once that setting is gone.",
    },
    "plan.budget_placeholder": {"nl": "bv. 250.000", "en": "e.g. 250,000"},
    "plan.after_heading": {"nl": "Na het project", "en": "After the project"},
    "plan.after_help": {
        "nl": "Wat blijft er na de subsidie? Kies de licentie van je resultaten (de "
        "Erasmus+-programmagids vraagt een open licentie) en zeg wat gebruikt blijft, door wie, "
        "en wie het onderhoudt.",
        "en": "What remains after the grant? Choose the licence of your results (the Erasmus+ "
        "Programme Guide asks for an open licence) and say what stays in use, by whom, and "
        "who maintains it.",
    },
    "plan.exploitation_placeholder": {
        "nl": "bv. De lespakketten blijven in gebruik in de vakgroepen en staan op KlasCement",
        "en": "e.g. The teaching packs stay in use in the subject teams and are on KlasCement",
    },
    "plan.maintenance_placeholder": {
        "nl": "bv. Het CLIL-kernteam werkt ze elk schooljaar bij; de website blijft online",
        "en": "e.g. The CLIL core team updates them every school year; the website stays online",
    },
    "plan.dates_help": {
        "nl": "De projectperiode bepaalt welke momenten (Erasmus+, eTwinning, Epos…) je in "
        "'aan de slag' ziet.",
        "en": "The project period determines which events (Erasmus+, eTwinning, Epos…) you see "
        "in 'Getting started'.",
    },
}
register(TEXTS)


class PlanForm(Form):
    """The plan's details and the language; plus the plan choice and the demo button.

    ``value`` keys: ``name``, ``project``, ``organisation``, ``start``, ``end`` (dates or
    None), ``action_type`` (``KA210``, ``KA220`` or ``""``), ``budget`` (text as typed),
    ``licence`` (a :class:`~workbook.model.Licence` value or ``""``), ``exploitation`` and
    ``maintenance`` (after the project, in words), ``lang`` (``nl`` or ``en``).
    """

    display_name = "welkom"
    readers = {"budget": parse_amount}

    def _build(self) -> None:
        self.name = self.field(widgets.Text, "plan.name", width="70%")
        # app view: the plan's name is the team's address (?plan=NAME); renaming would lose it
        self.name.disabled = in_app_view() and requested_plan() is not None
        self.project = self.field(widgets.Text, "field.project", width="wide")
        self.organisation = self.field(widgets.Text, "field.organisation", width="wide")
        self.start = self.field(widgets.DatePicker, "field.start")
        self.end = self.field(widgets.DatePicker, "field.end")
        self.action_type = self.field(
            widgets.Dropdown, "field.action_type", width="70%",
            options=[(self.tr("forms.none"), "")] + enum_options(ActionType, "action_type",
                                                                  self.lang))
        self.budget = self.field(widgets.Text, "field.budget", "plan.budget_placeholder")
        self.licence = self.field(
            widgets.Dropdown, "field.licence", width="70%",
            options=[(self.tr("forms.none"), "")] + enum_options(Licence, "licence", self.lang))
        self.exploitation = self.field(widgets.Textarea, "field.exploitation",
                                       "plan.exploitation_placeholder", "wide")
        self.maintenance = self.field(widgets.Textarea, "field.maintenance",
                                      "plan.maintenance_placeholder", "wide")
        self.language = self.field(widgets.Dropdown, "plan.language", options=LANGUAGE_NAMES,
                                   value=self.lang)
        self.save_button = self.button("forms.save", "primary")
        self.plans = self.field(widgets.Dropdown, "plan.plan", width="70%")
        self.choose_button = self.button("plan.choose")
        self.demo_button = self.button("plan.demo_button")
        self.where = widgets.HTML()
        self.fields = {
            "name": self.name,
            "project": self.project,
            "organisation": self.organisation,
            "start": self.start,
            "end": self.end,
            "action_type": self.action_type,
            "budget": self.budget,
            "licence": self.licence,
            "exploitation": self.exploitation,
            "maintenance": self.maintenance,
        }

    #: The fields shown under 'after the project'.
    AFTER = ("licence", "exploitation", "maintenance")

    def _layout(self) -> widgets.Widget:
        return widgets.VBox(self._children())

    def _children(self) -> list[widgets.Widget]:
        return [
            heading(self.tr("plan.heading")),
            *[widget for name, widget in self.fields.items() if name not in self.AFTER],
            widgets.HTML(f"<small>{esc(self.tr('plan.dates_help'))}</small>"),
            heading(self.tr("plan.after_heading"), 5),
            widgets.HTML(f"<small>{esc(self.tr('plan.after_help'))}</small>"),
            *[self.fields[name] for name in self.AFTER],
            self.language,
            self.save_button,
            self.feedback.widget,
            # the app view chooses the plan by address (navigation.choose_team), not here
            *([] if in_app_view() else [
                heading(self.tr("plan.choose_heading")),
                widgets.HBox([self.plans, self.choose_button]),
            ]),
            heading(self.tr("plan.demo_heading")),
            self.demo_button,
            self.where,
        ]

    def _wire(self) -> None:
        self.save_button.on_click(self.submit)
        self.choose_button.on_click(self.choose)
        self.demo_button.on_click(self.load_demo)

    @property
    def value(self) -> dict[str, Any]:
        values = {name: widget.value for name, widget in self.fields.items()}
        return {**values, "lang": self.language.value}

    @value.setter
    def value(self, values: dict[str, Any]) -> None:
        for name, widget in self.fields.items():
            if name in values:
                value = values[name]
                if name in ("start", "end"):
                    widget.value = to_date(value)
                elif name == "action_type":  # a frame's empty cell may be None or NaN
                    widget.value = value if value in {a.value for a in ActionType} else ""
                elif name == "licence":
                    widget.value = value if value in {a.value for a in Licence} else ""
                elif name == "budget":
                    widget.value = value if isinstance(value, str) else (
                        "" if value is None or value != value else number_text(value, self.lang))
                else:
                    widget.value = value or ""
        if "lang" in values:
            self.language.value = values["lang"]

    def submit(self, _button: Any = None) -> bool:
        """Validate and store the plan's details and the language."""
        values = self.value
        lang = values.pop("lang")
        record = self.check(model.Plan, self.read(values))
        if record is None:
            return False
        store = self.session.store
        if not self.stored(lambda: store.update_plan(self.session.plan_id, record)):
            return False
        # In an edition (notebooks/en) the list opens on the edition's language: saving the
        # project's details then keeps the choice the other edition relies on.
        chosen = lang != self.lang if config.running_edition() else lang != store.setting("lang")
        if chosen:
            api.set_language(lang)
            self._relabel()
        message = self.tr("plan.saved", name=record.name)
        fixed = config.env_language()
        if fixed and fixed != lang:
            message += " " + self.tr("plan.language_fixed", lang=fixed)
        self.feedback.success(message)
        self.changed()
        return True

    def _relabel(self) -> None:
        """Rebuild the widgets in the newly chosen language, keeping what was typed."""
        values = self.value
        self.lang = i18n.language()
        self._build()
        self._wire()
        self.widget.children = self._children()
        self.refresh()
        self.value = values

    def choose(self, _button: Any = None) -> bool:
        plan_id = self.plans.value
        if not plan_id:
            return False
        store = self.session.store
        store.choose_plan(plan_id)
        self.session = Session(store, plan_id, self.session.catalog)
        self.refresh()
        self.feedback.success(self.tr("plan.chosen", name=store.plan(plan_id).name))
        self.changed()
        return True

    def load_demo(self, _button: Any = None) -> bool:
        store = self.session.store
        try:
            plan_id = demo.load_demo(store)
        except demo.DemoRefused:
            self.feedback.error(self.tr("plan.demo_refused"))
            return False
        except StoreError as error:
            self.feedback.error(self.tr("forms.not_saved", reason=str(error)))
            return False
        self.session = Session(store, plan_id, self.session.catalog)
        self.refresh()
        self.feedback.success(demo.summary(store, plan_id))
        self.changed()
        return True

    def refresh(self) -> None:
        store = self.session.store
        plans = store.plans()
        # the plan's row of the same read: no record (and no pydantic) to show it
        plan = plans[plans["id"] == self.session.plan_id].iloc[0]
        self.value = {name: plan[name] for name in FIELDS["Plan"]}
        self.plans.options = [(row["name"], int(row["id"])) for _, row in plans.iterrows()]
        self.plans.value = self.session.plan_id
        self.demo_button.disabled = not store.is_empty()
        # in the app view (maybe the whole room) the facilitator's folders stay private
        where = (self.tr("plan.where_app") if in_app_view()
                 else self.tr("plan.where", path=esc(store.path or store.url)))
        self.where.value = f"<p>{where}</p>"


def show() -> None:
    """Notebook *welkom*: the plan's details, the language and the demo button."""
    PlanForm().show()
