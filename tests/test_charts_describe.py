"""The charts' text alternatives (charts/describe.py) and the contrast of text and marks in
charts."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import pytest  # noqa: E402
from matplotlib.backends.backend_agg import FigureCanvasAgg  # noqa: E402
from test_charts import (  # noqa: E402
    PLAN,
    START,
    TODAY,
    activities,
    activity,
    indicator,
    measurements,
    small_catalog,
)

from workbook import analysis as an  # noqa: E402
from workbook import charts  # noqa: E402
from workbook.forms.progress import status_line  # noqa: E402

LANGUAGES = ("nl", "en")


def test_contrast_ratio_follows_wcag():
    assert charts.contrast_ratio("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert charts.contrast_ratio("#777777", "#777777") == pytest.approx(1.0)
    assert charts.contrast_ratio("#767676", "white") == pytest.approx(4.54, abs=0.01)


@pytest.mark.parametrize("status", an.STATUSES)
def test_every_status_label_reads_at_4_5_to_1(status):
    colour = charts.STATUS_COLOURS[status]
    assert charts.contrast_ratio(charts.ink_on(colour), colour) >= 4.5


def test_text_in_charts_reads_at_4_5_to_1_on_white():
    assert charts.contrast_ratio(charts.VERMILLION_TEXT, "white") >= 4.5
    assert charts.contrast_ratio(charts.GREY, "white") >= 4.5


def _text_contrasts(figure) -> list[tuple[str, float]]:
    """Each text inside an axes and its contrast to what is behind it: its box, else the
    heatmap's cell under it, else the axes' face."""
    FigureCanvasAgg(figure).draw()
    found = []
    for ax in figure.axes:
        for text in ax.texts:
            if not text.get_text() or not text.get_visible():
                continue
            patch = text.get_bbox_patch()
            behind = patch.get_facecolor() if patch is not None else None
            if behind is None:
                x, y = text.get_position()
                images = ax.get_images()
                behind = (images[0].cmap(images[0].norm(images[0].get_array()[
                    int(round(y)), int(round(x))])) if images else ax.get_facecolor())
            found.append((text.get_text(), charts.contrast_ratio(text.get_color(), behind[:3])))
    return found


# 5 activities for pupils (intern micro), 4 for parents (extern micro), 1 for a partner:
# the count 4 sits on a middle blue, where neither white nor black is a given.
SHADES = activities(*[activity(groups=("leerlingen",))] * 5, *[activity(groups=("ouders",))] * 4,
                    activity(groups=("projectpartners",)))


@pytest.mark.parametrize("plan", [PLAN, SHADES], ids=["plan", "shades"])
@pytest.mark.parametrize("lang", LANGUAGES)
def test_counts_and_labels_in_the_coverage_heatmap_read_at_4_5_to_1(lang, plan):
    figure = charts.coverage_chart(plan, None, small_catalog(), lang)
    contrasts = _text_contrasts(figure)
    assert contrasts and all(ratio >= 4.5 for _, ratio in contrasts), contrasts


@pytest.mark.parametrize("values", [(("2026-02-01", 10),), (("2026-01-20", 90),
                                                             ("2026-03-01", 150)), ()])
def test_status_label_in_a_chart_reads_at_4_5_to_1(values):
    view = charts.indicator_view(indicator(), measurements(*values), START, TODAY)
    figure = charts.view_figure(view, "nl", compact=True)
    (status,) = [text for text in figure.axes[0].texts if text.get_gid() == "status"]
    behind = status.get_bbox_patch().get_facecolor()
    assert charts.contrast_ratio(status.get_color(), behind[:3]) >= 4.5


@pytest.mark.parametrize("lang", LANGUAGES)
def test_an_indicator_chart_says_what_its_status_line_says(lang):
    view = charts.indicator_view(indicator(), measurements(("2026-02-01", 60)), START, TODAY)
    words = charts.indicator_description(view.progress, lang)
    line = status_line(view.progress, lang)
    assert an.status_label(view.progress.status, lang) in words
    assert an.status_sentence(view.progress, lang) in words
    # the status line shows those same two texts
    assert an.status_label(view.progress.status, lang) in line
    assert an.status_sentence(view.progress, lang) in line.replace("&#x27;", "'")


def test_the_legend_names_every_line():
    words = charts.legend_description("en")
    for name in ("measured", "target", "pace", "deadline", "today"):
        assert name in words


def test_the_timeline_in_words_names_each_month_with_activities_and_the_events():
    words = charts.timeline_description(PLAN, small_catalog(), "2025-09-01", "2026-08-31",
                                        TODAY, "nl")
    per_month = an.activities_per_month(PLAN, "2025-09-01", "2026-08-31")
    for month, row in per_month.iterrows():
        if row.sum():
            assert f"{an.format_month(month, 'nl')}: {int(row.sum())}" in words
    assert "ERASMUSDAYS" in words and "Dag van Europa (9 mei 2026)" in words
    assert words.startswith("Activiteiten per maand, sep 2025 tot aug 2026")


def test_costs_in_words_name_each_amount_and_the_total():
    words = charts.cost_by_channel_description(PLAN, small_catalog(), "nl")
    assert "Schoolwebsite € 200" in words and "(geen kanaal) € 25" in words
    assert "Totaal: € 475" in words
    assert charts.cost_by_context_description(PLAN, "en") == (
        "Cost per context: Within our own school €325; Between the project partners €150. "
        "Total: €475.")


def test_coverage_in_words_names_every_cell_and_the_empty_ones():
    words = charts.coverage_description(PLAN, None, small_catalog(), "en")
    coverage = an.coverage_counts(PLAN, None, small_catalog())
    assert "internal: micro 1, meso empty, macro empty" in words
    assert an.describe_empty_cells(coverage, "en") in words


def test_empty_charts_say_so_in_words():
    empty = activities()
    assert "No activities planned yet" in charts.timeline_description(empty, lang="en")
    assert "No activities with costs yet" in charts.cost_by_channel_description(empty, lang="en")


def _today_line_contrast(figure) -> float:
    """The strongest contrast to white along today's line, at the height of the axes where
    nothing else is drawn beside it (the median over its rows)."""
    import numpy as np
    from matplotlib.dates import date2num

    canvas = FigureCanvasAgg(figure)
    canvas.draw()
    pixels = np.asarray(canvas.buffer_rgba())[:, :, :3] / 255
    ax = figure.axes[0]
    x, _ = ax.transData.transform((date2num(TODAY), 0))
    (_, bottom), (_, top) = ax.transAxes.transform([(0, 0.15), (0, 0.85)])
    height = pixels.shape[0]
    column = int(round(x))
    rows = range(int(height - top), int(height - bottom))
    return float(np.median([max(charts.contrast_ratio(tuple(pixels[row, column + dx]), "white")
                                for dx in range(-3, 4)) for row in rows]))


@pytest.mark.parametrize("compact", [True, False], ids=["panel", "full"])
def test_todays_line_in_an_indicator_chart_reads_at_3_to_1(compact):
    view = charts.indicator_view(indicator(), measurements(("2026-02-01", 10)), START, TODAY)
    figure = charts.view_figure(view, "nl", compact=compact)
    assert _today_line_contrast(figure) >= 3.0


def test_todays_line_in_the_timeline_reads_at_3_to_1():
    figure = charts.timeline_chart(PLAN, small_catalog(), "2025-09-01", "2026-08-31", TODAY, "nl")
    assert _today_line_contrast(figure) >= 3.0
