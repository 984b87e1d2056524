"""The measurement form of *voortgang*: indicator, date, value and note, with the list of
measurements and their edit and delete buttons; and the texts and picture widgets the
progress views share."""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets
import pandas as pd
from IPython.display import display
from traitlets import Unicode

from .. import analysis, config
from ..i18n import register, t
from .common import (
    RecordClass,
    RecordForm,
    esc,
    heading,
    html_table,
    number_text,
    parse_date,
    parse_number,
    scroll_box,
    to_date,
    wide,
)

TEXTS: dict[str, dict[str, str]] = {
    "progress.form": {"nl": "Een meting noteren", "en": "Record a measurement"},
    "progress.list": {"nl": "Je metingen", "en": "Your measurements"},
    "progress.status": {"nl": "Stand van zaken op {date}", "en": "Progress as of {date}"},
    "progress.grid": {"nl": "Alle indicatoren in één oogopslag",
                      "en": "All indicators at a glance"},
    "progress.detail": {"nl": "Eén indicator in het groot", "en": "One indicator, full size"},
    "progress.choose_indicator": {"nl": "(kies een indicator)", "en": "(choose an indicator)"},
    "progress.value_placeholder": {"nl": "bv. 45", "en": "e.g. 45"},
    "progress.note_placeholder": {
        "nl": "bv. Aanwezigheidslijst infoavond",
        "en": "e.g. Attendance list of the information evening",
    },
    "progress.hint.cumulatief": {
        "nl": "<b>{name}</b> telt op: vul in wat er <i>deze keer</i> bijkwam (bv. de "
        "deelnemers van één sessie). Doel: {target} {unit} tegen {deadline}.",
        "en": "<b>{name}</b> adds up: enter what was added <i>this time</i> (e.g. the "
        "participants of one session). Target: {target} {unit} by {deadline}.",
    },
    "progress.hint.stand": {
        "nl": "<b>{name}</b> is een stand: vul de stand <i>op die dag</i> in (bv. het "
        "aantal volgers). Doel: {target} {unit} tegen {deadline}.",
        "en": "<b>{name}</b> is a current total: enter the total <i>on that day</i> (e.g. the "
        "number of followers). Target: {target} {unit} by {deadline}.",
    },
    "progress.no_indicators": {
        "nl": "Dit plan heeft nog geen indicatoren. Voeg ze toe in notebook 01 — Waarom.",
        "en": "This plan has no indicators yet. Add them in notebook 01 — Why.",
    },
    "progress.redraw": {"nl": "Grafieken vernieuwen", "en": "Redraw the charts"},
    "progress.redraw_help": {
        "nl": "Heb je intussen de planning aangepast? Klik op <b>Grafieken vernieuwen</b>.",
        "en": "Changed the plan in the meantime? Click <b>Redraw the charts</b>.",
    },
    "progress.fallback": {
        "nl": "[grafieken {name}: open dit notebook in JupyterLab of Voilà om ze te zien]",
        "en": "[charts {name}: open this notebook in JupyterLab or Voilà to see them]",
    },
    "progress.list_count": {"nl": "De {shown} recentste van {total} metingen.",
                            "en": "The {shown} most recent of {total} measurements."},
    "progress.list_count_of": {
        "nl": "De {shown} recentste van {total} metingen van {indicator}.",
        "en": "The {shown} most recent of {total} measurements of {indicator}.",
    },
    "progress.list_of": {
        "nl": "Metingen van {indicator}: {total}. Kies geen indicator om alle metingen te zien.",
        "en": "Measurements of {indicator}: {total}. Choose no indicator to see them all.",
    },
    "progress.more": {"nl": "Meer tonen", "en": "Show more"},
    "progress.measurement": {"nl": "{indicator} op {date}: {value}",
                             "en": "{indicator} on {date}: {value}"},
}
register(TEXTS)

#: Measurements listed at a time under the form (newest first; "Meer tonen" adds as many).
LIST_LENGTH = 25

IMAGE_LAYOUT = {"width": "100%", "max_width": "1040px", "height": "auto"}


class ChartImage(widgets.Image):
    """A picture widget whose ``tooltip`` is its text alternative.

    ipywidgets 8 shows a ``tooltip`` as the element's ``title``, but only after checking the
    length of the model's ``description``, which an Image does not have: the view of an
    Image with a tooltip fails to render. An empty ``description`` synced with the model
    lets the title through; the app view's template copies it into ``alt``."""

    description = Unicode("").tag(sync=True)


