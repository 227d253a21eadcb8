"""Every page of lesson study, at desktop and phone width, passes the accessibility check and fits the screen."""

import datetime as dt

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone

from komunitas.models import Participant, Person, PersonKind
from komunitas.testing import jpeg_bytes, sign_in, visit_each
from komunitas.tests.factories import AttendanceFactory, StudentFactory
from lessonstudy.models import NoteTag, ObserverFocus, Seat
from lessonstudy.tests.factories import (
    STEPS,
    CycleFactory,
    ObservationNoteFactory,
    OpenLessonFactory,
    PlanFileFactory,
    PlanVersionFactory,
    ReflectionFactory,
)

pytestmark = pytest.mark.browser


def _reflection_pages(program) -> list[str]:
    """See: a cycle with an open lesson, notes in several tags and groups (one late, one with long names), and its
    reflection meeting; the meeting's page, agenda and forms."""
    teachers = list(Person.objects.teachers_of(program))
    students = []
    for index in range(6):
        student = StudentFactory(school=program.school, name=f"Siswa Bernama Panjang {index}", class_name="8A")
        Participant.objects.create(program=program, person=student, role=PersonKind.STUDENT)
        students.append(student)
    cycle = CycleFactory(program=program, model_teacher=teachers[0], team=teachers, title="Siklus 1: SPLDV")
    for index, student in enumerate(students):
        Seat.objects.create(cycle=cycle, row=1, column=index + 1, person=student, group=f"Kelompok {1 + index // 3}")
    lesson = OpenLessonFactory(cycle=cycle, session__date=program.start_date).session
    start = timezone.make_aware(dt.datetime.combine(lesson.date, lesson.start_time))
    for minute, tag, chosen, late in [
        (5, NoteTag.MISCONCEPTION, students[:2], False),
        (12, NoteTag.QUESTION, students[3:4], False),
        (20, NoteTag.COLLABORATION, students[2:5], False),
        (35, "", [], False),
        (200, NoteTag.INSIGHT, students[5:], True),
    ]:
        note = ObservationNoteFactory(
            session=lesson,
            observer=teachers[minute % len(teachers)],
            noted_at=start + dt.timedelta(minutes=minute),
            tag=tag,
            late=late,
            text="Siswa memindahkan suku tanpa mengubah tanda; kelompok lain menunggu guru datang.",
        )
        note.students.set(chosen)
    reflection = ReflectionFactory(
        cycle=cycle,
        session__date=program.start_date + dt.timedelta(days=1),
        model_teacher_view="Waktu diskusi kelompok kurang.",
        observers_view="Kelompok 2 diam sampai menit ke-20.",
        revisions="Tambah alat peraga timbangan.",
    ).session
    for person in teachers:
        AttendanceFactory(session=reflection, person=person)
    empty = ReflectionFactory(cycle=CycleFactory(program=program, model_teacher=teachers[1])).session
    pk = program.pk
    return [
        reverse("lessonstudy:reflection_create", args=[pk, cycle.pk]),
        reverse("lessonstudy:reflection", args=[pk, reflection.pk]),
        reverse("lessonstudy:reflection_edit", args=[pk, reflection.pk]),
        reverse("lessonstudy:agenda", args=[pk, reflection.pk]),
        reverse("lessonstudy:agenda", args=[pk, empty.pk]),  # no note taken
        reverse("attendance_edit", args=[pk, reflection.pk]),
    ]


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
def test_the_reflection_pages_are_accessible_and_fit(request, size, live_program):
    pages = _reflection_pages(live_program)
    page = request.getfixturevalue(size)
    sign_in(page, "fasilitator")
    visit_each(page, pages)


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_every_lesson_study_page_is_accessible_and_fits(request, size, live_program):
    urls = _cycle_pages(live_program)
    page = request.getfixturevalue(size)
    sign_in(page, "fasilitator")
    visit_each(page, urls)


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_every_do_page_is_accessible_and_fits(request, size, live_program):
    urls = _do_pages(live_program)
    page = request.getfixturevalue(size)
    sign_in(page, "guru01")
    visit_each(page, urls)
