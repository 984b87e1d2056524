"""Notebook *welkom*: which plan you work in, your project's details, the language, and the
button that loads the demo plan into an empty workbook."""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets

from .. import api, config, i18n, model
from ..i18n import register
from ..model import FIELDS, ActionType
from ..store import StoreError
from .common import (
    LABEL_STYLE,
    Form,
    Session,
    enum_options,
    esc,
    heading,
    number_text,
    parse_amount,
    to_date,
    wide,
)
from .navigation import in_app_view, requested_plan

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
        "en": "You now work in '{name}'. Run the other notebooks again to see this plan.",
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
        "en": "Everything you fill in is saved at once in <code>{path}</code>.",
    },
    "plan.where_app": {
        "nl": "Alles wat je invult, wordt meteen bewaard in het werkboek op de computer waarop "
        "het draait.",
        "en": "Everything you fill in is saved at once in the workbook on the computer that "
        "runs it.",
    },
    "plan.saved": {"nl": "Bewaard: {name}.", "en": "Saved: {name}."},
    "plan.language_fixed": {
        "nl": "De taal is vastgelegd met WORKBOOK_LANG={lang}; je keuze is bewaard en geldt "
        "zodra die instelling weg is.",
        "en": "The language is fixed by WORKBOOK_LANG={lang}; your choice is saved and applies "
        "once that setting is gone.",
    },
    "plan.budget_placeholder": {"nl": "bv. 250.000", "en": "e.g. 250,000"},
    "plan.dates_help": {
        "nl": "De projectperiode bepaalt welke momenten (Erasmus+, eTwinning, Epos…) je in "
        "'aan de slag' ziet.",
        "en": "The project period decides which moments (Erasmus+, eTwinning, Epos…) you see "
        "in 'getting started'.",
    },
}
register(TEXTS)


class PlanForm(Form):
    """The plan's details and the language; plus the plan choice and the demo button.

    ``value`` keys: ``name``, ``project``, ``organisation``, ``start``, ``end`` (dates or
    None), ``action_type`` (``KA210``, ``KA220`` or ``""``), ``budget`` (text as typed),
    ``lang`` (``nl`` or ``en``).
    """

    display_name = "welkom"
    readers = {"budget": parse_amount}

    def _build(self) -> None:
        self.name = widgets.Text(description=self.tr("plan.name"), style=LABEL_STYLE,
                                 layout=widgets.Layout(width="70%"))
        # app view: the plan's name is the team's address (?plan=NAME); renaming would lose it
        self.name.disabled = in_app_view() and requested_plan() is not None
        self.project = widgets.Text(description=self.tr("field.project"), style=LABEL_STYLE,
                                    layout=wide())
        self.organisation = widgets.Text(description=self.tr("field.organisation"),
                                         style=LABEL_STYLE, layout=wide())
        self.start = widgets.DatePicker(description=self.tr("field.start"), style=LABEL_STYLE)
        self.end = widgets.DatePicker(description=self.tr("field.end"), style=LABEL_STYLE)
        self.action_type = widgets.Dropdown(
            description=self.tr("field.action_type"),
            options=[(self.tr("forms.none"), "")] + enum_options(ActionType, "action_type",
                                                                  self.lang),
            style=LABEL_STYLE,
            layout=widgets.Layout(width="70%"),
        )
        self.budget = widgets.Text(description=self.tr("field.budget"), style=LABEL_STYLE,
                                   placeholder=self.tr("plan.budget_placeholder"))
        self.language = widgets.Dropdown(
            description=self.tr("plan.language"),
            options=LANGUAGE_NAMES,
            value=self.lang,
            style=LABEL_STYLE,
        )
        self.save_button = self.button("forms.save", "primary")
        self.plans = widgets.Dropdown(description=self.tr("plan.plan"), style=LABEL_STYLE,
                                      layout=widgets.Layout(width="70%"))
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
        }

    def _layout(self) -> widgets.Widget:
        return widgets.VBox(self._children())

    def _children(self) -> list[widgets.Widget]:
        return [
            heading(self.tr("plan.heading")),
            *self.fields.values(),
            widgets.HTML(f"<small>{esc(self.tr('plan.dates_help'))}</small>"),
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
        if lang != store.setting("lang"):
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
        from ..demo import DemoRefused, load_demo, summary

        store = self.session.store
        try:
            plan_id = load_demo(store)
        except DemoRefused:
            self.feedback.error(self.tr("plan.demo_refused"))
            return False
        except StoreError as error:
            self.feedback.error(self.tr("forms.not_saved", reason=str(error)))
            return False
        self.session = Session(store, plan_id, self.session.catalog)
        self.refresh()
        self.feedback.success(summary(store, plan_id))
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
