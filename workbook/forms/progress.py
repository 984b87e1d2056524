"""Notebook *voortgang* (and the overview charts of *aan de slag*): "meten is weten".

``show()`` displays :class:`ProgressReview`: the :class:`MeasurementForm` (indicator, date,
value, note) with the list of measurements and their edit/delete buttons, then
:class:`IndicatorCharts` — one status line per indicator in plain Dutch, the indicators
as small panels in a grid, and one indicator full size, chosen in a dropdown.
``show_overview()`` displays :class:`OverviewCharts`: the timeline by month, the cost by
channel and by context, and the coverage heatmap, with a button to redraw them.

Charts are PNG bytes in :class:`ipywidgets.Image` widgets: they redraw in place in
JupyterLab and Voilà, nothing is printed, and nbval ignores them. A change redraws only
the pictures that show what changed."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import ipywidgets as widgets
import pandas as pd
from matplotlib.figure import Figure

from .. import analysis, charts, config, i18n
from ..i18n import t
from ..pictures import IndicatorPicture, figure_png
from .common import (
    LABEL_STYLE,
    Session,
    esc,
    heading,
    show_widget,
    store_changed,
    subscribe,
    wide,
)
from .measurements import (
    IMAGE_LAYOUT,
    LIST_LENGTH,
    TEXTS,
    MeasurementForm,
    chart_image,
    show_charts_widget,
)

# ----- status lines and charts per indicator ---------------------------------------------


def status_line(progress: analysis.Progress, lang: str | None = None) -> str:
    """One indicator's line: a coloured label (never colour alone) and the sentence."""
    colour = charts.STATUS_COLOURS[progress.status]
    ink = charts.ink_on(colour)
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
        self.session = session or Session.open()
        self.lang = i18n.language(lang)
        self.status_heading = widgets.HTML()
        self.status = widgets.HTML(layout=wide())
        self.legend = chart_image()
        self.legend.value = figure_png(charts.panel_legend(self.lang))
        self.legend.tooltip = charts.legend_description(self.lang)
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
            image.tooltip = charts.indicator_description(view.progress, self.lang)
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
                self.detail.tooltip = None
                self.detail.layout.display = "none"
                return
            view = charts.indicator_view(found.iloc[0], measurements, start, config.today())
        self.detail.layout.display = None
        png = self.detail_picture.render(view, self.lang)
        if png is not None:
            self.detail.value = png
        self.detail.tooltip = charts.indicator_description(view.progress, self.lang)


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

    def _tables(self) -> tuple[dict[str, Any], pd.DataFrame, pd.DataFrame]:
        store, plan_id = self.session.store, self.session.plan_id
        return (store.plan_fields(plan_id), store.activities(plan_id),
                store.target_groups(plan_id))

    def figures(self) -> dict[str, Figure]:
        """The four figures for the plan as it is now in the store."""
        plan, activities, groups = self._tables()
        catalog = self.session.catalog
        return {
            "timeline": charts.timeline_chart(activities, catalog, plan["start"], plan["end"],
                                              lang=self.lang),
            "cost_channel": charts.cost_by_channel_chart(activities, catalog, lang=self.lang),
            "cost_context": charts.cost_by_context_chart(activities, lang=self.lang),
            "coverage": charts.coverage_chart(activities, groups, catalog, lang=self.lang),
        }

    def descriptions(self) -> dict[str, str]:
        """What each of the four figures shows, in words (their text alternatives)."""
        plan, activities, groups = self._tables()
        catalog = self.session.catalog
        return {
            "timeline": charts.timeline_description(activities, catalog, plan["start"],
                                                    plan["end"], lang=self.lang),
            "cost_channel": charts.cost_by_channel_description(activities, catalog,
                                                               lang=self.lang),
            "cost_context": charts.cost_by_context_description(activities, lang=self.lang),
            "coverage": charts.coverage_description(activities, groups, catalog,
                                                    lang=self.lang),
        }

    def refresh(self) -> None:
        descriptions = self.descriptions()
        for key, figure in self.figures().items():
            self.images[key].value = figure_png(figure)
            self.images[key].tooltip = descriptions[key]

    def show(self) -> None:
        show_charts_widget(self.widget, "overzicht van het plan")


def show() -> None:
    """Notebook *voortgang*: record measurements; status and charts per indicator."""
    ProgressReview().show()


def show_overview() -> None:
    """Notebooks *aan de slag* and *voortgang*: the overview charts of the plan."""
    OverviewCharts().show()


__all__ = [
    "IMAGE_LAYOUT", "LIST_LENGTH", "TEXTS", "IndicatorCharts", "MeasurementForm",
    "OverviewCharts", "ProgressReview", "chart_image",
    "show", "show_overview", "status_line", "store_changed", "subscribe",
]

