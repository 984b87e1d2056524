"""Notebook *waarom*: intended effects (beoogde effecten) and their indicators.

``show()`` displays :class:`EffectsExercise`: a :class:`GoalForm`, an :class:`IndicatorForm`,
the impact chain of each effect (outputs → outcomes → impact, :mod:`workbook.chain`) and the
effect check (every effect an indicator, chains beyond outputs, impact in words, every
indicator a target).
"""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets
import pandas as pd

from .. import chain, checks
from ..i18n import register
from ..model import Kind, Level
from .common import (
    RecordClass,
    RecordForm,
    Session,
    catalog_options,
    enum_options,
    heading,
    html_table,
    notes_html,
    number_text,
    parse_date,
    parse_number,
    show_widget,
    to_date,
)

TEXTS: dict[str, dict[str, str]] = {
    "effects.goals": {"nl": "Beoogde effecten", "en": "Intended effects"},
    "effects.indicators": {
        "nl": "Indicatoren — wanneer is het doel bereikt?",
        "en": "Indicators — when is the goal reached?",
    },
    "effects.check": {"nl": "Controle van je effecten", "en": "Check of your effects"},
    "effects.title_placeholder": {
        "nl": "bv. Leerkrachten passen CLIL toe in hun vaklessen",
        "en": "e.g. Teachers use CLIL in their subject lessons",
    },
    "effects.name_placeholder": {
        "nl": "bv. Deelnemers infosessies",
        "en": "e.g. Participants in information sessions",
    },
    "effects.unit_placeholder": {"nl": "bv. deelnemers", "en": "e.g. participants"},
    "effects.target_placeholder": {"nl": "bv. 200", "en": "e.g. 200"},
    "effects.levels_help": {
        "nl": "<b>output</b>: wat je maakt of doet (telbaar) · <b>outcome</b>: de blijvende "
        "verandering bij mensen en organisaties · <b>impact</b>: de brede verandering waaraan "
        "je project bijdraagt",
        "en": "<b>output</b>: what you make or do (countable) · <b>outcome</b>: the lasting "
        "change in people and organisations · <b>impact</b>: the broad change your project "
        "contributes to",
    },
    "effects.goal_column": {"nl": "Hoort bij effect", "en": "Belongs to effect"},
    "effects.chains": {
        "nl": "De impactketen per effect: output → outcome → impact",
        "en": "The impact chain of each effect: output → outcome → impact",
    },
    "effects.impact_placeholder": {
        "nl": "bv. Taalgericht vakonderwijs wordt een gewone werkvorm in de scholengroep",
        "en": "e.g. Language-aware subject teaching becomes common practice in the school group",
    },
    "effects.signal_placeholder": {
        "nl": "bv. Scholen nemen CLIL op in hun schoolwerkplan; anderen vragen naar de pakketten",
        "en": "e.g. Schools put CLIL in their school plan; others ask for the materials",
    },
    "effects.change_placeholder": {
        "nl": "Voor outcome: wat doen of kunnen wie anders? bv. Vakleerkrachten gebruiken "
        "CLIL-werkvormen in hun lessen",
        "en": "For an outcome: who does or can do what differently? e.g. Subject teachers use "
        "CLIL activities in their lessons",
    },
    "effects.impact_help": {
        "nl": "Impact tel je niet: beschrijf de brede verandering waaraan je bijdraagt, en hoe "
        "je zult merken dat ze komt.",
        "en": "Impact is not counted: describe the broad change you contribute to, and how "
        "you will notice it coming.",
    },
    "effects.step_help": {
        "nl": "<b>Stap in de keten</b>: output (wat je doet of maakt) of outcome (een "
        "verandering bij mensen: zeg welke, bij wie). Bereik — volgers, bezoekers, "
        "deelnemers — is output, ook als stand.",
        "en": "<b>Step in the chain</b>: output (what you do or make) or outcome (a change in "
        "people: say which, in whom). Reach — followers, visitors, participants — is output, "
        "also as a current total.",
    },
}
register(TEXTS)


