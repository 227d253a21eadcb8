"""Do: open lessons, the class's seating chart and the observers' focus — the reads pages share (each at a fixed
number of queries, stated in its docstring) and the writes (keyword-only, one transaction each). The notes observers
take during a lesson are in ``lessonstudy.notes``.

An open lesson is a core ``Session`` (kind "open_lesson") with an ``OpenLesson`` naming its cycle; a lesson planned on
the schedule has none until someone fills it in. Its observers are the cycle's team and whoever has a focus for it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Q
from django.shortcuts import get_object_or_404
from django.utils import timezone

from komunitas import audit
from komunitas.access import ProgramAccess
from komunitas.activities import participants_in
from komunitas.models import Person, PersonKind, Session
from komunitas.views.sessions import get_session

from .models import OPEN_LESSON, Cycle, ObserverFocus, OpenLesson, Seat

# Until an open lesson belongs to a cycle (planned on the schedule), its list is the program's staff.
PROGRAM_AUDIENCE = participants_in(PersonKind.TEACHER, PersonKind.FACILITATOR, PersonKind.PRINCIPAL)
# A note typed this long after the lesson's end is late (kept, flagged; only an observer of the lesson may add one).
LATE_AFTER = dt.timedelta(hours=2)


# --- finding things (tenant first: anything of another program is a 404) ----------------------------------------


def get_cycle(access: ProgramAccess, pk: int) -> Cycle:
    """A cycle of the program, with its model teacher. One query."""
    cycle = get_object_or_404(access.program.lesson_cycles.select_related("model_teacher"), pk=pk)
    cycle.program = access.program
    return cycle


def get_lesson(access: ProgramAccess, pk: int) -> Session:
    """An open lesson of the program with its cycle (``session.cycle``: None for one planned on the schedule and
    not filled in yet) and ``creator_role``. One query."""
    sessions = access.program.sessions.filter(kind=OPEN_LESSON)
    sessions = sessions.select_related("open_lesson__cycle__model_teacher", "created_by").with_creator_role()
    session = get_session(access, pk, sessions)
    record = getattr(session, "open_lesson", None)
    session.cycle = record.cycle if record else None
    if session.cycle:
        session.cycle.program = access.program
    return session


def may_change_lesson(access: ProgramAccess, session: Session) -> bool:
    """Its creator and facilitators; a lesson planned for anyone, not yet given its cycle, any teacher fills in."""
    return access.can_log and (
        access.can_change(session) or access.can_fill_in(session, has_record=session.cycle is not None)
    )


# --- who takes part ---------------------------------------------------------------------------------------------


def lesson_audience(session: Session):
    """Who an open lesson's attendance list (and its printed daftar hadir) shows: the cycle's model teacher, its
    team and the lesson's observers (those with a focus); without a cycle yet, the program's teachers, facilitator
    and principal. One query for the cycle (through the one-to-one), one for the people."""
    cycle_id = None
    if session.pk:
        cycle_id = OpenLesson.objects.filter(session_id=session.pk).values_list("cycle_id", flat=True).first()
    if cycle_id is None:
        return PROGRAM_AUDIENCE(session)
    team = Cycle.team.through.objects.filter(cycle_id=cycle_id).values("person_id")
    teacher = Cycle.objects.filter(pk=cycle_id).values("model_teacher_id")
    observers = ObserverFocus.objects.filter(session_id=session.pk).values("observer_id")
    # pk__in subqueries, not joins: a person in the team who also has a focus is listed once.
    people = Q(pk__in=team) | Q(pk__in=teacher) | Q(pk__in=observers)
    return (
        Person.objects.active()
        .filter(people, school_id=session.program.school_id)
        .order_by("kind", "class_name", "name")
    )


def observer_ids(session: Session, cycle: Cycle) -> set[int]:
    """The people observing this lesson: the cycle's model teacher and team, and those with a focus. Two queries."""
    team = set(cycle.team.values_list("pk", flat=True))
    focused = set(ObserverFocus.objects.filter(session=session).values_list("observer_id", flat=True))
    return team | focused | {cycle.model_teacher_id}


def class_students(cycle: Cycle):
    """The cycle's class: the program's students whose class is the cycle's, by name. A QuerySet (one query)."""
    students = Person.objects.participants_of(cycle.program, [PersonKind.STUDENT])
    return students.filter(class_name__iexact=cycle.class_name).order_by("name")


