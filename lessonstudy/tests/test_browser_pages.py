"""Every page of lesson study, at desktop and phone width, passes the accessibility check and fits the screen."""

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from komunitas.models import Participant, Person, PersonKind
from komunitas.testing import jpeg_bytes, sign_in, visit_each
from komunitas.tests.factories import StudentFactory
from lessonstudy.models import ObserverFocus, Seat
from lessonstudy.tests.factories import CycleFactory, ObservationNoteFactory, OpenLessonFactory

pytestmark = pytest.mark.browser


def _do_pages(program) -> list[str]:
    """Do: a cycle of class 8A with a full seating chart (long names, codes, groups), an open lesson with
    observers, focuses and notes (one late, one with a photo): its pages, the seating chart, the observer's phone
    page and a note's forms."""
    siti, budi, rina = (Person.objects.get(name=name) for name in ["Siti Aminah", "Budi Santoso", "Rina Marlina"])
    cycle = CycleFactory(program=program, model_teacher=budi, team=[siti, rina], class_name="8A", rows=5, columns=6)
    students = []
    for index in range(28):
        student = StudentFactory(school=program.school, name=f"Siswa Bernama Panjang {index}", class_name="8A")
        Participant.objects.create(program=program, person=student, role=PersonKind.STUDENT)
        students.append(student)
    for index, student in enumerate(students[:26]):
        Seat.objects.create(cycle=cycle, row=1 + index // 6, column=1 + index % 6, person=student,
                            group=f"Kelompok {1 + index // 4}")  # fmt: skip
    Seat.objects.create(cycle=cycle, row=5, column=5, label="S27")
    lesson = OpenLessonFactory(cycle=cycle, session__date=program.start_date, session__created_by=siti.user).session
    ObserverFocus.objects.create(session=lesson, observer=siti, group="Kelompok 2").students.set(students[:2])
    ObserverFocus.objects.create(session=lesson, observer=rina).students.set(students[4:7])
    note = ObservationNoteFactory(session=lesson, observer=siti, text="Siswa 4 menjelaskan ke teman sebangku.",
                                  tag="collaboration", photo=ContentFile(jpeg_bytes(), name="n.jpg"))  # fmt: skip
    note.students.set(students[4:6])
    ObservationNoteFactory(
        session=lesson, observer=rina, text="Kelompok 2 diam.", tag="", group="Kelompok 2", late=True
    )
    pk = program.pk
    return [
        reverse("lessonstudy:lesson_create", args=[pk, cycle.pk]),
        reverse("lessonstudy:lesson", args=[pk, lesson.pk]),
        reverse("lessonstudy:lesson_edit", args=[pk, lesson.pk]),
        reverse("lessonstudy:observers", args=[pk, lesson.pk]),
        reverse("lessonstudy:seating", args=[pk, cycle.pk]),
        reverse("lessonstudy:notes", args=[pk, lesson.pk]),
        reverse("lessonstudy:note_edit", args=[pk, lesson.pk, note.pk]),
        reverse("lessonstudy:note_delete", args=[pk, lesson.pk, note.pk]),
        reverse("attendance_edit", args=[pk, lesson.pk]),  # the list: the cycle's team and observers
    ]


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_every_do_page_is_accessible_and_fits(request, size, live_program):
    urls = _do_pages(live_program)
    page = request.getfixturevalue(size)
    sign_in(page, "guru01")
    visit_each(page, urls)
