"""Every chart rendered to PNG for its edge cases, then checked for what it must show."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.dates as mdates  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from matplotlib.backends.backend_agg import FigureCanvasAgg  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from workbook import analysis as an  # noqa: E402
from workbook import charts  # noqa: E402
from workbook.catalog import Catalog, Channel, Event, TargetGroup  # noqa: E402
from workbook.charts.common import channel_label, context_label, timeline_span  # noqa: E402
from workbook.session import current_plan_id

TODAY = date(2026, 3, 15)
START = date(2026, 1, 1)


def indicator(indicator_id=1, name="Deelnemers infosessies", unit="deelnemers", target=200,
              deadline="2026-06-30", kind="cumulatief") -> pd.Series:
    return pd.Series({"id": indicator_id, "plan_id": 1, "name": name, "unit": unit,
                      "target": float(target), "deadline": pd.Timestamp(deadline),
                      "kind": kind, "goal_id": pd.NA})


def measurements(*rows: tuple) -> pd.DataFrame:
    records = [{"id": i, "plan_id": 1, "indicator_id": 1 if len(row) == 2 else row[0],
                "date": pd.Timestamp(row[-2]), "value": float(row[-1]), "note": ""}
               for i, row in enumerate(rows, start=1)]
    return pd.DataFrame(records, columns=["id", "plan_id", "indicator_id", "date", "value",
                                          "note"])


def render(figure: Figure, tmp_path: Path, name: str) -> Path:
    """Save as PNG (this also runs the layout) and check that nothing sticks out."""
    assert isinstance(figure, Figure)
    path = tmp_path / f"{name}.png"
    canvas = FigureCanvasAgg(figure)
    figure.savefig(path)
    assert path.stat().st_size > 10_000
    renderer = canvas.get_renderer()  # the one the PNG was drawn with, layout done
    box = figure.bbox
    parts = [ax.get_tightbbox(renderer) for ax in figure.axes if ax.get_visible()]
    parts += [legend.get_window_extent(renderer) for legend in figure.legends]
    parts += [text.get_window_extent(renderer) for text in figure.texts if text.get_text()]
    for part in parts:  # axes with their ticks, titles and texts; legends; suptitles
        assert part.x0 >= box.x0 - 1 and part.x1 <= box.x1 + 1, (name, part)
        assert part.y0 >= box.y0 - 1 and part.y1 <= box.y1 + 1, (name, part)
    return path


def by_gid(figure: Figure, gid: str) -> list:
    return figure.findobj(lambda artist: artist.get_gid() == gid)


def gid_starting(figure: Figure, prefix: str) -> list:
    return figure.findobj(lambda a: str(a.get_gid() or "").startswith(prefix))


def as_day(x) -> date:
    """A day from whatever a line holds: Timestamp, datetime64 or a Matplotlib date number."""
    if isinstance(x, int | float):
        return mdates.num2date(x).date()
    return pd.Timestamp(x).date()


def status_text(figure: Figure) -> str:
    (text,) = by_gid(figure, "status")
    return text.get_text()


def texts(figure: Figure) -> list[str]:
    return [t.get_text() for t in figure.findobj(lambda a: hasattr(a, "get_text"))]


# ----- one indicator ---------------------------------------------------------------------


def test_indicator_chart_shows_measured_target_deadline_pace_and_status(tmp_path):
    frame = measurements(("2026-01-20", 50), ("2026-02-10", 40), ("2026-03-01", 30))
    figure = charts.indicator_chart(indicator(), frame, START, TODAY, "nl")
    render(figure, tmp_path, "normal")
    (ax,) = figure.axes
    assert ax.get_title(loc="left") == "Deelnemers infosessies"
    assert ax.get_xlabel() == "Datum"
    assert ax.get_ylabel() == "deelnemers (opgeteld)"
    (target,) = by_gid(figure, "target")
    assert list(target.get_ydata()) == [200, 200]
    (deadline,) = by_gid(figure, "deadline")
    assert {as_day(x) for x in deadline.get_xdata()} == {date(2026, 6, 30)}
    (pace,) = by_gid(figure, "pace")
    assert [as_day(x) for x in pace.get_xdata()] == [START, date(2026, 6, 30)]
    assert list(pace.get_ydata()) == [0, 200]
    (points,) = by_gid(figure, "measured_points")
    assert list(points.get_ydata()) == [50, 90, 120]
    (line,) = by_gid(figure, "measured")
    assert as_day(line.get_xdata()[-1]) == TODAY  # the last value holds until today
    assert by_gid(figure, "today")
    # 120 ≥ pace 200 × 73/180 ≈ 81
    assert status_text(figure) == "op schema: 120 van 200 (60 %)"
    legend = [t.get_text() for t in figure.legends[0].get_texts()]
    assert legend[0] == "Gemeten (opgeteld)"
    assert "Doel: 200 deelnemers" in legend
    assert "Termijn: 30 juni 2026" in legend


def test_indicator_chart_in_english_with_english_months(tmp_path):
    frame = measurements(("2026-01-20", 30))
    figure = charts.indicator_chart(indicator(kind="stand", unit="followers"), frame, START,
                                    TODAY, "en")
    render(figure, tmp_path, "english")
    ax = figure.axes[0]
    assert ax.get_xlabel() == "Date"
    assert ax.get_ylabel() == "followers (current total)"
    ticks = [label.get_text() for label in ax.get_xticklabels()]
    assert "Mar" in ticks and "Jan\n2026" in ticks
    assert status_text(figure).startswith("behind schedule: 30 of 200")
    assert "Target: 200 followers" in [t.get_text() for t in figure.legends[0].get_texts()]


def test_dutch_month_abbreviations_on_the_axis():
    ticks = [label for _, label in charts.month_ticks(date(2025, 11, 20), date(2026, 6, 10), "nl")]
    assert ticks == ["dec\n2025", "jan\n2026", "feb", "mrt", "apr", "mei", "jun"]
    long = charts.month_ticks(date(2025, 9, 1), date(2027, 8, 31), "nl", max_ticks=10)
    assert len(long) <= 10


def test_indicator_chart_without_measurements(tmp_path):
    figure = charts.indicator_chart(indicator(), measurements(), START, TODAY, "nl")
    render(figure, tmp_path, "none")
    (line,) = by_gid(figure, "measured")
    (points,) = by_gid(figure, "measured_points")
    assert len(line.get_xdata()) == 0 and len(points.get_xdata()) == 0
    (note,) = by_gid(figure, "no_data")
    assert note.get_text() == "Nog geen metingen" and note.get_visible()
    assert by_gid(figure, "target") and by_gid(figure, "deadline") and by_gid(figure, "pace")
    assert status_text(figure) == "nog niet gemeten"


def test_indicator_chart_with_one_measurement_and_no_plan_start(tmp_path):
    figure = charts.indicator_chart(indicator(), measurements(("2026-02-01", 12)), None, TODAY,
                                    "nl")
    render(figure, tmp_path, "one")
    (points,) = by_gid(figure, "measured_points")
    assert list(points.get_ydata()) == [12]
    (pace,) = by_gid(figure, "pace")
    assert as_day(pace.get_xdata()[0]) == date(2026, 2, 1)
    assert status_text(figure).startswith("achter op schema: 12 van 200")


def test_indicator_chart_with_target_zero(tmp_path):
    figure = charts.indicator_chart(indicator(target=0, unit="klachten"),
                                    measurements(("2026-02-01", 0)), START, TODAY, "nl")
    render(figure, tmp_path, "zero")
    ax = figure.axes[0]
    low, high = ax.get_ylim()
    assert low < 0 < high  # the line at 0 stays visible above the axis spine
    assert [tick for tick in ax.get_yticks() if low <= tick <= high] == [0, 1, 2, 3, 4, 5]
    (target,) = by_gid(figure, "target")
    assert list(target.get_ydata()) == [0, 0]
    assert status_text(figure) == "behaald: 0 van 0"


def test_indicator_chart_with_deadline_in_the_past(tmp_path):
    frame = measurements(("2025-10-01", 40), ("2025-11-15", 30))
    figure = charts.indicator_chart(indicator(deadline="2025-12-31"), frame, "2025-09-01",
                                    TODAY, "nl")
    render(figure, tmp_path, "past")
    assert status_text(figure) == "termijn verstreken: 70 van 200 (35 %)"
    ax = figure.axes[0]
    right = as_day(ax.get_xlim()[1])
    assert right > TODAY  # today, after the deadline, stays in view
    (today,) = by_gid(figure, "today")
    assert as_day(today.get_xdata()[0]) == TODAY


def test_indicator_chart_with_measurements_after_the_deadline(tmp_path):
    frame = measurements(("2025-10-01", 100), ("2026-02-20", 120))
    figure = charts.indicator_chart(indicator(deadline="2025-12-31"), frame, "2025-09-01",
                                    TODAY, "en")
    render(figure, tmp_path, "late")
    (points,) = by_gid(figure, "measured_points")
    assert [as_day(x) for x in points.get_xdata()] == [date(2025, 10, 1), date(2026, 2, 20)]
    assert as_day(figure.axes[0].get_xlim()[1]) > date(2026, 2, 20)
    assert status_text(figure) == "reached: 220 of 200 (110%)"


def test_indicator_chart_accepts_a_store_row_mapping(tmp_path):
    row = indicator().to_dict()
    figure = charts.indicator_chart(row, measurements(("2026-02-01", 10)), START, TODAY, "nl")
    render(figure, tmp_path, "mapping")


# ----- small multiples -------------------------------------------------------------------


def many(count: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``count`` indicators with every edge case mixed in, and their measurements."""
    rows, readings = [], []
    for number in range(1, count + 1):
        rows.append(indicator(number, f"Indicator {number} met een vrij lange naam erbij",
                              target=[200, 0, 12, 2000][number % 4],
                              deadline=["2026-06-30", "2025-12-31", "2027-08-31"][number % 3],
                              kind=["cumulatief", "stand"][number % 2]))
        for k in range(number % 4):  # 0, 1, 2 or 3 measurements
            readings.append((number, f"2025-{10 + k}-15", 5 * (k + 1)))
    readings.append((1, "2026-09-01", 50))  # after its deadline
    return pd.DataFrame(rows), measurements(*readings)


