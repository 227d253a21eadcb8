"""The clubs' tables in the program's export: their rows, children's data for the school's staff only, and a
fixed number of queries per sheet."""

import datetime as dt
import io

import openpyxl
import pytest
from django.urls import reverse

from komunitas.access import program_access_for
from projects.export import club_sheets
from projects.models import Milestone, Phase, Skill
from projects.tests.factories import ClubFactory, ClubMeetingFactory, ProjectFactory
from projects.tests.figures_data import add_artifact, assess


def grow(program, teacher, students, size):
    for index in range(size):
        club = ClubFactory(program=program, name=f"Klub {index}", theme="Air", mentors=[teacher.person])
        club.members.set(students)
        ClubMeetingFactory(club=club, session__date=program.start_date + dt.timedelta(days=index))
        project = ProjectFactory(club=club, title=f"Proyek {index}", status="in_progress")
        start = program.start_date
        Milestone.objects.create(project=project, title="Rancangan", due_date=start, done_on=start)
        Milestone.objects.create(project=project, title="Purwarupa", due_date=start + dt.timedelta(days=3))
        add_artifact(project, students[:1], caption=f"Karya {index}", day=start)
        assess(club, students[0], Skill.CREATIVITY, 2)
        assess(club, students[0], Skill.CREATIVITY, 3, phase=Phase.WEEKLY, week=2)


def test_the_sheets_hold_the_clubs_data(program, principal, teacher, students):
    grow(program, teacher, students, 1)
    sheets = {sheet.key: sheet for sheet in club_sheets(program_access_for(principal, program.pk))}
    assert list(sheets) == ["clubs", "club-projects", "club-milestones", "club-artifacts", "club-members", "club-4c"]
    assert sheets["clubs"].rows[1] == ["Klub 0", "Air", teacher.person.name, 4, 1, 1]
    assert sheets["club-projects"].rows[1][:4] == ["Klub 0", "Proyek 0", "Bagaimana?", "In progress"]
    assert sheets["club-projects"].rows[1][6:] == [1, 2, 1]  # milestones done, milestones, artifacts
    late = {row[2]: row[5] for row in sheets["club-milestones"].rows[1:]}
    assert late == {"Rancangan": "no", "Purwarupa": "yes"}  # due three days into a program long past
    assert sheets["club-artifacts"].rows[1][1:] == [1, "Klub 0", "Proyek 0", "Photo", "Karya 0"]
    assert [row[1] for row in sheets["club-members"].rows[1:]] == sorted(s.name for s in students)
    assert sheets["club-4c"].rows[1:] == [
        [students[0].name, "Klub 0", "Baseline", "", "Creativity", "MB", "Mulai Berkembang", 2],
        [students[0].name, "Klub 0", "Weekly", 2, "Creativity", "BSH", "Berkembang Sesuai Harapan", 3],
    ]
    assert sheets["club-members"].personal and sheets["club-4c"].personal and not sheets["clubs"].personal


def test_childrens_data_is_left_out_for_the_district(client, program, district_officer, teacher, students):
    grow(program, teacher, students, 1)
    client.force_login(district_officer)
    book = openpyxl.load_workbook(io.BytesIO(client.get(reverse("program_export_xlsx", args=[program.pk])).content))
    assert {"Clubs", "Club projects", "Milestones", "Artifacts"} <= set(book.sheetnames)
    assert "Club members" not in book.sheetnames and "4C assessments" not in book.sheetnames
    assert client.get(reverse("program_export_csv", args=[program.pk, "club-4c"])).status_code == 404
    text = client.get(reverse("program_export_csv", args=[program.pk, "clubs"])).content.decode("utf-8-sig")
    assert "Klub 0" in text and students[0].name not in text


@pytest.mark.parametrize("size", [1, 6])
def test_the_sheets_cost_a_fixed_number_of_queries(
    program, principal, teacher, students, size, django_assert_num_queries
):
    grow(program, teacher, students, size)
    access = program_access_for(principal, program.pk)
    # clubs with counts, their mentors, projects with counts, milestones, artifacts, members, assessments
    with django_assert_num_queries(7):
        sheets = club_sheets(access)
    assert len(sheets[0].rows) == 1 + size and len(sheets[-1].rows) == 1 + 2 * size
