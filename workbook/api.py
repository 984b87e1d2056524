"""The few calls a notebook needs: the store, the current plan and its planning table."""

from __future__ import annotations

import pandas as pd

from . import i18n, tables
from .catalog import Catalog, load_catalog
from .session import current_plan_id as _current_plan_id
from .session import workbook_store
from .store import Store


def store() -> Store:
    """The workbook's store; its saved language setting becomes the active language."""
    return workbook_store()


def catalog() -> Catalog:
    return load_catalog()


def current_plan_id() -> int:
    return _current_plan_id(store())


def planning_table(plan_id: int | None = None, lang: str | None = None) -> pd.DataFrame:
    """The current plan's planning table (DESIGN.md's columns, in order, in the chosen language)."""
    opened = store()
    plan_id = plan_id or _current_plan_id(opened)
    return tables.planning_table(
        opened.activities(plan_id), opened.indicators(plan_id), catalog(), lang
    )


def set_language(lang: str) -> None:
    """Save the language choice in the store (it lasts across notebooks) and apply it."""
    store().set_setting("lang", lang)
    i18n.set_saved_language(lang)
    i18n.set_language(lang)
