"""Open lessons: logged for a cycle (the core session, kind "open_lesson", and its cycle record in one form), their
page, their attendance list (the cycle's people, not the whole school) and their observers' focus."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from komunitas.models import Participant, PersonKind, Session
from komunitas.testing import form_values, make_member
from komunitas.tests.factories import SessionFactory, StudentFactory
from lessonstudy.lessons import lesson_audience
from lessonstudy.models import ObserverFocus, OpenLesson, Seat
from lessonstudy.tests.factories import CycleFactory, ObservationNoteFactory, OpenLessonFactory


def test_a_teacher_logs_an_open_lesson_for_a_cycle(client, program, teacher, other_teacher):
    cycle = CycleFactory(program=program, model_teacher=other_teacher.person, topic="Pecahan", class_name="8A")
    client.force_login(teacher)
    url = reverse("lessonstudy:lesson_create", args=[program.pk, cycle.pk])
    data = form_values(client.get(url).content.decode())  # the title and place come from the cycle
    data.update(date=program.start_date, start_time="07:30", end_time="09:00", status="held")
    response = client.post(url, data)
    record = OpenLesson.objects.get()
    session = record.session
    assert response.url == reverse("lessonstudy:lesson", args=[program.pk, session.pk]) == session.page_url
    assert (session.kind, session.title, session.place, session.status) == (
        "open_lesson",
        "Open lesson: Pecahan",
        "Class 8A",
        "held",
    )
    assert record.cycle == cycle and session.facilitator == other_teacher.person and session.created_by == teacher


def test_a_lesson_in_the_future_cannot_be_held_and_errors_save_nothing(client, program, teacher, monkeypatch):
    monkeypatch.setattr(timezone, "localdate", lambda *a: program.start_date)  # the program's first day
    cycle = CycleFactory(program=program)
    client.force_login(teacher)
    url = reverse("lessonstudy:lesson_create", args=[program.pk, cycle.pk])
    future = program.start_date + dt.timedelta(days=3)
    response = client.post(url, {"title": "Pembelajaran terbuka", "date": future, "status": "held"})
    assert "A lesson in the future cannot be held yet" in response.context["session_form"].errors["status"][0]
    response = client.post(url, {"title": "", "date": "2001-01-01", "status": "held"})
    assert {"title", "date"} <= set(response.context["session_form"].errors)
    assert not Session.objects.exists() and not OpenLesson.objects.exists()


def test_a_lesson_planned_on_the_schedule_is_given_its_cycle(client, program, facilitator, teacher):
    cycle = CycleFactory(program=program, title="Siklus pecahan")
    session = SessionFactory(program=program, kind="open_lesson", created_by=facilitator, status="planned")
    client.force_login(teacher)
    page = client.get(reverse("lessonstudy:lesson", args=[program.pk, session.pk])).content.decode()
    assert "No cycle yet" in page and "Take notes" not in page
    url = reverse("lessonstudy:lesson_edit", args=[program.pk, session.pk])
    data = form_values(client.get(url).content.decode())
    data.update(cycle=cycle.pk)
    assert client.post(url, data).status_code == 302
    session.refresh_from_db()
    assert session.open_lesson.cycle == cycle and session.created_by == teacher  # filled in: now the teacher's


def test_the_attendance_list_is_the_cycles_team_and_observers(client, program, facilitator, teacher, other_teacher):
    """Not the whole school: the model teacher, the team and whoever has a focus; without a cycle yet, the
    program's staff as before."""
    principal = make_member("kepsek", program.school, "principal", PersonKind.PRINCIPAL)
    visitor = make_member("guru03", program.school, "teacher", PersonKind.TEACHER)
    student = StudentFactory(school=program.school, class_name="8A")
    for person in [visitor.person, student, principal.person, facilitator.person]:
        Participant.objects.create(program=program, person=person, role=person.kind)
    cycle = CycleFactory(program=program, model_teacher=teacher.person, team=[facilitator.person])
    session = OpenLessonFactory(cycle=cycle).session
    ObserverFocus.objects.create(session=session, observer=visitor.person, group="B")
    assert set(lesson_audience(session)) == {teacher.person, facilitator.person, visitor.person}
    client.force_login(facilitator)
    people = client.get(reverse("attendance_edit", args=[program.pk, session.pk])).context["form"].people
    assert set(people) == {teacher.person, facilitator.person, visitor.person}
    unfilled = SessionFactory(program=program, kind="open_lesson")
    expected = {teacher.person, other_teacher.person, visitor.person, facilitator.person, principal.person}
    assert set(lesson_audience(unfilled)) == expected


def test_the_lesson_page_shows_notes_by_time_and_where_they_fell(client, world):
    program, session = world["program"], world["open_lesson"]
    ani, budi = world["students"][:2]  # seated at the front (the world's seats)
    start = timezone.make_aware(dt.datetime.combine(session.date, session.start_time))
    teacher = world["users"]["teacher"].person
    later = ObservationNoteFactory(session=session, observer=teacher, text="Budi menjelaskan ke Ani.",
                                   noted_at=start + dt.timedelta(minutes=40))  # fmt: skip
    later.students.set([ani, budi])
    earlier = ObservationNoteFactory(session=session, observer=teacher, text="Ani diam saja.",
                                     noted_at=start + dt.timedelta(minutes=5))  # fmt: skip
    earlier.students.set([ani])
    client.force_login(world["users"]["facilitator"])
    response = client.get(reverse("lessonstudy:lesson", args=[program.pk, session.pk]))
    page = response.content.decode()
    assert page.index("Ani diam saja.") < page.index("Budi menjelaskan ke Ani.") and "Take notes" in page
    counts = {cell.seat.person: cell.notes for row in response.context["chart"].rows for cell in row if cell.seat}
    assert counts == {ani: 3, budi: 1}  # with the world's agenda note about Ani
    # The district reads how many notes, not what they say about which child.
    client.force_login(world["users"]["district_officer"])
    response = client.get(reverse("lessonstudy:lesson", args=[program.pk, session.pk]))
    page = response.content.decode()
    assert response.context["note_count"] == 5 and "Ani diam saja." not in page and "Ani Lestari" not in page


