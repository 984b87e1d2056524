"""The package's one lazy-import device: a module imported when one of its names is first used.

Used where the saving is measured and large: SQLAlchemy (~0.2 s per kernel) and the store's
table definitions, which a kernel that only reads a SQLite file never needs.
"""

from __future__ import annotations

import importlib
from typing import Any


class OnFirstUse:
    """Stands in for module ``name`` until an attribute is read, then imports it."""

    def __init__(self, name: str) -> None:
        self._name = name

    def __getattr__(self, attribute: str) -> Any:
        return getattr(importlib.import_module(self._name), attribute)


def on_first_use(name: str) -> Any:
    """Module ``name`` (absolute), imported when an attribute is first read."""
    return OnFirstUse(name)