class GoalForm(RecordForm):
    """An intended effect: title, level (output / outcome / impact), theme, description.

    ``value`` keys: ``title``, ``level``, ``theme``, ``description``.
    """

    display_name = "waarom: beoogde effecten"

    model = RecordClass("Goal")
    rows_of, verb = "goals", "goal"
    named_by = "title"

    def _build_fields(self) -> None:
        catalog = self.session.catalog
        self.title = self.field(widgets.Text, "field.title", "effects.title_placeholder", "wide")
        self.level = self.field(widgets.Dropdown, "field.level",
                                options=enum_options(Level, "level", self.lang),
                                value=Level.OUTCOME.value)
        self.theme = self.field(
            widgets.Dropdown, "field.theme",
            options=[(self.tr("forms.none"), ""), *catalog_options(catalog.themes, self.lang)])
        self.description = self.field(widgets.Textarea, "field.description", width="wide")
        self.impact = self.field(widgets.Textarea, "field.impact", "effects.impact_placeholder",
                                 "wide")
        self.impact_signal = self.field(widgets.Textarea, "field.impact_signal",
                                        "effects.signal_placeholder", "wide")
        self.fields = {
            "title": self.title,
            "level": self.level,
            "theme": self.theme,
            "description": self.description,
            "impact": self.impact,
            "impact_signal": self.impact_signal,
        }

    def _layout(self) -> widgets.Widget:
        return widgets.VBox(
            [
                self.title,
                self.level,
                widgets.HTML(f"<small>{self.tr('effects.levels_help')}</small>"),
                self.theme,
                self.description,
                widgets.HTML(f"<small>{self.tr('effects.impact_help')}</small>"),
                self.impact,
                self.impact_signal,
                self.buttons(),
                self.feedback.widget,
                self.table,
                self.picker.widget,
            ]
        )

    def blank(self) -> dict[str, Any]:
        return {"title": "", "level": Level.OUTCOME.value, "theme": "", "description": "",
                "impact": "", "impact_signal": ""}

    def load(self, row_id: int) -> dict[str, Any]:
        goals = self.rows()
        row = goals[goals["id"] == row_id].iloc[0]
        theme = row["theme"] if row["theme"] in self.session.catalog.themes else ""
        return {**{name: row[name] for name in self.fields}, "theme": theme}

    def refresh(self) -> None:
        goals = self.rows()
        catalog = self.session.catalog
        shown = pd.DataFrame(
            {
                self.tr("field.title"): goals["title"],
                self.tr("field.level"): goals["level"].map(lambda v: self.tr(f"level.{v}")),
                self.tr("field.theme"): goals["theme"].map(
                    lambda v: catalog.label_of(v, self.lang)
                ),
                self.tr("field.description"): goals["description"],
            }
        )
        shown.index = goals["id"]
        self.table.value = html_table(shown, index="#", empty=self.tr("forms.no_rows"),
                                      cache=self.table_rows)
        self.picker.set_rows([(f"{i}: {title}", int(i)) for i, title in zip(goals["id"],
                                                                           goals["title"],
                                                                           strict=True)])


