"""The records (pydantic models) of :mod:`workbook.model` and :func:`validate`.

Import them from :mod:`workbook.model`; this module is loaded on first use.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Mapping
from datetime import date
from typing import Annotated, Any, TypeVar

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from .i18n import MESSAGES
from .model import (
    EARLIEST,
    ENUM_KEYS,
    LATEST,
    MAX_AMOUNT,
    ActionType,
    Context,
    InvalidRecord,
    Kind,
    Level,
    Licence,
    Period,
    Problem,
    Product,
    Scope,
    Status,
    Tier,
)
from .reflection import load_questions


def _clean_text(value: Any) -> Any:
    if not isinstance(value, str):
        return value
    value = unicodedata.normalize("NFC", value).strip()
    # Printable text holds no control, surrogate or private-use character: skip the
    # character-by-character look-up for it (most cells; 580,000 look-ups per big import).
    if not value.isprintable() and any(
        unicodedata.category(ch) in ("Cc", "Cs", "Co") and ch not in "\n\t" for ch in value
    ):
        raise PydanticCustomError("control_chars", "control characters")
    return value


def _blank_to_none(value: Any) -> Any:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def _in_range(value: date | None) -> date | None:
    if value is not None and not EARLIEST <= value <= LATEST:
        raise PydanticCustomError(
            "date_range",
            "date out of range",
            {"first": EARLIEST.isoformat(), "last": LATEST.isoformat()},
        )
    return value


def _known_id(kind: str):
    """A validator: the id of a ``kind`` (goal, indicator) must be one of the plan's, when the
    validation context lists them (``goal_ids``, ``indicator_ids``)."""

    def check(cls, value: int | None, info: ValidationInfo) -> int | None:
        known = (info.context or {}).get(f"{kind}_ids")
        if value is not None and known is not None and value not in known:
            raise PydanticCustomError("unknown_id", f"unknown {kind}", {"value": value})
        return value

    return classmethod(check)


def _licence_key(text: str) -> str:
    """A licence's name compared: lower case, no explanation in brackets, no version."""
    head = text.split("(")[0].lower().replace("4.0", "")
    return " ".join(head.replace("-", " ").replace("_", " ").split())


def _as_list(value: Any) -> Any:
    if value is None:
        return []
    if isinstance(value, str):
        return [value] if value.strip() else []
    return value


Text = Annotated[str, BeforeValidator(_clean_text), Field(max_length=300)]
ShortText = Annotated[str, BeforeValidator(_clean_text), Field(max_length=120)]
LongText = Annotated[str, BeforeValidator(_clean_text), Field(max_length=2000)]
Amount = Annotated[float, Field(ge=0, le=MAX_AMOUNT, allow_inf_nan=False)]


class Record(BaseModel):
    model_config = ConfigDict(
        extra="forbid", frozen=True, use_enum_values=True, validate_default=True
    )


class Plan(Record):
    """A team's dissemination plan: which project, which organisation, which period, the
    project's size (action type KA210/KA220 and grant budget) for proportionality, and what
    happens after the project: the results' licence, what stays used by whom
    (``exploitation``) and who maintains it (``maintenance``)."""

    name: ShortText = Field(min_length=1)
    project: Text = ""
    organisation: Text = ""
    start: date | None = None
    end: date | None = None
    action_type: ActionType | None = None
    budget: Amount | None = None
    licence: Licence | None = None
    exploitation: LongText = ""
    maintenance: LongText = ""

    _optional_dates = field_validator("start", "end", mode="before")(_blank_to_none)
    _optional_size = field_validator("action_type", "budget", "licence",
                                     mode="before")(_blank_to_none)
    _texts = field_validator("exploitation", "maintenance", mode="before")(
        classmethod(lambda cls, v: "" if _blank_to_none(v) is None else v)
    )

    @field_validator("licence", mode="before")
    @classmethod
    def _licence_spelling(cls, value: Any) -> Any:
        # 'CC BY 4.0', 'cc-by-sa', a label in either language name the licence
        if isinstance(value, str):
            key = _licence_key(value)
            for licence in Licence:
                labels = MESSAGES[f"licence.{licence.value}"].values()
                if key in {_licence_key(licence.value), *map(_licence_key, labels)}:
                    return licence.value
        return value

    @field_validator("action_type", mode="before")
    @classmethod
    def _action_spelling(cls, value: Any) -> Any:
        # 'ka220', 'KA 220', 'KA220-SCH' all name the action
        if isinstance(value, str):
            compact = value.upper().replace(" ", "").replace("-", "")
            for action in ActionType:
                if compact.startswith(action.value):
                    return action.value
        return value
    _range = field_validator("start", "end")(_in_range)

    @model_validator(mode="after")
    def _period(self) -> Plan:
        if self.start and self.end and self.end < self.start:
            raise PydanticCustomError("end_before_start", "end before start")
        return self


