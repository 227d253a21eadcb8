"""A project's page: what it shows, and the same number of queries with little or much data (each query named)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from komunitas.models import Participant, PersonKind
from komunitas.tests.factories import StudentFactory
from projects.tests.factories import ArtifactFactory, ClubFactory, MilestoneFactory, ProjectFactory

# The 3 of every page (the session, the user, the program with the user's role) + the club, the project, its
# milestones, its artifacts with their consent flags and student counts (+ their students, for who sees them)
EXPECTED = {"facilitator": 8, "teacher": 8, "district_officer": 7}


def _grow(project, size):
    """``size`` students in the club, ``size`` milestones (some late, some done) and ``size`` artifacts, each
    linked to two students."""
    program = project.club.program
    students = [StudentFactory(school=program.school) for _ in range(size)]
    Participant.objects.bulk_create(Participant(program=program, person=s, role=PersonKind.STUDENT) for s in students)
    project.club.members.add(*students)
    for index in range(size):
        MilestoneFactory(project=project, done_on=project.start_date if index % 2 else None)
        ArtifactFactory(project=project, people=students[index : index + 2])


@pytest.mark.parametrize("role", EXPECTED)
def test_query_count_is_flat(client, program, users, role):
    project = ProjectFactory(club=ClubFactory(program=program))
    url = reverse("projects:project", args=[program.pk, project.club_id, project.pk])
    client.force_login(users[role])
    counts = []
    for size in (2, 6):
        _grow(project, size)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200
        counts.append(len(queries))
    assert len(response.context["artifacts"]) == 8 and len(response.context["milestones"]) == 8
    assert counts == [EXPECTED[role]] * 2, "\n".join(q["sql"] for q in queries.captured_queries)


def test_it_shows_the_project_and_helpful_empty_states(client, program, teacher):
    project = ProjectFactory(
        club=ClubFactory(program=program, name="Klub Sains"),
        title="Penjernih air",
        driving_question="Bagaimana menjernihkan air sungai?",
        description="Dengan pasir dan arang.",
    )
    client.force_login(teacher)
    page = client.get(reverse("projects:project", args=[program.pk, project.club_id, project.pk])).content.decode()
    for text in ["Penjernih air", "Bagaimana menjernihkan air sungai?", "Dengan pasir dan arang.", "Klub Sains"]:
        assert text in page
    assert "No milestones yet." in page and "No artifacts yet" in page
    assert reverse("projects:milestone_create", args=[program.pk, project.club_id, project.pk]) in page
    assert reverse("projects:artifact_create", args=[program.pk, project.club_id, project.pk]) in page


def test_another_clubs_project_is_not_found(client, program, facilitator):
    project = ProjectFactory(club=ClubFactory(program=program))
    other_club = ClubFactory(program=program)
    client.force_login(facilitator)
    assert client.get(reverse("projects:project", args=[program.pk, other_club.pk, project.pk])).status_code == 404
