"""Rules defined once: which activities count, a group's tags, what counts as measured and
how labels are joined — the progress views, the charts and the facilitator's overview
use the same definition, so they cannot drift apart again."""

from __future__ import annotations

from datetime import date

import pandas as pd

from workbook import analysis, facilitator
from workbook.forms import values as form_values
from workbook.model import Plan
from workbook.session import current_plan_id
from workbook.store import frames
from workbook.tables import join_labels


def _team(tables: dict[str, pd.DataFrame]) -> facilitator.TeamPlan:
    full = {name: frames.empty(name) for name in frames.PLAN_TABLES} | tables
    return facilitator.TeamPlan("Team", "test", Plan(name="Team"), full)


def test_the_overview_and_the_analysis_count_the_same_activities(demo_store):
    tables = demo_store.plan_tables(current_plan_id(demo_store))
    activities = tables["activities"].copy()
    activities.loc[0, "status"] = "geannuleerd"
    activities.loc[1, "deleted"] = True
    team = _team({"activities": activities})
    counted = analysis.live_activities(activities)
    assert len(counted) == len(activities) - 2
    pd.testing.assert_frame_equal(team.live_activities(), counted)


def test_a_groups_stored_tags_come_before_the_catalogs_everywhere(demo_store, catalog):
    """The plan's own choice of a group keeps the tags it was stored with (here: parents as
    intern·meso, where the catalog says extern·micro), in the charts and the overview."""
    activities = frames.shape("activities", [
        (1, 1, "binnen_school", "Infoavond", ("ouders",), (), (), date(2026, 4, 1), None, None,
         0.0, "", "gepland", "", "geen", False, "tijdens", 1, None)])
    groups = frames.shape("target_groups", [("Ouders", "intern", "meso", "[]", "[]")])
    tags = analysis.group_tags(groups, catalog)
    assert analysis.tag_of(tags, "ouders") == ("intern", "meso")
    assert analysis.tag_of(analysis.group_tags(None, catalog), "ouders") == ("extern", "micro")
    coverage = analysis.coverage_counts(activities, groups, catalog)
    assert coverage.loc["intern", "meso"] == 1 and coverage.to_numpy().sum() == 1
    overview = facilitator.totals_per_level(
        [_team({"activities": activities, "target_groups": groups})], catalog, "nl")
    counted = overview["Team"]
    assert counted.sum() == 1
    assert counted.idxmax() == analysis.cell_label("intern", "meso", "nl")


def test_measured_is_one_value_in_the_progress_view_and_the_overview(demo_store):
    tables = demo_store.plan_tables(current_plan_id(demo_store))
    today = date(2026, 3, 15)
    team = _team({"indicators": tables["indicators"], "measurements": tables["measurements"]})
    overview = facilitator.all_indicators([team], "nl")
    for (_, indicator), from_overview in zip(tables["indicators"].iterrows(),
                                             overview["Gemeten"], strict=True):
        own = analysis.measurements_of(tables["measurements"], int(indicator["id"]))
        progress, _ = analysis.indicator_state(indicator, tables["measurements"], today=today)
        value = analysis.measured_value(own, indicator["kind"], today)
        assert value == (None if pd.isna(from_overview) else float(from_overview))
        assert progress.value == value
        assert progress.measured_count == len(analysis.measured(own, today))
    assert overview["Gemeten"].notna().any()


def test_labels_are_joined_one_way(catalog):
    assert form_values.labels is join_labels
    assert join_labels(("ouders", "Eigen groep"), catalog, "nl") == "Ouders, Eigen groep"