class Goal(Record):
    """An intended effect (beoogd effect) of the project, with the impact it contributes to
    in words: what change (``impact``) and how the team will notice it (``impact_signal``).
    Impact is described, not counted (the Impacttool: the project cannot measure it alone)."""

    title: Text = Field(min_length=1)
    level: Level = Level.OUTCOME
    theme: ShortText = ""
    description: LongText = ""
    impact: LongText = ""
    impact_signal: LongText = ""

    _texts = field_validator("description", "impact", "impact_signal", mode="before")(
        classmethod(lambda cls, v: "" if _blank_to_none(v) is None else v)
    )

    @field_validator("theme")
    @classmethod
    def _theme(cls, value: str, info: ValidationInfo) -> str:
        catalog = (info.context or {}).get("catalog")
        if catalog and value and value not in catalog.themes:
            return catalog.match_theme(value) or value
        return value


class Indicator(Record):
    """When is the goal reached? A countable sign with a target value and a deadline, the
    step of the effect's chain it shows (``level``: output or outcome) and, for an outcome,
    the change it shows in whom (``change``). Impact is no indicator: it is described in
    words at the effect (:class:`Goal`)."""

    name: Text = Field(min_length=1)
    unit: ShortText = Field(min_length=1)
    target: Amount
    deadline: date
    kind: Kind = Kind.CUMULATIEF
    goal_id: int | None = None
    level: Level = Level.OUTPUT
    change: LongText = ""

    _optional = field_validator("goal_id", mode="before")(_blank_to_none)
    _range = field_validator("deadline")(_in_range)
    _goal_known = field_validator("goal_id")(_known_id("goal"))
    _level = field_validator("level", mode="before")(
        classmethod(lambda cls, v: Level.OUTPUT if _blank_to_none(v) is None else v)
    )
    _change = field_validator("change", mode="before")(
        classmethod(lambda cls, v: "" if _blank_to_none(v) is None else v)
    )

    @field_validator("level")
    @classmethod
    def _no_impact(cls, value: str) -> str:
        if value == Level.IMPACT:
            raise PydanticCustomError("impact_in_words", "impact is described, not counted")
        return value


def _catalog_refs(kind: str):
    """A validator that maps labels and aliases to catalog ids and keeps own entries."""

    def resolve(cls, values: list[str], info: ValidationInfo) -> tuple[str, ...]:
        catalog = (info.context or {}).get("catalog")
        result: list[str] = []
        for value in values:
            if not value:
                continue
            if len(value) > 80:
                raise PydanticCustomError("too_long", "too long", {"max_length": 80})
            matched = getattr(catalog, f"match_{kind}")(value) if catalog else None
            if (matched or value) not in result:
                result.append(matched or value)
        return tuple(result)

    return classmethod(resolve)


