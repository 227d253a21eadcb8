"""Builders for lesson study's figures tests (metrics, panel, report, export, privacy). Deterministic: the same
arguments build the same rows; days are program days, times local."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from komunitas.models import Attendance, AttendanceStatus
from lessonstudy.models import Cycle, PlanVersion
from lessonstudy.tests.factories import (
    CycleFactory,
    ObservationNoteFactory,
    OpenLessonFactory,
    PlanVersionFactory,
    ReflectionFactory,
)


def at(day: dt.date, hour: int = 9, minute: int = 0) -> dt.datetime:
    """A local moment of ``day``."""
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, minute)))


def cycle_on(program, day: dt.date, *, done: dt.date | None = None, **fields) -> Cycle:
    """A cycle started on ``day`` (and closed on ``done``)."""
    cycle = CycleFactory(program=program, **fields)
    Cycle.objects.filter(pk=cycle.pk).update(created_at=at(day, 7), done_at=at(done, 16) if done else None)
    cycle.refresh_from_db()
    return cycle


def lesson_on(cycle, day: dt.date, *, present=(), absent=(), status="held", title=None):
    """An open lesson of ``cycle`` on ``day`` with its attendance; returns its session."""
    extra = {"session__title": title} if title else {}
    session = OpenLessonFactory(cycle=cycle, session__date=day, session__status=status, **extra).session
    Attendance.objects.bulk_create(
        [Attendance(session=session, person=p, status=AttendanceStatus.PRESENT) for p in present]
        + [Attendance(session=session, person=p, status=AttendanceStatus.ABSENT) for p in absent]
    )
    return session


def reflection_on(cycle, day: dt.date, *, status="held", **fields):
    return ReflectionFactory(cycle=cycle, session__date=day, session__status=status, **fields).session


def note_on(session, observer, moment: dt.datetime, *, students=(), **fields):
    note = ObservationNoteFactory(session=session, observer=observer, noted_at=moment, **fields)
    if students:
        note.students.set(students)
    return note


def version_on(cycle, number: int, day: dt.date, **fields) -> PlanVersion:
    version = PlanVersionFactory(cycle=cycle, number=number, **fields)
    PlanVersion.objects.filter(pk=version.pk).update(saved_at=at(day, 15))
    version.refresh_from_db()
    return version
