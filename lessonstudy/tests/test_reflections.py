"""Logging a cycle's reflection meeting (the core session and its record in one form), its page, who its attendance
list shows, and the cycle page's See section."""

import datetime as dt

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from komunitas.access import program_access_for
from komunitas.models import Participant, PersonKind, Session
from komunitas.testing import form_values
from komunitas.tests.factories import AttendanceFactory, PersonFactory, SessionFactory
from lessonstudy.models import LS_REFLECTION, ObserverFocus, Reflection
from lessonstudy.reflections import reflection_audience
from lessonstudy.tests.factories import CycleFactory, ObservationNoteFactory, OpenLessonFactory


def _data(program, **changes):
    data = {
        "date": program.start_date + dt.timedelta(days=3),
        "start_time": "13:00",
        "end_time": "14:30",
        "place": "Ruang guru",
        "status": "held",
        "model_teacher_view": "Waktu diskusi kurang.",
        "observers_view": "Kelompok 2 diam sampai menit ke-20.",
        "findings": "Siswa butuh contoh timbangan.",
        "revisions": "Tambah alat peraga timbangan.",
    }
    return {**data, **changes}


def _create_url(world):
    return reverse("lessonstudy:reflection_create", args=[world["program"].pk, world["cycle"].pk])


def test_a_teacher_logs_a_held_meeting_and_goes_on_to_attendance(client, world, teacher):
    program, cycle = world["program"], world["cycle"]
    client.force_login(teacher)
    page = client.get(_create_url(world)).content.decode()
    # The discussion in the meeting's order: the model teacher first, the revisions last.
    fields = ["model_teacher_view", "observers_view", "findings", "revisions"]
    assert sorted(fields, key=lambda name: page.index(f'name="{name}"')) == fields
    data = {**form_values(page), **_data(program)}
    response = client.post(_create_url(world), data)
    record = Reflection.objects.exclude(session=world["reflection"]).get(cycle=cycle)
    session = record.session
    assert response.url == reverse("attendance_edit", args=[program.pk, session.pk])
    assert (session.kind, session.status, session.created_by) == (LS_REFLECTION, "held", teacher)
    assert session.title == f"Reflection: {cycle.title}"
    assert (record.model_teacher_view, record.revisions) == ("Waktu diskusi kurang.", "Tambah alat peraga timbangan.")
    assert session.page_url == reverse("lessonstudy:reflection", args=[program.pk, session.pk])


def test_bad_input_saves_nothing(client, world, teacher):
    """Each: the field that is wrong says so, and neither the session nor its record is saved."""
    program = world["program"]
    lesson = world["open_lesson"]  # held on the program's second day, 13:30
    future = timezone.localdate() + dt.timedelta(days=2)
    program.start_date = lesson.date - dt.timedelta(days=1)
    program.weeks = 52  # so that a day to come is inside the program
    program.save()
    client.force_login(teacher)
    cases = [
        ({"date": future.isoformat()}, "session_form", "status"),  # held in the future
        ({"date": (lesson.date - dt.timedelta(days=1)).isoformat()}, "session_form", "date"),  # before the lesson
        ({"date": lesson.date.isoformat(), "start_time": "08:00", "end_time": "09:00"}, "session_form", "date"),
        ({"date": "2001-01-01"}, "session_form", "date"),  # outside the program
        ({"start_time": "14:00", "end_time": "13:00"}, "session_form", "end_time"),
        ({"status": "nonsense"}, "session_form", "status"),
        ({"place": "x" * 500}, "session_form", "place"),
        ({"model_teacher_view": "x" * 4001}, "reflection_form", "model_teacher_view"),
        ({"observers_view": "x" * 6001}, "reflection_form", "observers_view"),
        ({"revisions": "x" * 4001}, "reflection_form", "revisions"),
    ]
    before = Session.objects.count()
    for changes, form, field in cases:
        response = client.post(_create_url(world), _data(program, **changes))
        assert response.status_code == 200 and field in response.context[form].errors, changes
    assert Session.objects.count() == before and Reflection.objects.count() == 2
    response = client.post(_create_url(world), _data(program, date=lesson.date - dt.timedelta(days=1)))
    assert "cannot come before the open lesson" in response.content.decode()


