"""The parent classes' numbers per week, for the dashboard, the evaluation and the report.

``parent_weekly(program)`` costs five queries whatever the data size: rows are fetched once and grouped in Python
by ``program.week_of(date)`` (no query per week, per class or per parent), as the forum's ``forum_weekly`` and the
clubs' ``club_weekly``. A caller that has already read the classes passes them (``sessions=``) and saves one.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from komunitas.models import (
    Attendance,
    AttendanceStatus,
    Participant,
    PersonKind,
    Program,
    Session,
    SessionStatus,
    took_part,
)
from komunitas.selectors import session_counts

from .models import PARENT_CLASS, Contribution, DialogueNote, DialogueTag


@dataclass
class WeekRow:
    week: int
    start: dt.date
    end: dt.date
    planned: int = 0  # parent classes planned for the week, held ones included, cancelled ones not
    held: int = 0  # parent classes held
    present_ids: frozenset[int] = frozenset()  # participating parents present at any held class that week
    parent_ids: frozenset[int] = frozenset()  # parents taking part in the program that week
    contributions: int = 0  # contributions dated in the week, at a class or between classes
    notes: dict[str, int] = field(default_factory=dict)  # dialogue notes of the week's classes, by tag (every tag)

    @property
    def parents_present(self) -> int:
        return len(self.present_ids)

    @property
    def parents_total(self) -> int:
        return len(self.parent_ids)

    @property
    def present_share(self) -> float | None:
        """Parents present as a share (0–1) of the participating parents; None when no class was held (no
        figure rather than 0: a week without a class says nothing about involvement)."""
        if not self.held or not self.parent_ids:
            return None
        return len(self.present_ids) / len(self.parent_ids)

    @property
    def present_percent(self) -> int | None:
        share = self.present_share
        return None if share is None else round(share * 100)

    @property
    def note_count(self) -> int:
        return sum(self.notes.values())


def class_rows(program: Program) -> list[tuple[str, dt.date, str]]:
    """The (kind, date, status) of the program's parent classes. One query."""
    return list(Session.objects.filter(program=program, kind=PARENT_CLASS).values_list("kind", "date", "status"))


def parent_weekly(program: Program, *, sessions: Iterable[tuple[str, dt.date, str]] | None = None) -> list[WeekRow]:
    """One row per program week. Queries: parent classes (kind, date, status; none when ``sessions`` is given),
    participating parents, parents present at held classes, contributions' dates, dialogue notes' weeks and tags."""
    rows = {week: WeekRow(week, *program.week_range(week)) for week in program.week_numbers()}

    counts = session_counts(program, rows=class_rows(program) if sessions is None else sessions)
    for week, row in rows.items():
        row.planned, row.held = counts.week(week).planned, counts.week(week).held

    # Who took part as a parent, and when: each week counts those taking part that week, so past figures stay as
    # they were when the roster changes (a parent added after a walk-in check-in counts from when they joined).
    periods = list(
        Participant.objects.filter(program=program, role=PersonKind.PARENT).values_list(
            "person_id", "joined_on", "left_on"
        )
    )
    present_by_week: dict[int, set[int]] = defaultdict(set)
    for day, person_id in Attendance.objects.filter(
        session__program=program,
        session__kind=PARENT_CLASS,
        session__status=SessionStatus.HELD,
        status=AttendanceStatus.PRESENT,
    ).values_list("session__date", "person_id"):
        present_by_week[program.week_of(day)].add(person_id)
    for week, row in rows.items():
        row.parent_ids = frozenset(
            person_id for person_id, joined, left in periods if took_part(joined, left, row.start, row.end)
        )
        row.present_ids = frozenset(present_by_week.get(week, set()) & row.parent_ids)

    for day in Contribution.objects.filter(program=program).values_list("date", flat=True):
        row = rows.get(program.week_of(day))
        if row is not None:
            row.contributions += 1

    notes: dict[int, Counter] = defaultdict(Counter)
    for day, tag in DialogueNote.objects.filter(session__program=program, session__kind=PARENT_CLASS).values_list(
        "session__date", "tag"
    ):
        notes[program.week_of(day)][tag] += 1
    for week, row in rows.items():
        row.notes = {tag: notes[week][tag] for tag in DialogueTag.values}
    return list(rows.values())


def reach(rows: list[WeekRow]) -> tuple[int, int]:
    """(parents present at a held class at least once, parents who took part in the program at any time), from
    ``parent_weekly``'s rows (no query)."""
    reached = frozenset().union(*(row.present_ids for row in rows))
    everyone = frozenset().union(*(row.parent_ids for row in rows))
    return len(reached), len(everyone)