def chart_image() -> widgets.Image:
    """An empty picture widget that scales with the page (set ``.value`` to PNG bytes, and
    ``.tooltip`` to its text alternative from :mod:`workbook.charts.describe`)."""
    image = ChartImage(format="png", layout=widgets.Layout(**IMAGE_LAYOUT))
    image.add_class("wb-chart")
    return image


def show_charts_widget(widget: widgets.Widget, name: str) -> None:
    """Like :func:`show_widget`, with a stand-in line that speaks of charts, not a form."""
    bundle = widget._repr_mimebundle_()
    bundle["text/plain"] = t("progress.fallback", name=name)
    display(bundle, raw=True)



# ----- changes made elsewhere (an upload) reach the views in other cells ------------------

# ----- the measurement form ---------------------------------------------------------------


class MeasurementForm(RecordForm):
    """A measurement: indicator of the plan, date, value, note; the list with edit/delete.

    ``value`` keys: ``indicator_id`` (0 for none), ``date`` (date), ``value`` (text as
    typed, '45' or '1.250,5'), ``note``.
    """

    display_name = "voortgang: metingen"

    model = RecordClass("Measurement")
    rows_of, verb = "measurements", "measurement"

    def _build_fields(self) -> None:
        self._last_touched: set[int] = set()
        self.indicator = self.field(widgets.Dropdown, "field.indicator_id",
                                    options=[(self.tr("progress.choose_indicator"), 0)],
                                    width="80%")
        self.hint = widgets.HTML(layout=wide())
        self.date = self.field(widgets.DatePicker, "field.date", value=config.today())
        self.amount = self.field(widgets.Text, "field.value", "progress.value_placeholder")
        self.note = self.field(widgets.Text, "field.note", "progress.note_placeholder", "wide")
        self.list_count = widgets.HTML()
        self.more_button = widgets.Button(description=self.tr("progress.more"),
                                          layout=widgets.Layout(width="auto"))
        self._length = LIST_LENGTH
        self.fields = {
            "indicator_id": self.indicator,
            "date": self.date,
            "value": self.amount,
            "note": self.note,
        }

    def _layout(self) -> widgets.Widget:
        return widgets.VBox(
            [
                self.indicator,
                self.hint,
                self.date,
                self.amount,
                self.note,
                self.buttons(),
                self.feedback.widget,
                heading(self.tr("progress.list")),
                scroll_box(self.table, max_height="24em"),
                widgets.HBox([self.list_count, self.more_button]),
                self.picker.widget,
            ]
        )

    def _wire(self) -> None:
        super()._wire()
        self.indicator.observe(self._indicator_chosen, names="value")
        self.more_button.on_click(lambda _button: self._show_more())

    def _indicator_chosen(self, _change: Any = None) -> None:
        self._show_hint()
        self._length = LIST_LENGTH
        self._show_list()

    def blank(self) -> dict[str, Any]:
        # The indicator stays chosen: several measurements of one indicator in a row.
        return {"indicator_id": self.indicator.value, "date": config.today(), "value": "",
                "note": ""}

    readers = {"date": parse_date, "value": parse_number}

    def data(self) -> dict[str, Any]:
        values = super().data()
        data = {
            "indicator_id": values["indicator_id"] or None,
            "date": values.get("date"),
            "value": values.get("value"),
            "note": values["note"],
        }
        # A blank field is left out, so validation says "vul dit in" rather than "a number".
        return {name: value for name, value in data.items() if value is not None}

    # ----- store ------------------------------------------------------------------------

    def _indicators(self) -> pd.DataFrame:
        return self.session.store.indicators(self.session.plan_id)

    def load(self, row_id: int) -> dict[str, Any]:
        rows = self.rows()
        row = rows[rows["id"] == row_id].iloc[0]
        return {
            "indicator_id": int(row["indicator_id"]),
            "date": to_date(row["date"]),
            "value": number_text(row["value"], self.lang),
            "note": row["note"],
        }

    def describe(self, row_id: int | None, record: Any = None) -> str:
        names = dict(zip(self._indicators()["id"], self._indicators()["name"], strict=True))
        if record is None:
            rows = self.rows()
            found = rows[rows["id"] == row_id]
            if found.empty:
                return str(row_id)
            record = found.iloc[0]
            indicator, day, value = record["indicator_id"], record["date"], record["value"]
        else:
            indicator, day, value = record.indicator_id, record.date, record.value
        return self.tr("progress.measurement", indicator=names.get(indicator, str(indicator)),
                       date=analysis.format_date(day, self.lang),
                       value=analysis.format_number(value, self.lang))

    # ----- views ------------------------------------------------------------------------

    def _show_hint(self) -> None:
        indicators = self._indicators()
        found = indicators[indicators["id"] == self.indicator.value]
        if found.empty:
            self.hint.value = ""
            return
        row = found.iloc[0]
        self.hint.value = "<small>" + self.tr(
            f"progress.hint.{row['kind']}",
            name=esc(row["name"]),
            target=esc(analysis.format_number(row["target"], self.lang)),
            unit=esc(row["unit"]),
            deadline=esc(analysis.format_date(row["deadline"], self.lang)),
        ) + "</small>"

    def refresh(self) -> None:
        indicators = self._indicators()
        names = dict(zip(indicators["id"], indicators["name"], strict=True))
        units = dict(zip(indicators["id"], indicators["unit"], strict=True))
        current = self.indicator.value
        options = [
            (self.tr("progress.choose_indicator"), 0),
            *[(f"{name} ({units[i]})", int(i)) for i, name in names.items()],
        ]
        if self.indicator.options != tuple(options):
            self.indicator.options = options
        self.indicator.value = current if current in names else 0
        self._show_hint()
        self._show_list(names, units)

    def _show_list(self, names: dict | None = None, units: dict | None = None) -> None:
        """The newest measurements of the chosen indicator (of all when none is chosen),
        :data:`LIST_LENGTH` at a time: a plan with 10,000 measurements answers as fast."""
        if names is None or units is None:
            indicators = self._indicators()
            names = dict(zip(indicators["id"], indicators["name"], strict=True))
            units = dict(zip(indicators["id"], indicators["unit"], strict=True))
        rows = self.rows()  # by date and id: the newest are the last rows
        if self.indicator.value:
            rows = rows[rows["indicator_id"] == self.indicator.value]
        total = len(rows)
        rows = rows.tail(self._length).iloc[::-1]
        shown = pd.DataFrame(
            {
                self.tr("field.date"): [analysis.format_date(day, self.lang)
                                        for day in rows["date"]],
                self.tr("field.indicator_id"): [names.get(i, "") for i in rows["indicator_id"]],
                self.tr("field.value"): [
                    f"{analysis.format_number(value, self.lang)} {units.get(i, '')}".strip()
                    for i, value in zip(rows["indicator_id"], rows["value"], strict=True)
                ],
                self.tr("field.note"): rows["note"].tolist(),
            },
            index=rows["id"],
        )
        self.table.value = html_table(shown, index="#", empty=self.tr("forms.no_rows"),
                                      cache=self.table_rows,
                                      nowrap=(self.tr("field.date"), self.tr("field.value")))
        more = total > len(rows)
        counts = {"shown": len(rows), "total": analysis.format_number(total, self.lang),
                  "indicator": names.get(self.indicator.value, "")}
        if self.indicator.value:
            count = self.tr("progress.list_count_of" if more else "progress.list_of", **counts)
        else:
            count = self.tr("progress.list_count", **counts) if more else ""
        self.list_count.value = f"<small>{esc(count)}</small>" if count else ""
        self.more_button.layout.display = None if more else "none"
        self.picker.set_rows([
            (f"{i}: {analysis.format_date(day, self.lang)} · {names.get(ind, '')} · "
             f"{analysis.format_number(value, self.lang)}", int(i))
            for i, day, ind, value in zip(rows["id"], rows["date"], rows["indicator_id"],
                                          rows["value"], strict=True)
        ])

    def _show_more(self) -> None:
        self._length += LIST_LENGTH
        self._show_list()

    def changed_indicators(self) -> set[int]:
        """Indicators whose measurements may have changed in the last action."""
        return set(self._last_touched)

    def submit(self, _button: Any = None) -> bool:
        before = self._indicator_of(self.editing)
        self._last_touched = {i for i in (before, self.indicator.value) if i}
        return super().submit(_button)

    def delete(self, row_id: int | None) -> bool:
        self._last_touched = {i for i in (self._indicator_of(row_id),) if i}
        return super().delete(row_id)

    def _indicator_of(self, row_id: int | None) -> int | None:
        if not row_id:
            return None
        rows = self.rows()
        found = rows[rows["id"] == row_id]
        return None if found.empty else int(found["indicator_id"].iloc[0])


