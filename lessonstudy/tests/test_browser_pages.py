"""Every page of lesson study, at desktop and phone width, passes the accessibility check and fits the screen."""

import pytest
from django.urls import reverse

from komunitas.models import Person
from komunitas.testing import sign_in, visit_each
from lessonstudy.tests.factories import (
    STEPS,
    CycleFactory,
    OpenLessonFactory,
    PlanFileFactory,
    PlanVersionFactory,
    ReflectionFactory,
)

pytestmark = pytest.mark.browser


def _cycle_pages(program) -> list[str]:
    """The cycles' list, a cycle in See with two plan versions, a file, an open lesson and a reflection, and a
    cycle still in Plan with none; their forms, history and comparison."""
    teachers = list(Person.objects.teachers_of(program))
    cycle = CycleFactory(
        program=program,
        title="Siklus 1: persamaan linear",
        model_teacher=teachers[0],
        team=teachers,
        research_theme="Bagaimana siswa bernalar saat berdiskusi?",
        goals="Siswa menjelaskan langkah penyelesaian kepada teman.",
    )
    PlanVersionFactory(cycle=cycle, number=1, materials="LKPD, timbangan", observer_guidance="Kelompok 2 dan 4")
    revised = [dict(step) for step in STEPS] + [
        {"activity": "Refleksi dan kesimpulan bersama", "minutes": 10, "anticipated": "", "observe": "Siapa bicara?"}
    ]
    revised[1]["activity"] = "Diskusi kelompok dengan kartu soal"
    PlanVersionFactory(cycle=cycle, number=2, steps=revised, note="Tambah refleksi", materials="LKPD, kartu soal")
    plan_file = PlanFileFactory(cycle=cycle)
    OpenLessonFactory(cycle=cycle, session__date=program.start_date)
    ReflectionFactory(cycle=cycle, session__date=program.start_date, revisions="Waktu diskusi ditambah.")
    CycleFactory(program=program, title="Siklus IPA", subject="IPA", model_teacher=teachers[1])
    pk, args = program.pk, [program.pk, cycle.pk]
    return [
        reverse("lessonstudy:index", args=[pk]),
        reverse("lessonstudy:index", args=[pk]) + "?stage=done",  # the empty state of a filter
        reverse("lessonstudy:create", args=[pk]),
        reverse("lessonstudy:detail", args=args),
        reverse("lessonstudy:edit", args=args),
        reverse("lessonstudy:delete", args=args),
        reverse("lessonstudy:plan", args=args),
        reverse("lessonstudy:plan_versions", args=args),
        reverse("lessonstudy:plan_compare", args=args) + "?a=1&b=2",
        reverse("lessonstudy:plan_file_create", args=args),
        reverse("lessonstudy:plan_file_delete", args=[*args, plan_file.pk]),
    ]


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_every_lesson_study_page_is_accessible_and_fits(request, size, live_program):
    urls = _cycle_pages(live_program)
    page = request.getfixturevalue(size)
    sign_in(page, "fasilitator")
    visit_each(page, urls)
