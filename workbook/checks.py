"""The plan check of *aan de slag* and the effect check of *waarom*: pure functions on frames.

Every function takes the frames :meth:`Store.plan_tables` hands out (or hand-made frames
with the same columns) and returns :class:`Finding` objects; each finding says whether a
point is in order and can tell it in Dutch or English. Nothing here opens the store or
builds a widget.

Decisions a reader of the findings should know:

* Deleted and cancelled (``geannuleerd``) planning rows count nowhere.
* **EPRP present** means a live planning row uses a mandatory channel of the catalog
  (``verplicht = ja`` in ``kanalen.csv``: the Erasmus+ Project Results Platform). Results
  can be uploaded once the end date has passed or the final report is in, which comes after
  the end date (data/bronnen.csv, ``eprp``): the upload is planned with or after the final
  report, so an EPRP row counts only when dated on or after the plan's end date. Without an
  end date the row counts, and the finding asks for the end date to judge its timing.
* **Pupils are recognisable** in a planning row when the row says so (``pupils_recognisable``:
  a property of the activity, asked in the form, not guessed from its audience). Then the
  privacy point (written consent) must be ticked as in order.
* A row **makes a product** when its ``product`` is not ``geen``: each such product carries
  the EU emblem with *Medegefinancierd door de Europese Unie* and the disclaimer in its
  exact wording; the logo and disclaimer findings name the products still waiting.
* A target group **has a key message** when at least one live planning row that addresses
  it carries a message (kernboodschap). A group **has channels** when a live row addressing
  it names a channel, or its choice in *hoe* does. The deck's chain is boodschap →
  doelgroepen → kanalen → impact: a group with channels but no message is named.
* **Proportionality** compares the plan with the project's size (the plan's action type,
  grant budget and period): the dissemination cost (the live rows' prices), its share of the
  grant and the levels reached. A cooperation partnership (KA220) is expected to reach
  beyond its own networks: without any target group at macro level (national, European)
  the point is open. A small-scale partnership (KA210) is in order at micro and meso level.
  No percentage of the budget is a rule of the Programme Guide: the check states the share
  and leaves the judgement in words.
* **The impact chain** (:mod:`workbook.chain`, the one rule of *showing a change*): an effect
  whose indicators none show a change stops at outputs; an indicator marked outcome that
  counts reach or names no change counts as output, whatever its type of measurement; an
  impact-level effect describes its impact in words and how the team will notice it — it is
  not asked for a count.
* **After the project** (:mod:`workbook.afterproject`): rows after the end date marked so,
  what stays in use and who maintains it, an open licence for the results.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import pandas as pd

from . import chain
from .afterproject import after_project_check
from .analysis import as_date, live_activities
from .findings import Finding as Finding
from .i18n import register, t
from .model import Scope, Tier
from .proportionality import check_proportionality

SCOPES: tuple[str, ...] = tuple(member.value for member in Scope)
TIERS: tuple[str, ...] = tuple(member.value for member in Tier)
#: How many rows a finding names before it says "and N more".
NAMED_ROWS = 3

TEXTS: dict[str, dict[str, str]] = {
    "checks.eprp.ok": {
        "nl": "De resultaten komen op het EPRP (verplicht): {items}.",
        "en": "Results are uploaded to the EPRP (mandatory): {items}.",
    },
    "checks.eprp.missing": {
        "nl": "Er staat nog geen rij met het Erasmus+ Project Results Platform (EPRP) in de "
        "planning. Het EPRP is verplicht: plan wanneer je de resultaten oplaadt.",
        "en": "No planning row uses the Erasmus+ Project Results Platform (EPRP) yet. The EPRP "
        "is mandatory: plan when you upload the results.",
    },
    "checks.eprp.too_early": {
        "nl": "Het EPRP staat in de planning ({items}), maar vóór de einddatum van het "
        "project. Resultaten opladen kan pas als de einddatum voorbij is of het eindrapport "
        "is ingediend, en dat volgt na de einddatum: plan het opladen met of na het "
        "eindrapport, op of na de einddatum.",
        "en": "The EPRP is in the plan ({items}), but before the project's end date. Results "
        "can be uploaded only once the end date has passed or the final report is in, which "
        "comes after the end date: plan the upload with or after the final report, on or "
        "after the end date.",
    },
    "checks.eprp.no_end": {
        "nl": "Het EPRP staat in de planning ({items}). Vul in 00 — welkom de einddatum van "
        "het project in: opladen kan pas met of na het eindrapport, en de controle kijkt dan "
        "of de rij op of na de einddatum ligt.",
        "en": "The EPRP is in the plan ({items}). Fill in the project's end date in 00 — "
        "welcome: results can be uploaded only with or after the final report, and the check "
        "then sees whether the row is on or after the end date.",
    },
    "checks.groups.ok": {
        "nl": "Elke gekozen doelgroep wordt door minstens één activiteit bereikt.",
        "en": "Every chosen target group is reached by at least one activity.",
    },
    "checks.groups.none": {
        "nl": "Je koos nog geen doelgroepen (notebook 02 — wat).",
        "en": "No target groups chosen yet (notebook 02 — what).",
    },
    "checks.groups.missing": {
        "nl": "Gekozen doelgroepen zonder activiteit: {items}.",
        "en": "Chosen target groups without an activity: {items}.",
    },
    "checks.messages.ok": {
        "nl": "Elke doelgroep met een kanaal krijgt een kernboodschap.",
        "en": "Every target group with a channel gets a key message.",
    },
    "checks.messages.missing": {
        "nl": "Doelgroepen met kanalen maar zonder kernboodschap: {items}. Wat wil je dat zij "
        "onthouden? Vul de kernboodschap in bij een rij voor hen (boodschap → doelgroepen → "
        "kanalen → impact).",
        "en": "Target groups with channels but no key message: {items}. What do you want them "
        "to remember? Fill in the key message in a row for them (message → target groups → "
        "channels → impact).",
    },
    "checks.logos.ok": {
        "nl": "Logo's: het EU-embleem met 'Medegefinancierd door de Europese Unie' is in orde.",
        "en": "Logos: the EU emblem with 'Co-funded by the European Union' is in order.",
    },
    "checks.logos.missing": {
        "nl": "Logo's: vink het aandachtspunt aan zodra het EU-embleem met 'Medegefinancierd "
        "door de Europese Unie' op alle communicatie staat (notebook 03 — hoe).",
        "en": "Logos: tick the point once the EU emblem with 'Co-funded by the European Union' "
        "is on every communication (notebook 03 — how).",
    },
    "checks.logos.products": {
        "nl": "Logo's: zet het EU-embleem met 'Medegefinancierd door de Europese Unie' op "
        "{items} en vink het aandachtspunt aan (notebook 03 — hoe).",
        "en": "Logos: put the EU emblem with 'Co-funded by the European Union' on {items} and "
        "tick the point (notebook 03 — how).",
    },
    "checks.disclaimer.ok": {
        "nl": "Disclaimer: in orde.",
        "en": "Disclaimer: in order.",
    },
    "checks.disclaimer.missing": {
        "nl": "Disclaimer: nog niet in orde — neem de officiële tekst letterlijk over "
        "(notebook 03 — hoe; je subsidieovereenkomst gaat voor).",
        "en": "Disclaimer: not in order yet — copy the official wording exactly "
        "(notebook 03 — how; your grant agreement prevails).",
    },
    "checks.disclaimer.products": {
        "nl": "Disclaimer: zet de officiële tekst letterlijk ('… geven niet noodzakelijkerwijs "
        "de standpunten … van de Europese Unie … weer', notebook 03) op {items} en vink het "
        "aandachtspunt aan.",
        "en": "Disclaimer: put the official wording exactly ('… do not necessarily reflect "
        "those of the European Union …', notebook 03) on {items} and tick the point.",
    },
    "checks.privacy.ok": {
        "nl": "Privacy: schriftelijke toestemming voor herkenbare leerlingen is geregeld "
        "({items}).",
        "en": "Privacy: written consent for recognisable pupils is arranged ({items}).",
    },
    "checks.privacy.not_needed": {
        "nl": "Privacy: geen enkele rij zegt dat leerlingen herkenbaar in beeld komen. Klopt "
        "dat? Vink 'Leerlingen herkenbaar in beeld' aan bij elke rij waar dat zo is, ook bij "
        "een interview of een krantenfoto.",
        "en": "Privacy: no row says that pupils are recognisable in images. Is that right? Tick "
        "'Pupils recognisable in images' on every row where they are, an interview or a "
        "newspaper photo too.",
    },
    "checks.privacy.missing": {
        "nl": "Privacy: leerlingen zijn herkenbaar in beeld in {items}. Vraag schriftelijke "
        "toestemming, apart om de beelden te maken en om ze te publiceren; ze noemt het soort "
        "beeld, waar het verschijnt en waarom, en kan altijd ingetrokken worden. Vink daarna "
        "het aandachtspunt privacy aan (notebook 03). Een modeltekst staat bij de downloads.",
        "en": "Privacy: pupils are recognisable in images in {items}. Ask for written consent, "
        "separately for taking the images and for publishing them; it names the kind of "
        "image, where it appears and why, and can be withdrawn at any time. Then tick the "
        "privacy point (notebook 03). A model text is with the downloads.",
    },
    "checks.targets.ok": {
        "nl": "Elke indicator heeft een streefwaarde.",
        "en": "Every indicator has a target value.",
    },
    "checks.targets.missing": {
        "nl": "Indicatoren zonder streefwaarde (0): {items}. Wanneer is het doel bereikt?",
        "en": "Indicators without a target value (0): {items}. When is the goal reached?",
    },
    "checks.no_indicator.ok": {
        "nl": "Elk beoogd effect heeft minstens één indicator.",
        "en": "Every intended effect has at least one indicator.",
    },
    "checks.no_indicator.missing": {
        "nl": "Beoogde effecten zonder indicator: {items}.",
        "en": "Intended effects without an indicator: {items}.",
    },
    "checks.coverage.empty": {
        "nl": "Nog geen doelgroep in: {cells}.",
        "en": "No target group yet in: {cells}.",
    },
    "checks.coverage.full": {
        "nl": "Elke combinatie van intern/extern en micro/meso/macro heeft een doelgroep.",
        "en": "Every combination of internal/external and micro/meso/macro has a target group.",
    },
    "checks.cell": {"nl": "{scope} · {tier}", "en": "{scope} · {tier}"},
}
register(TEXTS)


def _same(text: str) -> dict[str, str]:
    return {"nl": text, "en": text}


def _named(value: str, catalog: Any) -> dict[str, str]:
    if catalog is None:
        return _same(value)
    return {lang: catalog.label_of(value, lang) for lang in ("nl", "en")}


def _done(attention: pd.DataFrame, point: str) -> bool:
    if attention is None or attention.empty:
        return False
    rows = attention[attention["point"] == point]
    return bool(len(rows)) and bool(rows["done"].iloc[-1])


# ----- the individual checks -------------------------------------------------------------


def check_eprp(activities: pd.DataFrame, catalog: Any, end: Any = None) -> Finding:
    """A results upload on the EPRP is planned, on or after the plan's ``end`` when known."""
    mandatory = {channel.id for channel in catalog.mandatory_channels()} if catalog else {"eprp"}
    live = live_activities(activities)
    rows = [
        (what, when)
        for what, channels, when in zip(live["what"].tolist(), live["channels"],
                                        pd.to_datetime(live["when"]).tolist(), strict=True)
        if not mandatory.isdisjoint(channels)
    ]
    if end is None and rows:
        return Finding("eprp", True, state="no_end",
                       items=tuple(_same(f"'{what}'") for what, _ in rows[:1]))
    if end is not None and rows:
        in_time = [(what, when) for what, when in rows if when.date() >= end]
        if not in_time:
            return Finding("eprp", False, state="too_early",
                           items=tuple(_same(f"'{what}'") for what, _ in rows[:1]))
        rows = in_time
    return Finding("eprp", bool(rows), items=tuple(_same(f"'{what}'") for what, _ in rows[:1]))


