"""The program's schedule as an iCalendar feed (RFC 5545), built with the icalendar library."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from django.conf import settings
from icalendar import Calendar, Event

DEFAULT_LENGTH = dt.timedelta(hours=2)
NOTES_IN_FEED = 2000  # notes are limited to this; older, longer ones are cut, so a feed stays small


def build(program, sessions, base_url: str) -> bytes:
    """One VEVENT per session; timed sessions in Asia/Jakarta, untimed ones as all-day events."""
    zone = ZoneInfo(settings.TIME_ZONE)
    calendar = Calendar()
    calendar.add("prodid", "-//Komunitas//komunitas belajar//ID")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", f"{program.name} — {program.school.name}")
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    for session in sessions:
        event = Event()
        # Stable whatever host name the feed was fetched through, so calendars never duplicate events.
        event.add("uid", f"komunitas-program-{program.pk}-session-{session.pk}")
        event.add("summary", session.title)
        if session.start_time:
            start = dt.datetime.combine(session.date, session.start_time, tzinfo=zone)
            end = (
                dt.datetime.combine(session.date, session.end_time, tzinfo=zone)
                if session.end_time
                else start + DEFAULT_LENGTH
            )
            event.add("dtstart", start)
            event.add("dtend", end)
        else:
            event.add("dtstart", session.date)
            event.add("dtend", session.date + dt.timedelta(days=1))
        if session.place:
            event.add("location", session.place)
        event.add(
            "description",
            f"{session.get_kind_display()} — {session.get_status_display()}"
            + (f"\n{session.notes[:NOTES_IN_FEED]}" if session.notes else ""),
        )
        event.add("url", base_url.rstrip("/") + session.get_absolute_url())
        event.add("dtstamp", session.updated_at)
        # Cancelled sessions stay in the feed, so subscribed calendars strike them out instead of keeping them.
        event.add("status", "CANCELLED" if session.status == "cancelled" else "CONFIRMED")
        calendar.add_component(event)
    calendar.add_missing_timezones()  # the VTIMEZONE block RFC 5545 asks for with TZID
    return calendar.to_ical()
