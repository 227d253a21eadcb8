"""The demo's lesson study cycles, and a person's data rights over lesson study's records."""

import datetime as dt

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command

from komunitas import privacy
from komunitas.models import Attachment, AttendanceStatus, Program, SessionStatus
from komunitas.testing import jpeg_bytes
from lessonstudy.metrics import cycle_dates, lesson_weekly
from lessonstudy.models import LS_REFLECTION, OPEN_LESSON, Cycle, ObservationNote, ObserverFocus, Seat
from lessonstudy.privacy import erase_person
from lessonstudy.tests.figures_data import at, cycle_on, lesson_on, note_on

DAY = dt.timedelta(days=1)


def test_the_demo_builds_two_cycles_and_one_being_planned(db):
    call_command("seed_demo")
    program = Program.objects.get(school__name="SMPN H. Wukirsari")
    first, second, third = Cycle.objects.filter(program=program).order_by("created_at")
    assert (first.subject, first.class_name, second.previous, third.subject) == ("Matematika", "8A", first, "IPA")
    assert first.done_at and not second.done_at and not third.done_at
    today = dt.date.today()
    assert [cycle.stage_on(today) for cycle in cycle_dates(program)] == ["done", "see", "plan"]
    assert [cycle.plan_versions.count() for cycle in (first, second, third)] == [3, 3, 1]
    assert all(4 <= len(v.steps) <= 5 for v in first.plan_versions.all())
    assert second.plan_versions.get(number=1).steps == first.plan_versions.get(number=3).steps  # copied
    eight_a = program.participants.filter(person__class_name="8A", role="student").count()
    for cycle in (first, second):
        lesson = cycle.open_lessons.get().session
        assert (lesson.kind, lesson.status, program.week_of(lesson.date)) == (OPEN_LESSON, SessionStatus.HELD, *[
            {first.pk: 4, second.pk: 7}[cycle.pk]
        ])  # fmt: skip
        assert lesson.attendance.get(person=cycle.model_teacher).status == AttendanceStatus.PRESENT
        assert cycle.seats.count() == 24 and cycle.seats.filter(person__isnull=False).count() == eight_a
        focuses = ObserverFocus.objects.filter(session=lesson)
        assert focuses.count() >= 3 and not focuses.filter(observer=cycle.model_teacher).exists()
        notes = ObservationNote.objects.filter(session=lesson)
        assert 11 <= notes.count() <= 21 and notes.filter(late=True).count() == 1
        assert notes.filter(students__isnull=False).exists() and notes.exclude(tag="").exists()
        reflection = cycle.reflections.get()
        assert reflection.session.kind == LS_REFLECTION and reflection.session.status == SessionStatus.HELD
        assert 1 <= (reflection.session.date - lesson.date).days <= 2 and reflection.findings
        assert (
            reflection.session.attendance.filter(status="present").count()
            == lesson.attendance.filter(status="present").count() + 1
        )  # the facilitator too
        assert Attachment.objects.filter(session=lesson).exists()
    rows = lesson_weekly(program)
    assert [row.lessons_held for row in rows] == [0, 0, 0, 1, 0, 0, 1, 0, 0, 0]
    assert sum(row.revisions for row in rows) == 4 and sum(row.notes for row in rows) >= 22


@pytest.fixture
def records(program, teacher, other_teacher, students):
    """A cycle taught by ``teacher``, observed by ``other_teacher`` who watches Ani and tags her in two notes
    (one with a photo); Ani and Budi seated, Ani with a code."""
    ani, budi = students[:2]
    cycle = cycle_on(program, program.start_date, model_teacher=teacher.person, title="Siklus PLSV")
    cycle.team.set([teacher.person, other_teacher.person])
    Seat.objects.create(cycle=cycle, row=1, column=1, person=ani, label="S01", group="Kelompok 1")
    Seat.objects.create(cycle=cycle, row=1, column=2, person=budi, label="S02", group="Kelompok 1")
    lesson = lesson_on(cycle, program.start_date + DAY, present=[teacher.person, other_teacher.person])
    lesson.title = "Pembelajaran terbuka PLSV"
    lesson.save()
    focus = ObserverFocus.objects.create(session=lesson, observer=other_teacher.person, group="Kelompok 1")
    focus.students.set([ani, budi])
    with_photo = note_on(
        lesson, other_teacher.person, at(lesson.date, 8, 10), students=[ani, budi], text="Ani dan Budi berbagi tugas."
    )
    with_photo.photo.save("foto.jpg", ContentFile(jpeg_bytes()))
    plain = note_on(lesson, other_teacher.person, at(lesson.date, 8, 20), students=[ani], text="Ani Lestari bertanya.")
    other = note_on(lesson, other_teacher.person, at(lesson.date, 8, 30), text="Kelompok 2 diam; Ani di sana?")
    return cycle, lesson, with_photo, plain, other


