"""The clubs' pages cost the same number of queries with little or much data (each query named)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from komunitas.models import Participant, PersonKind
from komunitas.tests.factories import AttendanceFactory, StudentFactory
from projects.tests.factories import ClubFactory, ClubMeetingFactory, ProjectFactory

# Every page starts with 3: the session, the user, the program with the user's role.
PAGES = {
    # + the filter's teachers, the clubs with their four counts, their mentors
    "index": (lambda p, c: reverse("projects:index", args=[p.pk]), 6),
    # + the club, its mentors, its members, its projects, its meetings with attendance counts, its 4C progress
    "detail": (lambda p, c: reverse("projects:detail", args=[p.pk, c.pk]), 9),
    # + the session with its club, attendance with people, attachments with consent flags (+ the students of the
    # upload form, for those who log and see them)
    "meeting": (lambda p, c: reverse("projects:meeting", args=[p.pk, c.meetings.first().pk]), None),
}


def _grow(program, teachers, size):
    """``size`` clubs of ``size`` students each, with ``size`` meetings (attendance marked) and two projects."""
    first = None
    for index in range(size):
        students = [StudentFactory(school=program.school) for _ in range(size)]
        Participant.objects.bulk_create(
            Participant(program=program, person=s, role=PersonKind.STUDENT) for s in students
        )
        club = ClubFactory(program=program, mentors=teachers[: 1 + index % 2], members=students)
        first = first or club
        for _ in range(size):
            session = ClubMeetingFactory(club=club).session
            for student in students:
                AttendanceFactory(session=session, person=student)
        ProjectFactory.create_batch(2, club=club)
    return first


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("role", ["facilitator", "district_officer"])
def test_query_count_is_flat(client, program, teacher, other_teacher, users, page, role):
    teachers = [teacher.person, other_teacher.person]
    url_of, expected = PAGES[page]
    if expected is None:
        expected = 7 if role == "facilitator" else 6
    counts = []
    for size in (2, 6):
        club = _grow(program, teachers, size)
        url = url_of(program, club)
        client.force_login(users[role])
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        counts.append(len(queries))
    assert counts == [expected, expected], "\n".join(q["sql"] for q in queries.captured_queries)