def check_groups_reached(
    activities: pd.DataFrame, target_groups: pd.DataFrame, catalog: Any = None
) -> Finding:
    chosen = list(target_groups["group"]) if target_groups is not None else []
    if not chosen:
        return Finding("groups", False, state="none")
    reached: set[str] = set()
    for groups in live_activities(activities)["target_groups"]:
        reached.update(groups)
    missing = [group for group in chosen if group not in reached]
    return Finding("groups", not missing, items=tuple(_named(g, catalog) for g in missing))


def groups_without_message(activities: pd.DataFrame,
                           target_groups: pd.DataFrame | None = None) -> list[str]:
    """The target groups that have channels (in a live row, or chosen in *hoe*) but no live
    row with a key message, in the order they first appear."""
    live = live_activities(activities)
    with_channels: list[str] = []
    with_message: set[str] = set()
    messages = live["message"] if "message" in live else pd.Series([""] * len(live))
    for groups, channels, message in zip(live["target_groups"], live["channels"],
                                         messages.fillna("").tolist(), strict=True):
        if len(channels):
            with_channels += [g for g in groups if g not in with_channels]
        if str(message).strip():
            with_message.update(groups)
    if target_groups is not None and len(target_groups):
        for group, channels in zip(target_groups["group"], target_groups["channels"],
                                   strict=True):
            if len(channels) and group not in with_channels:
                with_channels.append(group)
    return [group for group in with_channels if group not in with_message]


