"""Which plan a participant works in, and what a form works on: decided here, once.

The store keeps plans; it does not know who is asking. A session is the store, the plan
this participant works in and the catalog. The plan is, in this order: the one named by
``?plan=`` in the app view or ``WORKBOOK_PLAN`` (a new name makes a new plan); the plan
chosen in the welcome notebook; the store's first plan; else a new default plan.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

import pandas as pd

from . import config, i18n, model
from .catalog import Catalog, load_catalog
from .i18n import t
from .store import Store, open_store

if TYPE_CHECKING:
    from .model import Record

R = TypeVar("R", bound="Record")


def workbook_store() -> Store:
    """The workbook's store; its saved language setting becomes the active language."""
    opened = open_store()
    i18n.set_saved_language(opened.setting("lang"))
    return opened


def chosen_plan(store: Store, name: str | None = None) -> tuple[int | None, str | None]:
    """The plan a participant works in, without creating it: its id (None when it does not
    exist yet) and the name it is asked for by (None when chosen by id).

    ``name`` asks for a plan by name (an import into a named plan); otherwise the rule of
    this module's notes applies.
    """
    name = name or config.requested_plan()
    if name:
        return store.plan_id(name), name
    ids = store.plan_ids()
    chosen = store.setting("current_plan")
    if chosen is not None and int(chosen) in ids:
        return int(chosen), None
    if ids:
        return ids[0], None
    return None, t("store.default_plan_name")


def current_plan_id(store: Store) -> int:
    """The plan this participant works in, created on first use when there is none (one
    atomic get-or-create: processes starting at once share the one plan)."""
    plan_id, name = chosen_plan(store)
    if plan_id is not None:
        return plan_id
    return store.ensure_plan(model.Plan(name=name))[0]


@dataclass
class Session:
    """What a form works on: the store, the participant's plan and the catalog."""

    store: Store
    plan_id: int
    catalog: Catalog

    @classmethod
    def open(cls, store: Store | None = None, plan_id: int | None = None) -> Session:
        """The workbook's store (its saved language applies) and the current plan."""
        store = store or workbook_store()
        return cls(store, plan_id or current_plan_id(store), load_catalog())

    def validate(self, record: type[R], data: Mapping[str, Any]) -> R:
        """The one validation path, with this plan's catalog and ids as context."""
        return model.validate(record, data, catalog=self.catalog, **self.store.ids(self.plan_id))

    def tables(self) -> dict[str, pd.DataFrame]:
        return self.store.plan_tables(self.plan_id)
