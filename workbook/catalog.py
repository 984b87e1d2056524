"""The vocabularies of the kick-off deck, read from editable CSV files in ``data/catalog``.

A facilitator adds a target group, method or channel by adding a row to a file; no code
changes. A malformed file raises :class:`CatalogError` naming the file and line.
"""

from __future__ import annotations

import calendar
import csv
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property, lru_cache
from pathlib import Path

from . import config
from .i18n import label, t

SCOPES = ("intern", "extern")
TIERS = ("micro", "meso", "macro")
CHANNEL_KINDS = ("school", "pers", "personeel", "sociale_media", "eu_platform", "project", "epos")
#: Who holds an event (labels ``event_by.<id>`` in :mod:`workbook.i18n`).
EVENT_ORGANISERS = ("erasmus", "etwinning", "raad_van_europa", "eu", "epos")
_ID = re.compile(r"^[a-z0-9_]+$")


class CatalogError(ValueError):
    """A catalog file is missing or malformed; the message names file and line."""


@dataclass(frozen=True)
class Entry:
    id: str
    nl: str
    en: str
    aliases: tuple[str, ...] = ()

    def label(self, lang: str | None = None) -> str:
        return label({"nl": self.nl, "en": self.en}, lang)


@dataclass(frozen=True, kw_only=True)
class Explained:
    """What an entry with an explanation adds (a method, an event, a point of attention):
    the explanation in both languages, read from the columns ``uitleg_nl`` and ``uitleg_en``."""

    explanation_nl: str = ""
    explanation_en: str = ""

    def explanation(self, lang: str | None = None) -> str:
        return label({"nl": self.explanation_nl, "en": self.explanation_en}, lang)


@dataclass(frozen=True)
class TargetGroup(Entry):
    scope: str = "extern"
    level: str = "micro"


@dataclass(frozen=True)
class Method(Entry, Explained):
    target_groups: tuple[str, ...] = ()


@dataclass(frozen=True)
class Channel(Entry):
    kind: str = "school"
    target_groups: tuple[str, ...] = ()
    mandatory: bool = False


@dataclass(frozen=True)
class Event(Entry, Explained):
    """A moment to plan around. ``organiser`` is who holds it (``EVENT_ORGANISERS``: not
    every such day is an Erasmus+ one); ``confirmed`` is False when even the month is only
    an expectation (the facilitator edits it); ``source`` names a row of ``data/bronnen.csv``."""

    month: int = 1
    day: int | None = None
    days: int = 1
    organiser: str = "erasmus"
    confirmed: bool = True
    source: str = ""


@dataclass(frozen=True)
class AttentionPoint(Entry, Explained):
    """A point to check in the plan (privacy, proportionality, the EU emblem…)."""


@dataclass(frozen=True)
class EventOccurrence:
    """One year's occurrence of an event; ``exact`` is False when only the month is known,
    ``confirmed`` False when the date is an unverified expectation."""

    event: Event
    start: date
    end: date
    exact: bool
    confirmed: bool = True


def normalize(text: str) -> str:
    """Fold case, accents, slashes, spacing: 'Lkrn / Vakcollega’s' matches 'lkrn/vakcollega's'."""
    if isinstance(text, str):
        return _normalize_text(text)
    return _normalize_text(str(text))


@lru_cache(maxsize=16384)
def _normalize_text(text: str) -> str:
    """Memoized: an import of 9,000 rows asks for the same few dozen names 100,000 times."""
    text = text.replace("’", "'").replace("‘", "'")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().casefold()
    text = re.sub(r"\s*/\s*", "/", text)
    return re.sub(r"\s+", " ", text).strip()