def check_messages(activities: pd.DataFrame, target_groups: pd.DataFrame | None,
                   catalog: Any = None) -> Finding:
    missing = groups_without_message(activities, target_groups)
    return Finding("messages", not missing, items=tuple(_named(g, catalog) for g in missing))


def check_attention(attention: pd.DataFrame, point: str) -> Finding:
    return Finding(point, _done(attention, point))


def _row_names(whats: list[str]) -> tuple[dict[str, str], ...]:
    """The rows a finding names: the first :data:`NAMED_ROWS`, then 'and N more'."""
    named = [_same(f"'{what}'") for what in whats[:NAMED_ROWS]]
    if len(whats) > NAMED_ROWS:
        rest = len(whats) - NAMED_ROWS
        named.append({"nl": f"en nog {rest}", "en": f"and {rest} more"})
    return tuple(named)


def rows_with_product(activities: pd.DataFrame) -> list[str]:
    """The *wat* of every live planning row that makes a product (not ``geen``)."""
    live = live_activities(activities)
    if "product" not in live:
        return []
    return [what for what, product in zip(live["what"].tolist(), live["product"].tolist(),
                                          strict=True) if product and product != "geen"]


def pupils_in_images(activities: pd.DataFrame) -> list[str]:
    """The *wat* of every live planning row where pupils are recognisable in images."""
    live = live_activities(activities)
    if "pupils_recognisable" not in live:
        return []
    flags = live["pupils_recognisable"].fillna(False).astype(bool).tolist()
    return [what for what, flag in zip(live["what"].tolist(), flags, strict=True) if flag]