def test_a_panel_for_each_of_24_indicators_is_legible(tmp_path):
    indicators, frame = many(24)
    for _, row in indicators.iterrows():
        figure = charts.indicator_panel(row, frame, "2025-09-01", TODAY, "nl")
        render(figure, tmp_path, f"panel{row['id']}")  # nothing sticks out of the panel
        (ax,) = figure.axes
        assert ax.get_title(loc="left").replace("\n", " ").startswith(f"Indicator {row['id']} ")
        assert ax.get_title(loc="left").count("\n") <= 1
        assert by_gid(figure, "target") and by_gid(figure, "deadline")
        (note,) = by_gid(figure, "no_data")
        assert note.get_visible() == (row["id"] % 4 == 0)  # every fourth: no measurements
        assert not figure.legends  # one legend for all panels: panel_legend
        box = ax.get_position()
        width, height = figure.get_size_inches()
        assert box.width * width >= 2.8 and box.height * height >= 1.8
    assert "·" in status_text(charts.indicator_panel(indicators.iloc[1], frame, "2025-09-01",
                                                     TODAY, "nl"))


def test_panel_legend_names_every_line_in_english(tmp_path):
    figure = charts.panel_legend("en")
    render(figure, tmp_path, "legend")
    assert [t.get_text() for t in figure.legends[0].get_texts()] == [
        "Measured", "Target", "Pace needed for the target", "Deadline", "Today"]


