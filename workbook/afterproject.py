"""After the project: planning rows after the end date, exploitation and sustainability, and
the open licence of the results. Pure functions on the plan's fields and frames; the plan
check of *aan de slag* (:mod:`workbook.checks`) lists their findings.

Decisions a reader of the findings should know:

* A planning row is **after the project** when its period says so (``na``); it may be dated
  after the plan's end date, and nothing refuses or hides it. A row dated after the end but
  left *during the project* is named (mark it *na het project*), and so is a row marked
  *after* but dated on or before the end.
* **Exploitation and sustainability** are in order when the plan says what stays in use and
  by whom (``exploitation``) and who maintains it and where it stays available
  (``maintenance``); the Programme Guide asks a plan for dissemination during *and after*
  the funded period.
* **Open licence**: the Programme Guide asks that educational materials made in a project
  are freely available under an open licence that lets anyone at least use, adapt and share
  them (``open_licentie`` in data/bronnen.csv). CC BY 4.0 and CC BY-SA 4.0 do; another
  licence is in order once the team checked that it allows the same; *no open licence* is
  not in order.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

import pandas as pd

from .analysis import as_date, live_activities
from .findings import Finding
from .i18n import register, t
from .model import Licence, Period

TEXTS: dict[str, dict[str, str]] = {
    "checks.period.ok": {
        "nl": "Na het project: {items} staan gepland na de einddatum en zijn zo aangeduid.",
        "en": "After the project: {items} are planned after the end date and marked so.",
    },
    "checks.period.none": {
        "nl": "Na het project: nog geen rij 'na het project'. Wat doen jullie als de "
        "subsidie stopt (de lespakketten blijven delen, een vakgroep die verdergaat, een "
        "bericht een jaar later)? Een rij mag na de einddatum liggen: kies dan de periode "
        "'na het project'.",
        "en": "After the project: no row 'after the project' yet. What will you do once the "
        "grant ends (keep sharing the materials, a subject team that carries on, a post a "
        "year later)? A row may be dated after the end date: then choose the period 'after "
        "the project'.",
    },
    "checks.period.unmarked": {
        "nl": "Deze rijen liggen na de einddatum van het project, maar staan als 'tijdens het "
        "project': {items}. Kies bij die rijen de periode 'na het project'.",
        "en": "These rows are dated after the project's end date but marked 'during the "
        "project': {items}. Choose the period 'after the project' for them.",
    },
    "checks.period.early": {
        "nl": "Deze rijen staan als 'na het project', maar liggen vóór of op de einddatum: "
        "{items}. Verzet de datum of kies 'tijdens het project'.",
        "en": "These rows are marked 'after the project' but dated on or before the end date: "
        "{items}. Move the date or choose 'during the project'.",
    },
    "checks.sustainability.ok": {
        "nl": "Na het project: je plan zegt wat gebruikt blijft, door wie, en wie het "
        "onderhoudt.",
        "en": "After the project: your plan says what stays in use, by whom, and who "
        "maintains it.",
    },
    "checks.sustainability.missing": {
        "nl": "Na het project: beschrijf in 00 — welkom nog {items}. Een disseminatieplan gaat "
        "ook over de tijd na de subsidie (Erasmus+-programmagids).",
        "en": "After the project: describe in 00 — welcome {items} as well. A dissemination "
        "plan also covers the time after the grant (Erasmus+ Programme Guide).",
    },
    "checks.sustainability.exploitation": {
        "nl": "wat gebruikt blijft en door wie",
        "en": "what stays in use and by whom",
    },
    "checks.sustainability.maintenance": {
        "nl": "wie het onderhoudt en waar het beschikbaar blijft",
        "en": "who maintains it and where it stays available",
    },
    "checks.licence.ok": {
        "nl": "Open licentie: de resultaten worden gedeeld onder {items}.",
        "en": "Open licence: the results are shared under {items}.",
    },
    "checks.licence.other": {
        "nl": "Open licentie: je koos een andere open licentie. Ga na dat ze iedereen toelaat "
        "het materiaal te gebruiken, aan te passen en te delen (Erasmus+-programmagids) en "
        "noem ze op het materiaal.",
        "en": "Open licence: you chose another open licence. Check that it lets anyone use, "
        "adapt and share the materials (Erasmus+ Programme Guide) and name it on the "
        "materials.",
    },
    "checks.licence.none": {
        "nl": "Open licentie: 'geen open licentie' is niet genoeg. De Erasmus+-programmagids "
        "vraagt dat lesmateriaal uit het project vrij beschikbaar is onder een open licentie "
        "die gebruiken, aanpassen en delen toelaat, bv. CC BY 4.0 of CC BY-SA 4.0.",
        "en": "Open licence: 'no open licence' is not enough. The Erasmus+ Programme Guide "
        "asks that teaching materials from the project are freely available under an open "
        "licence that allows use, adaptation and sharing, e.g. CC BY 4.0 or CC BY-SA 4.0.",
    },
    "checks.licence.missing": {
        "nl": "Open licentie: kies in 00 — welkom de licentie van je resultaten (bv. CC BY 4.0 "
        "of CC BY-SA 4.0). De Erasmus+-programmagids vraagt een open licentie voor het "
        "materiaal dat je project maakt.",
        "en": "Open licence: choose the licence of your results in 00 — welcome (e.g. CC BY "
        "4.0 or CC BY-SA 4.0). The Erasmus+ Programme Guide asks for an open licence for the "
        "materials your project makes.",
    },
}
register(TEXTS)

#: Licences that let anyone use, adapt and share (named on the materials as they are).
OPEN_LICENCES: dict[str, str] = {Licence.CC_BY: "CC BY 4.0", Licence.CC_BY_SA: "CC BY-SA 4.0"}


def _quoted(names: list[str]) -> tuple[dict[str, str], ...]:
    return tuple({"nl": f"'{name}'", "en": f"'{name}'"} for name in names[:3]) + (
        ({"nl": f"en nog {len(names) - 3}", "en": f"and {len(names) - 3} more"},)
        if len(names) > 3 else ())


def _periods(live: pd.DataFrame) -> list[str]:
    if "period" not in live:
        return [Period.TIJDENS.value] * len(live)
    return live["period"].fillna(Period.TIJDENS.value).tolist()


def after_end(activities: pd.DataFrame, end: date | None) -> list[str]:
    """The *wat* of every live row dated after ``end`` (none without an end date)."""
    if end is None:
        return []
    live = live_activities(activities)
    days = pd.to_datetime(live["when"]).dt.date.tolist()
    return [what for what, day in zip(live["what"].tolist(), days, strict=True) if day > end]


def check_period(activities: pd.DataFrame, end: date | None) -> Finding:
    """Rows after the project: marked so, and dated after the end date when it is known."""
    live = live_activities(activities)
    whats, periods = live["what"].tolist(), _periods(live)
    days = pd.to_datetime(live["when"]).dt.date.tolist()
    rows = list(zip(whats, periods, days, strict=True))
    if end is not None:
        unmarked = [w for w, p, d in rows if d > end and p != Period.NA]
        if unmarked:
            return Finding("period", False, state="unmarked", items=_quoted(unmarked))
        early = [w for w, p, d in rows if d <= end and p == Period.NA]
        if early:
            return Finding("period", False, state="early", items=_quoted(early))
    after = [w for w, p, _ in rows if p == Period.NA]
    if not after:
        return Finding("period", False, state="none")
    return Finding("period", True, items=_quoted(after))


def check_sustainability(plan: Mapping[str, Any]) -> Finding:
    """What stays in use and by whom, who maintains it: both described in the plan."""
    missing = [
        {lang: t(f"checks.sustainability.{name}", lang) for lang in ("nl", "en")}
        for name in ("exploitation", "maintenance")
        if not str(plan.get(name) or "").strip()
    ]
    return Finding("sustainability", not missing, items=tuple(missing))


def check_licence(plan: Mapping[str, Any]) -> Finding:
    """The results' licence is an open one."""
    licence = plan.get("licence") or None
    if licence in OPEN_LICENCES:
        name = OPEN_LICENCES[licence]
        return Finding("licence", True, items=({"nl": name, "en": name},))
    if licence == Licence.ANDER:
        return Finding("licence", True, state="other")
    if licence == Licence.GEEN:
        return Finding("licence", False, state="none")
    return Finding("licence", False)


def after_project_check(plan: Mapping[str, Any], activities: pd.DataFrame) -> list[Finding]:
    """The points of the plan check about the time after the project."""
    return [check_period(activities, as_date(plan.get("end"))), check_sustainability(plan),
            check_licence(plan)]
