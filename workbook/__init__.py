"""Werkboek Disseminatie: the helper package behind the notebooks.

Importing the package is cheap; pandas, SQLAlchemy and friends load on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"

__all__ = ["store", "catalog", "current_plan_id", "planning_table", "set_language"]

if TYPE_CHECKING:
    from .api import catalog, current_plan_id, planning_table, set_language, store


def __getattr__(name: str):
    if name in __all__:
        from . import api

        return getattr(api, name)
    raise AttributeError(f"module 'workbook' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
