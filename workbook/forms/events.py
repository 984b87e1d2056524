"""The events a plan's activities can ride along with: which fall in the plan's period and
are still ahead, who holds them, and how they are named and dated."""

from __future__ import annotations

from datetime import date, timedelta

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
    "planning.unconfirmed": {
        "nl": "{month} {year}? (datum niet bevestigd)",
        "en": "{month} {year}? (date not confirmed)",
    },
    "planning.unconfirmed_day": {
        "nl": "{when} (datum niet bevestigd)",
        "en": "{when} (date not confirmed)",
    },
    "planning.events_heading": {"nl": "Moment", "en": "Event"},
    "planning.events_by": {"nl": "Van wie", "en": "Held by"},
    "planning.events_dates": {"nl": "Wanneer", "en": "When"},
    "planning.events_about": {"nl": "Waarom", "en": "Why"},
}
register(TEXTS)

def occurrence_label(occurrence: EventOccurrence, lang: str | None = None) -> str:
    name = occurrence.event.label(lang)
    start, end = occurrence.start, occurrence.end
    if not occurrence.exact:
        month = analysis.MONTHS[language(lang)][start.month - 1]
        key = "planning.month_only" if occurrence.confirmed else "planning.unconfirmed"
        when = t(key, lang, month=month, year=start.year)
    elif start == end:
        when = analysis.format_date(start, lang)
    else:
        when = f"{start.day}–{analysis.format_date(end, lang)}"
    if occurrence.exact and not occurrence.confirmed:
        when = t("planning.unconfirmed_day", lang, when=when)
    return f"{name} — {when}"


def plan_period(session: Session) -> tuple[date, date]:
    """The plan's start and end; without them, 1 January this year to 31 December next year."""
    plan = session.store.plan_fields(session.plan_id)
    if plan["start"] and plan["end"]:
        return plan["start"], plan["end"]
    year = config.today().year
    return date(year, 1, 1), date(year + 1, 12, 31)


def upcoming_events(session: Session, after: bool = False) -> list[EventOccurrence]:
    """The events within the plan's period (:meth:`Catalog.events_between`) that have not
    ended before today; ``after``: those of the year after the plan's end date instead (for
    a row *after the project*; none when the plan has no end date)."""
    today = config.today()
    if after:
        end = session.store.plan_fields(session.plan_id)["end"]
        if end is None:
            return []
        first = end + timedelta(days=1)
        occurrences = session.catalog.events_between(first, first + timedelta(days=365))
    else:
        occurrences = session.catalog.events_between(*plan_period(session))
    return [occurrence for occurrence in occurrences if occurrence.end >= today]


def events_html(session: Session | None = None, lang: str | None = None) -> str:
    """The events of the plan's period still ahead, who holds them and why they matter."""
    session = session or Session.open()
    occurrences = upcoming_events(session)
    frame = pd.DataFrame(
        {
            t("planning.events_heading", lang): [o.event.label(lang) for o in occurrences],
            t("planning.events_by", lang): [
                t(f"event_by.{o.event.organiser}", lang) for o in occurrences
            ],
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


