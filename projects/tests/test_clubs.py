"""Creating, editing and deleting a club; its list and its page."""

from django.urls import reverse

from komunitas.models import Participant, Session
from komunitas.testing import form_values
from komunitas.tests.factories import StudentFactory
from projects.models import Club, ClubMeeting, Project
from projects.tests.factories import ClubFactory, ClubMeetingFactory, ProjectFactory


def _post(client, program, data, club=None):
    url = (
        reverse("projects:edit", args=[program.pk, club.pk]) if club else reverse("projects:create", args=[program.pk])
    )
    return client.post(url, data)


def test_it_creates_a_club_with_mentors_and_members(client, program, teacher, students):
    client.force_login(teacher)
    data = {
        "name": "  Klub   Robotik ",
        "theme": "Robot",
        "mentors": [teacher.person.pk],
        "members": [s.pk for s in students[:3]],
    }
    response = _post(client, program, data)
    club = Club.objects.get(program=program)
    assert response.status_code == 302 and response.url == club.get_absolute_url()
    assert club.name == "Klub Robotik" and club.created_by == teacher
    assert set(club.members.all()) == set(students[:3]) and list(club.mentors.all()) == [teacher.person]


def test_a_student_may_be_in_several_clubs(client, program, teacher, students):
    client.force_login(teacher)
    for name in ["Klub A", "Klub B"]:
        _post(client, program, {"name": name, "mentors": [teacher.person.pk], "members": [students[0].pk]})
    assert students[0].clubs.count() == 2


def test_it_refuses_members_who_are_not_the_programs_students(client, program, teacher, students, outsider):
    """Another school's student, a teacher, a student of the school not in the program: each refused."""
    elsewhere = StudentFactory(school=outsider.person.school)
    not_in_program = StudentFactory(school=program.school)
    client.force_login(teacher)
    for wrong in [elsewhere, teacher.person, not_in_program]:
        data = {"name": "Klub", "mentors": [teacher.person.pk], "members": [students[0].pk, wrong.pk]}
        response = _post(client, program, data)
        assert response.status_code == 200 and "members" in response.context["form"].errors, wrong
    data = {"name": "Klub", "mentors": [students[0].pk]}  # a student is no mentor
    assert "mentors" in _post(client, program, data).context["form"].errors
    assert not Club.objects.exists()


def test_it_refuses_a_second_club_of_the_same_name(client, program, teacher, students):
    ClubFactory(program=program, name="Klub Sains")
    client.force_login(teacher)
    response = _post(client, program, {"name": "klub  SAINS", "mentors": [teacher.person.pk]})
    assert "name" in response.context["form"].errors and Club.objects.count() == 1


def test_editing_round_trips_and_keeps_a_member_who_left_the_program(client, program, facilitator, teacher, students):
    club = ClubFactory(program=program, created_by=facilitator, mentors=[teacher.person], members=students[:2])
    Participant.objects.filter(person=students[1]).delete()  # left the program since
    client.force_login(facilitator)
    url = reverse("projects:edit", args=[program.pk, club.pk])
    data = form_values(client.get(url).content.decode())
    data["theme"] = "Tema baru"
    assert client.post(url, data).status_code == 302
    club.refresh_from_db()
    assert club.theme == "Tema baru" and set(club.members.all()) == set(students[:2])


def test_a_stale_edit_is_refused(client, program, facilitator, teacher, students):
    club = ClubFactory(program=program, created_by=facilitator, mentors=[teacher.person])
    client.force_login(facilitator)
    url = reverse("projects:edit", args=[program.pk, club.pk])
    data = form_values(client.get(url).content.decode())
    Club.objects.filter(pk=club.pk).update(theme="Diubah orang lain")
    data["theme"] = "Punyaku"
    assert client.post(url, data).status_code == 200
    club.refresh_from_db()
    assert club.theme == "Diubah orang lain"


def test_deleting_a_club_keeps_its_meetings_sessions(client, program, facilitator, teacher):
    club = ClubFactory(program=program, created_by=facilitator)
    session = ClubMeetingFactory(club=club).session
    ProjectFactory(club=club)
    client.force_login(facilitator)
    response = client.post(reverse("projects:delete", args=[program.pk, club.pk]))
    assert response.status_code == 302
    assert not Club.objects.exists() and not Project.objects.exists() and not ClubMeeting.objects.exists()
    assert Session.objects.filter(pk=session.pk, kind="club").exists()


def test_the_list_counts_and_searches(client, program, teacher, other_teacher, students):
    club = ClubFactory(program=program, name="Klub Sains", mentors=[teacher.person], members=students)
    ClubMeetingFactory(club=club)
    ClubMeetingFactory(club=club, session__status="cancelled")
    ClubFactory(program=program, name="Klub Literasi", theme="Membaca", mentors=[other_teacher.person])
    client.force_login(teacher)
    url = reverse("projects:index", args=[program.pk])
    clubs = client.get(url).context["clubs"]
    assert [(c.name, c.member_count, c.mentor_count, c.meetings_held) for c in clubs] == [
        ("Klub Literasi", 0, 1, 0),
        ("Klub Sains", 4, 1, 1),
    ]
    assert [c.name for c in client.get(url, {"q": "baca"}).context["clubs"]] == ["Klub Literasi"]
    assert [c.name for c in client.get(url, {"mentor": teacher.person.pk}).context["clubs"]] == ["Klub Sains"]
    assert client.get(url, {"mentor": "99999999999999999999"}).status_code == 200
    assert "No club matches these filters." in client.get(url, {"q": "zzz"}).content.decode()


def test_the_empty_list_invites_the_first_club(client, program, teacher):
    client.force_login(teacher)
    page = client.get(reverse("projects:index", args=[program.pk])).content.decode()
    assert "No clubs yet." in page and reverse("projects:create", args=[program.pk]) in page


def test_the_club_page_shows_members_projects_and_meetings(client, program, teacher, students):
    club = ClubFactory(program=program, name="Klub Sains", mentors=[teacher.person], members=students[:2])
    meeting = ClubMeetingFactory(club=club, activities="Menguji roket air.")
    meeting.session.attendance.create(person=students[0], status="present")
    ProjectFactory(club=club, title="Roket air", driving_question="Seberapa tinggi?")
    client.force_login(teacher)
    response = client.get(club.get_absolute_url())
    page = response.content.decode()
    for text in [students[0].name, teacher.person.name, "Roket air", "Seberapa tinggi?", "Menguji roket air."]:
        assert text in page
    assert response.context["meetings"][0].present_count == 1 and response.context["meetings_held"] == 1
    assert reverse("projects:meeting", args=[program.pk, meeting.pk]) in page
    assert students[3].name not in page