@pytest.mark.parametrize(("value", "ceiling"), [
    (0.7, 0.8), (1, 1), (1.1, 1.2), (2.8, 3), (5.6, 6), (140, 150), (168, 200), (4100, 5000)])
def test_the_y_axis_ends_at_a_round_number(value, ceiling):
    assert charts._nice_ceiling(value) == pytest.approx(ceiling)


def test_a_measurement_inside_the_scales_changes_only_the_data_layer():
    frame = measurements(("2026-01-20", 50), ("2026-02-10", 40))
    before = charts.indicator_view(indicator(), frame, START, TODAY)
    more = measurements(("2026-01-20", 50), ("2026-02-10", 40), ("2026-03-01", 30))
    after = charts.indicator_view(indicator(), more, START, TODAY)
    assert after.frame_key() == before.frame_key()
    assert after.data_key() != before.data_key()
    # past the top of the scale (target 200 × 1.4 → 300), or after today: a new frame
    high = measurements(("2026-01-20", 50), ("2026-02-10", 300))
    assert charts.indicator_view(indicator(), high, START, TODAY).frame_key() != (
        before.frame_key())
    late = measurements(("2026-01-20", 50), ("2026-02-10", 40), ("2026-09-30", 5))
    assert charts.indicator_view(indicator(), late, START, TODAY).frame_key() != (
        before.frame_key())