def check_visibility(activities: pd.DataFrame, attention: pd.DataFrame, point: str) -> Finding:
    """Logos or disclaimer: in order when ticked; else the rows whose products need it."""
    if _done(attention, point):
        return Finding(point, True)
    products = rows_with_product(activities)
    if not products:
        return Finding(point, False)
    return Finding(point, False, state="products", items=_row_names(products))


def check_privacy(activities: pd.DataFrame, attention: pd.DataFrame) -> Finding:
    rows = pupils_in_images(activities)
    if not rows:
        return Finding("privacy", True, state="not_needed")
    return Finding("privacy", _done(attention, "privacy"), items=_row_names(rows))


def check_targets(indicators: pd.DataFrame) -> Finding:
    missing = [
        name
        for name, target in zip(
            indicators["name"].tolist(), indicators["target"].tolist(), strict=True
        )
        if not float(target or 0)
    ]
    return Finding("targets", not missing, items=tuple(_same(name) for name in missing))


def _goal_indicators(goal_id: Any, indicators: pd.DataFrame) -> pd.DataFrame:
    linked = indicators["goal_id"]
    return indicators[linked.notna() & (linked.astype("Int64") == int(goal_id))]


def check_goal_indicators(goals: pd.DataFrame, indicators: pd.DataFrame) -> Finding:
    missing = [
        goal["title"]
        for _, goal in goals.iterrows()
        if _goal_indicators(goal["id"], indicators).empty
    ]
    return Finding("no_indicator", not missing, items=tuple(_same(f"'{g}'") for g in missing))