def test_a_persons_record_holds_their_cycles_notes_and_seats(program, teacher, other_teacher, students, records):
    _cycle, lesson, *_ = records
    teaching = privacy.record(teacher.person)["records"]
    assert {"cycle": "Siklus PLSV", "as": "model teacher"} in teaching["lessonstudy.Cycle"]
    assert {"cycle": "Siklus PLSV", "as": "team"} in teaching["lessonstudy.Cycle"]
    observing = privacy.record(other_teacher.person)["records"]
    assert len(observing["lessonstudy.ObservationNote"]) == 3
    assert observing["lessonstudy.ObserverFocus"][0] == {
        "session": lesson.title, "date": lesson.date.isoformat(), "as": "observer", "group": "Kelompok 1", "note": ""
    }  # fmt: skip
    ani = privacy.record(students[0])["records"]
    seat = {"cycle": "Siklus PLSV", "row": 1, "seat": 1, "code": "S01", "group": "Kelompok 1"}
    assert ani["lessonstudy.Seat"] == [seat]
    assert [note["text"] for note in ani["lessonstudy.ObservationNote"]] == [
        "Ani dan Budi berbagi tugas.", "Ani Lestari bertanya."
    ]  # fmt: skip
    assert all(note["as"] == "student" for note in ani["lessonstudy.ObservationNote"])
    assert ani["lessonstudy.ObserverFocus"][0]["as"] == "watched"


def test_erasing_a_student_unlinks_them_and_keeps_every_note(
    program, facilitator, students, records, django_capture_on_commit_callbacks
):
    cycle, lesson, with_photo, plain, _other = records
    ani, budi = students[:2]
    photo = with_photo.photo.name
    storage = with_photo.photo.storage
    before = lesson_weekly(program)[0]
    with django_capture_on_commit_callbacks(execute=True):
        privacy.erase(ani, facilitator)
    with_photo.refresh_from_db(), plain.refresh_from_db()
    assert (list(with_photo.students.all()), with_photo.photo.name) == ([budi], "")
    assert not storage.exists(photo)  # her face is her data
    assert not plain.students.exists() and ObservationNote.objects.filter(session=lesson).count() == 3
    assert list(ObserverFocus.objects.get(session=lesson).students.all()) == [budi]
    seat = Seat.objects.get(cycle=cycle, row=1, column=1)
    assert (seat.person_id, seat.label, seat.group) == (ani.pk, "", "Kelompok 1")  # anonymised by the core
    assert Seat.objects.get(cycle=cycle, row=1, column=2).label == "S02"
    after = lesson_weekly(program)[0]
    assert (after.notes, after.observers, after.stages) == (before.notes, before.observers, before.stages)


def test_erasing_a_student_takes_their_name_out_of_the_notes(program, facilitator, students, records):
    """Lesson study's own part, called as ``privacy.erase`` means to (apps first, while the name is still there).
    Today ``activities.erase_person`` runs the core first (its order, 1000, reversed), so the name is already gone
    when this runs: reported to the core."""
    _cycle, _lesson, with_photo, plain, other = records
    erase_person(students[0], facilitator)
    with_photo.refresh_from_db(), plain.refresh_from_db(), other.refresh_from_db()
    assert with_photo.text == "… dan Budi berbagi tugas."  # tagged with her: "Ani" is her
    assert plain.text == "… bertanya."
    assert other.text == "Kelompok 2 diam; Ani di sana?"  # not tagged with her: "Ani" may be another child


def test_erasing_an_observer_keeps_their_notes(program, facilitator, other_teacher, records):
    _cycle, _lesson, with_photo, *_ = records
    observer = other_teacher.person
    privacy.erase(observer, facilitator)
    with_photo.refresh_from_db()
    assert with_photo.text == "Ani dan Budi berbagi tugas." and with_photo.observer_id == observer.pk
    assert ObservationNote.objects.filter(observer=observer).count() == 3


def test_the_demos_open_lessons_are_led_by_their_model_teacher(db):
    """As logging an open lesson records it: the lesson's page says who taught it, the model teacher."""
    from django.core.management import call_command

    from lessonstudy.models import OpenLesson

    call_command("seed_demo")
    lessons = OpenLesson.objects.select_related("session", "cycle")
    assert lessons and all(lesson.session.facilitator_id == lesson.cycle.model_teacher_id for lesson in lessons)
