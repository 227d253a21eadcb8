"""Lesson study's dashboard panel and report section, at desktop and phone width, pass the accessibility check and
fit the screen."""

import datetime as dt

import pytest
from django.urls import reverse

from komunitas.models import Participant, PersonKind
from komunitas.testing import sign_in, visit_each
from komunitas.tests.factories import PersonFactory, StudentFactory
from lessonstudy.tests.figures_data import at, cycle_on, lesson_on, note_on, reflection_on, version_on

pytestmark = pytest.mark.browser
DAY = dt.timedelta(days=1)


def _figures(program) -> None:
    """Two cycles with long titles, open lessons observed with notes, a reflection and a revision; one cycle
    waiting for its reflection (under "Needs attention")."""
    teachers = [
        PersonFactory(school=program.school, kind=PersonKind.TEACHER, name=f"Guru Bernama Sangat Panjang {n}, S.Pd.")
        for n in range(4)
    ]
    student = StudentFactory(school=program.school, name="Ani Lestari", class_name="8A")
    Participant.objects.create(program=program, person=student, role=PersonKind.STUDENT)
    for index in range(2):
        day = program.start_date + (14 * index + 1) * DAY
        cycle = cycle_on(
            program, day - DAY, model_teacher=teachers[index],
            title=f"Siklus {index + 1}: persamaan dan pertidaksamaan linear satu variabel di kelas 8A",
        )  # fmt: skip
        lesson = lesson_on(cycle, day, present=teachers)
        for minute in range(0, 60, 6):
            note_on(lesson, teachers[(index + 1) % 4], at(day, 8, minute), students=[student])
        if index == 0:
            reflection_on(cycle, day + 2 * DAY, findings="Ani bingung.\nKelompok 3 aktif.", revisions="Kartu peran.")
            version_on(cycle, 2, day + 3 * DAY)


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_the_figures_pages_are_accessible_and_fit(request, size, live_program):
    _figures(live_program)
    page = request.getfixturevalue(size)
    sign_in(page, "fasilitator")
    pk = live_program.pk
    visit_each(
        page,
        [
            reverse("program_dashboard", args=[pk]),  # lesson study's panel and its reflection due
            reverse("report_preview", args=[pk]),  # lesson study's section
        ],
    )
