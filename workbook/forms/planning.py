"""Notebook *aan de slag*: the planning table of the deck, filled row by row.

``show()`` displays :class:`PlanningExercise`: the :class:`PlanningForm` (with the target
groups, methods and channels chosen in the earlier notebooks and quick-picks for the
Erasmus+ events), the plan as a table whose rows can be edited, deleted and restored, the
plan check and the total cost per context. ``show_events()`` lists the Erasmus+ events
of the plan's years.
"""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets
import pandas as pd

from .. import analysis, checks, tables
from ..analysis import format_money
from ..catalog import EventOccurrence
from ..i18n import register, t
from ..model import Context, Period, Product, Status
from .common import (
    LABEL_STYLE,
    NOTE_STYLE,
    CheckGroup,
    RecordClass,
    RecordForm,
    RowCache,
    Session,
    enum_options,
    esc,
    heading,
    html_table,
    notes_html,
    number_text,
    parse_amount,
    parse_date,
    parse_number,
    show_widget,
    subscribe,
    to_date,
    wide,
)
from .events import occurrence_label, show_events, upcoming_events

TEXTS: dict[str, dict[str, str]] = {
    "planning.form": {"nl": "Een rij toevoegen of bewerken", "en": "Add or edit a row"},
    "planning.table": {"nl": "Je planning", "en": "Your plan"},
    "planning.check": {"nl": "Controle van je plan", "en": "Check of your plan"},
    "planning.costs": {"nl": "Totale kost per context", "en": "Total cost per context"},
    "planning.total": {"nl": "Totaal", "en": "Total"},
    "planning.what_placeholder": {
        "nl": "bv. Infoavond voor ouders tijdens ERASMUSDAYS",
        "en": "e.g. Information evening for parents during ERASMUSDAYS",
    },
    "planning.responsible_placeholder": {
        "nl": "partner of persoon, bv. Projectcoördinator",
        "en": "partner or person, e.g. Project coordinator",
    },
    "planning.amount_placeholder": {"nl": "bv. 250", "en": "e.g. 250"},
    "planning.message_placeholder": {
        "nl": "Wat moeten deze doelgroepen onthouden? bv. 'Met CLIL durven onze leerlingen "
        "Engels spreken in elke les.'",
        "en": "What should these groups remember? e.g. 'With CLIL our pupils dare to speak "
        "English in every lesson.'",
    },
    "planning.quick_pick": {"nl": "Europees moment", "en": "European event"},
    "planning.quick_pick_none": {
        "nl": "(kies om de datum in te vullen)",
        "en": "(choose to fill in the date)",
    },
    "planning.date_filled": {
        "nl": "Datum ingevuld: {date} ({event}).",
        "en": "Date filled in: {date} ({event}).",
    },
    "planning.date_month_only": {
        "nl": "Datum voorlopig op {date} ({event}): de exacte dagen worden later aangekondigd, "
        "onder meer in de Epos-nieuwsbrief.",
        "en": "Date provisionally set to {date} ({event}): the exact days are announced later, "
        "for instance in the Epos newsletter.",
    },
    "planning.show_all": {
        "nl": "Toon alle methodes en kanalen van de catalogus",
        "en": "Show all methods and channels in the catalogue",
    },
    "planning.row_label": {"nl": "{id}: {when} · {what}", "en": "{id}: {when} · {what}"},
    "planning.period_help": {
        "nl": "Na het project: een rij mag na de einddatum liggen (de resultaten blijven "
        "gebruikt); het Europese moment toont dan de momenten van het jaar na het project.",
        "en": "After the project: a row may be dated after the end date (the results stay in "
        "use); the European event then lists the events of the year after the project.",
    },
}
register(TEXTS)


