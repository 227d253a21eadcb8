"""Planning a program's schedule from the activities' templates (the first run's "plan the schedule").

Three layers, as elsewhere: ``plan`` and the week labels are pure (options and dates in, planned sessions out, no
database), so the rules are tested without one; ``days_taken`` is the one read; ``schedule_from_templates`` the
one write. The form that turns a facilitator's choices into options is ``komunitas/planning_forms.py``.

A program's week N is the seven days from ``start_date + 7 (N - 1)``, whatever weekday the program starts on, so
every weekday falls exactly once in every week and a planned date never leaves the program.
"""

from __future__ import annotations

import datetime as dt
import itertools
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.db import transaction
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import audit
from .contract import ScheduleTemplate, Text
from .models import Program, Session, SessionStatus

PAST, TAKEN = "past", "taken"  # why a planned date is skipped
SKIP_REASONS = {
    PAST: gettext_lazy("skipped: in the past"),
    TAKEN: gettext_lazy("skipped: already on the schedule"),
}


@dataclass(frozen=True)
class SlotOption:
    """One session in each planned week, as the facilitator adjusted it."""

    kind: str
    title: str
    weekday: int  # 0 = Monday
    start: dt.time
    end: dt.time


@dataclass(frozen=True)
class TemplateOption:
    """A template as the facilitator adjusted it: every ``every`` weeks from ``from_week`` to ``to_week``."""

    key: str
    from_week: int
    to_week: int
    every: int
    slots: Sequence[SlotOption]


@dataclass(frozen=True)
class PlannedSession:
    """A session the plan would create — or skip (``skip`` says why)."""

    template: str
    week: int
    date: dt.date
    start: dt.time
    end: dt.time
    title: str
    kind: str
    skip: str = ""

    @property
    def skip_reason(self) -> Text:
        return SKIP_REASONS.get(self.skip, "")


def default_option(template: ScheduleTemplate, weeks: int) -> TemplateOption:
    """The template's own pattern, clipped to a program of ``weeks`` weeks."""
    slots = [SlotOption(s.kind, str(s.title), s.weekday, s.start, s.end) for s in template.slots]
    return TemplateOption(
        key=template.key,
        from_week=min(max(template.first_week, 1), weeks),
        to_week=weeks,
        every=min(max(template.every_weeks, 1), weeks),
        slots=slots,
    )


def day_in_week(start_date: dt.date, week: int, weekday: int) -> dt.date:
    """The date of ``weekday`` in the program's week ``week``."""
    first = start_date + dt.timedelta(weeks=week - 1)
    return first + dt.timedelta(days=(weekday - first.weekday()) % 7)


def plan(
    *,
    start_date: dt.date,
    weeks: int,
    options: Iterable[TemplateOption],
    today: dt.date,
    taken: Iterable[tuple[str, dt.date]] = (),
) -> list[PlannedSession]:
    """Every session the options plan, by date and time, each marked when it is skipped: a date before ``today``,
    or a kind already on that day (in ``taken``, or planned earlier in this plan) — so planning twice, or two slots
    on one day, never doubles a session."""
    taken = set(taken)
    rows = []
    for option in options:
        for week in range(max(option.from_week, 1), min(option.to_week, weeks) + 1, max(option.every, 1)):
            for slot in option.slots:
                day = day_in_week(start_date, week, slot.weekday)
                skip = PAST if day < today else TAKEN if (slot.kind, day) in taken else ""
                if not skip:
                    taken.add((slot.kind, day))
                rows.append(PlannedSession(option.key, week, day, slot.start, slot.end, slot.title, slot.kind, skip))
    return sorted(rows, key=lambda row: (row.date, row.start, row.title))


def to_create(rows: Iterable[PlannedSession]) -> list[PlannedSession]:
    return [row for row in rows if not row.skip]


def by_week(rows: Sequence[PlannedSession]) -> list[tuple[int, list[PlannedSession]]]:
    """The rows grouped by week (rows come sorted by date)."""
    return [(week, list(group)) for week, group in itertools.groupby(rows, key=lambda row: row.week)]


# --- the weeks, as the form and the preview name them ----------------------------------------------------------


def stage_names(first: dt.date, last: dt.date, stages: Iterable) -> list[str]:
    """The names of the stages (anything with ``name``, ``start_date``, ``end_date``) overlapping these days."""
    return [stage.name for stage in stages if stage.start_date <= last and stage.end_date >= first]


def days_label(first: dt.date, last: dt.date) -> str:
    """ "14–20 Sep", or "28 Sep – 4 Oct" across months."""
    if first.month == last.month:
        return f"{date_format(first, 'j')}–{date_format(last, 'j M')}"
    return f"{date_format(first, 'j M')} – {date_format(last, 'j M')}"


def week_label(week: int, first: dt.date, last: dt.date, stages: Sequence[str]) -> str:
    """ "Week 3 · 14–20 Sep · Implementation" (two stages when the week holds the change from one to the next)."""
    parts = [_("Week %(number)s") % {"number": week}, days_label(first, last)]
    if stages:
        parts.append(" → ".join(stages))
    return " · ".join(parts)


def week_choices(program: Program, stages: Sequence) -> list[tuple[int, str]]:
    """Each week of the program with its label, for the week selects and the preview's headings."""
    choices = []
    for week in program.week_numbers():
        first, last = program.week_range(week)
        choices.append((week, week_label(week, first, last, stage_names(first, last, stages))))
    return choices


# --- the read and the write -----------------------------------------------------------------------------------


def days_taken(program: Program, since: dt.date) -> set[tuple[str, dt.date]]:
    """(kind, date) of every session of the program from ``since`` on, whatever its status. One query."""
    return set(program.sessions.filter(date__gte=since).values_list("kind", "date"))


@transaction.atomic
def schedule_from_templates(
    *, program: Program, rows: Sequence[PlannedSession], place: str = "", user, today: dt.date
) -> list[Session]:
    """Create the planned sessions of ``rows`` that are not skipped, as planned sessions without a facilitator,
    those of one template tied by a series id. What is on the schedule is read again under a lock on the program,
    so two planners submitting at once (or one twice) never double a session. Logged by hand (bulk_create)."""
    Program.objects.select_for_update().filter(pk=program.pk).first()
    taken = days_taken(program, today)
    series: dict[str, uuid.UUID] = {}
    sessions = []
    for row in to_create(rows):
        if row.date < today or (row.kind, row.date) in taken:
            continue
        taken.add((row.kind, row.date))
        sessions.append(
            Session(
                program=program,
                kind=row.kind,
                title=row.title,
                date=row.date,
                start_time=row.start,
                end_time=row.end,
                place=place,
                status=SessionStatus.PLANNED,
                series=series.setdefault(row.template, uuid.uuid4()),
                created_by=user,
            )
        )
    created = Session.objects.bulk_create(sessions)
    audit.log_bulk(
        created,
        audit.CREATE,
        lambda s: {"kind": [None, s.kind], "title": [None, s.title], "date": [None, s.date], "place": [None, s.place]},
    )
    return created
