"""Proportionality: the plan's reach and cost against the project's size (the plan's action
type, grant budget and period); see :mod:`workbook.checks` for the decision in words."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from .analysis import live_activities
from .coverage import group_tags, tag_of
from .findings import Finding
from .formats import format_money, format_number
from .i18n import register, t
from .model import Tier

TIERS: tuple[str, ...] = tuple(member.value for member in Tier)

TEXTS: dict[str, dict[str, str]] = {
    "checks.proportionality.unknown": {
        "nl": "Proportionaliteit: vul in 00 — welkom het soort partnerschap (KA210 of KA220), "
        "de projectperiode en het subsidiebedrag in; dan vergelijkt de controle je plan met "
        "de omvang van je project.",
        "en": "Proportionality: fill in the kind of partnership (KA210 or KA220), the project "
        "period and the grant amount in 00 — welcome; then the check compares your plan with "
        "the size of your project.",
    },
    "checks.proportionality.size": {
        "nl": "Proportionaliteit ({action}, {months} maanden, subsidie {budget}): je plan "
        "besteedt {cost} aan {count} activiteiten ({share} van de subsidie) en bereikt "
        "doelgroepen op {tiers}.",
        "en": "Proportionality ({action}, {months} months, grant {budget}): your plan spends "
        "{cost} on {count} activities ({share} of the grant) and reaches target groups at "
        "{tiers}.",
    },
    "checks.proportionality.small": {
        "nl": "Een kleinschalig partnerschap dissemineert in verhouding tot zijn omvang: "
        "vooral in de eigen scholen en hun omgeving (micro en meso); een nationale of Europese "
        "campagne is niet nodig (Erasmus+-programmagids).",
        "en": "A small-scale partnership disseminates in proportion to its size: mainly in its "
        "own schools and their surroundings (micro and meso); a national or European campaign "
        "is not needed (Erasmus+ Programme Guide).",
    },
    "checks.proportionality.large_ok": {
        "nl": "Een samenwerkingspartnerschap is groter en verspreidt zijn resultaten ook buiten "
        "de eigen netwerken; je plan reikt tot macroniveau (Erasmus+-programmagids).",
        "en": "A cooperation partnership is larger and spreads its results beyond its own "
        "networks too; your plan reaches the macro level (Erasmus+ Programme Guide).",
    },
    "checks.proportionality.large_missing": {
        "nl": "Een samenwerkingspartnerschap is groter en verspreidt zijn resultaten ook buiten "
        "de eigen netwerken, maar je plan bereikt nog geen doelgroep op macroniveau "
        "(nationaal of Europees), bv. via het EPRP, de Epos-nieuwsbrief of een conferentie "
        "(Erasmus+-programmagids).",
        "en": "A cooperation partnership is larger and spreads its results beyond its own "
        "networks too, but your plan reaches no target group at macro level yet (national "
        "or European), e.g. through the EPRP, the Epos newsletter or a conference (Erasmus+ "
        "Programme Guide).",
    },
    "checks.proportionality.no_budget": {"nl": "onbekend", "en": "unknown"},
}
register(TEXTS)


def project_months(start: Any, end: Any) -> int | None:
    """The project's duration in whole months (start to end, both months counted)."""
    if not start or not end:
        return None
    return (end.year - start.year) * 12 + end.month - start.month + (end.day >= start.day)


@dataclass(frozen=True)
class Proportionality(Finding):
    """The proportionality finding: its sentence is built from the plan's figures."""

    figures: Mapping[str, Any] = field(default_factory=dict)

    def message(self, lang: str | None = None) -> str:
        if self.state == "unknown":
            return t("checks.proportionality.unknown", lang)
        f = self.figures
        budget = f["budget"]
        tiers = [t(f"tier.{tier}", lang) for tier in TIERS if tier in f["tiers"]]
        size = t(
            "checks.proportionality.size", lang,
            action=t(f"action_type.{f['action']}", lang),
            months=f["months"] if f["months"] is not None else "?",
            budget=format_money(budget, lang) if budget else t(
                "checks.proportionality.no_budget", lang),
            cost=format_money(f["cost"], lang),
            count=f["count"],
            share=(f"{format_number(100 * f['cost'] / budget, lang, 1)} %" if budget
                   else t("checks.proportionality.no_budget", lang)),
            tiers=", ".join(tiers) or "—",
        )
        return f"{size} {t(f'checks.proportionality.{self.state}', lang)}"


def check_proportionality(plan: Mapping[str, Any] | None, activities: pd.DataFrame,
                          target_groups: pd.DataFrame | None, catalog: Any = None) -> Finding:
    """The plan's reach and cost against its size (see the module's notes)."""
    action = (plan or {}).get("action_type")
    if not action:
        return Proportionality("proportionality", False, state="unknown")
    live = live_activities(activities)
    tags = group_tags(target_groups, catalog)
    tiers = {tag[1] for groups in live["target_groups"] for group in groups
             if (tag := tag_of(tags, group))}
    figures = {
        "action": str(action),
        "months": project_months(plan.get("start"), plan.get("end")),
        "budget": float(plan.get("budget") or 0),
        "cost": float(live["price"].sum()) if len(live) else 0.0,
        "count": len(live),
        "tiers": tiers,
    }
    if action == "KA210":
        return Proportionality("proportionality", True, state="small", figures=figures)
    reaches_macro = "macro" in tiers
    state = "large_ok" if reaches_macro else "large_missing"
    return Proportionality("proportionality", reaches_macro, state=state, figures=figures)
