"""The notes observers take during an open lesson: what the lesson page and the observer's phone page read (a
fixed number of queries each, stated in the docstring) and the writes (keyword-only, one transaction each).

A note is stored once per ``client_id``, the id the observer's phone made when the note was typed: a note sent
again after a dropped connection returns the stored one. ``noted_at`` is the phone's clock when it was typed.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections import Counter

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone

from komunitas.access import ProgramAccess
from komunitas.models import Person, Session
from komunitas.selectors import session_page
from komunitas.uploads import CleanFile

from .lessons import Chart, class_students, focuses_of, seating_chart
from .models import ObservationNote, ObserverFocus

# A phone whose clock runs ahead of the server's by more than this is not believed: the note is "now".
CLOCK_AHEAD = dt.timedelta(minutes=5)


def may_change_note(access: ProgramAccess, note: ObservationNote) -> bool:
    """Its author (the observer whose account wrote it), and facilitators."""
    return access.can_manage or (access.can_log and note.observer.user_id == access.user.pk)


def noted_time(noted_at: dt.datetime | None) -> dt.datetime:
    """When a note was typed: the phone's clock, unless missing (a form sent without JavaScript) or ahead."""
    now = timezone.now()
    if noted_at is None or noted_at > now + CLOCK_AHEAD:
        return now
    return noted_at


def lesson_notes(session: Session):
    """The lesson's notes in time order with their observer and students. Two queries."""
    notes = session.observation_notes.select_related("observer").prefetch_related("students")
    return list(notes.order_by("noted_at", "pk"))


def count_on_chart(chart: Chart, notes) -> Chart:
    """Where the notes fell: on each seat, how many notes tagged its student (no query)."""
    counts = Counter(student.pk for note in notes for student in note.students.all())
    for row in chart.rows:
        for cell in row:
            if cell.seat and cell.seat.person_id:
                cell.notes = counts.get(cell.seat.person_id, 0)
    return chart


def lesson_page(access: ProgramAccess, session: Session) -> dict:
    """What an open lesson's page shows: the shared session pieces (``session_page``: attendance, documentation,
    actions), the cycle's team and the observers' focuses, and — for those who see students' data — the notes by
    time and the seating chart with a count per seat (others read how many notes). Eight queries with a cycle
    (attendance, attachments, team, focuses and their students, then notes and their students and seats, or a
    count), two without."""
    context = session_page(access, session)
    cycle = session.cycle
    context.update(cycle=cycle, team=[], focuses=[], notes=[], chart=None, note_count=0)
    if cycle is None:
        return context
    context["team"] = list(cycle.team.order_by("name"))
    context["focuses"] = focuses_of(session)
    if access.sees_personal_data:
        notes = lesson_notes(session)
        for note in notes:
            note.may_change = may_change_note(access, note)
        context["notes"] = notes
        context["note_count"] = len(notes)
        context["chart"] = count_on_chart(seating_chart(cycle), notes)
    else:
        context["note_count"] = session.observation_notes.count()
    context["may"]["take_notes"] = access.can_log and access.sees_personal_data
    return context


def notes_page(session: Session, observer: Person | None) -> dict:
    """The observer's phone page: the seating chart with their focus marked, the students of the class on no seat,
    the chart's groups, and their own notes on this lesson (latest first). Five queries (seats, class, focus and its
    students, own notes), one when the account is not on the roster."""
    cycle = session.cycle
    chart = seating_chart(cycle)
    seated = {seat.person_id for seat in chart.seats if seat.person_id}
    context = {"chart": chart, "focus": None, "focus_students": [], "own_notes": []}
    context["unseated"] = [student for student in class_students(cycle) if student.pk not in seated]
    if observer is None:
        return context
    focus = ObserverFocus.objects.filter(session=session, observer=observer).prefetch_related("students").first()
    if focus:
        watched = {student.pk for student in focus.students.all()}
        for cell in (cell for row in chart.rows for cell in row):
            seat = cell.seat
            cell.focus = bool(seat and ((seat.person_id in watched) or (focus.group and seat.group == focus.group)))
        context["focus"] = focus
        context["focus_students"] = [cell.seat for row in chart.rows for cell in row if cell.focus]
    own = session.observation_notes.filter(observer=observer).order_by("-noted_at", "-pk")
    context["own_notes"] = list(own[:20])
    return context


@transaction.atomic
def note_add(
    *,
    session: Session,
    observer: Person,
    client_id: uuid.UUID,
    noted_at: dt.datetime,
    text: str,
    tag: str,
    students: list[Person],
    group: str,
    photo: CleanFile | None,
    late: bool,
) -> tuple[ObservationNote, bool]:
    """Store a note once: (the note, True), or (the one stored with this ``client_id`` already, False) — a resend,
    even one racing its first sending."""
    stored = ObservationNote.objects.filter(client_id=client_id).first()
    if stored:
        return stored, False
    note = ObservationNote(
        session=session, observer=observer, client_id=client_id, noted_at=noted_at, text=text, tag=tag,
        group=group, late=late,
    )  # fmt: skip
    if photo:
        note.photo.save(f"note.{photo.extension}", ContentFile(photo.content), save=False)
    try:
        with transaction.atomic():  # a savepoint: the other sending's row wins, this transaction goes on
            note.save()
    except IntegrityError:
        if photo:
            transaction.on_commit(lambda name=note.photo.name, storage=note.photo.storage: storage.delete(name))
        return ObservationNote.objects.get(client_id=client_id), False
    note.students.set(students)
    return note, True


@transaction.atomic
def note_save(*, note: ObservationNote, students: list[Person]) -> ObservationNote:
    """Its text, tag and group (already on ``note``) and its students."""
    note.save()
    note.students.set(students)
    return note


@transaction.atomic
def note_delete(*, note: ObservationNote) -> None:
    note.delete()  # its photo goes once the transaction commits (komunitas.uploads.remove_files_of)