class PlanningForm(RecordForm):
    """One row of the planning table.

    ``value`` keys: ``context``, ``what``, ``target_groups``, ``methods``, ``channels``
    (tuples of ids / own names), ``when`` (date or None), ``indicator_id`` (0 for none),
    ``target_value`` and ``price`` (text as typed), ``responsible``, ``status``, ``message``
    (the key message: boodschap → doelgroepen → kanalen → impact), ``product`` (what the row
    makes), ``pupils_recognisable`` and ``period`` (during or after the project).
    """

    display_name = "aan de slag"

    model = RecordClass("Activity")
    rows_of, verb = "activities", "activity"
    named_by = "what"
    restorable = True

    def _build_fields(self) -> None:
        self.context = widgets.ToggleButtons(
            options=enum_options(Context, "context", self.lang),
            description=self.tr("field.context"),
            style={**LABEL_STYLE, "button_width": "auto"},
        )
        self.what = self.field(widgets.Text, "field.what", "planning.what_placeholder", "wide")
        self.message = self.field(widgets.Textarea, "field.message",
                                  "planning.message_placeholder", "95%")
        self.message.layout.height = "3.5em"
        self.product = self.field(widgets.Dropdown, "field.product", width="70%",
                                  options=enum_options(Product, "product", self.lang))
        self.pupils_recognisable = widgets.Checkbox(
            description=self.tr("field.pupils_recognisable"),
            indent=False,
            layout=widgets.Layout(width="auto"),
        )
        self.target_groups = CheckGroup(columns=3)
        self.methods = CheckGroup(columns=3)
        self.channels = CheckGroup(columns=3)
        self.show_all = widgets.Checkbox(description=self.tr("planning.show_all"), indent=False,
                                         layout=widgets.Layout(width="auto"))
        self.when = self.field(widgets.DatePicker, "field.when")
        self.period = widgets.ToggleButtons(
            options=enum_options(Period, "period", self.lang),
            description=self.tr("field.period"),
            style={**LABEL_STYLE, "button_width": "auto"},
        )
        self.quick_pick = self.field(widgets.Dropdown, "planning.quick_pick",
                                     options=[(self.tr("planning.quick_pick_none"), 0)],
                                     width="70%")
        self.when_hint = widgets.HTML()
        self.indicator = self.field(widgets.Dropdown, "field.indicator",
                                    options=[(self.tr("forms.none"), 0)], width="70%")
        self.target_value = self.field(widgets.Text, "field.target_value")
        self.price = self.field(widgets.Text, "field.price", "planning.amount_placeholder")
        self.price.description += " (€)"
        self.responsible = self.field(widgets.Text, "field.responsible",
                                      "planning.responsible_placeholder", "70%")
        self.status = self.field(widgets.Dropdown, "field.status",
                                 options=enum_options(Status, "status", self.lang))
        self.fields = {
            "context": self.context,
            "what": self.what,
            "target_groups": self.target_groups,
            "methods": self.methods,
            "channels": self.channels,
            "when": self.when,
            "indicator_id": self.indicator,
            "target_value": self.target_value,
            "price": self.price,
            "responsible": self.responsible,
            "status": self.status,
            "message": self.message,
            "product": self.product,
            "pupils_recognisable": self.pupils_recognisable,
            "period": self.period,
        }
        self._events: dict[int, EventOccurrence] = {}
        self._row_labels: dict[tuple[int, str, str], str] = {}

    def _layout(self) -> widgets.Widget:
        return widgets.VBox(
            [
                self.context,
                self.what,
                self.message,
                heading(self.tr("field.target_groups"), 5),
                self.target_groups.widget,
                heading(self.tr("field.methods"), 5),
                self.methods.widget,
                heading(self.tr("field.channels"), 5),
                self.channels.widget,
                self.show_all,
                self.product,
                self.pupils_recognisable,
                self.period,
                widgets.HTML(f"<small>{esc(self.tr('planning.period_help'))}</small>"),
                self.quick_pick,
                self.when,
                self.when_hint,
                self.indicator,
                self.target_value,
                self.price,
                self.responsible,
                self.status,
                self.buttons(),
                self.feedback.widget,
            ]
        )

    def _wire(self) -> None:
        super()._wire()
        self.target_groups.observe(lambda _value: self._how_options())
        self.show_all.observe(lambda _change: self._how_options(), names="value")
        self.quick_pick.observe(lambda change: self.pick_event(change["new"]), names="value")
        self.period.observe(lambda _change: self._event_options(), names="value")

    # ----- state ------------------------------------------------------------------------

    def _values_set(self, values: dict[str, Any]) -> None:
        if "when" in values:
            self.when_hint.value = ""

    def blank(self) -> dict[str, Any]:
        return {
            "context": self.context.value,
            "what": "",
            "target_groups": (),
            "methods": (),
            "channels": (),
            "when": None,
            "indicator_id": 0,
            "target_value": "",
            "price": "",
            "responsible": "",
            "status": Status.GEPLAND.value,
            "message": "",
            "product": Product.GEEN.value,
            "pupils_recognisable": False,
            "period": Period.TIJDENS.value,
        }

    readers = {"when": parse_date, "target_value": parse_number, "price": parse_amount}

    def data(self) -> dict[str, Any]:
        values = super().data()
        return {**values, "indicator_id": values["indicator_id"] or None}

    # ----- options from the earlier notebooks -------------------------------------------

    def _choices(self) -> pd.DataFrame:
        return self.session.store.target_groups(self.session.plan_id)

    def _group_options(self) -> None:
        chosen = list(self._choices()["group"])
        catalog = self.session.catalog
        groups = chosen or list(catalog.target_groups)
        current = self.target_groups.value
        groups += [group for group in current if group not in groups]
        self.target_groups.set_options([(self._label(g), g) for g in groups], current)

    def _how_options(self) -> None:
        """Methods and channels chosen in *hoe* for the ticked groups (all: show_all)."""
        catalog = self.session.catalog
        choices = self._choices()
        ticked = set(self.target_groups.value)
        rows = choices[choices["group"].isin(ticked)] if ticked else choices
        for key, entries in (("methods", catalog.methods), ("channels", catalog.channels)):
            boxes: CheckGroup = getattr(self, key)
            current = boxes.value
            pool: list[str] = []
            for values in rows[key]:
                pool += [value for value in values if value not in pool]
            if self.show_all.value or not pool:
                pool += [key for key in entries if key not in pool]
            pool += [value for value in current if value not in pool]
            order = {key: i for i, key in enumerate(entries)}
            pool.sort(key=lambda value: order.get(value, len(order)))
            boxes.set_options([(self._label(value), value) for value in pool], current)

    def _indicator_options(self) -> None:
        indicators = self.session.store.indicators(self.session.plan_id)
        current = self.indicator.value
        options = [(self.tr("forms.none"), 0)] + [
            (f"{name} ({number_text(target, self.lang)} {unit})", int(row_id))
            for row_id, name, target, unit in zip(
                indicators["id"], indicators["name"], indicators["target"], indicators["unit"],
                strict=True,
            )
        ]
        if tuple(options) != tuple(self.indicator.options):
            self.indicator.options = options
        self.indicator.value = current if current in {key for _, key in options} else 0

    def _event_options(self) -> None:
        after = self.period.value == Period.NA
        self._events = dict(enumerate(upcoming_events(self.session, after), start=1))
        options = [(self.tr("planning.quick_pick_none"), 0)] + [
            (occurrence_label(occurrence, self.lang), key)
            for key, occurrence in self._events.items()
        ]
        if tuple(options) != tuple(self.quick_pick.options):
            self.quick_pick.options = options
        self.quick_pick.value = 0

    def pick_event(self, key: int) -> None:
        """Fill in the date of the chosen Erasmus+ event (its first day)."""
        occurrence = self._events.get(key)
        if occurrence is None:
            return
        self.when.value = occurrence.start
        text_key = "planning.date_filled" if occurrence.exact else "planning.date_month_only"
        text = self.tr(text_key, date=analysis.format_date(occurrence.start, self.lang),
                       event=occurrence.event.label(self.lang))
        self.when_hint.value = f'<div style="{NOTE_STYLE}">{esc(text)}</div>'

    # ----- store ------------------------------------------------------------------------

    def _activities(self, include_deleted: bool = False) -> pd.DataFrame:
        return self.session.store.activities(self.session.plan_id, include_deleted)

    def load(self, row_id: int) -> dict[str, Any]:
        activities = self._activities()
        row = activities[activities["id"] == row_id].iloc[0]
        indicator = row["indicator_id"]
        return {
            "context": row["context"],
            "what": row["what"],
            "target_groups": tuple(row["target_groups"]),
            "methods": tuple(row["methods"]),
            "channels": tuple(row["channels"]),
            "when": to_date(row["when"]),
            "indicator_id": 0 if pd.isna(indicator) else int(indicator),
            "target_value": number_text(row["target_value"], self.lang),
            "price": number_text(row["price"], self.lang) if row["price"] else "",
            "responsible": row["responsible"],
            "status": row["status"],
            "message": row["message"],
            "product": row["product"],
            "pupils_recognisable": bool(row["pupils_recognisable"]),
            "period": row["period"],
        }

    def named_rows(self) -> pd.DataFrame:
        return self._activities(include_deleted=True)  # a deleted row is named on restore

    def reset(self) -> None:
        super().reset()
        self.when_hint.value = ""
        self.quick_pick.value = 0

    def refresh(self) -> None:
        self._group_options()
        self._how_options()
        self._indicator_options()
        self._event_options()
        activities = self._activities(include_deleted=True)
        ordered = activities.sort_values(["when", "id"], kind="stable")
        days = ordered["when"].dt.strftime("%Y-%m-%d")
        labels: dict[tuple[int, str, str], str] = {}
        for row_id, day, what in zip(
            ordered["id"].astype(int).tolist(),
            days.tolist(),
            ordered["what"].tolist(),
            strict=True,
        ):
            key = (row_id, day, what)
            labels[key] = self._row_labels.get(key) or self.tr(
                "planning.row_label", id=row_id, when=day, what=_short(what)
            )
        self._row_labels = labels  # only the rows shown: the cache stays table-sized
        self.picker.set_rows(
            [(label, key[0]) for key, label in labels.items()],
            deleted=[int(i) for i in activities.loc[activities["deleted"], "id"]],
        )


