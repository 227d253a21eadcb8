"""See: a cycle's reflection meeting — who its attendance list shows, the write that logs it, and the reads of its
pages, among them the agenda built from the observers' notes. Each read states its queries in its docstring.

The meeting is a core ``Session`` (kind "ls_reflection") extended one-to-one by ``Reflection``. Students' names in
the agenda are personal data: the agenda names them only for ``access.sees_personal_data``; everyone else reads
"a student"."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Prefetch, Q
from django.utils.translation import gettext as _

from komunitas.access import ProgramAccess
from komunitas.activities import participants_in
from komunitas.models import Person, PersonKind, Session, SessionStatus
from komunitas.selectors import session_page

from .models import LS_REFLECTION, Cycle, NoteTag, ObservationNote, ObserverFocus, OpenLesson, Reflection, Seat

# Until a meeting belongs to a cycle (planned on the schedule), its list is the program's teachers and leaders.
PROGRAM_AUDIENCE = participants_in(PersonKind.TEACHER, PersonKind.FACILITATOR, PersonKind.PRINCIPAL)


def reflection_audience(session: Session):
    """Who a reflection meeting's attendance list shows: its cycle's model teacher and team and whoever observed
    its open lessons (an observer's focus or a note), as they took part in the program on its day. One query
    for the cycle (through the one-to-one), one for them."""
    people = PROGRAM_AUDIENCE(session)
    row = None
    if session.pk:
        row = (
            Reflection.objects.filter(session_id=session.pk).values_list("cycle_id", "cycle__model_teacher_id").first()
        )
    if row is None:
        return people
    cycle_id, model_teacher_id = row
    # pk__in subqueries, not joins: joining the team and both observers' tables would repeat each person.
    team = Cycle.team.through.objects.filter(cycle_id=cycle_id).values("person_id")
    focused = ObserverFocus.objects.filter(session__open_lesson__cycle_id=cycle_id).values("observer_id")
    noted = ObservationNote.objects.filter(session__open_lesson__cycle_id=cycle_id).values("observer_id")
    return people.filter(Q(pk=model_teacher_id) | Q(pk__in=team) | Q(pk__in=focused) | Q(pk__in=noted))


# --- writes ----------------------------------------------------------------------------------------------------


@transaction.atomic
def reflection_log(*, session: Session, reflection: Reflection, cycle: Cycle, user) -> Reflection:
    """A reflection meeting: the core session (kind "ls_reflection") and its record, both or neither. Attendance
    is taken afterwards on the core's attendance page, whose list is then the cycle's (``reflection_audience``)."""
    session.kind = LS_REFLECTION
    session.program_id = cycle.program_id
    if not session.title:
        title = _("Reflection: %(cycle)s") % {"cycle": cycle.title}
        session.title = title[: Session._meta.get_field("title").max_length]
    if session.pk is None or reflection._state.adding:
        # New, or planned on the schedule and now filled in: whoever logs it owns it (as in the clubs).
        session.created_by = user
    session.save()
    reflection.session = session
    reflection.cycle = cycle
    reflection.save()
    return reflection


# --- reads -----------------------------------------------------------------------------------------------------


def may_change_reflection(access: ProgramAccess, session: Session) -> bool:
    """Its creator and facilitators; a meeting planned for anyone, with no record yet, any teacher fills in."""
    return access.can_log and (
        access.can_change(session) or access.can_fill_in(session, has_record=session.reflection_or_none is not None)
    )


def first_held_lesson(cycle: Cycle) -> Session | None:
    """The cycle's first open lesson that was held (a reflection comes after it), or None. One query."""
    lesson = (
        OpenLesson.objects.filter(cycle=cycle, session__status=SessionStatus.HELD)
        .select_related("session")
        .order_by("session__date", "session__start_time", "pk")
        .first()
    )
    return lesson.session if lesson else None


def reflection_page(access: ProgramAccess, session: Session) -> dict:
    """What a reflection's page shows besides its record: the shared session pieces (``session_page``:
    attendance, documentation, actions) and the agenda. Two queries, and the agenda's three when the meeting
    belongs to a cycle whose lessons have notes."""
    context = session_page(access, session)
    record = session.reflection_or_none
    context["record"] = record
    context["cycle"] = record.cycle if record else None
    context["agenda"] = reflection_agenda(access, record.cycle) if record else None
    context["may"]["edit"] = may_change_reflection(access, session)
    return context


# --- the agenda ------------------------------------------------------------------------------------------------


@dataclass
class GroupSection:
    """The notes about one group of students (``label`` "" when no group), in time order."""

    label: str
    notes: list[ObservationNote] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.notes)


