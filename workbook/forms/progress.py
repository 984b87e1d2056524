"""Notebook *voortgang* (and the overview charts of *aan de slag*): "meten is weten".

``show()`` displays :class:`ProgressReview`: the :class:`MeasurementForm` (indicator, date,
value, note) with the list of measurements and their edit/delete buttons, then
:class:`IndicatorCharts` — one status line per indicator in plain Dutch, the indicators
as small panels in a grid, and one indicator full size, chosen in a dropdown.
``show_overview()`` displays :class:`OverviewCharts`: the timeline by month, the cost by
channel and by context, and the coverage heatmap, with a button to redraw them.

Charts are PNG bytes in :class:`ipywidgets.Image` widgets: they redraw in place in
JupyterLab and Voilà, nothing is printed, and nbval ignores them. A change redraws only
the pictures that show what changed.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import ipywidgets as widgets
import pandas as pd
from matplotlib.figure import Figure

from .. import analysis, charts, config
from ..i18n import register, t
from ..pictures import IndicatorPicture, figure_png
from .common import (
    LABEL_STYLE,
    RecordClass,
    RecordForm,
    Session,
    esc,
    heading,
    html_table,
    number_text,
    parse_date,
    parse_number,
    show_widget,
    store_changed,
    subscribe,
    to_date,
    wide,
)

TEXTS: dict[str, dict[str, str]] = {
    "progress.form": {"nl": "Een meting noteren", "en": "Record a measurement"},
    "progress.list": {"nl": "Je metingen", "en": "Your measurements"},
    "progress.status": {"nl": "Stand van zaken op {date}", "en": "Progress on {date}"},
    "progress.grid": {"nl": "Alle indicatoren in één oogopslag",
                      "en": "All indicators at a glance"},
    "progress.detail": {"nl": "Eén indicator in het groot", "en": "One indicator full size"},
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
        "en": "<b>{name}</b> is a reading: enter the reading <i>on that day</i> (e.g. the "
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


def chart_image() -> widgets.Image:
    """An empty picture widget that scales with the page (set ``.value`` to PNG bytes)."""
    image = widgets.Image(format="png", layout=widgets.Layout(**IMAGE_LAYOUT))
    image.add_class("wb-chart")
    return image


def show_charts_widget(widget: widgets.Widget, name: str) -> None:
    """Like :func:`show_widget`, with a stand-in line that speaks of charts, not a form."""
    from IPython.display import display

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

    def _build_fields(self) -> None:
        self._last_touched: set[int] = set()
        self.indicator = widgets.Dropdown(
            description=self.tr("field.indicator_id"),
            options=[(self.tr("progress.choose_indicator"), 0)],
            style=LABEL_STYLE,
            layout=widgets.Layout(width="80%"),
        )
        self.hint = widgets.HTML(layout=wide())
        self.date = widgets.DatePicker(description=self.tr("field.date"), style=LABEL_STYLE,
                                       value=config.today())
        self.amount = widgets.Text(
            description=self.tr("field.value"),
            placeholder=self.tr("progress.value_placeholder"),
            style=LABEL_STYLE,
        )
        self.note = widgets.Text(
            description=self.tr("field.note"),
            placeholder=self.tr("progress.note_placeholder"),
            style=LABEL_STYLE,
            layout=wide(),
        )
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
                widgets.Box([self.table], layout=widgets.Layout(
                    max_height="24em", overflow="auto", width="95%")),
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

    def _measurements(self) -> pd.DataFrame:
        return self.session.store.measurements(self.session.plan_id)

    def _indicators(self) -> pd.DataFrame:
        return self.session.store.indicators(self.session.plan_id)

    def add(self, record: Any) -> int:
        return self.session.store.add_measurement(self.session.plan_id, record)

    def update(self, row_id: int, record: Any) -> None:
        self.session.store.update_measurement(row_id, record)

    def remove(self, row_id: int) -> None:
        self.session.store.delete_measurement(row_id)

    def load(self, row_id: int) -> dict[str, Any]:
        rows = self._measurements()
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
            rows = self._measurements()
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
        rows = self._measurements()  # by date and id: the newest are the last rows
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
        rows = self._measurements()
        found = rows[rows["id"] == row_id]
        return None if found.empty else int(found["indicator_id"].iloc[0])


# ----- status lines and charts per indicator ---------------------------------------------


def status_line(progress: analysis.Progress, lang: str | None = None) -> str:
    """One indicator's line: a coloured label (never colour alone) and the sentence."""
    colour = charts.STATUS_COLOURS[progress.status]
    ink = "#000" if colour in (charts.PURPLE, charts.ORANGE, charts.SKY) else "#fff"
    badge = (f'<span style="display:inline-block;min-width:10.5em;text-align:center;'
             f'background:{colour};color:{ink};border-radius:4px;padding:1px 6px;'
             f'margin-right:8px;font-weight:bold">'
             f'{esc(analysis.status_label(progress.status, lang))}</span>')
    return (f'<div class="wb-status wb-status-{esc(progress.status)}" '
            f'style="margin:3px 0;line-height:1.5">{badge}'
            f'{esc(analysis.status_sentence(progress, lang))}</div>')


