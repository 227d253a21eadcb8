"""The forum's numbers per week, for the dashboard and the evaluation.

``forum_weekly(program)`` costs four queries whatever the data size: rows are fetched once and grouped in
Python by ``program.week_of(date)`` (no query per week, per session or per teacher).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count

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

from .models import FORUM, PracticeLog


@dataclass
class WeekRow:
    week: int
    start: dt.date
    end: dt.date
    planned: int = 0  # forum sessions planned for the week, held ones included, cancelled ones not
    held: int = 0
    teachers_present: int = 0  # distinct teachers taking part that week, present at a held forum session
    teachers_total: int = 0  # teachers taking part in the program that week
    feedback: int = 0  # peer-feedback items on the week's sessions
    reflections: int = 0
    # Variasi metode pembelajaran: teacher (person id) → distinct methods tried in this week / up to this week.
    methods_tried: dict[int, int] = field(default_factory=dict)
    methods_to_date: dict[int, int] = field(default_factory=dict)

    @property
    def present_share(self) -> float | None:
        """Teachers present as a share (0–1) of the participating teachers."""
        return self.teachers_present / self.teachers_total if self.teachers_total else None

    @property
    def present_percent(self) -> int | None:
        share = self.present_share
        return None if share is None else round(share * 100)

    @property
    def methods_per_teacher(self) -> float:
        """Average distinct methods tried in this week, over all participating teachers."""
        return sum(self.methods_tried.values()) / self.teachers_total if self.teachers_total else 0.0

    @property
    def methods_to_date_per_teacher(self) -> float:
        """Average distinct methods tried so far (cumulative), over all participating teachers."""
        return sum(self.methods_to_date.values()) / self.teachers_total if self.teachers_total else 0.0


def forum_weekly(program: Program) -> list[WeekRow]:
    """One row per program week. Queries: forum sessions with feedback and reflection counts, teachers present,
    participating teachers, practice-log entries."""
    rows = {week: WeekRow(week, *program.week_range(week)) for week in program.week_numbers()}

    sessions = list(
        Session.objects.filter(program=program, kind=FORUM)
        .annotate(
            feedback_n=Count("forum__feedback", distinct=True),
            reflection_n=Count("forum__reflections", distinct=True),
        )
        .values_list("kind", "date", "status", "feedback_n", "reflection_n")
    )
    # Held of planned is counted where every activity's is (komunitas.selectors), from the rows read here.
    counts = session_counts(program, rows=[(kind, day, status) for kind, day, status, _f, _r in sessions])
    for week, row in rows.items():
        row.planned, row.held = counts.week(week).planned, counts.week(week).held
    for _kind, day, _status, feedback_n, reflection_n in sessions:
        row = rows.get(program.week_of(day))
        if row is None:  # the program was shortened after the session was planned
            continue
        row.feedback += feedback_n
        row.reflections += reflection_n

    # Who took part as a teacher, and when: each week counts those taking part that week, so past figures stay
    # as they were when the roster changes.
    periods = list(
        Participant.objects.filter(program=program, role=PersonKind.TEACHER).values_list(
            "person_id", "joined_on", "left_on"
        )
    )
    present = Attendance.objects.filter(
        session__program=program,
        session__kind=FORUM,
        session__status=SessionStatus.HELD,
        status=AttendanceStatus.PRESENT,
    ).values_list("session__date", "person_id")
    present_by_week: dict[int, set[int]] = defaultdict(set)
    for day, person_id in present:
        present_by_week[program.week_of(day)].add(person_id)

    tried: dict[int, dict[int, set[int]]] = defaultdict(lambda: defaultdict(set))
    for day, teacher_id, method_id in PracticeLog.objects.filter(program=program).values_list(
        "date", "teacher_id", "method_id"
    ):
        tried[program.week_of(day)][teacher_id].add(method_id)

    so_far: dict[int, set[int]] = defaultdict(set)
    for week, row in rows.items():
        teachers = {person_id for person_id, joined, left in periods if took_part(joined, left, row.start, row.end)}
        row.teachers_total = len(teachers)
        row.teachers_present = len(present_by_week.get(week, set()) & teachers)
        for teacher_id, methods in tried.get(week, {}).items():
            so_far[teacher_id] |= methods
            if teacher_id in teachers:
                row.methods_tried[teacher_id] = len(methods)
        row.methods_to_date = {teacher_id: len(so_far[teacher_id]) for teacher_id in teachers if so_far[teacher_id]}
    return list(rows.values())


def methods_by_week(program: Program, logs) -> list[tuple[int, int, int]]:
    """(week, distinct methods that week, distinct methods so far) for one teacher's practice-log entries."""
    per_week: dict[int, set[int]] = defaultdict(set)
    for log in logs:
        week = program.week_of(log.date)
        if week:
            per_week[week].add(log.method_id)
    so_far: set[int] = set()
    result = []
    for week in program.week_numbers():
        methods = per_week.get(week, set())
        so_far |= methods
        result.append((week, len(methods), len(so_far)))
    return result