class IndicatorForm(RecordForm):
    """An indicator: name, unit, target value, deadline, kind of measurement, effect.

    ``value`` keys: ``name``, ``unit``, ``target`` (text as typed), ``deadline`` (date),
    ``kind``, ``goal_id`` (0 for none).
    """

    display_name = "waarom: indicatoren"

    model = RecordClass("Indicator")
    rows_of, verb = "indicators", "indicator"
    named_by = "name"

    def _build_fields(self) -> None:
        self.name = self.field(widgets.Text, "field.name", "effects.name_placeholder", "wide")
        self.unit = self.field(widgets.Text, "field.unit", "effects.unit_placeholder")
        self.target = self.field(widgets.Text, "field.target", "effects.target_placeholder")
        self.deadline = self.field(widgets.DatePicker, "field.deadline")
        self.kind = self.field(widgets.Dropdown, "field.kind",
                               options=enum_options(Kind, "kind", self.lang), width="60%")
        self.goal = self.field(widgets.Dropdown, "field.goal_id",
                               options=[(self.tr("forms.none"), 0)], width="80%")
        self.level = self.field(widgets.Dropdown, "field.level", width="60%", options=[
            (self.tr(f"level.{step}"), step) for step in (Level.OUTPUT, Level.OUTCOME)])
        self.change = self.field(widgets.Textarea, "field.change", "effects.change_placeholder",
                                 "wide")
        self.fields = {
            "name": self.name,
            "unit": self.unit,
            "target": self.target,
            "deadline": self.deadline,
            "kind": self.kind,
            "goal_id": self.goal,
            "level": self.level,
            "change": self.change,
        }

    def _layout(self) -> widgets.Widget:
        return widgets.VBox(
            [
                *self.fields.values(),
                widgets.HTML(f"<small>{self.tr('effects.step_help')}</small>"),
                self.buttons(),
                self.feedback.widget,
                self.table,
                self.picker.widget,
            ]
        )

    def blank(self) -> dict[str, Any]:
        return {
            "name": "",
            "unit": "",
            "target": "",
            "deadline": None,
            "kind": Kind.CUMULATIEF.value,
            "goal_id": 0,
            "level": Level.OUTPUT.value,
            "change": "",
        }

    readers = {"target": parse_number, "deadline": parse_date}

    def data(self) -> dict[str, Any]:
        values = super().data()
        return {**values, "goal_id": values["goal_id"] or None}

    def load(self, row_id: int) -> dict[str, Any]:
        indicators = self.rows()
        row = indicators[indicators["id"] == row_id].iloc[0]
        goal = row["goal_id"]
        return {
            "name": row["name"],
            "unit": row["unit"],
            "target": number_text(row["target"], self.lang),
            "deadline": to_date(row["deadline"]),
            "kind": row["kind"],
            "goal_id": 0 if pd.isna(goal) else int(goal),
            "level": row["level"] if row["level"] == Level.OUTCOME else Level.OUTPUT.value,
            "change": row["change"],
        }

    def refresh(self) -> None:
        store, plan_id = self.session.store, self.session.plan_id
        goals = store.goals(plan_id)
        titles = dict(zip(goals["id"], goals["title"], strict=True))
        current = self.goal.value
        self.goal.options = [
            (self.tr("forms.none"), 0),
            *[(f"{i}: {title}", int(i)) for i, title in titles.items()],
        ]
        self.goal.value = current if current in titles else 0
        indicators = self.rows()
        shown = pd.DataFrame(
            {
                self.tr("field.name"): indicators["name"],
                self.tr("field.target"): indicators["target"].map(
                    lambda v: number_text(v, self.lang)
                ),
                self.tr("field.unit"): indicators["unit"],
                self.tr("field.deadline"): indicators["deadline"],
                self.tr("field.kind"): indicators["kind"].map(
                    lambda v: self.tr(f"kind.{v}").split(" (")[0]
                ),
                self.tr("effects.goal_column"): indicators["goal_id"].map(
                    lambda v: titles.get(v, "") if pd.notna(v) else ""
                ),
                self.tr("field.level"): indicators["level"].map(
                    lambda v: self.tr(f"level.{v}")),
                self.tr("field.change"): indicators["change"],
            }
        )
        shown.index = indicators["id"]
        self.table.value = html_table(shown, index="#", empty=self.tr("forms.no_rows"),
                                      cache=self.table_rows)
        self.picker.set_rows(
            [(f"{i}: {name}", int(i)) for i, name in zip(indicators["id"], indicators["name"],
                                                         strict=True)]
        )


class EffectsExercise:
    """The whole exercise of *waarom*: goals, indicators and the effect check, kept in step."""

    def __init__(self, session: Session | None = None) -> None:
        self.session = session or Session.open()
        self.goals = GoalForm(self.session)
        self.indicators = IndicatorForm(self.session)
        self.lang = self.goals.lang
        self.check = widgets.HTML()
        self.chains = widgets.HTML()
        self.goals.on_change(self.indicators.refresh)
        self.goals.on_change(self.refresh)
        self.indicators.on_change(self.refresh)
        self.widget = widgets.VBox(
            [
                heading(self.goals.tr("effects.goals")),
                self.goals.widget,
                heading(self.goals.tr("effects.indicators")),
                self.indicators.widget,
                heading(self.goals.tr("effects.chains")),
                self.chains,
                heading(self.goals.tr("effects.check")),
                self.check,
            ]
        )
        self.refresh()

    def findings(self) -> list[checks.Finding]:
        store, plan_id = self.session.store, self.session.plan_id
        return checks.effect_check(store.goals(plan_id), store.indicators(plan_id))

    def chain_table(self) -> pd.DataFrame:
        """Each effect's chain as shown (:func:`workbook.chain.chain_table`)."""
        store, plan_id = self.session.store, self.session.plan_id
        chains = chain.effect_chains(store.goals(plan_id), store.indicators(plan_id))
        return chain.chain_table(chains, self.lang)

    def refresh(self) -> None:
        self.chains.value = html_table(self.chain_table(), index="#",
                                       empty=self.goals.tr("chain.no_effects"))
        self.check.value = notes_html(
            (finding.ok, finding.message(self.lang)) for finding in self.findings()
        )

    def show(self) -> None:
        show_widget(self.widget, "waarom")


def show() -> None:
    """Notebook *waarom*: the intended effects and indicators of the current plan."""
    EffectsExercise().show()


__all__ = ["GoalForm", "IndicatorForm", "EffectsExercise", "show"]