def test_observers_are_given_a_group_or_students(client, world):
    program, session = world["program"], world["open_lesson"]
    ani = world["students"][0]  # in group A; Budi in B (the world's seats)
    facilitator = world["users"]["facilitator"].person  # in the team; the teacher teaches (model teacher)
    client.force_login(world["users"]["teacher"])
    url = reverse("lessonstudy:observers", args=[program.pk, session.pk])
    response = client.get(url)
    assert [observer for observer, *_ in response.context["form"].observer_fields()] == [facilitator]
    prefix = f"o{facilitator.pk}"
    assert client.post(url, {f"{prefix}-group": "B", f"{prefix}-students": [ani.pk]}).status_code == 302
    focus = ObserverFocus.objects.get(session=session)
    assert (focus.observer, focus.group, list(focus.students.all())) == (facilitator, "B", [ani])
    response = client.post(url, {f"{prefix}-group": "Z", f"{prefix}-students": [world["students"][3].pk]})
    assert set(response.context["form"].errors) == {f"{prefix}-group", f"{prefix}-students"}  # not on the chart
    client.post(url, {})  # neither: no focus
    assert not ObserverFocus.objects.exists()


def _grow(world, size):
    """``size`` more students seated, ``size`` observers with a focus each, ``size`` notes of each observer."""
    program, session, cycle = world["program"], world["open_lesson"], world["cycle"]
    base = Seat.objects.filter(cycle=cycle).count()
    students = []
    for index in range(size):
        student = StudentFactory(school=program.school, class_name="8A")
        Participant.objects.create(program=program, person=student, role=PersonKind.STUDENT)
        Seat.objects.create(cycle=cycle, row=1 + (base + index) // 6, column=1 + (base + index) % 6, person=student)
        students.append(student)
    for index in range(size):
        observer = make_member(f"pengamat{base}-{index}", program.school, "teacher", PersonKind.TEACHER)
        Participant.objects.create(program=program, person=observer.person, role=PersonKind.TEACHER)
        ObserverFocus.objects.create(session=session, observer=observer.person).students.set(students[:2])
        for _ in range(size):
            ObservationNoteFactory(session=session, observer=observer.person).students.set(students[:3])
    # The world's observers write too (their own notes on the phone page), and watch the new students.
    for user in [world["users"]["facilitator"], world["users"]["teacher"]]:
        ObservationNoteFactory(session=session, observer=user.person).students.set(students[:2])
        focus, _created = ObserverFocus.objects.get_or_create(session=session, observer=user.person)
        focus.students.add(*students)


# Every page starts with 3: the session, the user, the program with the user's role; then the lesson with its cycle.
PAGES = {
    # + attendance, attachments, the team, focuses and their students, then notes and their students, the seats,
    # the students of the upload form (or, for the district, how many notes)
    "lesson": ("lessonstudy:lesson", {"facilitator": 13, "district_officer": 10}),
    # + the observer's person, the seats, the class, their focus and its students, their own notes
    "notes": ("lessonstudy:notes", {"facilitator": 10, "teacher": 10}),
}


@pytest.mark.parametrize(
    ("page", "role"), [(page, role) for page, (_name, roles) in PAGES.items() for role in roles]
)  # fmt: skip
def test_query_count_is_flat(client, world, page, role):
    name, expected = PAGES[page][0], PAGES[page][1][role]
    url = reverse(name, args=[world["program"].pk, world["open_lesson"].pk])
    client.force_login(world["users"][role])
    counts = []
    for size in (2, 5):
        _grow(world, size)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        counts.append(len(queries))
    assert counts == [expected, expected], "\n".join(q["sql"] for q in queries.captured_queries)


def test_the_cycle_pages_do_section_lists_its_lessons(world):
    """``includes/_do.html``, included by the cycle's page with ``cycle`` and ``open_lessons``."""
    from django.template.loader import render_to_string

    from komunitas.access import program_access_for

    program, cycle = world["program"], world["cycle"]
    access = program_access_for(world["users"]["teacher"], program.pk)
    open_lessons = cycle.open_lessons.select_related("session")
    html = render_to_string(
        "lessonstudy/includes/_do.html",
        {"cycle": cycle, "open_lessons": open_lessons, "program": program, "access": access},
    )
    lesson = world["open_lesson"]
    assert reverse("lessonstudy:lesson", args=[program.pk, lesson.pk]) in html and lesson.title in html
    assert reverse("lessonstudy:lesson_create", args=[program.pk, cycle.pk]) in html
    assert reverse("lessonstudy:seating", args=[program.pk, cycle.pk]) in html
    empty = render_to_string("lessonstudy/includes/_do.html", {"cycle": cycle, "open_lessons": [], "program": program})
    assert "No open lesson yet." in empty and "lessons/new/" not in empty  # no access given: no buttons
