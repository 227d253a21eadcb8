"""Lesson study's numbers per week, for the dashboard, the evaluation and the report.

A cycle's stage is read from what was held, never stored: Plan from its creation, Do once an open lesson of it
was held, See once a reflection of it was held, Done once it was closed (``done_at``). ``cycle_dates`` reads the
days that decide it, ``stage_on`` tells the stage on any day, so a week's figures say where each cycle stood at
the end of that week and stay so when it moves on.

``lesson_weekly(program)`` costs five queries whatever the data size: rows are fetched once and grouped in Python
by ``program.week_of(date)`` (no query per week, per cycle or per note), as the forum's ``forum_weekly``. A caller
that has already read the cycles passes them (``cycles=``) and saves one.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import OuterRef, Subquery
from django.utils import timezone

from komunitas.models import Attendance, AttendanceStatus, Program, Session, SessionStatus

from .models import OPEN_LESSON, Cycle, ObservationNote, OpenLesson, PlanVersion, Reflection, Stage


@dataclass(frozen=True)
class CycleDates:
    """The days that decide a cycle's stage (local dates; None: not yet)."""

    pk: int
    title: str
    created: dt.date
    first_lesson: dt.date | None  # its first open lesson held
    first_reflection: dt.date | None  # its first reflection held
    done: dt.date | None  # closed

    def stage_on(self, day: dt.date) -> str | None:
        """Its stage at the end of ``day``; None before it was started."""
        if self.created > day:
            return None
        if self.done and self.done <= day:
            return Stage.DONE
        if self.first_reflection and self.first_reflection <= day:
            return Stage.SEE
        if self.first_lesson and self.first_lesson <= day:
            return Stage.DO
        return Stage.PLAN


def with_stage_dates(cycles):
    """``cycles`` (a QuerySet) annotated with ``first_lesson`` and ``first_reflection``: the dates of its first open
    lesson and first reflection held (correlated subqueries: no extra query, no rows multiplied)."""
    held = {"session__status": SessionStatus.HELD, "cycle": OuterRef("pk")}
    lessons = OpenLesson.objects.filter(**held).order_by("session__date").values("session__date")[:1]
    reflections = Reflection.objects.filter(**held).order_by("session__date").values("session__date")[:1]
    return cycles.annotate(first_lesson=Subquery(lessons), first_reflection=Subquery(reflections))


def dates_of(cycle) -> CycleDates:
    """The stage dates of a cycle read through ``with_stage_dates`` (no query)."""
    return CycleDates(
        pk=cycle.pk,
        title=cycle.title,
        created=timezone.localdate(cycle.created_at),
        first_lesson=cycle.first_lesson,
        first_reflection=cycle.first_reflection,
        done=timezone.localdate(cycle.done_at) if cycle.done_at else None,
    )


def cycle_dates(program: Program) -> list[CycleDates]:
    """The program's cycles with the days that decide their stage. One query."""
    cycles = with_stage_dates(Cycle.objects.filter(program=program).only("pk", "title", "created_at", "done_at"))
    return [dates_of(cycle) for cycle in cycles]


def stages_on(cycles: list[CycleDates], day: dt.date) -> dict[str, int]:
    """How many of ``cycles`` are in each stage at the end of ``day`` (every stage, in order). No query."""
    counts = dict.fromkeys(Stage.values, 0)
    for cycle in cycles:
        stage = cycle.stage_on(day)
        if stage:
            counts[stage] += 1
    return counts


@dataclass
class WeekRow:
    week: int
    start: dt.date
    end: dt.date
    stages: dict[str, int] = field(default_factory=dict)  # cycles in each stage at the end of the week
    lessons_held: int = 0  # open lessons held in the week (sessions of kind "open_lesson")
    observer_ids: frozenset[int] = frozenset()  # people present at the week's open lessons, their model teacher not
    notes: int = 0  # observation notes of the week's open lessons (late ones included, in their lesson's week)
    revisions: int = 0  # plan versions saved in the week after a cycle's first

    @property
    def observers(self) -> int:
        return len(self.observer_ids)

    @property
    def cycles(self) -> int:
        """Cycles started by the end of the week."""
        return sum(self.stages.values())

    @property
    def active(self) -> int:
        """Cycles under way (Plan, Do or See) at the end of the week."""
        return self.cycles - self.stages.get(Stage.DONE, 0)


def lesson_weekly(program: Program, *, cycles: list[CycleDates] | None = None) -> list[WeekRow]:
    """One row per program week. Queries: the cycles with their stage dates (none when ``cycles`` is given), the
    open lessons held, who was present at them, the notes' times, the revisions' times."""
    cycles = cycle_dates(program) if cycles is None else cycles
    rows = {week: WeekRow(week, *program.week_range(week)) for week in program.week_numbers()}
    for row in rows.values():
        row.stages = stages_on(cycles, row.end)

    for day in Session.objects.filter(program=program, kind=OPEN_LESSON, status=SessionStatus.HELD).values_list(
        "date", flat=True
    ):
        row = rows.get(program.week_of(day))
        if row is not None:
            row.lessons_held += 1

    # The observers: whoever the attendance list marks present, except the teacher who taught the lesson.
    present: dict[int, set[int]] = defaultdict(set)
    for day, person_id, teacher_id in Attendance.objects.filter(
        session__program=program,
        session__kind=OPEN_LESSON,
        session__status=SessionStatus.HELD,
        status=AttendanceStatus.PRESENT,
    ).values_list("session__date", "person_id", "session__open_lesson__cycle__model_teacher_id"):
        if person_id != teacher_id:
            present[program.week_of(day)].add(person_id)
    for week, row in rows.items():
        row.observer_ids = frozenset(present.get(week, ()))

    # In the week of the lesson they are about: a note typed days later (flagged late) is still that lesson's.
    for day in ObservationNote.objects.filter(session__program=program).values_list("session__date", flat=True):
        row = rows.get(program.week_of(day))
        if row is not None:
            row.notes += 1

    for saved_at in PlanVersion.objects.filter(cycle__program=program, number__gt=1).values_list("saved_at", flat=True):
        row = rows.get(program.week_of(timezone.localdate(saved_at)))
        if row is not None:
            row.revisions += 1
    return list(rows.values())


def observers_reached(rows: list[WeekRow]) -> int:
    """Distinct people who observed at least one open lesson, from ``lesson_weekly``'s rows (no query)."""
    return len(frozenset().union(*(row.observer_ids for row in rows)))