def _short(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


class PlanningExercise:
    """The whole of *aan de slag*: form, table with row actions, plan check, costs."""

    def __init__(self, session: Session | None = None) -> None:
        self.session = session or Session.open()
        self.form = PlanningForm(self.session)
        self.lang = self.form.lang
        self.table = widgets.HTML()
        self._table_rows = RowCache()
        self.check = widgets.HTML()
        self.costs = widgets.HTML()
        # the row buttons sit below a long table: repeat the form's message next to them
        self.picker_feedback = widgets.HTML(layout=wide())
        widgets.dlink((self.form.feedback.widget, "value"), (self.picker_feedback, "value"))
        self.form.on_change(self.refresh)
        subscribe(self.refresh)  # an imported file (cell below) shows up in the table
        self.widget = widgets.VBox(
            [
                heading(self.form.tr("planning.form")),
                self.form.widget,
                heading(self.form.tr("planning.table")),
                self.table,
                self.form.picker.widget,
                self.picker_feedback,
                heading(self.form.tr("planning.check")),
                self.check,
                heading(self.form.tr("planning.costs")),
                self.costs,
            ]
        )
        self.refresh()

    def planning_table(self) -> pd.DataFrame:
        store, plan_id = self.session.store, self.session.plan_id
        return tables.planning_table(
            store.activities(plan_id), store.indicators(plan_id), self.session.catalog, self.lang
        )

    def refresh(self) -> None:
        lang = self.lang
        frame = self.planning_table()
        money = t("field.price", lang)
        target = t("field.target_value", lang)
        self.table.value = html_table(
            frame,
            formatters={
                money: lambda v: format_money(v, lang),
                target: lambda v: number_text(v, lang),
            },
            index="#",
            empty=t("forms.no_rows", lang),
            nowrap=(t("field.when", lang), money),
            cache=self._table_rows,
        )
        tables_ = self.session.tables()
        findings = checks.plan_check(tables_, self.session.catalog,
                                     self.session.store.plan_fields(self.session.plan_id))
        self.check.value = notes_html((f.ok, f.message(lang)) for f in findings)
        self.costs.value = costs_html(tables_["activities"], lang)

    def show(self) -> None:
        show_widget(self.widget, "aan de slag")


def costs_html(activities: pd.DataFrame, lang: str | None = None) -> str:
    """Total price per context (live, not cancelled rows) and the grand total."""
    totals = analysis.costs_by_context(activities).to_dict()
    frame = pd.DataFrame(
        {
            t("field.context", lang): [t(f"context.{key}", lang) for key in totals]
            + [t("planning.total", lang)],
            t("field.price", lang): [format_money(value, lang) for value in totals.values()]
            + [format_money(sum(totals.values()), lang)],
        }
    )
    return html_table(frame)


def show() -> None:
    """Notebook *aan de slag*: the planning form, the plan, its check and its costs."""
    PlanningExercise().show()


__all__ = ["PlanningForm", "PlanningExercise", "show", "show_events"]
