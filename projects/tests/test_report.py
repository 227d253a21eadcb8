"""The clubs' section of the final report: its figures, the 4C table, the clubs and their projects, and only
photos every pictured student's guardian allowed in the report — of artifacts and of club meetings."""

import datetime as dt

import pytest
from django.core.files.storage import default_storage
from django.urls import reverse

from komunitas.access import program_access_for
from komunitas.models import ConsentPurpose
from komunitas.print_images import print_name
from komunitas.tests.factories import AttendanceFactory, StudentFactory
from projects.models import Phase, Skill
from projects.report import club_report_section
from projects.tests.factories import ClubFactory, ClubMeetingFactory, ProjectFactory
from projects.tests.figures_data import add_artifact, assess, meeting_photo


@pytest.fixture
def club(program, teacher, students):
    club = ClubFactory(program=program, name="Klub Sains", mentors=[teacher.person], members=students)
    project = ProjectFactory(club=club, title="Penjernih air", status="presented")
    session = ClubMeetingFactory(club=club, session__date=program.start_date + dt.timedelta(days=1)).session
    for person in students[:2]:
        AttendanceFactory(session=session, person=person)
    for person, before, after in zip(students, [1, 2, 2, 3], [3, 3, 4, 4]):
        assess(club, person, Skill.COMMUNICATION, before)
        assess(club, person, Skill.COMMUNICATION, after, phase=Phase.ENDLINE)
    club.first_session, club.first_project = session, project
    return club


def report_html(client, user, program) -> str:
    client.force_login(user)
    response = client.get(reverse("report_pdf", args=[program.pk]), {"html": 1})
    assert response.status_code == 200
    return response.content.decode()


def test_the_section_is_in_the_report(client, program, facilitator, club, students):
    html = report_html(client, facilitator, program)
    assert "Student project clubs" in html
    assert "1 of 1 planned club meetings were held." in html and "from 50% at the first club meetings" in html
    assert 'data-testid="club-4c-table"' in html and "Communication" in html
    assert "2.00 <small>(n=4)</small>" in html and "3.50 <small>(n=4)</small>" in html  # baseline, endline
    assert "+1.50 <small>(n=4)</small>" in html  # the paired change
    assert "Klub Sains" in html and "Penjernih air (Presented)" in html and 'data-chart="club-presence"' in html
    for student in students:
        assert student.name not in html  # one report for every reader: no child named


def test_only_report_consented_photos_are_printed(client, program, facilitator, club, students):
    without = StudentFactory(school=program.school, consents=[ConsentPurpose.STAFF])
    shown_artifact = add_artifact(club.first_project, [students[0]], caption="Purwarupa", seed=1)
    hidden_artifacts = [
        add_artifact(club.first_project, [without], seed=2),  # no report consent
        add_artifact(club.first_project, [], seed=3),  # nobody linked: who is in it?
    ]
    shown_photo = meeting_photo(club.first_session, [students[1]], seed=4)
    hidden_photo = meeting_photo(club.first_session, [students[1], without], seed=5)

    html = report_html(client, facilitator, program)

    assert print_name(shown_artifact) in html and print_name(shown_photo) in html
    assert "Purwarupa — Penjernih air" in html  # the caption with its project
    for hidden in [*hidden_artifacts, hidden_photo]:
        assert print_name(hidden) not in html
        assert not default_storage.exists(print_name(hidden))  # never even made
    preview = client.get(reverse("report_preview", args=[program.pk])).content.decode()
    url = reverse("projects:showcase_photo", args=[program.pk, club.pk, shown_artifact.pk])
    assert url in preview and client.get(url).status_code == 200


def test_a_deleted_artifact_leaves_no_print_copy(
    client, program, facilitator, club, students, django_capture_on_commit_callbacks
):
    artifact = add_artifact(club.first_project, [students[0]], seed=6)
    report_html(client, facilitator, program)
    name = print_name(artifact)
    assert default_storage.exists(name)
    with django_capture_on_commit_callbacks(execute=True):
        artifact.delete()
    assert not default_storage.exists(name)


def test_no_section_without_clubs(program, facilitator):
    assert club_report_section(program_access_for(facilitator, program.pk)) is None


@pytest.mark.parametrize("size", [1, 5])
def test_the_section_costs_a_fixed_number_of_queries(
    program, facilitator, teacher, students, size, django_assert_num_queries
):
    for index in range(size):
        club = ClubFactory(program=program, mentors=[teacher.person], members=students)
        project = ProjectFactory(club=club)
        ProjectFactory(club=club)
        session = ClubMeetingFactory(club=club, session__date=program.start_date + dt.timedelta(days=index)).session
        for person in students:
            AttendanceFactory(session=session, person=person)
        add_artifact(project, students[:1], day=session.date, seed=index)
        meeting_photo(session, students[:1], seed=10 + index)
        assess(club, students[0], Skill.CREATIVITY, 2)
    access = program_access_for(facilitator, program.pk)
    # clubs with counts, their mentors, their projects, the distinct members, club_weekly's five,
    # skill_summary's one, artifact photos, meeting photos
    with django_assert_num_queries(12):
        section = club_report_section(access)
    assert len(section.context["clubs"]) == size and len(section.context["photos"]) == min(2 * size, 4)


def test_the_pdf_embeds_the_artifact_and_the_meeting_photo(client, program, facilitator, club, students):
    import io

    from pypdf import PdfReader

    add_artifact(club.first_project, [students[0]], seed=7)
    meeting_photo(club.first_session, [students[1]], seed=8)
    client.force_login(facilitator)
    response = client.get(reverse("report_pdf", args=[program.pk]), {"sections": "projects"})
    assert response.status_code == 200
    # WeasyPrint shares one resource dictionary between pages: count the distinct images embedded
    images = {image.data for page in PdfReader(io.BytesIO(response.content)).pages for image in page.images}
    assert len(images) == 2
