"""What every export shows, as plain frames with headings in the reader's language."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

import pandas as pd

from .. import chain, reflection
from .. import tables as planning
from ..catalog import Catalog, load_catalog
from ..i18n import register, t
from ..session import current_plan_id
from ..store import frames

if TYPE_CHECKING:
    from ..model import Plan

TEXTS: dict[str, dict[str, str]] = {
    "export.sheet.planning": {"nl": "Planning", "en": "Planning"},
    "export.sheet.indicators": {"nl": "Indicatoren", "en": "Indicators"},
    "export.sheet.measurements": {"nl": "Metingen", "en": "Measurements"},
    "export.sheet.plan": {"nl": "Plan", "en": "Plan"},
    "export.sheet.chains": {"nl": "Effecten", "en": "Effects"},
    "export.sheet.reflection": {"nl": "Reflectie", "en": "Reflection"},
    "export.plan_name": {"nl": "Naam", "en": "Name"},
    "export.unsupported": {
        "nl": "Exporteren naar {suffix} kan niet; kies .xlsx, .csv, .ics of .html.",
        "en": "Cannot export to {suffix}; choose .xlsx, .csv, .ics or .html.",
    },
    "export.written": {
        "nl": "Plan '{plan}' geëxporteerd naar {path}.",
        "en": "Plan '{plan}' exported to {path}.",
    },
}
register(TEXTS)

INDICATOR_FIELDS = ("name", "unit", "target", "deadline", "kind", "level", "change")
MEASUREMENT_FIELDS = ("indicator", "date", "value", "note")


def python_value(value: Any) -> Any:
    """A frame cell as a plain Python value: NA → None, Timestamp → date, numpy → float/int."""
    if value is None or (not isinstance(value, (str, tuple, list)) and pd.isna(value)):
        return None
    if isinstance(value, pd.Timestamp):
        value = value.to_pydatetime()
    if isinstance(value, datetime):
        return value.date() if value.time() == datetime.min.time() else value
    if hasattr(value, "item"):
        return value.item()
    return value


def records(frame: pd.DataFrame) -> list[list[Any]]:
    """The rows of ``frame`` as lists of plain Python values."""
    return [[python_value(v) for v in row] for row in frame.itertuples(index=False, name=None)]


@dataclass(frozen=True)
class PlanData:
    """One plan as the exports need it: the plan record, its frames and the catalog."""

    plan: Plan
    tables: dict[str, pd.DataFrame]
    catalog: Catalog = field(default_factory=load_catalog)
    plan_id: int | None = None

    @classmethod
    def from_store(cls, store, plan_id: int | None = None,
                   catalog: Catalog | None = None) -> PlanData:
        """The plan ``plan_id`` (default: the current plan) of ``store``."""
        plan_id = plan_id or current_plan_id(store)
        return cls(store.plan(plan_id), store.plan_tables(plan_id), catalog or load_catalog(),
                   plan_id)

    def planning(self, lang: str | None = None) -> pd.DataFrame:
        """The deck's planning table (DESIGN.md headings in ``lang``), numbered from 0."""
        return planning_rows(self.tables, self.catalog, lang)

    def indicator_table(self, lang: str | None = None) -> pd.DataFrame:
        frame = self.tables["indicators"]
        table = pd.DataFrame({
            "name": frame["name"],
            "unit": frame["unit"],
            "target": frame["target"].astype(float),
            "deadline": pd.to_datetime(frame["deadline"]),
            "kind": frame["kind"].map(lambda v: t(f"kind.{v}", lang)),
            "level": frame["level"].map(lambda v: t(f"level.{v}", lang)),
            "change": frame["change"],
        }, columns=list(INDICATOR_FIELDS))
        table.columns = [t(f"field.{name}", lang) for name in INDICATOR_FIELDS]
        return table.reset_index(drop=True)

    def measurement_table(self, lang: str | None = None) -> pd.DataFrame:
        frame = self.tables["measurements"]
        names = dict(zip(self.tables["indicators"]["id"], self.tables["indicators"]["name"],
                         strict=True))
        table = pd.DataFrame({
            "indicator": frame["indicator_id"].map(lambda v: names.get(v, "")),
            "date": pd.to_datetime(frame["date"]),
            "value": frame["value"].astype(float),
            "note": frame["note"],
        }, columns=list(MEASUREMENT_FIELDS))
        table = table.sort_values(["indicator", "date"], kind="stable")
        table.columns = [t(f"field.{name}", lang) for name in MEASUREMENT_FIELDS]
        return table.reset_index(drop=True)

    def chain_table(self, lang: str | None = None) -> pd.DataFrame:
        """Each intended effect with its outputs → outcomes → impact in words
        (:mod:`workbook.chain`)."""
        chains = chain.effect_chains(self.tables["goals"], self.tables["indicators"])
        return chain.chain_table(chains, lang).reset_index(drop=True)

    def reflection_table(self, lang: str | None = None) -> pd.DataFrame:
        """The answered reflection questions: moment, question, answer."""
        reflections = self.tables.get("reflections", frames.empty("reflections"))
        rows = [(t(f"moment.{moment}", lang), question, answer)
                for moment, question, answer in reflection.answered(reflections, lang)]
        columns = [t(f"field.{name}", lang) for name in ("moment", "question", "answer")]
        return pd.DataFrame(rows, columns=columns)

    def plan_facts(self, lang: str | None = None) -> list[tuple[str, Any]]:
        """(label, value) pairs for the plan sheet and the report's heading."""
        plan = self.plan
        return [
            (t("export.plan_name", lang), plan.name),
            (t("field.project", lang), plan.project),
            (t("field.organisation", lang), plan.organisation),
            (t("field.start", lang), plan.start),
            (t("field.end", lang), plan.end),
            (t("field.action_type", lang), plan.action_type or ""),
            (t("field.budget", lang), plan.budget),
            (t("field.licence", lang), t(f"licence.{plan.licence}", lang) if plan.licence else ""),
            (t("field.exploitation", lang), plan.exploitation),
            (t("field.maintenance", lang), plan.maintenance),
        ]

    def years(self) -> list[int]:
        """The calendar years the plan spans (its period and its activities)."""
        years: set[int] = set()
        when = self.tables["activities"]
        if "deleted" in when:
            when = when[~when["deleted"]]
        years.update(int(d.year) for d in pd.to_datetime(when["when"]).dropna())
        if self.plan.start and self.plan.end:
            years.update(range(self.plan.start.year, self.plan.end.year + 1))
        return sorted(years)


    def events(self) -> list:
        """The events offered to the plan: within its period when it has one
        (:meth:`Catalog.events_between`), else those of the years of its activities."""
        if self.plan.start and self.plan.end:
            return self.catalog.events_between(self.plan.start, self.plan.end)
        return self.catalog.event_occurrences(self.years())


def planning_rows(tables: dict[str, pd.DataFrame], catalog: Catalog,
                  lang: str | None = None) -> pd.DataFrame:
    table = planning.planning_table(tables["activities"], tables["indicators"], catalog, lang)
    return table.reset_index(drop=True)


def as_date(value: Any) -> date | None:
    value = python_value(value)
    if isinstance(value, datetime):
        return value.date()
    return value if isinstance(value, date) else None
