"""Werkboek Disseminatie: the helper package behind the notebooks.

Importing the package is cheap; pandas, SQLAlchemy and friends load on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"

_API = ("store", "catalog", "current_plan_id", "planning_table", "set_language")

if TYPE_CHECKING:
    from .api import catalog, current_plan_id, planning_table, set_language, store


def __getattr__(name: str):
    if name in _API:
        from . import api

        return getattr(api, name)
    raise AttributeError(f"module 'workbook' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*globals(), *_API])


__all__ = list(_API)
