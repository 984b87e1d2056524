"""The sources behind the workbook's facts (``data/bronnen.csv``) and the official wordings it
quotes (``data/teksten.yaml``): each text is kept once and names its sources.

A source has a name, a publisher, a year, an address and a status: ``gecontroleerd`` when
the address and the fact were checked, ``te controleren`` when they still need checking
(the workbook was written without browsing the sources; say so rather than guess).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from . import config
from .i18n import label, language

SOURCES_FILE = "bronnen.csv"
TEXTS_FILE = "teksten.yaml"
SOURCE_COLUMNS = ("id", "naam", "uitgever", "jaar", "adres", "status", "feit")
STATUSES = ("gecontroleerd", "te controleren")


@dataclass(frozen=True)
class Source:
    id: str
    name: str
    publisher: str
    year: str
    address: str
    status: str
    fact: str

    @property
    def checked(self) -> bool:
        return self.status == "gecontroleerd"

    def short_citation(self) -> str:
        """'Name, publisher, year' — for pages that must hold no links (the offline report)."""
        return ", ".join(part for part in (self.name, self.publisher, self.year) if part)

    def citation(self) -> str:
        """'Name, publisher, year, address' — how a notebook or export names the source."""
        return ", ".join(part for part in (self.name, self.publisher, self.year, self.address)
                         if part)


def _folder(folder: Path | None) -> Path:
    return Path(folder) if folder else config.DEFAULT_DATA_DIR


@lru_cache(maxsize=4)
def load_sources(folder: Path | None = None) -> dict[str, Source]:
    """Every source of ``data/bronnen.csv``, by id; a bad header or status raises ValueError."""
    path = _folder(folder) / SOURCES_FILE
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        if tuple(reader.fieldnames or ()) != SOURCE_COLUMNS:
            raise ValueError(f"{path.name}: expected columns {','.join(SOURCE_COLUMNS)}")
        sources = {}
        for row in reader:
            if row["status"] not in STATUSES:
                raise ValueError(f"{path.name}: status '{row['status']}' of '{row['id']}'")
            sources[row["id"]] = Source(
                row["id"], row["naam"], row["uitgever"], row["jaar"], row["adres"],
                row["status"], row["feit"],
            )
    return sources


@lru_cache(maxsize=4)
def _texts(folder: Path | None = None) -> dict[str, dict]:
    path = _folder(folder) / TEXTS_FILE
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}


def official_text(key: str, lang: str | None = None) -> str:
    """The official wording ``key`` of ``data/teksten.yaml`` in ``lang`` (Dutch by default)."""
    entry = _texts()[key]
    return label({"nl": entry["nl"], "en": entry["en"]}, lang)


def model_paragraphs(key: str, lang: str | None = None) -> list[str]:
    """A model text of ``data/teksten.yaml`` (a list of paragraphs, the first its title)."""
    entry = _texts()[key]
    return list(entry[language(lang)])


def text_sources(key: str) -> list[Source]:
    """The sources ``data/teksten.yaml`` names for the text ``key``."""
    sources = load_sources()
    return [sources[ref] for ref in _texts()[key].get("bron", [])]
