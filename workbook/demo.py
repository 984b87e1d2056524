"""Load the demo plan of ``data/voorbeeld/plan.yaml`` into a store, through the same validation
as every other entry point."""

from __future__ import annotations

from pathlib import Path

import yaml

from . import config
from .catalog import load_catalog
from .i18n import t
from .model import (
    Activity,
    AttentionCheck,
    Goal,
    Indicator,
    Measurement,
    Plan,
    Reflection,
    TargetGroupChoice,
    validate,
)
from .store import Store, StoreError


class DemoRefused(StoreError):
    """The store already holds entries and the caller did not ask to add the demo beside them."""


def read_demo(path: Path | None = None) -> dict:
    path = path or config.demo_dir() / "plan.yaml"
    with path.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def load_demo(store: Store, beside: bool = False, path: Path | None = None) -> int:
    """Load the demo plan and make it the current plan; return its plan id.

    Refuses (:class:`DemoRefused`) when the store already holds entries, unless ``beside``
    is true: then the demo becomes an extra plan (named with a number if the name is taken).
    """
    if not beside and not store.is_empty():
        raise DemoRefused(t("demo.store_not_empty", path=store.path or store.url))
    data = read_demo(path)
    catalog = load_catalog()
    plan_data = dict(data["plan"])
    base_name, counter = plan_data["name"], 2
    while store.plan_id(plan_data["name"]) is not None:
        plan_data["name"] = f"{base_name} ({counter})"
        counter += 1
    with store.transaction():
        plan_id = _write_demo(store, data, plan_data, catalog)
    store.choose_plan(plan_id)
    return plan_id


def _write_demo(store: Store, data: dict, plan_data: dict, catalog) -> int:
    empty_default = _empty_default_plan(store)
    plan_id = store.add_plan(validate(Plan, plan_data))
    if empty_default is not None:
        store.delete_empty_plan(empty_default)

    goals = {g["key"]: validate(Goal, _without(g, "key"), catalog=catalog) for g in data["goals"]}
    indicators = {
        i["key"]: validate(Indicator, _without(i, "key", "goal")) for i in data["indicators"]
    }
    choices = [validate(TargetGroupChoice, c, catalog=catalog) for c in data["target_groups"]]
    checks = [validate(AttentionCheck, c, catalog=catalog) for c in data.get("attention", [])]
    activities = [
        (a.get("indicator"), validate(Activity, _without(a, "indicator"), catalog=catalog))
        for a in data["activities"]
    ]
    measurements = [
        (m["indicator"], _without(m, "indicator")) for m in data.get("measurements", [])
    ]
    reflections = [validate(Reflection, r) for r in data.get("reflections", [])]

    goal_ids = {key: store.add_goal(plan_id, goal) for key, goal in goals.items()}
    indicator_ids = {
        key: store.add_indicator(
            plan_id, indicator.model_copy(update={"goal_id": goal_ids[data_goal]})
        )
        for (key, indicator), data_goal in zip(
            indicators.items(), (i["goal"] for i in data["indicators"]), strict=True
        )
    }
    for choice in choices:
        store.set_target_group(plan_id, choice)
    for check in checks:
        store.set_attention(plan_id, check)
    store.add_activities(
        plan_id,
        [
            activity.model_copy(update={"indicator_id": indicator_ids.get(key)})
            for key, activity in activities
        ],
    )
    for key, fields in measurements:
        measurement = validate(Measurement, {**fields, "indicator_id": indicator_ids[key]})
        store.add_measurement(plan_id, measurement)
    for reflection in reflections:
        store.set_reflection(plan_id, reflection)
    return plan_id


def _without(mapping: dict, *keys: str) -> dict:
    return {k: v for k, v in mapping.items() if k not in keys}


def _empty_default_plan(store: Store) -> int | None:
    """The untouched default plan of a fresh store, which the demo replaces."""
    plans = store.plans()
    if len(plans) == 1 and store.is_empty():
        return int(plans["id"].iloc[0])
    return None


def summary(store: Store, plan_id: int) -> str:
    tables = store.plan_tables(plan_id)
    return t(
        "demo.loaded",
        name=store.plan(plan_id).name,
        activities=len(tables["activities"]),
        indicators=len(tables["indicators"]),
        measurements=len(tables["measurements"]),
    )


def make_demo_folder(folder: Path) -> Path:
    """Create ``folder`` with a fresh store holding only the demo plan; return the store path.

    Used to give every notebook run (tests, regenerated outputs, a workshop rehearsal) the
    same starting point.
    """
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / config.STORE_FILENAME
    store = Store(f"sqlite:///{path}")
    try:
        load_demo(store)
    finally:
        store.close()
    return path