@dataclass(frozen=True)
class Catalog:
    target_groups: dict[str, TargetGroup]
    methods: dict[str, Method]
    channels: dict[str, Channel]
    events: dict[str, Event]
    event_dates: dict[tuple[str, int], tuple[date, date]]
    attention_points: dict[str, AttentionPoint]
    themes: dict[str, Entry]
    folder: Path = field(default=Path("."))

    @cached_property
    def _index(self) -> dict[int, dict[str, str]]:
        """Per vocabulary: every normalized name (id, labels, aliases, labels without their
        bracketed part) to its id; the first entry to claim a name keeps it."""
        index: dict[int, dict[str, str]] = {}
        for entries in (self.target_groups, self.methods, self.channels, self.themes):
            names: dict[str, str] = {}
            for entry in entries.values():
                for name in (entry.id, entry.nl, entry.en, *entry.aliases):
                    names.setdefault(normalize(name), entry.id)
            for entry in entries.values():
                for name in (entry.nl, entry.en):
                    if "(" in name:
                        names.setdefault(normalize(re.sub(r"\([^)]*\)", " ", name)), entry.id)
            index[id(entries)] = names
        return index

    def _lookup(self, entries: dict[str, Entry], text: str) -> str | None:
        return self._index[id(entries)].get(normalize(text))

    def match_theme(self, text: str) -> str | None:
        return self._lookup(self.themes, text)

    def match_target_group(self, text: str) -> str | None:
        """The id of the target group named ``text`` (id, label or alias), or None."""
        return self._lookup(self.target_groups, text)

    def match_method(self, text: str) -> str | None:
        return self._lookup(self.methods, text)

    def match_channel(self, text: str) -> str | None:
        return self._lookup(self.channels, text)

    def label_of(self, value: str, lang: str | None = None) -> str:
        """The label of a target group, method, channel or theme id; own entries as typed."""
        for entries in (self.target_groups, self.methods, self.channels, self.themes):
            if value in entries:
                return entries[value].label(lang)
        return value

    def mandatory_channels(self) -> list[Channel]:
        return [channel for channel in self.channels.values() if channel.mandatory]

    def suggested_channels(self, target_group: str) -> list[str]:
        return [c.id for c in self.channels.values() if target_group in c.target_groups]

    def suggested_methods(self, target_group: str) -> list[str]:
        return [m.id for m in self.methods.values() if target_group in m.target_groups]

    def event_occurrences(self, years: Iterable[int]) -> list[EventOccurrence]:
        """The Erasmus+ events of the given years, known dates first, else the date rule."""
        found = []
        for year in sorted(set(years)):
            for event in self.events.values():
                known = self.event_dates.get((event.id, year))
                if known:
                    found.append(EventOccurrence(event, known[0], known[1], True))
                elif event.day:
                    start = date(year, event.month, event.day)
                    end = date.fromordinal(start.toordinal() + event.days - 1)
                    found.append(EventOccurrence(event, start, end, True, event.confirmed))
                else:
                    last = calendar.monthrange(year, event.month)[1]
                    found.append(
                        EventOccurrence(
                            event, date(year, event.month, 1), date(year, event.month, last),
                            False, event.confirmed,
                        )
                    )
        return sorted(found, key=lambda o: o.start)

    def events_between(self, first: date, last: date) -> list[EventOccurrence]:
        """The events that overlap the period ``first``–``last`` (a plan's start and end):
        the one rule of which events a plan is offered."""
        years = range(first.year, last.year + 1)
        return [o for o in self.event_occurrences(years) if o.end >= first and o.start <= last]


class _Rows:
    """Reads one catalog CSV and turns cell problems into :class:`CatalogError`."""

    def __init__(self, folder: Path, filename: str, columns: tuple[str, ...]):
        self.path = folder / filename
        self.filename = f"{folder.name}/{filename}"
        self.columns = columns
        self.line = 1

    def fail(self, key: str, **params: object) -> CatalogError:
        message = t(f"catalog.{key}", **params)
        return CatalogError(
            t("catalog.bad_row", file=self.filename, line=self.line, message=message)
        )

    def __iter__(self):
        if not self.path.is_file():
            raise CatalogError(t("catalog.missing_file", file=self.path))
        try:
            text = self.path.read_text(encoding="utf-8-sig")
        except (UnicodeDecodeError, OSError) as exc:
            raise CatalogError(t("catalog.unreadable", file=self.filename, reason=exc)) from None
        reader = csv.reader(text.splitlines())
        header = [cell.strip() for cell in next(reader, [])]
        if tuple(header) != self.columns:
            raise CatalogError(
                t(
                    "catalog.bad_header",
                    file=self.filename,
                    expected=",".join(self.columns),
                    found=",".join(header) or "—",
                )
            )
        seen: set[str] = set()
        for cells in reader:
            self.line = reader.line_num
            if not any(cell.strip() for cell in cells):
                continue
            if len(cells) != len(self.columns):
                raise self.fail("wrong_cell_count", expected=len(self.columns), found=len(cells))
            row = {name: cell.strip() for name, cell in zip(self.columns, cells, strict=True)}
            if "id" in row:
                self._check_id(row["id"], seen)
            yield row

    def _check_id(self, value: str, seen: set[str]) -> None:
        if not value:
            raise self.fail("empty_cell", column="id")
        if not _ID.match(value):
            raise self.fail("bad_id", value=value)
        if value in seen:
            raise self.fail("duplicate_id", value=value)
        seen.add(value)

    def required(self, row: dict[str, str], column: str) -> str:
        if not row[column]:
            raise self.fail("empty_cell", column=column)
        return row[column]

    def choice(self, row: dict[str, str], column: str, choices: Iterable[str]) -> str:
        choices = tuple(choices)
        if row[column] not in choices:
            raise self.fail(
                "bad_choice", column=column, value=row[column], choices=", ".join(choices)
            )
        return row[column]

    def refs(self, row: dict[str, str], column: str, known: dict, other: str) -> tuple[str, ...]:
        values = split_list(row[column])
        for value in values:
            if value not in known:
                raise self.fail("unknown_ref", column=column, value=value, other=other)
        return values

    def integer(self, row: dict[str, str], column: str, low: int, high: int) -> int | None:
        if not row[column]:
            return None
        try:
            number = int(row[column])
        except ValueError:
            number = None
        if number is None or not low <= number <= high:
            raise self.fail("bad_number", column=column, value=row[column])
        return number

    def iso_date(self, row: dict[str, str], column: str) -> date:
        try:
            return date.fromisoformat(row[column])
        except ValueError:
            raise self.fail("bad_date", column=column, value=row[column]) from None


