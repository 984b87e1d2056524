"""Cell values: text as a team wrote it, a choice among fixed values, several values in one
cell. Numbers and dates are read by :mod:`workbook.values`."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from datetime import date, datetime
from enum import Enum
from typing import Any

from .. import cellsafety
from ..catalog import Catalog
from ..i18n import MESSAGES
from ..model import Context, Kind, Level, Period, Product, Status
from ..values import is_blank


def heading_key(text: Any) -> str:
    """A heading folded for matching: no case, accents, spaces, slashes or punctuation."""
    folded = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]", "", folded.casefold())


def cell_text(value: Any) -> str:
    """A cell as text: trimmed, a whole number without '.0', formula protection removed."""
    if value.__class__ is str:
        return cellsafety.restore(value.strip())
    if is_blank(value):
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime):
        value = value.date() if value.time() == datetime.min.time() else value
    if isinstance(value, date):
        return value.isoformat()
    return cellsafety.restore(str(value).strip())


def _choice_map(enum_type: type, prefix: str, extra: dict[str, Iterable[str]]) -> dict[str, str]:
    found: dict[str, str] = {}
    for member in enum_type:
        spellings = [member.value, *extra.get(member.value, ())]
        spellings += list(MESSAGES[f"{prefix}.{member.value}"].values())
        for spelling in spellings:
            found[heading_key(spelling)] = member.value
    return found


_CONTEXTS = _choice_map(Context, "context", {
    "binnen_school": ("binnen", "binnen school", "school", "eigen school", "intern", "internal",
                      "within school", "in school", "own school"),
    "tussen_partners": ("tussen", "partners", "tussen partners", "projectpartners",
                        "transnationaal", "between partners", "transnational", "partnership"),
})


_STATUSES = _choice_map(Status, "status", {
    "gepland": ("planned", "te doen", "todo", "to do", "nog te doen", "plan"),
    "bezig": ("in progress", "lopend", "loopt", "ongoing", "busy", "in uitvoering"),
    "uitgevoerd": ("done", "klaar", "gedaan", "afgerond", "voltooid", "completed", "finished"),
    "geannuleerd": ("cancelled", "canceled", "afgelast", "geschrapt", "geannuleerd"),
})


_KINDS = _choice_map(Kind, "kind", {
    "cumulatief": ("telt op", "optellend", "cumulative", "adds up", "added up", "sum"),
    "stand": ("reading", "standen", "level", "running total", "current total"),
})


_PRODUCTS = _choice_map(Product, "product", {
    "geen": ("nee", "niets", "none", "no", "-", "gesprek", "bijeenkomst"),
    "poster": ("affiche", "affiches", "posters", "flyer", "folder"),
    "slides": ("presentatie", "powerpoint", "ppt", "dia's", "presentation"),
    "video": ("filmpje", "film", "promofilmpje", "clip"),
    "webpagina": ("website", "webpage", "web page", "pagina", "blog"),
    "artikel": ("persbericht", "interview", "article", "press release"),
    "sociale_media": ("post", "instagram", "facebook", "tiktok", "social media", "reel"),
    "nieuwsbrief": ("newsletter", "ouderbrief"),
    "lesmateriaal": ("lespakket", "lespakketten", "teaching material", "lesson"),
    "foto": ("fotos", "foto", "photo", "photos", "fotoreeks"),
    "ander": ("anders", "other"),
})


_PERIODS = _choice_map(Period, "period", {
    "tijdens": ("tijdens", "during", "in het project", "projectperiode"),
    "na": ("na", "after", "erna", "na afloop", "nadien", "after the project", "na het project"),
})


_LEVELS = _choice_map(Level, "level", {"outcome": ("uitkomst", "effect"), "output": ("resultaat",)})


_YES_NO = {
    **{heading_key(word): True for word in ("ja", "yes", "j", "y", "x", "waar", "true", "1")},
    **{heading_key(word): False for word in ("nee", "no", "n", "neen", "onwaar", "false", "0")},
}


def _choice(value: str, choices: dict[str, str]) -> str | None:
    key = heading_key(value)
    if key in choices:
        return choices[key]
    # a label with an explanation, e.g. "telt op (bv. deelnemers per infosessie)"
    head = heading_key(re.split(r"[(:]", value, maxsplit=1)[0])
    return choices.get(head)


def _chosen(text: str, choices: dict[str, str], default: Enum) -> tuple[str, str | None]:
    """A cell's text and the choice it names (``default`` when empty, None when unknown)."""
    return text, (_choice(text, choices) if text else default.value)


