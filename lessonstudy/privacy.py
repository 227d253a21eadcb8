"""Lesson study's part of a person's data rights (the plug-in contract's ``person_data`` and ``erase_person``,
komunitas/privacy.py): the cycles they teach or plan in, the focuses and notes they observed with, the notes and
focuses naming them as a student, their seats; and ``NameBlanker``, which keeps students' names out of texts that
go to readers who may not see them (the report, the district's export).

What an erasure does, and why:
- A teacher or facilitator: nothing here. Their cycles, focuses and notes stay linked to them, anonymised by the
  core ("Erased participant"): the notes are the school's record of what students did, not about the observer, and
  every figure (notes per week, observers present) stays as it was.
- A student: the links and words that point at them go, the notes stay (counted): they leave every note's and
  focus's students, a note's text loses their name, a note's photo that was tagged with them is deleted (their
  face is their data; it goes after the transaction commits), and their seats lose the code that stood for them
  (the seat stays, anonymised with the person, so the chart keeps its shape).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from django.db.models import Q

from komunitas import audit
from komunitas.models import Person, PersonKind, Program
from komunitas.privacy import name_pattern
from komunitas.uploads import delete_files_on_commit

from .models import Cycle, ObservationNote, ObserverFocus, Seat


def _session(session) -> dict:
    return {"session": session.title, "date": session.date.isoformat()}


def _note(note) -> dict:
    return {
        **_session(note.session),
        "noted_at": note.noted_at.isoformat(),
        "text": note.text,
        "tag": note.tag,
        "group": note.group,
        "photo": bool(note.photo),
        "late": note.late,
    }


def person_data(person: Person) -> dict[str, list[dict]]:
    cycles = [{"cycle": c.title, "as": "model teacher"} for c in Cycle.objects.filter(model_teacher=person)]
    cycles += [{"cycle": c.title, "as": "team"} for c in Cycle.objects.filter(team=person)]
    focuses = ObserverFocus.objects.select_related("session")
    notes = ObservationNote.objects.select_related("session")
    return {
        "lessonstudy.Cycle": cycles,
        "lessonstudy.Seat": [
            {"cycle": seat.cycle.title, "row": seat.row, "seat": seat.column, "code": seat.label, "group": seat.group}
            for seat in Seat.objects.filter(person=person).select_related("cycle")
        ],
        "lessonstudy.ObserverFocus": [
            {**_session(f.session), "as": "observer", "group": f.group, "note": f.note}
            for f in focuses.filter(observer=person)
        ]
        + [{**_session(f.session), "as": "watched", "group": f.group} for f in focuses.filter(students=person)],
        "lessonstudy.ObservationNote": [{**_note(n), "as": "observer"} for n in notes.filter(observer=person)]
        + [{**_note(n), "as": "student"} for n in notes.filter(students=person)],
    }


def erase_person(person: Person, by) -> None:
    """See the module's docstring: a student's links, name and tagged photos go; every note and seat stays."""
    tagged = list(ObservationNote.objects.filter(students=person))
    with_photo = [note for note in tagged if note.photo]
    delete_files_on_commit([note.photo for note in with_photo])
    ObservationNote.students.through.objects.filter(person=person).delete()
    ObserverFocus.students.through.objects.filter(person=person).delete()
    for note in with_photo:
        note.photo = ""
        note.save(update_fields=["photo"])
    # Their whole name wherever the school's notes use it; their first name too in the notes tagged with them
    # (there, "Ani" is them).
    _blank_names(ObservationNote.objects.filter(session__program__school_id=person.school_id), person.name)
    first = person.name.split()[0] if person.name.strip() else ""
    if first != person.name.strip():
        _blank_names(ObservationNote.objects.filter(pk__in=[note.pk for note in tagged]), first)
    seats = list(Seat.objects.filter(person=person).exclude(label=""))
    if seats:
        Seat.objects.filter(pk__in=[seat.pk for seat in seats]).update(label="")
        audit.log_bulk(seats, audit.UPDATE, {"label": ["…", ""]})


def _blank_names(notes, name: str) -> None:
    pattern = name_pattern(name)
    if pattern is None:
        return
    for note in notes.filter(text__icontains=name.strip()):
        if pattern.search(note.text):
            note.text = pattern.sub("…", note.text)
            note.save(update_fields=["text"])


class NameBlanker:
    """Blanks the names of a program's students (the whole name, and the first name alone, whole words) in texts
    that readers who may not see children's data read: notes and reflections are about students and may name
    them. Built with one query; blanking runs no query."""

    def __init__(self, program: Program):
        # Every student who ever took part, or sits in one of its seating charts (a pupil who left is still named).
        students = Person.objects.filter(
            Q(participations__program=program, participations__role=PersonKind.STUDENT)
            | Q(lesson_seats__cycle__program=program),
            kind=PersonKind.STUDENT,
            erased_at__isnull=True,
        )
        names = set(students.values_list("name", flat=True))
        words = {name.strip() for name in names} | {name.split()[0] for name in names if name.strip()}
        # One pattern, longest first: "Ani Lestari" goes whole before "Ani" is looked for. Names shorter than
        # three letters are left, as the core leaves them (komunitas.privacy.name_pattern).
        words = sorted((word for word in words if len(word) >= 3), key=len, reverse=True)
        self.pattern = (
            re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, words))})(?!\w)", re.IGNORECASE) if words else None
        )

    def __call__(self, text: str) -> str:
        return self.pattern.sub("…", text) if self.pattern and text else text


def keep_names(text: str) -> str:
    """For readers who may see children's data: the text as written."""
    return text


def blanker_for(access) -> Callable[[str], str]:
    """What the viewer's texts go through: names blanked unless they may see children's data (one query then)."""
    return keep_names if access.sees_personal_data else NameBlanker(access.program)