def split_list(cell: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in cell.split("|") if part.strip())


def _names(rows: _Rows, row: dict[str, str]) -> dict:
    return {
        "id": row["id"],
        "nl": rows.required(row, "nl"),
        "en": rows.required(row, "en"),
        "aliases": split_list(row.get("aliases", "")),
    }


def _explanations(row: dict[str, str]) -> dict:
    """The fields of :class:`Explained` from a row's ``uitleg_nl`` and ``uitleg_en``."""
    return {"explanation_nl": row["uitleg_nl"], "explanation_en": row["uitleg_en"]}


def _target_groups(folder: Path) -> dict[str, TargetGroup]:
    rows = _Rows(folder, "doelgroepen.csv", ("id", "nl", "en", "scope", "level", "aliases"))
    return {
        row["id"]: TargetGroup(
            **_names(rows, row),
            scope=rows.choice(row, "scope", SCOPES),
            level=rows.choice(row, "level", TIERS),
        )
        for row in rows
    }


def _methods(folder: Path, groups: dict) -> dict[str, Method]:
    columns = ("id", "nl", "en", "uitleg_nl", "uitleg_en", "doelgroepen")
    rows = _Rows(folder, "methoden.csv", columns)
    return {
        row["id"]: Method(
            **_names(rows, row),
            **_explanations(row),
            target_groups=rows.refs(row, "doelgroepen", groups, "doelgroepen.csv"),
        )
        for row in rows
    }


def _channels(folder: Path, groups: dict) -> dict[str, Channel]:
    columns = ("id", "nl", "en", "soort", "doelgroepen", "verplicht", "aliases")
    rows = _Rows(folder, "kanalen.csv", columns)
    return {
        row["id"]: Channel(
            **_names(rows, row),
            kind=rows.choice(row, "soort", CHANNEL_KINDS),
            target_groups=rows.refs(row, "doelgroepen", groups, "doelgroepen.csv"),
            mandatory=rows.choice(row, "verplicht", ("ja", "nee")) == "ja",
        )
        for row in rows
    }


def _events(folder: Path) -> dict[str, Event]:
    columns = ("id", "nl", "en", "maand", "dag", "dagen", "organisator", "datum_zeker", "bron",
               "uitleg_nl", "uitleg_en")
    rows = _Rows(folder, "evenementen.csv", columns)
    events = {}
    for row in rows:
        month = rows.integer(row, "maand", 1, 12)
        if month is None:
            raise rows.fail("empty_cell", column="maand")
        events[row["id"]] = Event(
            **_names(rows, row),
            month=month,
            day=rows.integer(row, "dag", 1, calendar.monthrange(2024, month)[1]),
            days=rows.integer(row, "dagen", 1, 31) or 1,
            organiser=rows.choice(row, "organisator", EVENT_ORGANISERS),
            confirmed=rows.choice(row, "datum_zeker", ("ja", "nee")) == "ja",
            source=row["bron"],
            **_explanations(row),
        )
    return events


def _event_dates(folder: Path, events: dict) -> dict[tuple[str, int], tuple[date, date]]:
    rows = _Rows(folder, "evenementdata.csv", ("evenement", "start", "einde"))
    dates = {}
    for row in rows:
        event = rows.refs(row, "evenement", events, "evenementen.csv")
        start, end = rows.iso_date(row, "start"), rows.iso_date(row, "einde")
        if not event or end < start:
            raise rows.fail("bad_date", column="einde", value=row["einde"])
        dates[(event[0], start.year)] = (start, end)
    return dates


def _simple(folder: Path, filename: str, cls: type, columns: tuple[str, ...]) -> dict:
    rows = _Rows(folder, filename, columns)
    entries = {}
    for row in rows:
        extra = _explanations(row) if "uitleg_nl" in columns else {}
        entries[row["id"]] = cls(**_names(rows, row), **extra)
    return entries


def load_catalog(folder: Path | str | None = None) -> Catalog:
    """Read the catalog from ``folder`` (default :func:`config.catalog_dir`), cached per folder."""
    folder = Path(folder) if folder else config.catalog_dir()
    stamp = tuple(
        (p.name, p.stat().st_mtime_ns) for p in sorted(folder.glob("*.csv")) if p.is_file()
    )
    return _load(folder.resolve(), stamp)


@lru_cache(maxsize=8)
def _load(folder: Path, _stamp: tuple) -> Catalog:
    groups = _target_groups(folder)
    events = _events(folder)
    return Catalog(
        target_groups=groups,
        methods=_methods(folder, groups),
        channels=_channels(folder, groups),
        events=events,
        event_dates=_event_dates(folder, events),
        attention_points=_simple(
            folder,
            "aandachtspunten.csv",
            AttentionPoint,
            ("id", "nl", "en", "uitleg_nl", "uitleg_en"),
        ),
        themes=_simple(folder, "doelen.csv", Entry, ("id", "nl", "en")),
        folder=folder,
    )
