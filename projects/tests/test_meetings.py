"""Logging a club meeting: the core session (kind "club") and its club record in one form, then attendance."""

from django.urls import reverse

from komunitas.models import Session
from komunitas.testing import form_values
from projects.models import ClubMeeting
from projects.tests.factories import ClubFactory


def test_a_teacher_logs_a_held_meeting_and_goes_on_to_attendance(client, program, teacher, students):
    club = ClubFactory(program=program, name="Klub Sains", mentors=[teacher.person], members=students[:2])
    client.force_login(teacher)
    url = reverse("projects:meeting_create", args=[program.pk, club.pk])
    data = form_values(client.get(url).content.decode())  # held, led by its mentor
    data.update(date=program.start_date, start_time="14:00", end_time="15:30", activities="Menguji roket air.")
    response = client.post(url, data)
    meeting = ClubMeeting.objects.get()
    session = meeting.session
    assert response.url == reverse("attendance_edit", args=[program.pk, session.pk])
    assert (session.kind, session.status, session.date, session.facilitator) == (
        "club",
        "held",
        program.start_date,
        teacher.person,
    )
    assert meeting.club == club and meeting.activities == "Menguji roket air." and session.created_by == teacher
    people = client.get(response.url).context["form"].people
    assert people == [*students[:2], teacher.person]


def test_errors_save_nothing(client, program, teacher):
    club = ClubFactory(program=program)
    client.force_login(teacher)
    data = {"title": "Pertemuan", "date": "2001-01-01", "status": "held", "activities": "x" * 5000}
    response = client.post(reverse("projects:meeting_create", args=[program.pk, club.pk]), data)
    assert response.status_code == 200
    assert "date" in response.context["session_form"].errors and "activities" in response.context["meeting_form"].errors
    assert not Session.objects.exists() and not ClubMeeting.objects.exists()


def test_a_cancelled_meeting_returns_to_the_club(client, program, teacher):
    club = ClubFactory(program=program)
    client.force_login(teacher)
    data = {
        "title": "Pertemuan",
        "date": program.end_date,
        "start_time": "14:00",
        "end_time": "15:00",
        "status": "cancelled",
    }
    response = client.post(reverse("projects:meeting_create", args=[program.pk, club.pk]), data)
    assert response.url == club.get_absolute_url()
    assert ClubMeeting.objects.get().session.status == "cancelled"
