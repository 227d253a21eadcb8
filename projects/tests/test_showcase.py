"""A club's showcase: its projects with their milestones, and only photos that may go into the report."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from komunitas.models import ConsentPurpose
from komunitas.tests.factories import StudentFactory
from projects.models import Milestone
from projects.tests.factories import ClubFactory, ClubMeetingFactory, ProjectFactory
from projects.tests.figures_data import add_artifact, meeting_photo


@pytest.fixture
def club(program, teacher, students):
    club = ClubFactory(program=program, name="Klub Sains", mentors=[teacher.person], members=students)
    project = ProjectFactory(
        club=club, title="Penjernih air", driving_question="Bagaimana menjernihkan air?", status="presented"
    )
    start = program.start_date
    Milestone.objects.create(project=project, title="Rancangan", due_date=start, done_on=start)
    Milestone.objects.create(project=project, title="Uji coba", due_date=start)
    club.first_project = project
    club.first_session = ClubMeetingFactory(club=club).session
    return club


def url(program, club):
    return reverse("projects:showcase", args=[program.pk, club.pk])


def test_it_shows_the_projects_and_only_report_consented_photos(client, program, facilitator, club, students):
    without = StudentFactory(school=program.school, consents=[ConsentPurpose.STAFF])
    shown = add_artifact(club.first_project, [students[0]], caption="Purwarupa")
    hidden = add_artifact(club.first_project, [students[0], without], caption="Rahasia")
    shown_photo = meeting_photo(club.first_session, [students[1]], seed=1)
    hidden_photo = meeting_photo(club.first_session, [without], seed=2)
    client.force_login(facilitator)

    page = client.get(url(program, club)).content.decode()

    assert "Penjernih air" in page and "Bagaimana menjernihkan air?" in page and "Presented" in page
    assert "1 of 2 milestones done" in page
    photo = reverse("projects:showcase_photo", args=[program.pk, club.pk, shown.pk])
    assert f"{photo}?size=thumb" in page and "Purwarupa" in page
    assert "Rahasia" not in page and f"/showcase/photos/{hidden.pk}/" not in page
    assert shown_photo.thumb_url in page and hidden_photo.thumb_url not in page
    for student in students:
        assert student.name not in page
    assert client.get(photo, {"size": "thumb"})["Content-Type"] == "image/jpeg"
    # the photo that may not go into the report is not served here, whoever asks
    hidden_url = reverse("projects:showcase_photo", args=[program.pk, club.pk, hidden.pk])
    assert client.get(hidden_url).status_code == 404


def test_the_club_page_links_to_it(client, program, facilitator, club):
    client.force_login(facilitator)
    assert url(program, club) in client.get(club.get_absolute_url()).content.decode()


def test_an_empty_club_says_so(client, program, district_officer):
    empty = ClubFactory(program=program)
    client.force_login(district_officer)
    page = client.get(url(program, empty)).content.decode()
    assert "No projects yet." in page and "No meeting photo that may be shown yet." in page


def test_another_clubs_photo_is_not_found(client, program, facilitator, club, students):
    other = ClubFactory(program=program)
    artifact = add_artifact(club.first_project, [students[0]])
    client.force_login(facilitator)
    assert client.get(reverse("projects:showcase_photo", args=[program.pk, other.pk, artifact.pk])).status_code == 404


@pytest.mark.parametrize("role", ["facilitator", "district_officer"])
def test_the_query_count_is_flat(client, program, users, students, role):
    club = ClubFactory(program=program, members=students)
    counts = []
    for size in (1, 6):
        for index in range(size):
            project = ProjectFactory(club=club)
            Milestone.objects.create(project=project, title="Langkah", due_date=program.start_date)
            add_artifact(project, students[:1], seed=index)
            meeting_photo(ClubMeetingFactory(club=club).session, students[:1], seed=index)
        client.force_login(users[role])
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url(program, club)).status_code == 200
        counts.append(len(queries))
    # the session, the user, the program with the role; the club; projects with counts, artifacts, meeting photos
    assert counts == [7, 7], "\n".join(q["sql"] for q in queries.captured_queries)
