"""The analysis layer on small hand-made frames whose answers are worked out by hand."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

import pandas as pd
import pytest

from workbook import analysis as an


def indicator(target: float = 200, deadline: str = "2026-06-30", kind: str = "cumulatief",
              name: str = "Deelnemers infosessies", unit: str = "deelnemers",
              indicator_id: int = 1, **extra) -> pd.Series:
    return pd.Series({"id": indicator_id, "plan_id": 1, "name": name, "unit": unit,
                      "target": float(target), "deadline": pd.Timestamp(deadline), "kind": kind,
                      "goal_id": pd.NA, **extra})


def measurements(*rows: tuple) -> pd.DataFrame:
    """Rows as (date, value) for indicator 1, or (indicator_id, date, value)."""
    records = []
    for number, row in enumerate(rows, start=1):
        indicator_id, day, value = row if len(row) == 3 else (1, *row)
        records.append({"id": number, "plan_id": 1, "indicator_id": indicator_id,
                        "date": pd.Timestamp(day), "value": float(value), "note": ""})
    return pd.DataFrame(records, columns=["id", "plan_id", "indicator_id", "date", "value",
                                          "note"])


NONE = measurements()


def activity(context="binnen_school", groups=("ouders",), channels=(), price=0.0,
             when="2026-01-15", status="gepland", deleted=False) -> dict:
    return {"context": context, "what": "x", "target_groups": tuple(groups),
            "methods": (), "channels": tuple(channels), "when": pd.Timestamp(when),
            "price": float(price), "status": status, "deleted": deleted}


def activities(*rows: dict) -> pd.DataFrame:
    columns = ["context", "what", "target_groups", "methods", "channels", "when", "price",
               "status", "deleted"]
    return pd.DataFrame(list(rows), columns=columns)


# ----- formatting ------------------------------------------------------------------------


def test_format_date_in_dutch_and_english_without_locale():
    assert an.format_date(date(2026, 6, 30), "nl") == "30 juni 2026"
    assert an.format_date(date(2026, 6, 30), "en") == "30 June 2026"
    assert an.format_date(pd.Timestamp("2026-03-05"), "nl") == "5 maart 2026"
    assert an.format_date("2026-10-01", "en") == "1 October 2026"
    assert an.format_date(None) == ""
    assert an.format_date(pd.NaT) == ""
    dutch = [an.format_date(date(2026, month, 1), "nl").split()[1] for month in range(1, 13)]
    assert dutch == list(an.MONTHS["nl"])
    assert an.format_month(date(2026, 3, 15), "nl") == "mrt 2026"
    assert an.format_month(date(2026, 3, 15), "en") == "Mar 2026"


def test_numbers_percentages_and_money_follow_the_language():
    assert an.format_number(1250, "nl") == "1.250"
    assert an.format_number(1250, "en") == "1,250"
    assert an.format_number(12.5, "nl") == "12,5"
    assert an.format_number(12.5, "en") == "12.5"
    assert an.format_percent(0.605, "nl") == "61 %"  # half up, not to the even 60
    assert an.format_percent(0.7, "en") == "70%"
    assert an.format_money(2500, "nl") == "€ 2.500"
    assert an.format_money(816.5, "en") == "€816.50"


def test_dutch_is_the_default_language():
    assert an.format_date(date(2026, 5, 9)) == "9 mei 2026"


# ----- progress and pace -----------------------------------------------------------------


def test_cumulative_measurements_add_up_also_on_the_same_day():
    series = an.progress_series(
        measurements(("2025-10-14", 52), ("2025-12-18", 28), ("2025-12-18", 2),
                     ("2026-02-10", 41)), "cumulatief")
    assert list(series) == [52, 82, 123]
    assert list(series.index.date) == [date(2025, 10, 14), date(2025, 12, 18), date(2026, 2, 10)]


def test_readings_keep_the_latest_value_even_when_it_drops():
    frame = measurements(("2025-09-15", 85), ("2025-10-20", 240), ("2025-10-20", 230),
                         ("2025-12-15", 200))
    series = an.progress_series(frame, "stand")
    assert list(series) == [85, 230, 200]


def test_measurements_are_ordered_by_date_whatever_the_input_order():
    frame = measurements(("2026-02-01", 5), ("2026-01-01", 3))
    assert list(an.progress_series(frame, "stand")) == [3, 5]
    assert list(an.progress_series(frame, "cumulatief")) == [3, 8]


def test_value_on_a_day_counts_that_day_and_nothing_later():
    series = an.progress_series(measurements(("2026-01-10", 4), ("2026-02-10", 6)), "cumulatief")
    assert an.value_on(series, date(2026, 1, 9)) is None
    assert an.value_on(series, date(2026, 1, 10)) == 4
    assert an.value_on(series, "2026-02-09") == 4
    assert an.value_on(series, pd.Timestamp("2026-03-01")) == 10


def test_empty_series_has_no_value():
    series = an.progress_series(NONE, "cumulatief")
    assert series.empty
    assert an.value_on(series, date(2026, 1, 1)) is None


def test_pace_is_a_straight_line_from_zero_at_start_to_target_at_deadline():
    start, deadline = date(2026, 1, 1), date(2026, 1, 11)
    assert an.expected_on(200, start, deadline, date(2026, 1, 6)) == 100
    assert an.expected_on(200, start, deadline, date(2026, 1, 2)) == 20
    assert an.expected_on(200, start, deadline, date(2025, 12, 1)) == 0
    assert an.expected_on(200, start, deadline, date(2026, 1, 11)) == 200
    assert an.expected_on(200, start, deadline, date(2026, 5, 1)) == 200
    assert an.expected_on(200, None, deadline, date(2026, 1, 6)) is None


def test_pace_starts_at_plan_start_else_first_measurement_else_creation():
    frame = measurements(("2026-02-01", 1), ("2026-01-20", 1))
    assert an.pace_start("2025-09-01", frame) == date(2025, 9, 1)
    assert an.pace_start(None, frame) == date(2026, 1, 20)
    assert an.pace_start(pd.NaT, NONE, pd.Timestamp("2025-11-03 10:00")) == date(2025, 11, 3)
    assert an.pace_start(None, NONE) is None


# ----- status ----------------------------------------------------------------------------

START = "2026-01-01"


def progress(frame, today="2026-03-15", plan_start=START, **kwargs) -> an.Progress:
    return an.indicator_progress(indicator(**kwargs), frame, plan_start, today)


def test_behaald_when_the_value_reaches_the_target():
    result = progress(measurements(("2026-02-01", 150), ("2026-03-01", 50)))
    assert result.status == an.BEHAALD
    assert result.value == 200
    assert result.reached_on == date(2026, 3, 1)
    assert not result.late
    assert an.status_sentence(result, "nl") == (
        "Deelnemers infosessies: 200 van 200 deelnemers (100 %), behaald op 1 maart 2026 "
        "— doel tegen 30 juni 2026.")


def test_op_schema_when_at_or_above_the_pace_today():
    # 1 Jan → 30 Jun is 180 days; on 15 Mar (73 days) the pace asks 200 × 73 / 180 ≈ 81.
    result = progress(measurements(("2026-02-10", 140)))
    assert result.expected == pytest.approx(200 * 73 / 180)
    assert result.status == an.OP_SCHEMA
    assert an.status_sentence(result, "nl") == (
        "Deelnemers infosessies: 140 van 200 deelnemers (70 %), op schema — doel tegen "
        "30 juni 2026.")
    assert an.status_sentence(result, "en") == (
        "Deelnemers infosessies: 140 of 200 deelnemers (70%), on track — target by "
        "30 June 2026.")


def test_achter_when_below_the_pace_today():
    result = progress(measurements(("2026-02-10", 80)))
    assert result.status == an.ACHTER
    sentence = an.status_sentence(result, "nl")
    assert "achter op schema" in sentence
    assert "volgens het tempo nu 81" in sentence
    assert "80 van 200 deelnemers (40 %)" in sentence


def test_exactly_on_the_pace_counts_as_on_track():
    frame = measurements(("2026-01-05", 100))
    result = an.indicator_progress(indicator(deadline="2026-01-11"), frame, "2026-01-01",
                                   "2026-01-06")
    assert result.expected == 100
    assert result.status == an.OP_SCHEMA
    below = an.indicator_progress(indicator(deadline="2026-01-11"),
                                  measurements(("2026-01-05", 99)), "2026-01-01", "2026-01-06")
    assert below.status == an.ACHTER


def test_niet_gemeten_without_measurements_before_the_deadline():
    result = progress(NONE)
    assert result.status == an.NIET_GEMETEN
    assert result.value is None and result.share is None
    assert an.status_sentence(result, "nl") == (
        "Deelnemers infosessies: nog niet gemeten — doel 200 deelnemers tegen 30 juni 2026.")
    assert "not measured yet" in an.status_sentence(result, "en")


def test_verstreken_when_the_deadline_passed_without_reaching_the_target():
    result = progress(measurements(("2026-02-10", 120)), today="2026-07-01")
    assert result.status == an.VERSTREKEN
    assert an.status_sentence(result, "nl") == (
        "Deelnemers infosessies: 120 van 200 deelnemers (60 %), termijn verstreken op "
        "30 juni 2026.")


def test_the_deadline_day_itself_is_still_in_time():
    result = progress(measurements(("2026-02-10", 190)), today="2026-06-30")
    assert result.status == an.ACHTER


def test_never_measured_and_deadline_passed_is_verstreken():
    result = progress(NONE, today="2026-09-01")
    assert result.status == an.VERSTREKEN
    assert an.status_sentence(result, "nl").startswith("Deelnemers infosessies: nooit gemeten")
    assert "never measured" in an.status_sentence(result, "en")


def test_reached_after_the_deadline_is_behaald_but_late():
    frame = measurements(("2026-05-01", 150), ("2026-08-15", 60))
    result = progress(frame, today="2026-09-01")
    assert result.status == an.BEHAALD
    assert result.late
    assert result.reached_on == date(2026, 8, 15)
    sentence = an.status_sentence(result, "nl")
    assert "behaald op 15 augustus 2026, na de termijn van 30 juni 2026" in sentence


def test_measurements_after_the_deadline_still_count_for_the_value():
    frame = measurements(("2026-05-01", 100), ("2026-08-15", 40))
    result = progress(frame, today="2026-09-01")
    assert result.status == an.VERSTREKEN
    assert result.value == 140
    assert result.last_measured == date(2026, 8, 15)


def test_measurements_dated_after_today_are_ignored():
    frame = measurements(("2026-02-01", 90), ("2026-04-01", 500))
    result = progress(frame)
    assert result.value == 90
    assert result.measured_count == 1
    assert result.status == an.OP_SCHEMA


def test_a_single_measurement_without_plan_start_starts_the_pace_there():
    result = progress(measurements(("2026-03-01", 5)), plan_start=None)
    assert result.start == date(2026, 3, 1)
    assert result.expected == pytest.approx(200 * 14 / 121)
    assert result.status == an.ACHTER
    on_day = an.indicator_progress(indicator(), measurements(("2026-03-15", 5)), None,
                                   "2026-03-15")
    assert on_day.expected == 0 and on_day.status == an.OP_SCHEMA


def test_readings_judge_the_latest_reading_not_the_sum():
    frame = measurements(("2026-01-15", 300), ("2026-03-01", 350))
    result = progress(frame, kind="stand", target=400, deadline="2026-08-31")
    assert result.value == 350
    assert result.status == an.OP_SCHEMA
    cumulative = progress(frame, kind="cumulatief", target=400, deadline="2026-08-31")
    assert cumulative.value == 650 and cumulative.status == an.BEHAALD


def test_target_zero_is_reached_from_the_first_measurement_and_has_no_percentage():
    unmeasured = progress(NONE, target=0)
    assert unmeasured.status == an.NIET_GEMETEN
    result = progress(measurements(("2026-02-01", 0)), target=0, unit="klachten")
    assert result.status == an.BEHAALD
    assert result.share is None
    sentence = an.status_sentence(result, "nl")
    assert sentence.startswith("Deelnemers infosessies: 0 van 0 klachten, behaald op")
    assert "%" not in sentence


def test_a_deadline_before_the_start_gives_the_target_as_pace():
    result = progress(measurements(("2026-02-01", 10)), deadline="2025-12-01",
                      today="2026-03-15")
    assert result.expected == 200
    assert result.status == an.VERSTREKEN


def test_progress_table_has_one_row_per_indicator_in_order():
    indicators = pd.DataFrame([
        indicator(indicator_id=3, name="C"),
        indicator(indicator_id=1, name="A"),
        indicator(indicator_id=2, name="B", target=5),
    ])
    frame = measurements((1, "2026-02-01", 150), (2, "2026-02-01", 5), (1, "2026-03-01", 10))
    table = an.progress_table(indicators, frame, START, "2026-03-15", "en")
    assert list(table.index) == [3, 1, 2]
    assert list(table["status"]) == [an.NIET_GEMETEN, an.OP_SCHEMA, an.BEHAALD]
    assert list(table["status_label"]) == ["not measured yet", "on track", "reached"]
    assert table.loc[1, "value"] == 160
    assert table.loc[1, "share"] == pytest.approx(0.8)
    assert table.loc[2, "sentence"].startswith("B: 5 of 5 deelnemers (100%), reached on")


def test_progress_table_without_indicators_is_empty_with_columns():
    table = an.progress_table(pd.DataFrame(columns=["id", "name", "unit", "target", "deadline",
                                                     "kind"]), NONE, START, "2026-03-15")
    assert table.empty
    assert {"status", "sentence", "value"} <= set(table.columns)


def test_status_judges_against_workbook_today(monkeypatch):
    frame = measurements(("2026-02-10", 120))
    monkeypatch.setenv("WORKBOOK_TODAY", "2026-07-01")
    assert an.indicator_progress(indicator(), frame, START).status == an.VERSTREKEN
    monkeypatch.setenv("WORKBOOK_TODAY", "2026-02-11")
    assert an.indicator_progress(indicator(), frame, START).status == an.OP_SCHEMA


# ----- coverage --------------------------------------------------------------------------

CATALOG = SimpleNamespace(target_groups={
    "ouders": SimpleNamespace(scope="extern", level="micro"),
    "leerlingen": SimpleNamespace(scope="intern", level="micro"),
    "leerkrachten": SimpleNamespace(scope="intern", level="micro"),
    "scholengroep": SimpleNamespace(scope="intern", level="meso"),
    "epos": SimpleNamespace(scope="extern", level="macro"),
})
OWN_GROUPS = pd.DataFrame([
    {"group": "ouders", "scope": "extern", "level": "micro", "methods": (), "channels": ()},
    {"group": "Oud-leerlingen", "scope": "extern", "level": "meso", "methods": (),
     "channels": ()},
])


def test_coverage_counts_each_activity_once_per_cell():
    frame = activities(
        activity(groups=("ouders", "leerlingen")),
        activity(groups=("leerlingen", "leerkrachten")),  # both intern·micro: counts once
        activity(groups=("oud-leerlingen",)),  # own group, matched without case
        activity(groups=("epos",)),
        activity(groups=("scholengroep",), status="geannuleerd"),
        activity(groups=("scholengroep",), deleted=True),
        activity(groups=("Buren",)),  # no tags anywhere
    )
    coverage = an.coverage_counts(frame, OWN_GROUPS, CATALOG)
    assert list(coverage.index) == ["intern", "extern"]
    assert list(coverage.columns) == ["micro", "meso", "macro"]
    assert coverage.loc["intern", "micro"] == 2
    assert coverage.loc["extern", "micro"] == 1
    assert coverage.loc["extern", "meso"] == 1
    assert coverage.loc["extern", "macro"] == 1
    assert coverage.loc["intern", "meso"] == 0
    assert an.empty_cells(coverage) == [("intern", "meso"), ("intern", "macro")]
    assert an.untagged_groups(frame, OWN_GROUPS, CATALOG) == ["Buren"]


def test_empty_cells_are_named_in_a_sentence():
    coverage = an.coverage_counts(activities(activity(groups=("ouders",))), None, CATALOG)
    assert an.describe_empty_cells(coverage, "nl") == (
        "Geen activiteiten voor: intern · micro, intern · meso, intern · macro, "
        "extern · meso, extern · macro.")
    assert an.describe_empty_cells(coverage, "en").startswith(
        "No activities for: internal · micro, internal · meso")


def test_full_coverage_says_so():
    full = pd.DataFrame(1, index=list(an.SCOPES), columns=list(an.TIERS))
    assert an.empty_cells(full) == []
    assert "minstens één" in an.describe_empty_cells(full, "nl")


def test_plan_tags_take_precedence_over_the_catalog():
    groups = pd.DataFrame([{"group": "ouders", "scope": "intern", "level": "macro",
                            "methods": (), "channels": ()}])
    coverage = an.coverage_counts(activities(activity(groups=("ouders",))), groups, CATALOG)
    assert coverage.loc["intern", "macro"] == 1
    assert coverage.to_numpy().sum() == 1


def test_coverage_of_no_activities_is_all_empty():
    coverage = an.coverage_counts(activities(), OWN_GROUPS, CATALOG)
    assert coverage.to_numpy().sum() == 0
    assert len(an.empty_cells(coverage)) == 6


# ----- costs and months ------------------------------------------------------------------


def cost_frame() -> pd.DataFrame:
    return activities(
        activity(channels=("instagram", "posters", "schoolwebsite"), price=300),
        activity(context="tussen_partners", channels=("instagram",), price=100),
        activity(channels=(), price=50),
        activity(channels=("posters",), price=1000, status="geannuleerd"),
        activity(channels=("posters",), price=700, deleted=True),
        activity(channels=("klascement",), price=0),
    )


def test_cost_per_channel_splits_the_price_equally_over_the_channels():
    costs = an.costs_by_channel(cost_frame())
    assert costs.to_dict() == {"instagram": 200.0, "posters": 100.0, "schoolwebsite": 100.0,
                               an.NO_CHANNEL: 50.0, "klascement": 0.0}
    assert list(costs.index[:1]) == ["instagram"]
    assert costs.sum() == 300 + 100 + 50


def test_cost_per_context_lists_both_contexts():
    costs = an.costs_by_context(cost_frame())
    assert costs.to_dict() == {"binnen_school": 350.0, "tussen_partners": 100.0}
    only_school = an.costs_by_context(activities(activity(price=20)))
    assert only_school.to_dict() == {"binnen_school": 20.0, "tussen_partners": 0.0}
    assert an.costs_by_context(activities()).sum() == 0
    assert an.costs_by_channel(activities()).empty


def test_activities_per_month_includes_empty_months_and_both_contexts():
    frame = activities(
        activity(when="2025-10-14"), activity(when="2025-10-30"),
        activity(context="tussen_partners", when="2025-10-02"),
        activity(when="2026-01-05"), activity(when="2025-11-11", status="geannuleerd"),
    )
    months = an.activities_per_month(frame)
    assert [m.strftime("%Y-%m") for m in months.index] == ["2025-10", "2025-11", "2025-12",
                                                            "2026-01"]
    assert list(months.columns) == ["binnen_school", "tussen_partners"]
    assert months["binnen_school"].tolist() == [2, 0, 0, 1]
    assert months["tussen_partners"].tolist() == [1, 0, 0, 0]


def test_activities_per_month_stretches_to_the_plan_period():
    months = an.activities_per_month(activities(activity(when="2026-01-05")),
                                     "2025-09-01", "2026-08-31")
    assert len(months) == 12
    assert months.to_numpy().sum() == 1
    assert an.activities_per_month(activities()).empty
