"""Logging a club meeting: the core session (kind "club") and its club record in one form, then attendance."""

from django.urls import reverse

from komunitas.models import Session
from komunitas.testing import form_values
from komunitas.tests.factories import SessionFactory
from projects.models import ClubMeeting
from projects.tests.factories import ClubFactory, ClubMeetingFactory


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


def test_a_cancelled_meeting_opens_on_its_page(client, program, teacher):
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
    session = ClubMeeting.objects.get().session
    assert response.url == reverse("projects:meeting", args=[program.pk, session.pk])
    assert session.status == "cancelled"


def test_the_meeting_page_shows_its_club_and_notes(client, program, teacher, students):
    club = ClubFactory(program=program, name="Klub Sains", members=students[:2])
    meeting = ClubMeetingFactory(club=club, activities="Menguji roket air.", next_steps="Mengecat roket.")
    meeting.session.attendance.create(person=students[0], status="present")
    client.force_login(teacher)
    assert meeting.session.page_url == reverse("projects:meeting", args=[program.pk, meeting.pk])
    page = client.get(meeting.session.page_url).content.decode()
    for text in ["Klub Sains", club.get_absolute_url(), "Menguji roket air.", "Mengecat roket.", students[0].name]:
        assert text in page


def test_a_club_session_planned_on_the_schedule_is_given_its_club(client, program, facilitator, teacher, students):
    """Planned by the facilitator for anyone: a teacher fills it in, choosing the club; from then on its
    attendance list is the club's."""
    club = ClubFactory(program=program, name="Klub Sains", mentors=[teacher.person], members=students[:2])
    session = SessionFactory(program=program, kind="club", created_by=facilitator, status="planned")
    client.force_login(teacher)
    page = client.get(reverse("projects:meeting", args=[program.pk, session.pk])).content.decode()
    assert "No club yet" in page
    url = reverse("projects:meeting_edit", args=[program.pk, session.pk])
    data = form_values(client.get(url).content.decode())
    data.update(club=club.pk, status="held", activities="Membagi peran.")
    response = client.post(url, data)
    assert response.url == reverse("projects:meeting", args=[program.pk, session.pk])
    session.refresh_from_db()
    assert session.club_meeting.club == club and session.created_by == teacher and session.status == "held"
    people = client.get(reverse("attendance_edit", args=[program.pk, session.pk])).context["form"].people
    assert people == [*students[:2], teacher.person]


def test_a_meeting_may_only_move_to_a_club_of_the_program(client, program, facilitator, outsider):
    from komunitas.models import Program

    elsewhere = ClubFactory(program=Program.objects.get(name="Program lain"))
    meeting = ClubMeetingFactory(club=ClubFactory(program=program), session__created_by=facilitator)
    client.force_login(facilitator)
    url = reverse("projects:meeting_edit", args=[program.pk, meeting.pk])
    data = form_values(client.get(url).content.decode())
    data["club"] = elsewhere.pk
    assert "club" in client.post(url, data).context["meeting_form"].errors
