"""The program page shows the clubs' participation and 4C skills as server-drawn SVG charts with their tables."""

import datetime as dt

import pytest
from django.urls import reverse

from komunitas import activities
from komunitas.access import program_access_for
from komunitas.tests.factories import AttendanceFactory
from projects.models import Phase, Skill
from projects.panels import club_panel
from projects.tests.factories import ClubFactory, ClubMeetingFactory, ProjectFactory
from projects.tests.figures_data import add_artifact, assess


def fill(program, students, teacher, weeks):
    club = ClubFactory(program=program, mentors=[teacher.person], members=students)
    project = ProjectFactory(club=club, status="in_progress")
    ProjectFactory(club=club, status="done")
    for week in range(weeks):
        day = program.start_date + dt.timedelta(days=7 * week + 1)
        session = ClubMeetingFactory(club=club, session__date=day).session
        for person in students[: 1 + week % 4]:
            AttendanceFactory(session=session, person=person)
        add_artifact(project, students[:1], day=day)
    for person in students:
        assess(club, person, Skill.CREATIVITY, 1)
        assess(club, person, Skill.CREATIVITY, 3, phase=Phase.ENDLINE)
    return club


def test_the_dashboard_shows_the_club_charts_with_their_numbers(client, program, principal, students, teacher):
    fill(program, students, teacher, 3)
    client.force_login(principal)
    html = client.get(reverse("program_dashboard", args=[program.pk])).content.decode()
    assert 'data-testid="club-panel"' in html and 'role="img"' in html
    assert '<title id="club-presence-title">Students present at club meetings, by week</title>' in html
    assert "Students present (%): 1 25; 2 50; 3 75; 4 –" in html  # the description spells the numbers out
    assert 'data-testid="club-presence-table"' in html and 'data-testid="club-skills-table"' in html
    assert (
        "Baseline: Critical thinking –; Creativity 1;" in html and "Endline: Critical thinking –; Creativity 3;" in html
    )
    assert "3/3" in html and "meetings held / planned" in html
    assert "2 projects" in html and "In progress 1" in html and "Done 1" in html


def test_the_panel_names_no_child(client, program, district_officer, students, teacher):
    fill(program, students, teacher, 2)
    client.force_login(district_officer)
    html = client.get(reverse("program_dashboard", args=[program.pk])).content.decode()
    assert 'data-testid="club-panel"' in html
    for student in students:
        assert student.name not in html


def test_no_panel_without_clubs(program, principal, django_assert_num_queries):
    access = program_access_for(principal, program.pk)
    with django_assert_num_queries(1):  # the clubs' totals
        assert club_panel(access) is None


@pytest.mark.parametrize("weeks", [1, 8])
def test_the_panel_costs_eight_queries(program, principal, students, teacher, weeks, django_assert_num_queries):
    fill(program, students, teacher, weeks)
    access = program_access_for(principal, program.pk)
    # the clubs' totals, club_weekly's five, skill_summary's one, projects by status
    with django_assert_num_queries(8):
        panel = club_panel(access)
    assert (panel.context["meetings_held"], panel.context["artifacts"]) == (weeks, weeks)
    assert (panel.context["clubs"], panel.context["members"]) == (1, 4)


@pytest.mark.parametrize("weeks", [1, 8])
def test_the_dashboard_with_the_club_panel_costs_a_fixed_number_of_queries(
    client, program, principal, students, teacher, weeks, django_assert_num_queries
):
    fill(program, students, teacher, weeks)
    client.force_login(principal)
    # the core's 10, not cached yet (komunitas/tests/test_query_counts.py) + the club panel's 8 + late milestones' 1
    with activities.only("komunitas", "projects"), django_assert_num_queries(19):
        assert client.get(reverse("program_dashboard", args=[program.pk])).status_code == 200
