"""Writing a parsed file into a plan of a store, and the frames a store would give after it
(without a store: the facilitator's overview of many team files)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from ..catalog import Catalog
from ..i18n import t
from ..model import FIELDS, Indicator, Plan, validate
from ..session import chosen_plan
from ..store import Store, frames
from .parsing import parse_plan
from .rows import ParsedPlan, _key


@dataclass(frozen=True)
class ImportResult:
    """What :func:`write_plan` added, with a summary in either language."""

    plan_id: int
    plan_name: str
    source: str
    activity_ids: list[int]
    created_plan: bool
    new_indicators: list[str]
    draft_indicators: list[str]
    measurement_ids: list[int]
    ignored_columns: list[str]

    def summary(self, lang: str | None = None) -> str:
        lines = []
        if self.created_plan:
            lines.append(t("import.summary_new_plan", lang, plan=self.plan_name))
        lines.append(t("import.summary", lang, activities=len(self.activity_ids),
                       plan=self.plan_name, source=self.source))
        if self.new_indicators:
            lines.append(t("import.summary_indicators", lang,
                           names=", ".join(self.new_indicators)))
        if self.draft_indicators:
            lines.append(t("import.summary_drafts", lang, names=", ".join(self.draft_indicators)))
        if self.measurement_ids:
            lines.append(t("import.summary_measurements", lang, count=len(self.measurement_ids)))
        if self.ignored_columns:
            lines.append(t("import.summary_ignored", lang,
                           columns=", ".join(self.ignored_columns)))
        return "\n".join(lines)


def new_plan(name: str, details: Mapping[str, Any] | None = None) -> Plan:
    """The plan record an import creates: ``name`` with the file's project, organisation
    and period, size and what happens after the project; :class:`InvalidRecord` when they do
    not validate (:func:`parse_plan` has refused such a Plan sheet already)."""
    details = {k: v for k, v in (details or {}).items() if k in FIELDS["Plan"] and k != "name"}
    return validate(Plan, {**details, "name": name})


def write_plan(
    store: Store,
    parsed: ParsedPlan,
    *,
    plan_name: str | None = None,
    plan_details: dict[str, Any] | None = None,
    lang: str | None = None,
) -> ImportResult:
    """Add a parsed file to the plan named ``plan_name`` (created if new) or the current plan.

    ``plan_details`` (project, organisation, start, end) fill a plan that is created here.
    Indicators are linked by name; unknown names become new indicators of the plan.
    """
    plan_id, name = chosen_plan(store, plan_name)
    plan = new_plan(name, plan_details) if plan_id is None else None  # before any write
    with store.transaction():
        created_plan = False
        if plan is not None:  # one atomic get-or-create: importers at once share the plan
            plan_id, created_plan = store.ensure_plan(plan)
        if name is None:
            name = store.plan_fields(plan_id)["name"]
        frame = store.indicators(plan_id)
        existing = {_key(n): int(i) for n, i in zip(frame["name"], frame["id"], strict=True)}
        new_names, draft_names = [], []
        for indicator in [*parsed.indicators, *parsed.drafts]:
            if _key(indicator.name) in existing:
                continue
            existing[_key(indicator.name)] = store.add_indicator(plan_id, indicator)
            new_names.append(indicator.name)
            if indicator in parsed.drafts:
                draft_names.append(indicator.name)
        activities = [
            p.activity.model_copy(
                update={"indicator_id": existing[_key(p.indicator)] if p.indicator else None}
            )
            for p in parsed.activities
        ]
        activity_ids = store.add_activities(plan_id, activities)
        measurement_ids = [
            store.add_measurement(plan_id, m.measurement.model_copy(
                update={"indicator_id": existing[_key(m.indicator)]}
            ))
            for m in parsed.measurements
        ]
    return ImportResult(
        plan_id=plan_id,
        plan_name=name,
        source=parsed.source,
        activity_ids=activity_ids,
        created_plan=created_plan,
        new_indicators=new_names,
        draft_indicators=draft_names,
        measurement_ids=measurement_ids,
        ignored_columns=parsed.ignored_columns,
    )


def import_plan(
    store: Store,
    source: Path | str | bytes,
    *,
    filename: str | None = None,
    plan_name: str | None = None,
    catalog: Catalog | None = None,
    lang: str | None = None,
) -> ImportResult:
    """Parse ``source`` and add it to a plan; :class:`ImportRefused` leaves the store as it was."""
    parsed = parse_plan(source, filename=filename, catalog=catalog, lang=lang)
    return write_plan(store, parsed, plan_name=plan_name, plan_details=parsed.plan, lang=lang)


# ----- frames without a store ---------------------------------------------------------

TABLE_IDS = ("indicators", "activities", "measurements")


def plan_tables(
    parsed: ParsedPlan,
    *,
    plan_id: int = 1,
    first_ids: Mapping[str, int] | None = None,
) -> dict[str, pd.DataFrame]:
    """The frames :meth:`Store.plan_tables` gives after :func:`write_plan` has put ``parsed``
    into a new, empty plan ``plan_id`` of a store, built from the records directly through
    the store's own frame shapes (:func:`workbook.store.frames.shape`).

    ``first_ids`` gives, per table of :data:`TABLE_IDS`, the id its first row gets (1 when
    not given), as a store that already holds other plans would number them.
    """
    first = dict.fromkeys(TABLE_IDS, 1) | dict(first_ids or {})
    ids: dict[str, int] = {}
    indicators: list[Indicator] = []
    for indicator in [*parsed.indicators, *parsed.drafts]:
        if _key(indicator.name) not in ids:
            ids[_key(indicator.name)] = first["indicators"] + len(indicators)
            indicators.append(indicator)
    activities = sorted(enumerate(parsed.activities), key=lambda item: item[1].activity.when)
    measurements = sorted(enumerate(parsed.measurements),
                          key=lambda item: item[1].measurement.date)
    rows = {
        "indicators": [(ids[_key(i.name)], plan_id, *_fields(i, "Indicator")) for i in indicators],
        "activities": [
            (first["activities"] + n, plan_id,
             *_fields(p.activity, "Activity",
                      indicator_id=ids[_key(p.indicator)] if p.indicator else None), 1, None)
            for n, p in activities
        ],
        "measurements": [
            (first["measurements"] + n, plan_id,
             *_fields(m.measurement, "Measurement", indicator_id=ids[_key(m.indicator)]))
            for n, m in measurements
        ],
    }
    return {name: frames.shape(name, rows[name]) if rows.get(name) else frames.empty(name)
            for name in frames.PLAN_TABLES}


def _fields(record: Any, name: str, **replaced: Any) -> list[Any]:
    """A record's values in the order of :data:`workbook.model.FIELDS`."""
    return [replaced[key] if key in replaced else getattr(record, key) for key in FIELDS[name]]