def lesson_window(session: Session) -> tuple[dt.datetime, dt.datetime]:
    """When the lesson runs: from its start (or the day's start) to its end (or the day's end)."""
    start = dt.datetime.combine(session.date, session.start_time or dt.time.min)
    end = dt.datetime.combine(session.date, session.end_time or dt.time.max)
    return timezone.make_aware(start), timezone.make_aware(end)


def is_late(session: Session, noted_at: dt.datetime) -> bool:
    """A note typed before the lesson started, or more than ``LATE_AFTER`` after it ended."""
    start, end = lesson_window(session)
    return noted_at < start or noted_at > end + LATE_AFTER


# --- the seating chart ------------------------------------------------------------------------------------------


@dataclass
class Cell:
    row: int
    column: int
    seat: Seat | None = None
    notes: int = 0  # how many notes tagged the student sitting here (the lesson page)
    focus: bool = False  # the viewer's focus (the notes page)

    @property
    def key(self) -> str:
        return f"{self.row}-{self.column}"


@dataclass
class Chart:
    rows: list[list[Cell]] = field(default_factory=list)
    groups: list[str] = field(default_factory=list)

    @property
    def seats(self) -> list[Seat]:
        return [cell.seat for row in self.rows for cell in row if cell.seat]


def seating_chart(cycle: Cycle, seats=None) -> Chart:
    """The cycle's rows × seats with who sits where and the groups in use (in the chart's order). One query (the
    seats with their students), none when ``seats`` were read already."""
    seats = list(cycle.seats.select_related("person")) if seats is None else seats
    by_place = {(seat.row, seat.column): seat for seat in seats}
    chart = Chart()
    for row in range(1, cycle.rows + 1):
        chart.rows.append([Cell(row, column, by_place.get((row, column))) for column in range(1, cycle.columns + 1)])
    for seat in chart.seats:
        if seat.group and seat.group not in chart.groups:
            chart.groups.append(seat.group)
    return chart


@transaction.atomic
def seating_save(*, cycle: Cycle, places: dict[tuple[int, int], tuple[Person | None, str, str]]) -> list[Seat]:
    """The whole chart at once: ``places`` maps (row, seat) to (student, code, group); an empty place has no seat.
    The old seats go and the new ones are written together (notes and focuses name students, not seats)."""
    for seat in cycle.seats.all():  # one by one: the audit log records each removal
        seat.delete()
    seats = [
        Seat(cycle=cycle, row=row, column=column, person=person, label=label, group=group)
        for (row, column), (person, label, group) in sorted(places.items())
        if person or label or group
    ]
    Seat.objects.bulk_create(seats)
    audit.log_bulk(seats, audit.CREATE)
    return seats


# --- open lessons and their observers ---------------------------------------------------------------------------


@transaction.atomic
def open_lesson_log(*, session: Session, cycle: Cycle, user) -> OpenLesson:
    """An open lesson: the core session (kind "open_lesson") and its cycle record, both or neither. Attendance is
    taken afterwards on the core's attendance page, whose list is then the cycle's (``lesson_audience``)."""
    record = getattr(session, "open_lesson", None) if session.pk else None
    session.kind = OPEN_LESSON
    session.program_id = cycle.program_id
    session.facilitator_id = cycle.model_teacher_id  # who leads it (the session pages' "facilitator")
    if session.pk is None or record is None:
        # New, or planned on the schedule and now filled in: the teacher who logs it owns it (as in the forum).
        session.created_by = user
    session.save()
    if record is None:
        record = OpenLesson(session=session, cycle=cycle)
    record.cycle = cycle
    record.save()
    return record


@transaction.atomic
def observer_focus_set(*, session: Session, focuses: dict[Person, tuple[str, list[Person]]]) -> None:
    """Each observer's focus: a group, or students (by seat). An observer given neither loses their focus."""
    existing = {focus.observer_id: focus for focus in session.observer_focuses.all()}
    for observer, (group, students) in focuses.items():
        focus = existing.get(observer.pk)
        if not group and not students:
            if focus:
                focus.delete()
            continue
        if focus is None:
            focus = ObserverFocus(session=session, observer=observer)
        focus.group = group
        focus.save()
        focus.students.set(students)


def focuses_of(session: Session) -> list[ObserverFocus]:
    """The lesson's observers' focuses with their observer and students, by observer. Two queries."""
    focuses = session.observer_focuses.select_related("observer").prefetch_related("students")
    return list(focuses.order_by("observer__name"))
