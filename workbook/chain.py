"""The impact chain of each intended effect: its outputs → outcomes → impact, pure pandas.

Owner of *what counts as showing a change*. The Impacttool separates output (what the
project makes and does: countable, no change in itself), outcome (the lasting change in
people and organisations) and impact (the broad change the project contributes to with
others, which the project cannot measure alone). So:

* An indicator is a step of its effect's chain: ``level`` output or outcome. Impact is no
  indicator: it is described in words at the effect (``impact``: which change, and
  ``impact_signal``: how the team will notice it).
* An indicator **shows a change** (counts as outcome) only when the team says it is an
  outcome, names the change it shows in whom (``change``), and it does not count reach —
  a unit or name about followers, visitors, participants, readers, views, likes, articles
  or posts (:data:`REACH_WORDS`, :data:`REACH_EXACT`). That someone saw or attended
  something is output. The type of measurement (added up or a current total) decides
  nothing: a current total of followers is still reach, so switching the type cannot make
  it pass.
* A chain **stops at outputs** when the effect has indicators and none of them shows a
  change.

:func:`effect_chains` is the analysis (one row per effect); the checks of *waarom* and
*aan de slag* (:mod:`workbook.checks`) and the chain display read it.
"""

from __future__ import annotations

import re
from typing import Any

import pandas as pd

from .catalog import normalize
from .findings import Finding
from .i18n import register, t
from .model import Level

#: Word stems of units and names that count reach (people who saw, attended or followed
#: something; things published), not a change in people. A word of an indicator's unit or
#: name (folded: case, accents) that starts with one of them counts reach.
REACH_WORDS: tuple[str, ...] = (
    "volger", "follower", "bezoeker", "visitor", "deelnemer", "participant", "aanwezig",
    "attendee", "lezer", "reader", "kijker", "viewer", "weergave", "abonnee", "subscriber",
    "artikel", "article", "bericht", "download", "klik", "click", "bereik", "reach",
    "exemplar", "impression", "persaandacht",
)
#: Whole words that count reach (as stems they would catch other words: 'likert', 'posters').
REACH_EXACT: frozenset[str] = frozenset({"like", "likes", "view", "views", "post", "posts",
                                         "visits", "copies"})
CHAIN_COLUMNS = ("goal_id", "title", "level", "outputs", "outcomes", "impact",
                 "impact_signal", "stops_at")