_SEPARATORS = re.compile(r"([,;/\n])")


MAX_JOINED = 4


def split_values(cell: str, match: Callable[[str], Any]) -> list[tuple[str, Any]]:
    """Split a cell on , ; / and line breaks, keeping catalog entries that hold a separator.

    Returns ``(text, matched)`` pairs, ``matched`` being ``match(text)`` (None for an own
    value). Neighbouring own values separated only by a slash stay one value
    ("Oud-leerlingen / alumni"), because a slash splits only where the catalog knows a part.
    """
    parts = _SEPARATORS.split(cell)
    texts, seps = parts[0::2], parts[1::2]
    items: list[tuple[int, int, Any]] = []  # first token, last token, match
    i = 0
    while i < len(texts):
        if not texts[i].strip():
            i += 1
            continue
        step, found = 1, None
        for size in range(min(MAX_JOINED, len(texts) - i), 1, -1):
            candidate = _join(texts, seps, i, i + size - 1)
            if candidate and (found := match(candidate)) is not None:
                step = size
                break
        else:
            found = match(texts[i].strip())
        items.append((i, i + step - 1, found))
        i += step
    merged: list[tuple[int, int, Any]] = []
    for first, last, found in items:
        if (
            merged
            and found is None
            and merged[-1][2] is None
            and all(seps[k] == "/" for k in range(merged[-1][1], first))
        ):
            merged[-1] = (merged[-1][0], last, None)
        else:
            merged.append((first, last, found))
    return [(_join(texts, seps, first, last), found) for first, last, found in merged]


def _join(texts: list[str], seps: list[str], first: int, last: int) -> str:
    pieces = [texts[first]]
    for k in range(first, last):
        pieces += [seps[k], texts[k + 1]]
    return "".join(pieces).strip()


def _how(cell: str, catalog: Catalog) -> tuple[list[str], list[str]]:
    """Methods and channels from a *Hoe / kanalen* cell (see the module notes)."""

    match_method, match_channel = catalog.match_method, catalog.match_channel

    def match(text: str) -> tuple[str, str] | None:
        if found := match_method(text):
            return ("method", found)
        if found := match_channel(text):
            return ("channel", found)
        return None

    items = split_values(cell, match)
    methods: list[str] = []
    channels: list[str] = []
    for index, (text, found) in enumerate(items):
        if found is not None:
            (methods if found[0] == "method" else channels).append(found[1])
        elif any(later and later[0] == "method" for _, later in items[index + 1:]):
            methods.append(text)
        else:
            channels.append(text)
    return methods, channels


def _listed(cell: str, match: Callable[[str], str | None]) -> list[str]:
    return [found or text for text, found in split_values(cell, match)]


_REFUSED = object()  # a cell that :func:`_each_distinct` could not interpret


def _each_distinct(cells: list[Any], interpret: Callable[[Any], Any],
                   refusals: tuple[type[Exception], ...] = ()) -> list[Any]:
    """``interpret`` of every cell, worked out once per distinct value (and type: 1, 1.0
    and True are different cells); ``_REFUSED`` where it raised one of ``refusals``.

    Cells that hold the same value share the result, so ``interpret`` returns values
    that cannot change (tuples, dates, numbers).
    """

    def outcome(cell: Any) -> Any:
        try:
            return interpret(cell)
        except refusals:
            return _REFUSED

    keys = list(zip(map(type, cells), cells, strict=True))
    try:
        known = dict.fromkeys(keys)
    except TypeError:  # an unhashable cell
        return [outcome(cell) for cell in cells]
    for key in known:
        known[key] = outcome(key[1])
    return list(map(known.__getitem__, keys))
