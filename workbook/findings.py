"""A point of a check (:class:`Finding`): in order or not, told in Dutch or English."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from .i18n import label, t


@dataclass(frozen=True)
class Finding:
    """One point of a check: ``ok`` or not, with the names it concerns in both languages.

    ``key`` is e.g. ``"eprp"``; the text is ``checks.<key>.<state>`` where ``state`` is
    ``ok``, ``missing`` or a special state such as ``not_needed``.
    """

    key: str
    ok: bool
    state: str = ""
    items: tuple[Mapping[str, str], ...] = field(default_factory=tuple)

    def message(self, lang: str | None = None) -> str:
        state = self.state or ("ok" if self.ok else "missing")
        names = ", ".join(label(dict(item), lang) for item in self.items)
        return t(f"checks.{self.key}.{state}", lang, **({"items": names} if self.items else {}))