def test_update_data_gives_the_chart_a_fresh_drawing_would():
    old = charts.indicator_view(indicator(), measurements(("2026-01-20", 50)), START, TODAY)
    new = charts.indicator_view(indicator(), measurements(("2026-01-20", 50),
                                                          ("2026-03-01", 160)), START, TODAY)
    figure = charts.view_figure(old, "nl")
    charts.update_data(figure.axes[0], new, "nl", compact=False)
    fresh = charts.view_figure(new, "nl")
    for gid in ("measured", "measured_points"):
        (updated,), (drawn,) = by_gid(figure, gid), by_gid(fresh, gid)
        assert list(updated.get_ydata()) == list(drawn.get_ydata())
    assert status_text(figure) == status_text(fresh) == "behaald: 210 van 200 (105 %)"
    (updated,), (drawn,) = by_gid(figure, "status"), by_gid(fresh, "status")
    assert updated.get_bbox_patch().get_facecolor() == drawn.get_bbox_patch().get_facecolor()
    assert not by_gid(figure, "no_data")[0].get_visible()


# ----- overview charts -------------------------------------------------------------------


def activity(context="binnen_school", groups=("ouders",), channels=(), price=0.0,
             when="2026-01-15", status="gepland") -> dict:
    return {"context": context, "what": "x", "target_groups": tuple(groups), "methods": (),
            "channels": tuple(channels), "when": pd.Timestamp(when), "price": float(price),
            "status": status, "deleted": False}


def activities(*rows: dict) -> pd.DataFrame:
    return pd.DataFrame(list(rows), columns=["context", "what", "target_groups", "methods",
                                             "channels", "when", "price", "status", "deleted"])


PLAN = activities(
    activity(when="2025-10-14", channels=("schoolwebsite", "posters"), price=200),
    activity(when="2025-10-20", context="tussen_partners", channels=("instagram",), price=150,
             groups=("projectpartners",)),
    activity(when="2026-02-10", channels=("schoolwebsite",), price=100,
             groups=("leerlingen", "leerkrachten")),
    activity(when="2026-05-09", channels=(), price=25, groups=("epos",)),
)

def small_catalog() -> Catalog:
    """A real catalog from test data: two events (ERASMUSDAYS with a known date in 2025 and
    only its month in 2026; Europe Day on 9 May), five target groups and three channels."""
    groups = {"ouders": ("extern", "micro"), "leerlingen": ("intern", "micro"),
              "leerkrachten": ("intern", "micro"), "projectpartners": ("extern", "macro"),
              "epos": ("extern", "macro")}
    channels = {"schoolwebsite": "Schoolwebsite", "posters": "Posters", "instagram": "Instagram"}
    events = (Event("erasmusdays", "ERASMUSDAYS", "ERASMUSDAYS", month=10),
              Event("dag_van_europa", "Dag van Europa", "Europe Day", month=5, day=9))
    return Catalog(
        target_groups={key: TargetGroup(key, key, key, scope=scope, level=level)
                       for key, (scope, level) in groups.items()},
        methods={},
        channels={key: Channel(key, name, name) for key, name in channels.items()},
        events={event.id: event for event in events},
        event_dates={("erasmusdays", 2025): (date(2025, 10, 13), date(2025, 10, 18))},
        attention_points={},
        themes={},
    )


def test_timeline_has_a_stack_per_month_by_context_and_marks_events(tmp_path):
    figure = charts.timeline_chart(PLAN, small_catalog(), "2025-09-01", "2026-08-31", TODAY, "nl")
    render(figure, tmp_path, "timeline")
    school = by_gid(figure, "context:binnen_school")
    partners = by_gid(figure, "context:tussen_partners")
    assert len(school) == len(partners) == 12  # one bar per month of the plan
    heights = [patch.get_height() for patch in school]
    assert sum(heights) == 3 and heights[1] == 1  # October: one within the school
    # Events of 2025 and 2026 inside Sep 2025 – Aug 2026: ERASMUSDAYS 2025, Europe Day 2026.
    assert len(gid_starting(figure, "event:erasmusdays")) == 1
    assert len(gid_starting(figure, "event:dag_van_europa")) == 1
    band = figure.axes[0]
    assert [label.get_text() for label in band.get_yticklabels()] == ["ERASMUSDAYS",
                                                                      "Dag van Europa"]
    assert band.get_title(loc="left") == "Activiteiten per maand"
    legend = [t.get_text() for t in figure.legends[0].get_texts()]
    assert legend[:2] == ["Binnen eigen school", "Tussen de projectpartners"]
    assert "Vandaag" in legend
    assert by_gid(figure, "today")


