"""Lesson-study test fixtures. Pages are asked for in English so assertions on messages stay valid once the
Indonesian catalogue translates them. ``world``: the objects the lesson study's permission table and form tests
name."""

import pytest
from django.core.files.base import ContentFile

from komunitas.models import Participant, PersonKind
from komunitas.testing import jpeg_bytes
from komunitas.tests.factories import SessionFactory, StudentFactory
from lessonstudy.models import LS_REFLECTION, NoteTag, Seat
from lessonstudy.tests.factories import (
    CycleFactory,
    ObservationNoteFactory,
    OpenLessonFactory,
    PlanFileFactory,
    PlanVersionFactory,
    ReflectionFactory,
)


@pytest.fixture(autouse=True)
def _english(english):
    """Every lesson-study test reads messages in English (the root conftest's ``english``)."""


@pytest.fixture
def students(program):
    """Four students of class 8A taking part in the program."""
    people = []
    for name in ["Ani Lestari", "Budi Prasetyo", "Citra Dewi", "Dodi Saputra"]:
        person = StudentFactory(school=program.school, name=name, class_name="8A")
        Participant.objects.create(program=program, person=person, role=PersonKind.STUDENT)
        people.append(person)
    return people


@pytest.fixture
def world(users, program, facilitator, teacher, students):
    """A cycle the facilitator started (the teacher teaches it, in its team) with a plan, an open lesson and a
    reflection; and a cycle the teacher started."""
    cycle = CycleFactory(
        program=program, created_by=facilitator, model_teacher=teacher.person, team=[teacher.person, facilitator.person]
    )
    teacher_cycle = CycleFactory(program=program, created_by=teacher, model_teacher=teacher.person)
    objects = {
        "program": program,
        "users": users,
        "students": students,
        "cycle": cycle,
        "teacher_cycle": teacher_cycle,
        "plan_version": PlanVersionFactory(cycle=cycle, number=1, saved_by=facilitator),
        "open_lesson": OpenLessonFactory(cycle=cycle, session__created_by=facilitator).session,
        "teacher_open_lesson": OpenLessonFactory(cycle=teacher_cycle, session__created_by=teacher).session,
        "reflection": ReflectionFactory(cycle=cycle, session__created_by=facilitator).session,
    }
    # See (lessonstudy/reflections.py): a reflection meeting the teacher logged, and notes for the agenda to show.
    objects["teacher_reflection"] = ReflectionFactory(cycle=teacher_cycle, session__created_by=teacher).session
    objects["agenda_note"] = ObservationNoteFactory(
        session=objects["open_lesson"], observer=teacher.person, group="Kelompok 1", tag=NoteTag.MISCONCEPTION
    )
    objects["agenda_note"].students.add(students[0])
    # planned on the schedule: no cycle yet, chosen when it is filled in
    objects["planned_reflection"] = SessionFactory(
        program=program, kind=LS_REFLECTION, status="planned", created_by=facilitator
    )
    # The plan's files (lessonstudy/views/plans.py): one the facilitator attached, one the teacher attached.
    objects["plan_file"] = PlanFileFactory(cycle=cycle, uploaded_by=facilitator)
    objects["teacher_plan_file"] = PlanFileFactory(cycle=teacher_cycle, uploaded_by=teacher)
    # Do (lessonstudy/lessons.py, notes.py): a note of the facilitator's (with a photo) and one of the teacher's on
    # the facilitator's open lesson.
    lesson = objects["open_lesson"]
    objects["note"] = ObservationNoteFactory(
        session=lesson, observer=facilitator.person, photo=ContentFile(jpeg_bytes(), name="note.jpg")
    )
    objects["teacher_note"] = ObservationNoteFactory(session=lesson, observer=teacher.person)
    objects["seats"] = [  # Ani and Budi at the front, in two groups
        Seat.objects.create(cycle=cycle, row=1, column=1, person=students[0], group="A"),
        Seat.objects.create(cycle=cycle, row=1, column=2, person=students[1], group="B"),
    ]
    return objects