# ----- the combined checks ---------------------------------------------------------------


def chain_check(goals: pd.DataFrame, indicators: pd.DataFrame) -> list[Finding]:
    """The impact chain's points: indicators belong to an effect, outcome indicators show a
    change, chains go beyond outputs, impact is described in words."""
    return [
        chain.check_unlinked(indicators),
        chain.check_outcomes(indicators),
        chain.check_chains(goals, indicators),
        chain.check_impact_words(goals),
    ]


def effect_check(goals: pd.DataFrame, indicators: pd.DataFrame) -> list[Finding]:
    """The check of *waarom*: every effect has an indicator, the chain's points, every
    indicator has a target."""
    return [
        check_goal_indicators(goals, indicators),
        *chain_check(goals, indicators),
        check_targets(indicators),
    ]


def plan_check(tables: Mapping[str, pd.DataFrame], catalog: Any = None,
               plan: Mapping[str, Any] | None = None) -> list[Finding]:
    """The plan check of *aan de slag*, in the order the notebook names the points; with
    ``plan`` (the plan's fields) it weighs proportionality too."""
    activities = live_activities(tables["activities"])  # once for the checks below
    attention = tables.get("attention")
    return [
        check_eprp(activities, catalog, as_date((plan or {}).get("end"))),
        check_groups_reached(activities, tables.get("target_groups"), catalog),
        check_messages(activities, tables.get("target_groups"), catalog),
        check_visibility(activities, attention, "logos"),
        check_visibility(activities, attention, "disclaimer"),
        check_privacy(activities, attention),
        check_targets(tables["indicators"]),
        *chain_check(tables["goals"], tables["indicators"]),
        *([check_proportionality(plan, activities, tables.get("target_groups"), catalog)]
          if plan is not None else []),
        *(after_project_check(plan, activities) if plan is not None else []),
    ]


def problems(findings: Iterable[Finding]) -> list[Finding]:
    return [finding for finding in findings if not finding.ok]


# ----- coverage of the chosen target groups (notebook *wat*) -----------------------------


def group_coverage(target_groups: pd.DataFrame) -> dict[tuple[str, str], list[str]]:
    """The chosen target groups per (scope, tier) cell, every cell present (maybe empty)."""
    cells: dict[tuple[str, str], list[str]] = {(s, tier): [] for s in SCOPES for tier in TIERS}
    for _, row in target_groups.iterrows():
        key = (row["scope"], row["level"])
        if key in cells:
            cells[key].append(row["group"])
    return cells


def empty_cells(coverage: Mapping[tuple[str, str], list[str]]) -> list[tuple[str, str]]:
    return [cell for cell, groups in coverage.items() if not groups]


def cell_label(scope: str, tier: str, lang: str | None = None) -> str:
    return t("checks.cell", lang, scope=t(f"scope.{scope}", lang), tier=t(f"tier.{tier}", lang))


def describe_coverage(
    coverage: Mapping[tuple[str, str], list[str]], lang: str | None = None
) -> str:
    """A sentence naming the empty cells, or saying every cell has a target group."""
    empty = empty_cells(coverage)
    if not empty:
        return t("checks.coverage.full", lang)
    cells = ", ".join(cell_label(scope, tier, lang) for scope, tier in empty)
    return t("checks.coverage.empty", lang, cells=cells)
