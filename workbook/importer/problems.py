"""Problems of an imported file, placed by sheet, row and column, in the reader's language."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ..i18n import MESSAGES, t
from ..model import Problem
from . import texts as texts


@dataclass(frozen=True)
class ImportProblem:
    """One problem in an imported file, placed by row and column when it has a place."""

    key: str
    params: dict[str, Any] = field(default_factory=dict)
    row: int | None = None
    column: str | None = None
    sheet: str | None = None
    problem: Problem | None = None  # a validation problem of workbook.model
    fact: str | None = None  # the field of a label-value sheet (Plan) whose row is ``row``

    def message(self, lang: str | None = None) -> str:
        params = {
            key: value.labels(lang) if isinstance(value, _ChoiceList | _FieldList) else value
            for key, value in self.params.items()
        }
        if self.problem is None:
            text = t(self.key, lang, **params)
        else:  # a key given with a model problem frames the problem's message
            text = _model_message(self.problem, lang)
            if self.key:
                text = t(self.key, lang, **params, message=text)
        if self.row is not None and self.fact:
            text = t("import.at_fact", lang, row=self.row, fact=_heading_label(self.fact, lang),
                     message=text)
        elif self.row is not None and self.column:
            text = t("import.at_cell", lang, row=self.row, column=self.column, message=text)
        elif self.row is not None:
            text = t("import.at_row", lang, row=self.row, message=text)
        if self.sheet:
            text = t("import.in_sheet", lang, sheet=self.sheet, text=text)
        return text


def _model_message(problem: Problem, lang: str | None) -> str:
    """A model problem's message without its field name (the column names the place)."""
    params = dict(problem.params)
    if "enum" in params:
        prefix = params.pop("enum")
        params["choices"] = ", ".join(t(f"{prefix}.{v}", lang) for v in params.pop("values"))
    return t(f"error.{problem.code}", lang, **params)


class ImportRefused(ValueError):
    """The file was refused as a whole; ``problems`` lists everything to correct."""

    def __init__(self, problems: list[ImportProblem], source: str = ""):
        self.problems = problems
        self.source = source
        super().__init__("\n".join(self.messages()))

    def messages(self, lang: str | None = None) -> list[str]:
        return [problem.message(lang) for problem in self.problems]

    def report(self, lang: str | None = None) -> str:
        """A heading line and one line per problem, for the command line or a widget."""
        head = t("import.refused", lang, source=self.source or "?")
        return "\n".join([head, *(f"- {line}" for line in self.messages(lang))])


class _ChoiceList:
    """Lazily formatted choices, so a message lists them in the language it is read in."""

    def __init__(self, enum_type: type, prefix: str):
        self.enum_type, self.prefix = enum_type, prefix

    def labels(self, lang: str | None = None) -> str:
        return _choice_labels(self.enum_type, self.prefix, lang)

    def __str__(self) -> str:
        return self.labels()


class _FieldList:
    """Column names, formatted in the language the message is read in."""

    def __init__(self, names: Sequence[str]):
        self.names = tuple(names)

    def labels(self, lang: str | None = None) -> str:
        return ", ".join(_heading_label(name, lang) for name in self.names)

    def __str__(self) -> str:
        return self.labels()


def _choice_labels(enum_type: type, prefix: str, lang: str | None) -> str:
    return ", ".join(t(f"{prefix}.{member.value}", lang) for member in enum_type)


def _heading_label(name: str, lang: str | None = None) -> str:
    key = {"how": "how", "indicator": "indicator"}.get(name, name)
    return t(f"field.{key}", lang) if f"field.{key}" in MESSAGES else name