TEXTS: dict[str, dict[str, str]] = {
    "checks.chains.ok": {
        "nl": "Elke keten gaat verder dan output: elk effect met indicatoren heeft er minstens "
        "één die een verandering bij mensen toont (outcome).",
        "en": "Every chain goes beyond output: each effect with indicators has at least one "
        "that shows a change in people (outcome).",
    },
    "checks.chains.missing": {
        "nl": "De keten stopt bij output bij: {items}. Output toont wat jullie deden, niet wat "
        "er veranderde. Welke verandering moet die output brengen, en bij wie? Geef dat effect "
        "een outcome-indicator die zegt wat er bij wie verandert.",
        "en": "The chain stops at output for: {items}. Output shows what you did, not what "
        "changed. Which change should that output bring, and in whom? Give that effect an "
        "outcome indicator that says what changes in whom.",
    },
    "checks.outcomes.ok": {
        "nl": "Elke outcome-indicator zegt welke verandering ze toont, bij wie, en telt geen "
        "bereik.",
        "en": "Every outcome indicator says which change it shows, in whom, and counts no "
        "reach.",
    },
    "checks.outcomes.missing": {
        "nl": "Deze indicatoren staan als outcome, maar tellen als output: {items}. Een "
        "indicator toont pas een verandering als ze zegt wát er bij wie verandert (veld "
        "'Welke verandering toont ze, bij wie?') en geen bereik telt: volgers, bezoekers, "
        "deelnemers, lezers of artikels tonen dat mensen iets zagen, niet dat ze iets anders "
        "doen. Het soort meting (optellen of stand) beslist dat niet.",
        "en": "These indicators are marked outcome but count as output: {items}. An indicator "
        "shows a change only when it says what changes in whom (field 'Which change does it "
        "show, in whom?') and counts no reach: followers, visitors, participants, readers or "
        "articles show that people saw something, not that they do something differently. "
        "The type of measurement (added up or current total) does not decide it.",
    },
    "checks.outcomes.why_reach": {"nl": "telt bereik", "en": "counts reach"},
    "checks.outcomes.why_change": {"nl": "zegt niet welke verandering",
                                   "en": "names no change"},
    "checks.impact_words.ok": {
        "nl": "Elk effect op impactniveau beschrijft in woorden welke brede verandering het "
        "wil en hoe jullie die zullen merken.",
        "en": "Every impact-level effect describes in words the broad change it aims at and "
        "how you will notice it.",
    },
    "checks.impact_words.missing": {
        "nl": "Impact tel je niet: je beschrijft ze. Het project kan ze niet alleen meten "
        "(Impacttool). Beschrijf bij {items} welke brede verandering jullie willen en hoe "
        "jullie zullen merken dat ze komt (signalen, verhalen, wat anderen overnemen).",
        "en": "Impact is not counted but described: the project cannot measure it alone "
        "(Impacttool). For {items}, describe the broad change you aim at and how you will "
        "notice it coming (signals, stories, what others take over).",
    },
    "checks.unlinked.ok": {
        "nl": "Elke indicator hoort bij een beoogd effect.",
        "en": "Every indicator belongs to an intended effect.",
    },
    "checks.unlinked.missing": {
        "nl": "Indicatoren zonder beoogd effect: {items}. Kies bij elke indicator het effect "
        "waarvan ze een stap toont.",
        "en": "Indicators without an intended effect: {items}. Choose for each indicator the "
        "effect whose step it shows.",
    },
    "chain.outputs": {"nl": "Output", "en": "Output"},
    "chain.outcomes": {"nl": "Outcome", "en": "Outcome"},
    "chain.impact": {"nl": "Impact (in woorden)", "en": "Impact (in words)"},
    "chain.none": {"nl": "—", "en": "—"},
    "chain.noticed": {"nl": "merken we aan", "en": "noticed by"},
    "chain.stops.none": {"nl": "nog geen indicator", "en": "no indicator yet"},
    "chain.stops.output": {"nl": "stopt bij output", "en": "stops at output"},
    "chain.stops.outcome": {"nl": "tot outcome (impact nog niet beschreven)",
                            "en": "up to outcome (impact not described yet)"},
    "chain.stops.impact": {"nl": "volledig", "en": "complete"},
    "chain.stops": {"nl": "Keten", "en": "Chain"},
    "chain.no_effects": {"nl": "Nog geen beoogde effecten.", "en": "No intended effects yet."},
}
register(TEXTS)

_WORD = re.compile(r"[a-z0-9]+")


def counts_reach(name: str, unit: str) -> bool:
    """True when the indicator's unit or name counts reach (:data:`REACH_WORDS`)."""
    words = _WORD.findall(normalize(f"{name} {unit}"))
    return any(word in REACH_EXACT or word.startswith(REACH_WORDS) for word in words)


def outcome_problem(indicator: Any) -> str | None:
    """Why an indicator marked outcome does not show a change (``reach`` or ``change``), or
    None when it does or is not marked outcome. ``indicator``: a row of the indicators
    frame (or a mapping with name, unit, level, change)."""
    if _text(indicator.get("level")) != Level.OUTCOME:
        return None
    if counts_reach(_text(indicator.get("name")), _text(indicator.get("unit"))):
        return "reach"
    if not _text(indicator.get("change")).strip():
        return "change"
    return None


def shows_change(indicator: Any) -> bool:
    """The one rule: marked outcome, names the change, counts no reach."""
    return (_text(indicator.get("level")) == Level.OUTCOME
            and outcome_problem(indicator) is None)


def _text(value: Any) -> str:
    return "" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value)


def _of_goal(goal_id: Any, indicators: pd.DataFrame) -> pd.DataFrame:
    linked = indicators["goal_id"]
    return indicators[linked.notna() & (linked.astype("Int64") == int(goal_id))]


