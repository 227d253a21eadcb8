"""A student's profile: their clubs with attendance, their artifacts, and their 4C growth from baseline to endline."""

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from komunitas.models import Participant, PersonKind
from komunitas.tests.factories import AttendanceFactory, SessionFactory, StudentFactory
from projects.models import Artifact, SkillAssessment
from projects.rubric import level_for
from projects.tests.factories import ClubFactory, ClubMeetingFactory, ProjectFactory

SKILLS = ["critical_thinking", "creativity", "communication", "collaboration"]


def _assess(club, person, phase, skill, score, week=0):
    level = level_for("p5", score)
    return SkillAssessment.objects.create(
        club=club,
        person=person,
        phase=phase,
        week=week,
        skill=skill,
        score=score,
        scale="p5",
        level_code=level.code,
        level_label=level.label,
    )


def _url(program, person):
    return reverse("projects:student", args=[program.pk, person.pk])


def test_it_shows_clubs_attendance_artifacts_and_growth(client, program, facilitator, students):
    student = students[0]
    club = ClubFactory(program=program, name="Klub Sains", members=students[:2])
    ClubFactory(program=program, name="Klub Tari", members=students[1:2])  # not theirs
    held = [ClubMeetingFactory(club=club, session__status="held") for _ in range(3)]
    ClubMeetingFactory(club=club, session__status="planned")  # not held: not counted
    for meeting in held[:2]:
        AttendanceFactory(session=meeting.session, person=student, status="present")
    AttendanceFactory(session=held[2].session, person=student, status="absent")
    project = ProjectFactory(club=club, title="Roket air")
    artifact = Artifact.objects.create(
        project=project, kind="file", file=ContentFile(b"x", name="a.pdf"), original_name="a.pdf", caption="Poster"
    )
    artifact.people.add(student)
    _assess(club, student, "baseline", "creativity", 1)
    _assess(club, student, "weekly", "creativity", 2, week=4)
    _assess(club, student, "endline", "creativity", 3)
    _assess(club, student, "baseline", "communication", 2)

    client.force_login(facilitator)
    response = client.get(_url(program, student))
    page = response.content.decode()
    assert [c.name for c in response.context["clubs"]] == ["Klub Sains"]
    assert "2 of 3" in page and club.get_absolute_url() in page
    assert "Poster" in page and "Roket air" in page
    (growth,) = response.context["growth"]
    creativity = next(row for row in growth.skills if row.skill == "creativity")
    assert (creativity.baseline.level_code, creativity.endline.level_code, creativity.change) == ("BB", "BSH", 2)
    assert "BB → BSH (+2)" in page and "W4 MB" in page and "Belum Berkembang" in page
    assert 'role="img"' in page and "Klub Sains" in page  # the chart, beside the growth table


def test_a_student_not_yet_assessed_has_helpful_empty_states(client, program, teacher, students):
    client.force_login(teacher)
    page = client.get(_url(program, students[3])).content.decode()
    assert "Not a member of any club" in page and "Not assessed yet." in page and "No artifacts" in page


def test_only_students_of_the_program_have_a_profile(client, program, facilitator, teacher, outsider):
    client.force_login(facilitator)
    not_in_program = StudentFactory(school=program.school)
    elsewhere = StudentFactory(school=outsider.person.school)
    Participant.objects.create(program=program, person=elsewhere, role=PersonKind.STUDENT)  # a wrong row, still
    for person in [not_in_program, elsewhere, teacher.person]:
        assert client.get(_url(program, person)).status_code == 404, person
    member_only = StudentFactory(school=program.school)  # left the program, still in a club's history
    ClubFactory(program=program, members=[member_only])
    assert client.get(_url(program, member_only)).status_code == 200


def test_the_club_page_links_members_to_their_profiles(client, program, facilitator, students):
    club = ClubFactory(program=program, members=students[:2])
    client.force_login(facilitator)
    page = client.get(club.get_absolute_url()).content.decode()
    assert _url(program, students[0]) in page and _url(program, students[1]) in page


def _grow(program, student, size):
    """``size`` clubs of the student, each with ``size`` held meetings attended, artifacts and four phases."""
    for _index in range(size):
        club = ClubFactory(program=program, members=[student])
        project = ProjectFactory(club=club)
        for week in range(1, size + 1):
            meeting = ClubMeetingFactory(club=club, session=SessionFactory(program=program, kind="club"))
            AttendanceFactory(session=meeting.session, person=student)
            artifact = Artifact.objects.create(
                project=project, kind="file", file=ContentFile(b"x", name="a.pdf"), original_name="a.pdf"
            )
            artifact.people.add(student)
            for skill in SKILLS:
                _assess(club, student, "weekly", skill, 2, week=week)
        for skill in SKILLS:
            _assess(club, student, "baseline", skill, 1)
            _assess(club, student, "endline", skill, 3)


@pytest.mark.parametrize("role", ["facilitator", "teacher"])
def test_the_profile_costs_the_same_with_more_clubs_meetings_and_scores(client, program, users, students, role):
    """3 (session, user, program) + the student, their clubs with attendance counts, artifacts, assessments."""
    counts = []
    client.force_login(users[role])
    for size, student in [(1, students[0]), (4, students[1])]:
        _grow(program, student, size)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(_url(program, student)).status_code == 200
        counts.append(len(queries))
    assert counts == [7, 7], "\n".join(q["sql"] for q in queries.captured_queries)