def test_timeline_shows_the_events_the_catalog_gives_for_its_months(catalog, tmp_path):
    """Which events a period holds is the catalog's rule (``Catalog.events_between``): the
    chart and its words show exactly those of the months shown, from the real catalog."""
    figure = charts.timeline_chart(PLAN, catalog, "2025-09-01", "2026-08-31", TODAY, "en")
    expected = catalog.events_between(date(2025, 9, 1), date(2026, 8, 31))
    assert expected
    drawn = [patch.get_gid() for patch in gid_starting(figure, "event:")]
    assert sorted(drawn) == sorted(f"event:{o.event.id}" for o in expected)
    words = charts.timeline_description(PLAN, catalog, "2025-09-01", "2026-08-31", TODAY, "en")
    assert all(o.event.label("en") in words for o in expected)


def test_timeline_span_is_the_months_shown_and_the_catalogs_events_for_them():
    per_month = an.activities_per_month(PLAN, "2025-09-01", "2026-08-31")
    low, high, events = timeline_span(per_month, small_catalog())
    assert (low, high) == (date(2025, 9, 1), date(2026, 8, 31))
    assert events == small_catalog().events_between(low, high)
    assert [(o.event.id, o.start) for o in events] == [("erasmusdays", date(2025, 10, 13)),
                                                       ("dag_van_europa", date(2026, 5, 9))]
    assert timeline_span(per_month, None) == (low, high, [])


def test_a_chart_and_its_words_name_contexts_and_channels_alike():
    assert context_label("tussen_partners", "en") == "Between the project partners"
    assert context_label("elders", "nl") == "elders"
    catalog = small_catalog()
    assert channel_label("schoolwebsite", catalog, "nl") == "Schoolwebsite"
    assert channel_label("eigen kanaal", catalog, "nl") == "eigen kanaal"
    assert channel_label("schoolwebsite", None, "nl") == "schoolwebsite"
    assert channel_label(an.NO_CHANNEL, catalog, "nl") == "(geen kanaal)"
    figure = charts.cost_by_channel_chart(PLAN, catalog, "nl")
    shown = [label.get_text() for label in figure.axes[0].get_yticklabels()]
    words = charts.cost_by_channel_description(PLAN, catalog, "nl")
    assert all(label in words for label in shown)


def test_timeline_tells_the_contexts_apart_by_pattern_not_by_colour_alone(tmp_path):
    figure = charts.timeline_chart(PLAN, small_catalog(), "2025-09-01", "2026-08-31", TODAY, "nl")
    school = by_gid(figure, "context:binnen_school")
    partners = by_gid(figure, "context:tussen_partners")
    assert {patch.get_hatch() for patch in partners} == {"///"}
    assert {patch.get_hatch() or "" for patch in school} == {""}
    legend = figure.legends[0].get_patches()
    assert [patch.get_hatch() or "" for patch in legend[:2]] == ["", "///"]


def test_timeline_marks_events_whose_day_is_unknown_as_a_hatched_month(tmp_path):
    figure = charts.timeline_chart(PLAN, small_catalog(), "2025-09-01", "2026-12-31", TODAY, "en")
    render(figure, tmp_path, "timeline_en")
    erasmusdays = gid_starting(figure, "event:erasmusdays")
    assert len(erasmusdays) == 2
    assert [bool(patch.get_hatch()) for patch in erasmusdays] == [False, True]
    assert figure.axes[0].get_title(loc="left") == "Activities per month"


def test_timeline_without_catalog_or_activities(tmp_path):
    figure = charts.timeline_chart(PLAN, None, None, None, TODAY, "nl")
    render(figure, tmp_path, "timeline_plain")
    assert len(figure.axes) == 1
    assert len(by_gid(figure, "context:binnen_school")) == 8  # Oct 2025 – May 2026
    empty = charts.timeline_chart(activities(), small_catalog(), lang="nl")
    render(empty, tmp_path, "timeline_empty")
    (note,) = by_gid(empty, "no_data")
    assert note.get_text() == "Nog geen activiteiten gepland"


