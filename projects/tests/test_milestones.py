"""A project's milestones: add, edit, delete; due within the project's dates, done on a day that has come and not
before the project started; late ones marked in words on the project's page, counted on the club's page and
listed on the dashboard's "Needs attention"."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from komunitas.access import program_access_for
from komunitas.testing import form_values
from projects.attention import late_project_milestones
from projects.models import Milestone
from projects.tests.factories import ClubFactory, MilestoneFactory, ProjectFactory

DAY = dt.timedelta(days=1)


@pytest.fixture
def project(program, facilitator):
    """A project running through the program (which lies in the past: START is February 2026)."""
    club = ClubFactory(program=program, name="Klub Sains")
    return ProjectFactory(club=club, title="Bank sampah", created_by=facilitator)


def _url(name, project, *more):
    return reverse(f"projects:{name}", args=[project.club.program_id, project.club_id, project.pk, *more])


def _data(project, **changes):
    return {"title": "Purwarupa diuji", "due_date": project.start_date + 7 * DAY, "evidence": "", **changes}


def test_a_teacher_adds_a_milestone_and_lands_on_the_project(client, project, teacher):
    client.force_login(teacher)
    url = _url("milestone_create", project)
    data = form_values(client.get(url).content.decode())
    data.update(_data(project))
    response = client.post(url, data, follow=True)
    milestone = Milestone.objects.get()
    assert response.redirect_chain[-1][0] == _url("project", project)
    assert (milestone.project, milestone.created_by, milestone.done_on) == (project, teacher, None)
    assert "Milestone added." in response.content.decode() and "Purwarupa diuji" in response.content.decode()


@pytest.mark.parametrize("when", ["before", "after"])
def test_a_milestone_due_outside_the_project_dates_is_refused(client, project, teacher, when):
    client.force_login(teacher)
    day = project.start_date - DAY if when == "before" else project.end_date + DAY
    response = client.post(_url("milestone_create", project), _data(project, due_date=day))
    assert response.status_code == 200
    assert "within its project's dates" in response.context["form"].errors["due_date"][0]
    assert not Milestone.objects.exists()


def test_a_milestone_cannot_be_done_in_the_future(client, project, teacher):
    client.force_login(teacher)
    tomorrow = timezone.localdate() + DAY
    response = client.post(_url("milestone_create", project), _data(project, done_on=tomorrow))
    assert "a day still to come" in response.context["form"].errors["done_on"][0]
    assert not Milestone.objects.exists()


def test_a_milestone_cannot_be_done_before_the_project_starts(client, project, teacher):
    client.force_login(teacher)
    response = client.post(_url("milestone_create", project), _data(project, done_on=project.start_date - DAY))
    assert "before the project starts" in response.context["form"].errors["done_on"][0]
    assert not Milestone.objects.exists()


def test_nonsense_dates_are_field_errors(client, project, teacher):
    client.force_login(teacher)
    response = client.post(_url("milestone_create", project), _data(project, due_date="9999-12-31", done_on="x"))
    errors = response.context["form"].errors
    assert "due_date" in errors and "done_on" in errors and not Milestone.objects.exists()


def test_marking_it_done_round_trips(client, project, teacher):
    milestone = MilestoneFactory(project=project, created_by=teacher, due_date=project.start_date + 7 * DAY)
    client.force_login(teacher)
    url = _url("milestone_edit", project, milestone.pk)
    data = form_values(client.get(url).content.decode())
    data.update(done_on=project.start_date + 9 * DAY, evidence="Foto purwarupa")
    assert client.post(url, data).url == _url("project", project)
    milestone.refresh_from_db()
    assert milestone.done_on == project.start_date + 9 * DAY and milestone.done_late


def test_delete_asks_first(client, project, teacher):
    milestone = MilestoneFactory(project=project, created_by=teacher, title="Survei")
    client.force_login(teacher)
    url = _url("milestone_delete", project, milestone.pk)
    assert "Delete “Survei”?" in client.get(url).content.decode() and Milestone.objects.exists()
    assert client.post(url).url == _url("project", project)
    assert not Milestone.objects.exists()


def test_a_teacher_does_not_change_the_facilitators_milestone(client, project, teacher, facilitator):
    milestone = MilestoneFactory(project=project, created_by=facilitator)
    client.force_login(teacher)
    assert client.post(_url("milestone_edit", project, milestone.pk), _data(project)).status_code == 403
    assert client.post(_url("milestone_delete", project, milestone.pk)).status_code == 403
    assert Milestone.objects.get().title == milestone.title


def test_a_milestone_of_another_project_is_not_found(client, project, facilitator):
    other = ProjectFactory(club=project.club)
    milestone = MilestoneFactory(project=other)
    client.force_login(facilitator)
    assert client.get(_url("milestone_edit", project, milestone.pk)).status_code == 404


def test_late_and_done_late_are_said_in_words(client, program, teacher):
    today = timezone.localdate()
    project = ProjectFactory(club=ClubFactory(program=program), start_date=today - 30 * DAY, end_date=today + 30 * DAY)
    MilestoneFactory(project=project, title="Survei", due_date=today - 5 * DAY)  # late
    MilestoneFactory(project=project, title="Desain", due_date=today - 9 * DAY, done_on=today - 2 * DAY)
    MilestoneFactory(project=project, title="Uji", due_date=today - 9 * DAY, done_on=today - 9 * DAY)
    MilestoneFactory(project=project, title="Presentasi", due_date=today + 5 * DAY)
    client.force_login(teacher)
    response = client.get(_url("project", project))
    states = {m.title: (m.late, m.done_late) for m in response.context["milestones"]}
    assert states == {
        "Survei": (True, False),
        "Desain": (False, True),
        "Uji": (False, False),
        "Presentasi": (False, False),
    }
    page = response.content.decode()
    for word in [">Late<", ">Done late<", ">Done<", ">To do<", "2 of 4 done", "1 late"]:
        assert word in page, word


def test_the_club_page_counts_each_projects_late_milestones(client, project, facilitator):
    MilestoneFactory.create_batch(2, project=project)  # due on its first day, long past, not done
    MilestoneFactory(project=project, done_on=project.start_date)
    quiet = ProjectFactory(club=project.club, title="Kebun sekolah")
    client.force_login(facilitator)
    response = client.get(project.club.get_absolute_url())
    counts = {p.title: (p.milestone_count, p.late_count) for p in response.context["projects"]}
    assert counts == {"Bank sampah": (3, 2), "Kebun sekolah": (0, 0)}
    page = response.content.decode()
    assert "2 late" in page and _url("project", project) in page and _url("project", quiet) in page


def test_the_dashboard_lists_late_milestones_at_one_query(django_assert_num_queries, program, facilitator, outsider):
    from komunitas.models import Program

    access = program_access_for(facilitator, program.pk)
    assert late_project_milestones(access) == []
    elsewhere = ProjectFactory(club=ClubFactory(program=Program.objects.get(name="Program lain")))
    MilestoneFactory(project=elsewhere, title="Tidak di sini")
    projects = [ProjectFactory(club=ClubFactory(program=program)) for _ in range(3)]
    for size in (2, 5):
        for project in projects:
            MilestoneFactory.create_batch(size, project=project)
        with django_assert_num_queries(1):  # the late milestones with their projects
            (item,) = late_project_milestones(access)
        assert str(item.text).startswith(f"{Milestone.objects.filter(project__in=projects).count()} project")
        assert len(item.items) == 3 and all("Tidak di sini" not in label for label, _url in item.items)
        assert item.items[0][1] == _url("project", projects[0])


def test_the_dashboard_shows_them(client, project, teacher):
    MilestoneFactory(project=project, title="Survei warga")
    client.force_login(teacher)
    page = client.get(reverse("program_dashboard", args=[project.club.program_id])).content.decode()
    assert "1 project milestone is late" in page and "Survei warga (Bank sampah)" in page