class IndicatorCharts:
    """Status lines, every indicator as a small panel in a grid, and one full size.

    Each chart is an :class:`~workbook.pictures.IndicatorPicture`: a new measurement
    redraws only the measured line, points and status label of its indicator's panel (and
    of the full-size chart when that shows it), over the pixels of the frame drawn before.
    """

    def __init__(self, session: Session | None = None, lang: str | None = None) -> None:
        from .. import i18n

        self.session = session or Session.open()
        self.lang = i18n.language(lang)
        self.status_heading = widgets.HTML()
        self.status = widgets.HTML(layout=wide())
        self.legend = chart_image()
        self.legend.value = figure_png(charts.panel_legend(self.lang))
        self.grid = widgets.GridBox(layout=widgets.Layout(
            grid_template_columns="repeat(auto-fill, minmax(300px, 1fr))",
            grid_gap="6px 10px", width="100%", max_width="1400px"))
        self.grid.add_class("wb-indicator-grid")
        self.chooser = widgets.Dropdown(description=t("field.indicator_id", self.lang),
                                        options=[], style=LABEL_STYLE,
                                        layout=widgets.Layout(width="80%"))
        self.detail = chart_image()
        self.detail_picture = IndicatorPicture()
        self._panels: dict[int, tuple[IndicatorPicture, widgets.Image]] = {}
        self._lines: dict[int, str] = {}
        self.chooser.observe(lambda _change: self._draw_detail(), names="value")
        self.widget = widgets.VBox([
            self.status_heading,
            self.status,
            heading(t("progress.grid", self.lang)),
            self.legend,
            self.grid,
            heading(t("progress.detail", self.lang)),
            self.chooser,
            self.detail,
        ])
        self.refresh()
        subscribe(self.refresh)

    def tables(self) -> tuple[pd.DataFrame, pd.DataFrame, Any]:
        store, plan_id = self.session.store, self.session.plan_id
        return (store.indicators(plan_id), store.measurements(plan_id),
                store.plan_fields(plan_id)["start"])

    def refresh(self, changed: Iterable[int] | None = None) -> None:
        """Redraw the status lines, then the charts of the ``changed`` indicators (of all
        of them when ``changed`` is None; a chart whose picture is the same is not sent)."""
        indicators, measurements, start = self.tables()
        today = config.today()
        status = t("progress.status", self.lang, date=analysis.format_date(today, self.lang))
        self.status_heading.value = f"<h4>{esc(status)}</h4>"
        ids = [int(i) for i in indicators["id"]]
        if list(self._panels) != ids:
            self._panels = {i: self._panels.get(i) or self._new_panel(i) for i in ids}
            self.grid.children = tuple(image for _, image in self._panels.values())
        redraw = set(ids) if changed is None else set(changed) & set(ids)
        lines = {i: self._lines[i] for i in ids if i in self._lines and i not in redraw}
        views = {}
        for (_, row) in indicators[indicators["id"].isin(redraw)].iterrows():
            view = views[int(row["id"])] = charts.indicator_view(row, measurements, start, today)
            lines[view.progress.indicator_id] = status_line(view.progress, self.lang)
            picture, image = self._panels[view.progress.indicator_id]
            png = picture.render(view, self.lang)
            if png is not None:
                image.value = png
        self._lines = {i: lines[i] for i in ids}
        self.status.value = "".join(self._lines.values()) or (
            f"<p><i>{esc(t('progress.no_indicators', self.lang))}</i></p>")
        options = [(name, int(i)) for i, name in zip(indicators["id"], indicators["name"],
                                                     strict=True)]
        current = self.chooser.value
        if self.chooser.options != tuple(options):
            self.chooser.options = options
        wanted = current if current in ids else (ids[0] if ids else None)
        if self.chooser.value != wanted:
            self.chooser.value = wanted  # draws through the observer
        elif wanted in redraw or not ids:
            self._draw_detail(views.get(wanted))

    @staticmethod
    def _new_panel(indicator_id: int) -> tuple[IndicatorPicture, widgets.Image]:
        image = chart_image()
        image.add_class(f"wb-indicator-{indicator_id}")
        return IndicatorPicture(compact=True), image

    def show_indicator(self, indicator_id: int) -> None:
        """Show ``indicator_id`` full size (e.g. the one just measured)."""
        if indicator_id in self._panels:
            self.chooser.value = indicator_id

    def _draw_detail(self, view: charts.IndicatorView | None = None) -> None:
        if view is None:
            indicators, measurements, start = self.tables()
            found = indicators[indicators["id"] == self.chooser.value]
            if found.empty:
                self.detail.value = b""
                self.detail.layout.display = "none"
                return
            view = charts.indicator_view(found.iloc[0], measurements, start, config.today())
        self.detail.layout.display = None
        png = self.detail_picture.render(view, self.lang)
        if png is not None:
            self.detail.value = png


