"""The demo plan: a believable KA2 school project that loads through the normal validation."""

from __future__ import annotations

import pytest

from workbook.demo import DemoRefused, load_demo, read_demo
from workbook.session import current_plan_id
from workbook.store import Store


def test_the_demo_plan_covers_both_contexts_all_levels_and_months_of_measurements(
    demo_store: Store, catalog
):
    plan_id = current_plan_id(demo_store)
    tables = demo_store.plan_tables(plan_id)
    activities = tables["activities"]
    assert 18 <= len(activities) <= 26
    assert set(activities["context"]) == {"binnen_school", "tussen_partners"}
    own = {row["group"]: row["level"] for row in tables["target_groups"].to_dict("records")}
    levels = {
        catalog.target_groups[g].level if g in catalog.target_groups else own[g]
        for groups in activities["target_groups"]
        for g in groups
    }
    assert levels == {"micro", "meso", "macro"}
    assert "eprp" in {c for channels in activities["channels"] for c in channels}
    assert len(tables["goals"]) >= 3 and len(tables["indicators"]) >= 5
    months = tables["measurements"]["date"].dt.to_period("M").nunique()
    assert months >= 4


def test_every_group_used_is_a_chosen_target_group(demo_store: Store):
    tables = demo_store.plan_tables(current_plan_id(demo_store))
    chosen = set(tables["target_groups"]["group"])
    used = {g for groups in tables["activities"]["target_groups"] for g in groups}
    assert used <= chosen


def test_the_demo_replaces_an_untouched_default_plan(store: Store):
    current_plan_id(store)
    plan_id = load_demo(store)
    assert store.plans()["name"].tolist() == [read_demo()["plan"]["name"]]
    assert current_plan_id(store) == plan_id


def test_the_demo_refuses_a_store_with_entries_unless_told_to_add_it_beside(demo_store: Store):
    before = len(demo_store.plans())
    with pytest.raises(DemoRefused, match="bevat al gegevens"):
        load_demo(demo_store)
    assert len(demo_store.plans()) == before
    plan_id = load_demo(demo_store, beside=True)
    assert demo_store.plan(plan_id).name.endswith("(2)")
    assert len(demo_store.plans()) == before + 1
