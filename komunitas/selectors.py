"""Reads that several pages share (HackSoft's selectors): one function each, with a fixed number of queries.

- ``session_counts``: sessions held of planned, per week and kind — the schedule's grid, the dashboard's week,
  every activity's weekly figures and the "routine activities" indicator count them here and nowhere else.
- ``session_page``: what every session page shows, whatever its kind.
- ``attendance_sheet``: the printable attendance list (daftar hadir), also the appendix of the minutes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from . import activities
from .access import ProgramAccess
from .models import STAFF_KINDS, Attendance, AttendanceStatus, Person, Program, Session, SessionStatus


def count_subquery(queryset, key: str, counted: str = "pk"):
    """A correlated COUNT subquery of ``queryset`` grouped by ``key`` (an ``OuterRef`` filter on it): one count per
    row of the outer query, and no join fan-out when several counts sit on one row. Every app's lists use it."""
    from django.db.models import Count, IntegerField, Subquery, Value
    from django.db.models.functions import Coalesce

    counts = queryset.order_by().values(key).annotate(n=Count(counted, distinct=True)).values("n")
    return Coalesce(Subquery(counts, output_field=IntegerField()), Value(0))


@dataclass
class HeldOfPlanned:
    """Sessions held of sessions planned. Cancelled sessions are not planned ones; held ones are."""

    planned: int = 0
    held: int = 0

    def count(self, status: str) -> None:
        if status != SessionStatus.CANCELLED:
            self.planned += 1
        if status == SessionStatus.HELD:
            self.held += 1

    def __iadd__(self, other: HeldOfPlanned) -> HeldOfPlanned:
        self.planned += other.planned
        self.held += other.held
        return self

    @property
    def percent(self) -> int | None:
        return round(100 * self.held / self.planned) if self.planned else None


@dataclass
class SessionCounts:
    """Held of planned for each (week, kind) of a program. Sessions outside the program's weeks (it was
    shortened after they were planned) are left out."""

    weeks: range
    cells: dict[tuple[int, str], HeldOfPlanned] = field(default_factory=dict)

    def cell(self, week: int, kind: str) -> HeldOfPlanned:
        return self.cells.get((week, kind), HeldOfPlanned())

    def week(self, week: int, kinds: Iterable[str] | None = None) -> HeldOfPlanned:
        """All kinds (or ``kinds``) in one week."""
        total = HeldOfPlanned()
        for (number, kind), cell in self.cells.items():
            if number == week and (kinds is None or kind in kinds):
                total += cell
        return total

    def weekly(self, kinds: Iterable[str] | None = None) -> list[HeldOfPlanned]:
        """One figure per program week."""
        kinds = None if kinds is None else set(kinds)
        return [self.week(number, kinds) for number in self.weeks]

    def total(self, kinds: Iterable[str] | None = None) -> HeldOfPlanned:
        total = HeldOfPlanned()
        for cell in self.weekly(kinds):
            total += cell
        return total


def session_counts(
    program: Program, *, kinds: Iterable[str] | None = None, rows: Iterable[tuple[str, dt.date, str]] | None = None
) -> SessionCounts:
    """Held of planned per week and kind. One query (kind, date and status of the sessions, of ``kinds`` when
    given), or none when the caller passes the ``rows`` it has already read."""
    if rows is None:
        sessions = program.sessions.all() if kinds is None else program.sessions.filter(kind__in=list(kinds))
        rows = sessions.values_list("kind", "date", "status")
    counts = SessionCounts(weeks=program.week_numbers())
    for kind, day, status in rows:
        week = program.week_of(day)
        if week is not None:
            counts.cells.setdefault((week, kind), HeldOfPlanned()).count(status)
    return counts


def session_rows(sessions: Iterable[Session]) -> list[tuple[str, dt.date, str]]:
    """The (kind, date, status) of sessions already read, for ``session_counts(rows=…)``."""
    return [(session.kind, session.date, session.status) for session in sessions]


@dataclass
class AttendanceGroup:
    """Who was present (absent, excused): the people named, and how many students and parents are only
    counted because the viewer may not see their names (``ProgramAccess.sees_personal_data``)."""

    label: str
    status: str
    people: list[Person]
    counted: int = 0

    @property
    def total(self) -> int:
        return len(self.people) + self.counted


def group_attendance(attendance: list[Attendance], *, names: bool = True) -> list[AttendanceGroup]:
    """Present, absent and excused, in words; with ``names`` off, staff are named and everyone else counted."""
    groups = []
    for status, label in AttendanceStatus.choices:
        people = [row.person for row in attendance if row.status == status]
        named = people if names else [person for person in people if person.kind in STAFF_KINDS]
        groups.append(AttendanceGroup(label, status, named, len(people) - len(named)))
    return groups


def visible_attachments(access: ProgramAccess, session: Session) -> list:
    """The session's documentation the viewer may see (``ProgramAccess.may_see_photo``), each annotated with
    its consents (``with_consent``: those who manage consent see what lacks it, marked) and whether the viewer
    may delete it (``can_delete``). One query."""
    items = list(session.attachments.with_consent().filter(**access.photo_filter()))
    for item in items:
        item.can_delete = access.can_change(item)
    return items


def session_page(access: ProgramAccess, session: Session) -> dict:
    """The context every session page shares, whatever the kind: attendance in words, the documentation the
    viewer may see, and what the viewer may do. Two queries (attendance with people, attachments)."""
    attendance = list(session.attendance.select_related("person").order_by("person__kind", "person__name"))
    return {
        "session": session,
        "attendance": attendance,
        "attendance_groups": group_attendance(attendance, names=access.sees_personal_data),
        "attendance_counts": {status: sum(1 for a in attendance if a.status == status) for status in AttendanceStatus},
        "attachments": visible_attachments(access, session),
        "may": {
            "edit": access.can_change(session),
            "delete": access.can_delete_session(session),
            "take_attendance": access.can_take_attendance(session),
        },
        "more_actions": activities.session_actions(access, session),
    }


def attendance_sheet(access: ProgramAccess, session: Session) -> dict:
    """The printable attendance list: everyone its list shows with their mark (or none), how many were
    present, and the principal who signs it. Four queries (marks, participants, people recorded outside the
    list, the principal)."""
    recorded = {row.person_id: row for row in session.attendance.all()}
    people = session.attendance_people(set(recorded))
    return {
        "session": session,
        "rows": [(person, recorded.get(person.pk)) for person in people],
        "present_count": sum(1 for row in recorded.values() if row.status == AttendanceStatus.PRESENT),
        "principal": Person.objects.principal_of(access.program.school_id),
    }