class ProgressReview:
    """The whole of *voortgang*: measurement form and list, status lines and charts."""

    def __init__(self, session: Session | None = None) -> None:
        self.session = session or Session.open()
        self.form = MeasurementForm(self.session)
        self.lang = self.form.lang
        self.charts = IndicatorCharts(self.session, self.lang)
        self.form.on_change(self._measured)
        # The indicator about to be measured is shown full size while the form is filled
        # in, so saving the measurement redraws only the data layer of its chart.
        self.form.indicator.observe(lambda change: self.charts.show_indicator(change.new),
                                    names="value")
        subscribe(self.form.refresh)
        self.widget = widgets.VBox([
            heading(self.form.tr("progress.form")),
            self.form.widget,
            self.charts.widget,
        ])

    def _measured(self) -> None:
        touched = self.form.changed_indicators()
        self.charts.refresh(touched)
        if len(touched) == 1:
            self.charts.show_indicator(next(iter(touched)))

    def show(self) -> None:
        show_widget(self.widget, "voortgang")


# ----- overview charts of the plan -------------------------------------------------------


class OverviewCharts:
    """Timeline by month, cost by channel and by context, coverage heatmap of the plan."""

    KEYS = ("timeline", "cost_channel", "cost_context", "coverage")

    def __init__(self, session: Session | None = None, lang: str | None = None) -> None:
        from .. import i18n

        self.session = session or Session.open()
        self.lang = i18n.language(lang)
        self.images = {key: chart_image() for key in self.KEYS}
        self.redraw_button = widgets.Button(description=t("progress.redraw", self.lang),
                                            layout=widgets.Layout(width="auto"))
        self.redraw_button.on_click(lambda _button: self.refresh())
        # Each chart carries its own title: no heading above it.
        help_text = widgets.HTML(f'<span style="font-size:13px">&nbsp;'
                                 f"{t('progress.redraw_help', self.lang)}</span>")
        self.widget = widgets.VBox([widgets.HBox([self.redraw_button, help_text]),
                                    *self.images.values()])
        self.refresh()
        subscribe(self.refresh)

    def figures(self) -> dict[str, Figure]:
        """The four figures for the plan as it is now in the store."""
        store, plan_id = self.session.store, self.session.plan_id
        plan = store.plan_fields(plan_id)
        activities = store.activities(plan_id)
        catalog = self.session.catalog
        return {
            "timeline": charts.timeline_chart(activities, catalog, plan["start"], plan["end"],
                                              lang=self.lang),
            "cost_channel": charts.cost_by_channel_chart(activities, catalog, lang=self.lang),
            "cost_context": charts.cost_by_context_chart(activities, lang=self.lang),
            "coverage": charts.coverage_chart(activities, store.target_groups(plan_id), catalog,
                                              lang=self.lang),
        }

    def refresh(self) -> None:
        for key, figure in self.figures().items():
            self.images[key].value = figure_png(figure)

    def show(self) -> None:
        show_charts_widget(self.widget, "overzicht van het plan")


def show() -> None:
    """Notebook *voortgang*: record measurements; status and charts per indicator."""
    ProgressReview().show()


def show_overview() -> None:
    """Notebooks *aan de slag* and *voortgang*: the overview charts of the plan."""
    OverviewCharts().show()


__all__ = [
    "IndicatorCharts", "MeasurementForm", "OverviewCharts", "ProgressReview", "chart_image",
    "show", "show_overview", "status_line", "store_changed", "subscribe",
]
