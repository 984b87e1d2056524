"""The plan's calendar (icalendar): every dated activity and the events within its period.

All-day events, so they sit on the right day in every time zone; stable UIDs (the same
activity gets the same UID in every export, so a calendar that imports a newer export
updates instead of duplicating); DTSTAMP in UTC. Cancelled activities are left out.
An event whose exact days are not known yet (only its month) spans that month
and says so.
"""

from __future__ import annotations

import os
import uuid
from datetime import UTC, date, datetime, time, timedelta

import pandas as pd
from icalendar import Calendar, Event

from .. import config
from ..i18n import register, t
from ..tables import join_labels
from .data import PlanData, as_date

TEXTS = {
    "ics.calendar_name": {"nl": "Disseminatie – {plan}", "en": "Dissemination – {plan}"},
    "ics.event_summary": {"nl": "{by}: {name}", "en": "{by}: {name}"},
    "ics.month_only": {
        "nl": "{name} valt in deze maand; de exacte dagen worden later bekendgemaakt.",
        "en": "{name} falls in this month; the exact days are announced later.",
    },
}
register(TEXTS)

UID_DOMAIN = "werkboek-disseminatie"
PRODID = "-//Werkboek Disseminatie//Erasmus+ KA2//NL"


def _uid(*parts: object) -> str:
    name = "/".join(str(p) for p in parts)
    return f"{uuid.uuid5(uuid.NAMESPACE_URL, f'{UID_DOMAIN}/{name}')}@{UID_DOMAIN}"


def _stamp() -> datetime:
    """Now in UTC, or midnight of WORKBOOK_TODAY (so fixed-date runs give the same file)."""
    if os.environ.get("WORKBOOK_TODAY"):
        return datetime.combine(config.today(), time(), tzinfo=UTC)
    return datetime.now(UTC).replace(microsecond=0)


def _all_day(summary: str, start: date, end: date, uid: str, stamp: datetime) -> Event:
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", stamp)
    event.add("dtstart", start)
    event.add("dtend", end + timedelta(days=1))  # DTEND of an all-day event is exclusive
    event.add("summary", summary)
    event.add("transp", "TRANSPARENT")
    return event


def plan_calendar(data: PlanData, lang: str | None = None, *, events: bool = True) -> Calendar:
    """The calendar object: activities (not cancelled) plus, if ``events``, Erasmus+ events."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", t("ics.calendar_name", lang, plan=data.plan.name))
    stamp = _stamp()
    activities = data.tables["activities"]
    if "deleted" in activities:
        activities = activities[~activities["deleted"]]
    names = dict(zip(data.tables["indicators"]["id"], data.tables["indicators"]["name"],
                     strict=True))
    for row in activities.itertuples(index=False):
        day = as_date(row.when)
        if day is None or row.status == "geannuleerd":
            continue
        event = _all_day(row.what, day, day, _uid(data.plan.name, "activity", row.id), stamp)
        lines = [
            f"{t('field.context', lang)}: {t(f'context.{row.context}', lang)}",
            f"{t('field.target_groups', lang)}: "
            f"{join_labels(row.target_groups, data.catalog, lang)}",
            f"{t('field.how', lang)}: "
            f"{join_labels(tuple(row.methods) + tuple(row.channels), data.catalog, lang)}",
        ]
        if not pd.isna(row.indicator_id) and row.indicator_id in names:
            lines.append(f"{t('field.indicator', lang)}: {names[row.indicator_id]}")
        if row.responsible:
            lines.append(f"{t('field.responsible', lang)}: {row.responsible}")
        lines.append(f"{t('field.status', lang)}: {t(f'status.{row.status}', lang)}")
        event.add("description", "\n".join(lines))
        event.add("categories", [t(f"context.{row.context}", lang)])
        calendar.add_component(event)
    if events:
        for occurrence in data.events():
            name = occurrence.event.label(lang)
            event = _all_day(
                t("ics.event_summary", lang, name=name,
                  by=t(f"event_by.{occurrence.event.organiser}", lang)),
                occurrence.start,
                occurrence.end,
                _uid("event", occurrence.event.id, occurrence.start.year),
                stamp,
            )
            description = occurrence.event.explanation(lang)
            if not occurrence.exact:
                description = f"{t('ics.month_only', lang, name=name)}\n{description}"
            event.add("description", description.strip())
            event.add("categories", ["Erasmus+"])
            calendar.add_component(event)
    return calendar


def ics_bytes(data: PlanData, lang: str | None = None, *, events: bool = True) -> bytes:
    """The plan's calendar as .ics bytes (CRLF lines, folded at 75 octets by icalendar)."""
    return plan_calendar(data, lang, events=events).to_ical()