def effect_chains(goals: pd.DataFrame, indicators: pd.DataFrame) -> pd.DataFrame:
    """One row per effect (goal), in the goals' order: ``outputs`` and ``outcomes`` (tuples
    of indicator names, an indicator that does not show a change among the outputs), the
    ``impact`` and ``impact_signal`` in words, and where the chain ``stops_at``: ``none``
    (no indicator, no impact), ``output``, ``outcome`` (impact not described) or ``impact``."""
    rows = []
    for goal in goals.to_dict("records"):
        own = _of_goal(goal["id"], indicators).to_dict("records")
        outcomes = tuple(row["name"] for row in own if shows_change(row))
        outputs = tuple(row["name"] for row in own if not shows_change(row))
        impact, signal = _text(goal.get("impact")).strip(), _text(goal.get("impact_signal"))
        if outcomes:
            stops = "impact" if impact else "outcome"
        else:
            stops = "output" if outputs else ("impact" if impact else "none")
        rows.append({"goal_id": int(goal["id"]), "title": goal["title"],
                     "level": goal["level"], "outputs": outputs, "outcomes": outcomes,
                     "impact": impact, "impact_signal": signal.strip(), "stops_at": stops})
    return pd.DataFrame(rows, columns=list(CHAIN_COLUMNS))


def chain_table(chains: pd.DataFrame, lang: str | None = None) -> pd.DataFrame:
    """The chains to show: per effect its outputs → outcomes → impact, in ``lang``."""
    none = t("chain.none", lang)

    def impact_cell(impact: str, signal: str) -> str:
        if not impact:
            return none
        return f"{impact} ({t('chain.noticed', lang)}: {signal})" if signal else impact

    table = pd.DataFrame({
        t("field.title", lang): chains["title"],
        t("field.level", lang): chains["level"].map(lambda v: t(f"level.{v}", lang)),
        t("chain.outputs", lang): chains["outputs"].map(lambda v: "; ".join(v) or none),
        t("chain.outcomes", lang): chains["outcomes"].map(lambda v: "; ".join(v) or none),
        t("chain.impact", lang): [impact_cell(i, s) for i, s in
                                  zip(chains["impact"], chains["impact_signal"], strict=True)],
        t("chain.stops", lang): chains["stops_at"].map(lambda v: t(f"chain.stops.{v}", lang)),
    })
    table.index = pd.Index(chains["goal_id"], name="#")
    return table


# ----- the findings ------------------------------------------------------------------------


def _quoted(names: list[str]) -> tuple[dict[str, str], ...]:
    return tuple({"nl": f"'{name}'", "en": f"'{name}'"} for name in names)


def check_chains(goals: pd.DataFrame, indicators: pd.DataFrame) -> Finding:
    """Effects whose chain stops at outputs."""
    chains = effect_chains(goals, indicators)
    stopped = chains.loc[chains["stops_at"] == "output", "title"].tolist()
    return Finding("chains", not stopped, items=_quoted(stopped))


def check_outcomes(indicators: pd.DataFrame) -> Finding:
    """Indicators marked outcome that do not show a change, each with the reason."""
    flagged = []
    for row in indicators.to_dict("records"):
        why = outcome_problem(row)
        if why is not None:
            flagged.append({lang: f"'{row['name']}' ({t(f'checks.outcomes.why_{why}', lang)})"
                            for lang in ("nl", "en")})
    return Finding("outcomes", not flagged, items=tuple(flagged))


def check_impact_words(goals: pd.DataFrame) -> Finding:
    """Impact-level effects whose impact (and how it is noticed) is not described in words."""
    missing = [
        goal["title"] for goal in goals.to_dict("records")
        if goal["level"] == Level.IMPACT
        and not (_text(goal.get("impact")).strip() and _text(goal.get("impact_signal")).strip())
    ]
    return Finding("impact_words", not missing, items=_quoted(missing))


def check_unlinked(indicators: pd.DataFrame) -> Finding:
    """Indicators that belong to no intended effect."""
    names = indicators.loc[indicators["goal_id"].isna(), "name"].tolist()
    return Finding("unlinked", not names, items=_quoted(names))