class Activity(Record):
    """One row of the deck's planning table.

    Wat, naar wie, hoe/kanalen, wanneer, indicator, prijs — plus context, target value,
    responsible, status, the key message (kernboodschap) the row brings to its groups, the
    product it makes, whether pupils are recognisable in its images, and its period: during
    the project or after it (``na``: a row may be dated after the plan's end date).
    """

    context: Context
    what: Text = Field(min_length=1)
    target_groups: tuple[str, ...] = Field(min_length=1)
    methods: tuple[str, ...] = ()
    channels: tuple[str, ...] = ()
    when: date
    indicator_id: int | None = None
    target_value: Amount | None = None
    price: Amount = 0.0
    responsible: ShortText = ""
    status: Status = Status.GEPLAND
    message: Text = ""
    product: Product = Product.GEEN
    pupils_recognisable: bool = False
    period: Period = Period.TIJDENS

    _product = field_validator("product", mode="before")(
        classmethod(lambda cls, v: Product.GEEN if _blank_to_none(v) is None else v)
    )
    _period = field_validator("period", mode="before")(
        classmethod(lambda cls, v: Period.TIJDENS if _blank_to_none(v) is None else v)
    )

    _lists = field_validator("target_groups", "methods", "channels", mode="before")(_as_list)
    _items_clean = field_validator("target_groups", "methods", "channels", mode="before")(
        classmethod(lambda cls, v: [_clean_text(item) for item in v] if isinstance(v, list) else v)
    )
    _groups = field_validator("target_groups")(_catalog_refs("target_group"))
    _methods = field_validator("methods")(_catalog_refs("method"))
    _channels = field_validator("channels")(_catalog_refs("channel"))
    _optional = field_validator("indicator_id", "target_value", mode="before")(_blank_to_none)
    _price = field_validator("price", mode="before")(
        classmethod(lambda cls, v: 0.0 if _blank_to_none(v) is None else v)
    )
    _range = field_validator("when")(_in_range)

    @field_validator("target_groups")
    @classmethod
    def _not_empty(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        if not value:
            raise PydanticCustomError("at_least_one", "empty")
        return value

    _indicator_known = field_validator("indicator_id")(_known_id("indicator"))


class TargetGroupChoice(Record):
    """A target group the plan addresses, with the methods and channels chosen for it."""

    group: ShortText = Field(min_length=1)
    scope: Scope | None = None
    level: Tier | None = None
    methods: tuple[str, ...] = ()
    channels: tuple[str, ...] = ()

    _lists = field_validator("methods", "channels", mode="before")(_as_list)
    _optional = field_validator("scope", "level", mode="before")(_blank_to_none)
    _methods = field_validator("methods")(_catalog_refs("method"))
    _channels = field_validator("channels")(_catalog_refs("channel"))

    @model_validator(mode="after")
    def _tags(self, info: ValidationInfo) -> TargetGroupChoice:
        catalog = (info.context or {}).get("catalog")
        if catalog is None:
            return self
        matched = catalog.match_target_group(self.group)
        if matched:
            entry = catalog.target_groups[matched]
            return self.model_copy(
                update={"group": matched, "scope": entry.scope, "level": entry.level}
            )
        if self.scope is None or self.level is None:
            raise PydanticCustomError("own_group_needs_tags", "own group needs tags")
        return self


class AttentionCheck(Record):
    """A point of attention (privacy, proportionaliteit, logo's…) and whether it is in order."""

    point: ShortText = Field(min_length=1)
    done: bool = False
    note: LongText = ""

    @field_validator("point")
    @classmethod
    def _known_point(cls, value: str, info: ValidationInfo) -> str:
        catalog = (info.context or {}).get("catalog")
        if catalog and value not in catalog.attention_points:
            choices = ", ".join(catalog.attention_points)
            raise PydanticCustomError("choice", "unknown point", {"choices": choices})
        return value


class Measurement(Record):
    """What was actually seen for an indicator, and when."""

    indicator_id: int
    date: date
    value: Amount
    note: LongText = ""

    _range = field_validator("date")(_in_range)
    _indicator_known = field_validator("indicator_id")(_known_id("indicator"))


class Reflection(Record):
    """A team's answer to one reflection question (``data/reflectievragen.csv``), at the start
    or at the mid-term review; an empty answer clears it."""

    question: ShortText = Field(min_length=1)
    answer: LongText = ""

    _answer = field_validator("answer", mode="before")(
        classmethod(lambda cls, v: "" if _blank_to_none(v) is None else v)
    )

    @field_validator("question")
    @classmethod
    def _known_question(cls, value: str) -> str:
        questions = load_questions()
        if value not in questions:
            raise PydanticCustomError("choice", "unknown question",
                                      {"choices": ", ".join(questions)})
        return value


R = TypeVar("R", bound=Record)

_ERROR_CODES = {
    "missing": "required",
    "string_too_short": "required",
    "too_short": "at_least_one",
    "string_too_long": "too_long",
    "too_long": "too_long",
    "float_parsing": "number",
    "float_type": "number",
    "int_parsing": "number",
    "int_type": "number",
    "int_from_float": "number",
    "finite_number": "number",
    "greater_than_equal": "not_negative",
    "less_than_equal": "too_large",
    "date_parsing": "date",
    "date_from_datetime_parsing": "date",
    "date_from_datetime_inexact": "date",
    "date_type": "date",
    "enum": "choice",
    "string_type": "text",
    "bool_parsing": "invalid",
    "bool_type": "invalid",
    "extra_forbidden": "invalid",
}



def _choices(model: type[Record], field_name: str) -> dict[str, Any]:
    """Params that let :meth:`Problem.message` list an enum's labels in the reader's language."""
    annotation = model.model_fields[field_name].annotation
    for enum_type, prefix in ENUM_KEYS.items():
        if enum_type is annotation or enum_type in getattr(annotation, "__args__", ()):
            return {"enum": prefix, "values": tuple(member.value for member in enum_type)}
    return {"choices": ""}


def _problem(model: type[Record], error: dict) -> Problem:
    loc = error.get("loc") or ()
    field_name = str(loc[0]) if loc else _model_field(model, error)
    code = _ERROR_CODES.get(error["type"], error["type"])
    params = dict(error.get("ctx") or {})
    if code == "choice" and "choices" not in params:
        params = _choices(model, field_name)
    if code == "too_large":
        params = {"maximum": f"{params.get('le', MAX_AMOUNT):,.0f}".replace(",", ".")}
    if code not in _KNOWN_CODES:
        code, params = "invalid", {}
    return Problem(field_name, code, {k: v for k, v in params.items() if isinstance(k, str)})


def _model_field(model: type[Record], error: dict) -> str:
    """The field a model-level error belongs to."""
    return {"end_before_start": "end", "own_group_needs_tags": "group"}.get(error["type"], "record")


_KNOWN_CODES = {
    "required",
    "at_least_one",
    "too_long",
    "number",
    "not_negative",
    "too_large",
    "date",
    "date_range",
    "choice",
    "unknown_id",
    "text",
    "invalid",
    "end_before_start",
    "control_chars",
    "own_group_needs_tags",
    "impact_in_words",
}


def validate(model: type[R], data: Mapping[str, Any], **context: Any) -> R:
    """Build a ``model`` record from ``data`` or raise :class:`InvalidRecord` with every problem.

    ``context`` may carry ``catalog`` (to map labels to ids), ``indicator_ids`` and
    ``goal_ids`` (to refuse references to rows that do not exist in the plan).
    """
    try:
        return model.model_validate(dict(data), context=context)
    except ValidationError as exc:
        problems: list[Problem] = []
        for error in exc.errors():
            problem = _problem(model, error)
            if problem not in problems:
                problems.append(problem)
        raise InvalidRecord(problems) from None
