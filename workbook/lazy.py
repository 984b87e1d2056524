"""The package's one lazy-import device: a module imported when one of its names is first used.

Two forms of the same idea, and no other late import in the package (tests/test_lazy.py):

- ``sa = on_first_use("sqlalchemy")`` at a module's top stands in for the module; the first
  ``sa.Column`` imports it. Every deferred module is named at the top of the module that
  defers it, with the saving that justifies it.
- ``__getattr__ = names_from("workbook.records", NAMES)`` gives a module names that live in
  another module, imported when one of them is first read (``from workbook.model import Plan``).

Used only where the saving was measured at 50 ms or more (``python -X importtime``; the table
is in ARCHITECTURE.md): SQLAlchemy and the table definitions, the pydantic records, openpyxl,
the importer, the charts, Voilà, psycopg, and what a command-line subcommand needs.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
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


def names_from(module: str, names: Iterable[str], owner: str) -> Callable[[str], Any]:
    """A module ``__getattr__`` for module ``owner``: ``names`` come from ``module``, imported
    when one of them is first read; any other name is missing as usual."""
    known = frozenset(names)
    source = OnFirstUse(module)

    def __getattr__(name: str) -> Any:
        if name in known:
            return getattr(source, name)
        raise AttributeError(f"module {owner!r} has no attribute {name!r}")

    return __getattr__
