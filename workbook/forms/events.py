"""The Erasmus+ events a plan's activities can ride along with: which fall in the plan's
years and are still ahead, and how they are named and dated."""

from __future__ import annotations

import pandas as pd
from IPython.display import HTML, display

from .. import analysis, config
from ..catalog import EventOccurrence
from ..i18n import language, register, t
from ..session import Session
from .widgets import html_table

TEXTS: dict[str, dict[str, str]] = {
    "planning.month_only": {
        "nl": "{month} {year} (dagen volgen)",
        "en": "{month} {year} (days tbc)",
    },
    "planning.events_heading": {"nl": "Moment", "en": "Event"},
    "planning.events_dates": {"nl": "Wanneer", "en": "When"},
    "planning.events_about": {"nl": "Waarom", "en": "Why"},
}
register(TEXTS)

def occurrence_label(occurrence: EventOccurrence, lang: str | None = None) -> str:
    name = occurrence.event.label(lang)
    start, end = occurrence.start, occurrence.end
    if not occurrence.exact:
        month = analysis.MONTHS[language(lang)][start.month - 1]
        return f"{name} — {t('planning.month_only', lang, month=month, year=start.year)}"
    if start == end:
        return f"{name} — {analysis.format_date(start, lang)}"
    return f"{name} — {start.day}–{analysis.format_date(end, lang)}"


def plan_years(session: Session) -> list[int]:
    """The calendar years the plan runs (its start to end), else this year and the next."""
    plan = session.store.plan_fields(session.plan_id)
    if plan["start"] and plan["end"]:
        return list(range(plan["start"].year, plan["end"].year + 1))
    year = config.today().year
    return [year, year + 1]


def upcoming_events(session: Session) -> list[EventOccurrence]:
    """The Erasmus+ events of the plan's years that have not ended before today."""
    today = config.today()
    occurrences = session.catalog.event_occurrences(plan_years(session))
    return [occurrence for occurrence in occurrences if occurrence.end >= today]


def events_html(session: Session | None = None, lang: str | None = None) -> str:
    """The Erasmus+ events of the plan's years still ahead, with why they matter."""
    session = session or Session.open()
    occurrences = upcoming_events(session)
    frame = pd.DataFrame(
        {
            t("planning.events_heading", lang): [o.event.label(lang) for o in occurrences],
            t("planning.events_dates", lang): [
                occurrence_label(o, lang).split(" — ", 1)[1] for o in occurrences
            ],
            t("planning.events_about", lang): [o.event.explanation(lang) for o in occurrences],
        }
    )
    return html_table(frame)


def show_events() -> None:
    """Notebook *aan de slag*: the Erasmus+ events to plan around (static, same every run)."""
    display(HTML(events_html()))


