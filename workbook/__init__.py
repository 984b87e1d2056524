"""Werkboek Disseminatie: the helper package behind the notebooks.

Importing the package is cheap; pandas, SQLAlchemy and friends load on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .lazy import names_from

__version__ = "0.1.0"

__all__ = ["store", "catalog", "current_plan_id", "planning_table", "set_language"]

if TYPE_CHECKING:
    from .api import catalog, current_plan_id, planning_table, set_language, store

# workbook.api loads pandas and the store (~0.5 s): not for `import workbook.config`.
__getattr__ = names_from("workbook.api", __all__, __name__)


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