def test_cost_by_channel_has_one_bar_per_channel_with_split_prices(tmp_path):
    figure = charts.cost_by_channel_chart(PLAN, small_catalog(), "nl")
    render(figure, tmp_path, "cost_channel")
    bars = gid_starting(figure, "cost:")
    widths = {bar.get_gid(): bar.get_width() for bar in bars}
    assert widths == {"cost:schoolwebsite": 200, "cost:instagram": 150, "cost:posters": 100,
                      "cost:": 25}
    labels = [label.get_text() for label in figure.axes[0].get_yticklabels()]
    assert labels == ["Schoolwebsite", "Instagram", "Posters", "(geen kanaal)"]
    assert "€ 200" in [text.strip() for text in texts(figure)]
    xlabel = figure.axes[0].get_xlabel()
    assert "Totaal: € 475" in xlabel and "gelijk verdeeld" in xlabel
    assert figure.axes[0].get_title(loc="left") == "Kosten per kanaal"


def test_cost_by_channel_without_costs(tmp_path):
    figure = charts.cost_by_channel_chart(activities(), None, "en")
    render(figure, tmp_path, "cost_none")
    assert by_gid(figure, "no_data")[0].get_text() == "No activities with costs yet"


def test_cost_by_context_has_two_bars(tmp_path):
    figure = charts.cost_by_context_chart(PLAN, "en")
    render(figure, tmp_path, "cost_context")
    widths = {bar.get_gid(): bar.get_width() for bar in gid_starting(figure, "cost:")}
    assert widths == {"cost:binnen_school": 325, "cost:tussen_partners": 150}
    labels = [label.get_text() for label in figure.axes[0].get_yticklabels()]
    assert labels == ["Within our own school", "Between the project partners"]
    assert figure.axes[0].get_xlabel() == "Total: €475"


@pytest.mark.parametrize("lang, word", [("nl", "leeg"), ("en", "empty")])
def test_coverage_heatmap_makes_empty_cells_stand_out(tmp_path, lang, word):
    figure = charts.coverage_chart(PLAN, None, small_catalog(), lang)
    render(figure, tmp_path, f"coverage_{lang}")
    coverage = an.coverage_counts(PLAN, None, small_catalog())
    expected_empty = an.empty_cells(coverage)
    assert len(expected_empty) == 3  # intern meso/macro, extern meso
    hatched = gid_starting(figure, "empty:")
    assert sorted(p.get_gid() for p in hatched) == sorted(
        f"empty:{scope}:{tier}" for scope, tier in expected_empty)
    assert all(patch.get_hatch() for patch in hatched)
    assert texts(figure).count(word) == 3
    (intern_micro,) = by_gid(figure, "cell:intern:micro")
    assert intern_micro.get_text() == "1"
    (extern_macro,) = by_gid(figure, "cell:extern:macro")
    assert extern_macro.get_text() == "2"
    assert an.describe_empty_cells(coverage, lang) in figure.get_supxlabel().replace("\n", " ")


def test_coverage_heatmap_with_no_activities_is_all_empty(tmp_path):
    figure = charts.coverage_chart(activities(), None, small_catalog(), "nl")
    render(figure, tmp_path, "coverage_empty")
    assert len(gid_starting(figure, "empty:")) == 6


def test_charts_do_not_touch_pyplot_state():
    import sys

    assert "matplotlib.pyplot" not in sys.modules or not sys.modules[
        "matplotlib.pyplot"].get_fignums()


def test_demo_plan_charts_render(demo_store, catalog, tmp_path):
    """The demo plan end to end: every chart of the progress review and the overview."""
    plan_id = current_plan_id(demo_store)
    tables = demo_store.plan_tables(plan_id)
    plan = demo_store.plan(plan_id)
    for _, row in tables["indicators"].iterrows():
        figure = charts.indicator_chart(row, tables["measurements"], plan.start)
        render(figure, tmp_path, f"demo_{row['id']}")
        panel = charts.indicator_panel(row, tables["measurements"], plan.start)
        render(panel, tmp_path, f"demo_panel_{row['id']}")
    for figure in (
        charts.timeline_chart(tables["activities"], catalog, plan.start, plan.end),
        charts.cost_by_channel_chart(tables["activities"], catalog),
        charts.cost_by_context_chart(tables["activities"]),
        charts.coverage_chart(tables["activities"], tables["target_groups"], catalog),
    ):
        render(figure, tmp_path, "demo_overview")
    statuses = an.progress_table(tables["indicators"], tables["measurements"], plan.start)
    assert set(statuses["status"]) <= set(an.STATUSES)