def test_a_meeting_still_to_come_is_planned(client, world, teacher):
    program = world["program"]
    future = timezone.localdate() + dt.timedelta(days=2)
    program.weeks = 52
    program.save()
    client.force_login(teacher)
    response = client.post(_create_url(world), _data(program, date=future, status="planned"))
    session = Session.objects.get(kind=LS_REFLECTION, date=future)
    assert response.url == reverse("lessonstudy:reflection", args=[program.pk, session.pk])


def test_before_the_lesson_is_fine_when_the_lesson_was_not_held(client, world, teacher):
    program = world["program"]
    world["open_lesson"].status = "planned"
    world["open_lesson"].save()
    client.force_login(teacher)
    response = client.post(_create_url(world), _data(program, date=program.start_date))
    assert response.status_code == 302


def test_an_edit_round_trip_keeps_everything(client, world, facilitator):
    program, session = world["program"], world["reflection"]
    client.force_login(facilitator)
    url = reverse("lessonstudy:reflection_edit", args=[program.pk, session.pk])
    page = client.get(url).content.decode()
    assert reverse("session_delete", args=[program.pk, session.pk]) in page  # the core's delete, linked
    assert 'name="cycle"' not in page  # its cycle is known
    response = client.post(url, {**form_values(page), "revisions": "Ganti LKPD."})
    assert response.url == reverse("lessonstudy:reflection", args=[program.pk, session.pk])
    record = Reflection.objects.get(session=session)
    assert (record.revisions, record.findings, record.cycle) == (
        "Ganti LKPD.",
        "Sebagian besar siswa aktif saat diskusi kelompok.",
        world["cycle"],
    )
    assert Session.objects.get(pk=session.pk).created_by == facilitator


def test_a_meeting_planned_on_the_schedule_chooses_its_cycle(client, world, facilitator, teacher):
    program = world["program"]
    session = SessionFactory(program=program, kind=LS_REFLECTION, status="planned", created_by=facilitator)
    client.force_login(teacher)
    url = reverse("lessonstudy:reflection", args=[program.pk, session.pk])
    page = client.get(url).content.decode()
    assert "Choose its cycle" in page and "not chosen yet" in page
    edit_url = reverse("lessonstudy:reflection_edit", args=[program.pk, session.pk])
    data = form_values(client.get(edit_url).content.decode())
    # The cycle chosen is checked too: a meeting before its held open lesson is refused.
    data.update(cycle=world["cycle"].pk, date=program.start_date.isoformat(), status="held")
    response = client.post(edit_url, data)
    assert "date" in response.context["session_form"].errors
    data.update(date=(program.start_date + dt.timedelta(days=2)).isoformat())
    assert client.post(edit_url, data).status_code == 302
    session.refresh_from_db()
    assert session.lesson_reflection.cycle == world["cycle"] and session.created_by == teacher  # now theirs


def test_the_page_shows_the_discussion_in_the_meetings_order_and_the_agenda(client, world, teacher):
    program, session = world["program"], world["reflection"]
    Reflection.objects.filter(session=session).update(
        model_teacher_view="PERTAMA", observers_view="KEDUA", findings="KETIGA", revisions="KEEMPAT"
    )
    client.force_login(teacher)
    page = client.get(reverse("lessonstudy:reflection", args=[program.pk, session.pk])).content.decode()
    positions = [page.index(text) for text in ["PERTAMA", "KEDUA", "KETIGA", "KEEMPAT"]]
    assert positions == sorted(positions)
    assert 'data-testid="agenda"' in page and world["agenda_note"].text in page
    assert reverse("lessonstudy:agenda", args=[program.pk, session.pk]) in page
    assert 'id="attendance-heading"' in page and 'id="documentation-heading"' in page  # the core's pieces


def test_a_teacher_may_not_edit_the_facilitators_meeting(client, world, teacher):
    client.force_login(teacher)
    page = client.get(reverse("lessonstudy:reflection", args=[world["program"].pk, world["reflection"].pk]))
    assert reverse("lessonstudy:reflection_edit", args=[world["program"].pk, world["reflection"].pk]) not in (
        page.content.decode()
    )


def test_other_kinds_of_session_are_not_reflections(client, world, facilitator):
    client.force_login(facilitator)
    lesson = world["open_lesson"]
    assert client.get(reverse("lessonstudy:reflection", args=[world["program"].pk, lesson.pk])).status_code == 404
    other_cycle = CycleFactory()  # another school's program
    url = reverse("lessonstudy:reflection_create", args=[world["program"].pk, other_cycle.pk])
    assert client.get(url).status_code == 404


