"""The records a participant enters, and the one validation path every entry point uses.

Forms, the importer and the command line all call :func:`validate`; it returns the
record or raises :class:`InvalidRecord` holding *every* problem at once, each naming
its field, in Dutch or English. Records refer to catalog entries by id; a value the
catalog does not know is kept as the team's own.

The records and :func:`validate` live in :mod:`workbook.records` (pydantic) and load on
first use: a notebook that only shows what is stored does without pydantic (~0.1 s).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from .i18n import MESSAGES, t
from .lazy import names_from

if TYPE_CHECKING:
    from .records import Activity as Activity
    from .records import AttentionCheck as AttentionCheck
    from .records import Goal as Goal
    from .records import Indicator as Indicator
    from .records import Measurement as Measurement
    from .records import Plan as Plan
    from .records import Record as Record
    from .records import Reflection as Reflection
    from .records import TargetGroupChoice as TargetGroupChoice
    from .records import validate as validate

EARLIEST = date(2000, 1, 1)
LATEST = date(2100, 12, 31)
MAX_AMOUNT = 10_000_000


class ActionType(StrEnum):
    """The KA2 action of the project (Programme Guide): its size sets what is proportionate."""

    KA210 = "KA210"
    KA220 = "KA220"


class Licence(StrEnum):
    """The licence the project's results are shared under (Programme Guide: open licences
    that let anyone use, adapt and share the work; data/bronnen.csv ``open_licentie``)."""

    CC_BY = "cc_by"
    CC_BY_SA = "cc_by_sa"
    ANDER = "ander"
    GEEN = "geen"


class Period(StrEnum):
    """When a planning row happens: within the project's period, or after its end date
    (exploitation and sustainability: the results stay used)."""

    TIJDENS = "tijdens"
    NA = "na"


class Moment(StrEnum):
    """When a team answers reflection questions: at the start, or at the mid-term review."""

    START = "start"
    MIDTERM = "tussentijds"


class Context(StrEnum):
    BINNEN_SCHOOL = "binnen_school"
    TUSSEN_PARTNERS = "tussen_partners"


class Status(StrEnum):
    GEPLAND = "gepland"
    BEZIG = "bezig"
    UITGEVOERD = "uitgevoerd"
    GEANNULEERD = "geannuleerd"


class Product(StrEnum):
    """What a planning row makes: the thing that carries the EU emblem and the disclaimer."""

    GEEN = "geen"
    POSTER = "poster"
    SLIDES = "slides"
    VIDEO = "video"
    WEBPAGINA = "webpagina"
    ARTIKEL = "artikel"
    SOCIALE_MEDIA = "sociale_media"
    NIEUWSBRIEF = "nieuwsbrief"
    LESMATERIAAL = "lesmateriaal"
    FOTO = "foto"
    ANDER = "ander"


class Level(StrEnum):
    """Output, outcome or impact, as the Impacttool separates them."""

    OUTPUT = "output"
    OUTCOME = "outcome"
    IMPACT = "impact"


class Kind(StrEnum):
    """Whether an indicator's measurements add up or are readings of a running total."""

    CUMULATIEF = "cumulatief"
    STAND = "stand"


class Scope(StrEnum):
    INTERN = "intern"
    EXTERN = "extern"


class Tier(StrEnum):
    MICRO = "micro"
    MESO = "meso"
    MACRO = "macro"


ENUM_KEYS: dict[type[StrEnum], str] = {
    Context: "context",
    Status: "status",
    Level: "level",
    Kind: "kind",
    Scope: "scope",
    Tier: "tier",
    Product: "product",
    ActionType: "action_type",
    Licence: "licence",
    Period: "period",
    Moment: "moment",
}


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one field; :meth:`message` says it in Dutch or English."""

    field: str
    code: str
    params: dict[str, Any] = field(default_factory=dict)

    def message(self, lang: str | None = None) -> str:
        key = f"field.{self.field}"
        name = t(key, lang) if key in MESSAGES else self.field
        params = dict(self.params)
        if "enum" in params:
            prefix = params.pop("enum")
            params["choices"] = ", ".join(
                t(f"{prefix}.{value}", lang) for value in params.pop("values")
            )
        return t("problem.line", lang, field=name, message=t(f"error.{self.code}", lang, **params))


class InvalidRecord(ValueError):
    """A record was refused; ``problems`` lists every field that needs attention."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("; ".join(p.message() for p in problems))

    def messages(self, lang: str | None = None) -> list[str]:
        return [problem.message(lang) for problem in self.problems]

    @property
    def fields(self) -> list[str]:
        return [problem.field for problem in self.problems]


#: Names :mod:`workbook.records` provides; ``from workbook.model import Plan`` loads it.
RECORD_NAMES = (
    "Record",
    "Plan",
    "Goal",
    "Indicator",
    "Activity",
    "TargetGroupChoice",
    "AttentionCheck",
    "Measurement",
    "Reflection",
    "validate",
)


#: Each record's fields, in order, known without loading the records (the store's frames
#: have these columns); a test holds them equal to the records' own.
FIELDS: dict[str, tuple[str, ...]] = {
    "Plan": ("name", "project", "organisation", "start", "end", "action_type", "budget",
             "licence", "exploitation", "maintenance"),
    "Goal": ("title", "level", "theme", "description", "impact", "impact_signal"),
    "Indicator": ("name", "unit", "target", "deadline", "kind", "goal_id", "level", "change"),
    "Activity": ("context", "what", "target_groups", "methods", "channels", "when",
                 "indicator_id", "target_value", "price", "responsible", "status", "message",
                 "product", "pupils_recognisable", "period"),
    "TargetGroupChoice": ("group", "scope", "level", "methods", "channels"),
    "AttentionCheck": ("point", "done", "note"),
    "Measurement": ("indicator_id", "date", "value", "note"),
    "Reflection": ("question", "answer"),
}


__getattr__ = names_from("workbook.records", RECORD_NAMES, __name__)


def __dir__() -> list[str]:
    return sorted([*globals(), *RECORD_NAMES])