@dataclass
class TagSection:
    """The notes showing one thing (``tag`` "" when the observer chose no tag), by group of students."""

    tag: str
    label: str
    groups: list[GroupSection] = field(default_factory=list)

    @property
    def count(self) -> int:
        return sum(group.count for group in self.groups)


@dataclass
class Agenda:
    """The reflection meeting's agenda: the model teacher speaks first, then the observers by what their notes
    show. ``names``: whether the notes name their students (``ProgramAccess.sees_personal_data``)."""

    cycle: Cycle
    sections: list[TagSection]
    names: bool
    several_lessons: bool = False

    @property
    def note_count(self) -> int:
        return sum(section.count for section in self.sections)


def _natural(text: str) -> list:
    """A sort key that puts "Kelompok 2" before "Kelompok 10"."""
    return [int(part) if part.isdigit() else part.casefold() for part in re.split(r"(\d+)", text)]


def note_group(note: ObservationNote, seat_groups: dict[int, str]) -> str:
    """The group a note is about: the one the observer chose, else the seat groups of the students tagged (joined
    when they sit in several), else "" (no group)."""
    if note.group.strip():
        return note.group.strip()
    groups = {seat_groups[student.pk] for student in note.students.all() if student.pk in seat_groups}
    return ", ".join(sorted(groups, key=_natural))


def reflection_agenda(access: ProgramAccess, cycle: Cycle) -> Agenda:
    """The cycle's open lessons' notes by tag (``NoteTag``'s order, untagged last), within each by group of
    students (naturally sorted, "no group" last), each group in time order. Each note gets ``group_label``,
    ``student_names`` (names, or nothing for those who may not see them) and ``student_count``. Three queries
    (the notes with their observers, their students, the cycle's seat groups); one when no note was taken."""
    notes = list(
        ObservationNote.objects.filter(session__open_lesson__cycle=cycle)
        .select_related("observer")
        .prefetch_related(Prefetch("students", queryset=Person.objects.only("pk", "name").order_by("name")))
        .order_by("noted_at", "pk")
    )
    names = access.sees_personal_data
    agenda = Agenda(cycle=cycle, sections=[], names=names)
    if not notes:
        return agenda
    seat_groups = dict(
        Seat.objects.filter(cycle=cycle, person__isnull=False).exclude(group="").values_list("person_id", "group")
    )
    by_tag: dict[str, dict[str, list[ObservationNote]]] = {}
    for note in notes:
        students = list(note.students.all())
        note.student_count = len(students)
        note.student_names = [student.name for student in students] if names else []
        note.group_label = note_group(note, seat_groups)
        by_tag.setdefault(note.tag, {}).setdefault(note.group_label, []).append(note)
    labels = dict(NoteTag.choices)
    # NoteTag's order, then any tag no longer offered, then the notes without one.
    known = [tag for tag in NoteTag.values if tag in by_tag]
    tags = [*known, *sorted(set(by_tag) - {*NoteTag.values, ""}), *([""] if "" in by_tag else [])]
    for tag in tags:
        label = labels.get(tag, tag) if tag else _("Without a tag")
        groups = sorted(by_tag[tag].items(), key=lambda item: (item[0] == "", _natural(item[0])))
        agenda.sections.append(TagSection(tag, label, [GroupSection(name, rows) for name, rows in groups]))
    agenda.several_lessons = len({note.session_id for note in notes}) > 1
    return agenda