# --- who the attendance list shows -----------------------------------------------------------------------------


def _take_part(program, kind, name):
    person = PersonFactory(school=program.school, kind=kind, name=name)
    Participant.objects.create(program=program, person=person, role=kind)
    return person


def test_the_list_is_the_cycles_model_teacher_team_and_observers(world, teacher, facilitator, other_teacher):
    program = world["program"]
    focused = _take_part(program, PersonKind.TEACHER, "Guru Fokus")
    noting = _take_part(program, PersonKind.TEACHER, "Guru Mencatat")
    bystander = _take_part(program, PersonKind.TEACHER, "Guru Lain")
    other_lesson = OpenLessonFactory(cycle=world["teacher_cycle"]).session  # another cycle's observer
    ObserverFocus.objects.create(session=world["open_lesson"], observer=focused, group="Kelompok 2")
    ObservationNoteFactory(session=world["open_lesson"], observer=noting)
    ObservationNoteFactory(session=other_lesson, observer=bystander)
    Participant.objects.create(program=program, person=facilitator.person, role=PersonKind.FACILITATOR)
    people = set(reflection_audience(world["reflection"]))
    # The world's cycle: the teacher teaches it, the team is the teacher and the facilitator.
    assert people == {teacher.person, facilitator.person, focused, noting}
    assert other_teacher.person not in people and bystander not in people
    assert not any(person.kind == PersonKind.STUDENT for person in people)


def test_without_a_cycle_the_list_is_the_programs_teachers_and_leaders(world, facilitator, other_teacher):
    program = world["program"]
    session = SessionFactory(program=program, kind=LS_REFLECTION, status="planned", created_by=facilitator)
    people = set(reflection_audience(session))
    assert other_teacher.person in people and not any(p.kind == PersonKind.STUDENT for p in people)
    assert set(reflection_audience(Session(program=program, kind=LS_REFLECTION, date=program.start_date))) == people


def test_the_attendance_page_offers_the_cycles_people(client, world, teacher, other_teacher):
    client.force_login(teacher)
    url = reverse("attendance_edit", args=[world["program"].pk, world["reflection"].pk])
    people = client.get(url).context["form"].people
    assert teacher.person in people and other_teacher.person not in people


@pytest.mark.django_db
def test_the_reflection_kind_is_registered_with_its_page_and_list():
    from komunitas import activities

    kind = activities.session_type(LS_REFLECTION)
    assert kind.page == "lessonstudy:reflection" and kind.audience is reflection_audience and kind.narrows


# --- what district officers see ----------------------------------------------------------------------------------


def test_district_officers_see_no_student_on_the_page_or_the_agenda(client, world, district_officer, teacher):
    program, session, student = world["program"], world["reflection"], world["students"][0]
    AttendanceFactory(session=session, person=student)
    urls = [
        reverse("lessonstudy:reflection", args=[program.pk, session.pk]),
        reverse("lessonstudy:agenda", args=[program.pk, session.pk]),
    ]
    client.force_login(district_officer)
    for url in urls:
        page = client.get(url).content.decode()
        # The notes' counts by tag and group, never their words (which may name a child) nor the tagged students.
        assert world["agenda_note"].text not in page and "Kelompok 1" in page and student.name not in page
    client.force_login(teacher)
    assert student.name in client.get(urls[1]).content.decode()


# --- the cycle page's See section ----------------------------------------------------------------------------------


def test_the_see_section_lists_the_meetings_and_offers_to_log_one(world, teacher, district_officer):
    program, cycle = world["program"], world["cycle"]
    reflections = list(cycle.reflections.select_related("session"))

    def render(user, rows):
        request = RequestFactory().get("/")
        request.user = user
        access = program_access_for(user, program.pk)
        context = {"cycle": cycle, "reflections": rows, "access": access, "program": program}
        return render_to_string("lessonstudy/includes/_see.html", context, request=request)

    html = render(teacher, reflections)
    assert reverse("lessonstudy:reflection", args=[program.pk, world["reflection"].pk]) in html
    assert reverse("lessonstudy:agenda", args=[program.pk, world["reflection"].pk]) in html
    assert "Sebagian besar siswa aktif" in html  # its findings
    assert reverse("lessonstudy:reflection_create", args=[program.pk, cycle.pk]) in html
    empty = render(district_officer, [])
    assert "No reflection meeting yet" in empty and "reflection/new/" not in empty
