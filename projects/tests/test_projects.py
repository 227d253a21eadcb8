"""A club's projects: add, edit, delete; dates inside the program, ending on or after the start."""

import datetime as dt

from django.urls import reverse

from komunitas.testing import form_values
from projects.models import Project
from projects.tests.factories import ClubFactory, ProjectFactory


def _data(program, **changes):
    return {
        "title": "Bank sampah",
        "driving_question": "Bagaimana sampah plastik berkurang?",
        "start_date": program.start_date,
        "end_date": program.start_date + dt.timedelta(days=14),
        "status": "planning",
        **changes,
    }


def test_a_teacher_adds_a_project_to_a_club(client, program, teacher):
    club = ClubFactory(program=program)
    client.force_login(teacher)
    url = reverse("projects:project_create", args=[program.pk, club.pk])
    data = form_values(client.get(url).content.decode())  # the form starts with the program's dates
    data.update(title="Bank sampah")
    response = client.post(url, data)
    project = Project.objects.get()
    # On to the project's page, where its milestones are planned.
    assert response.url == reverse("projects:project", args=[program.pk, club.pk, project.pk])
    assert (project.club, project.created_by, project.start_date) == (club, teacher, program.start_date)


def test_a_project_cannot_end_before_it_starts(client, program, teacher):
    club = ClubFactory(program=program)
    client.force_login(teacher)
    data = _data(program, end_date=program.start_date - dt.timedelta(days=1), start_date=program.start_date)
    response = client.post(reverse("projects:project_create", args=[program.pk, club.pk]), data)
    assert "end_date" in response.context["form"].errors and not Project.objects.exists()


def test_a_project_lies_inside_the_program(client, program, teacher):
    club = ClubFactory(program=program)
    client.force_login(teacher)
    late = program.end_date + dt.timedelta(days=30)
    response = client.post(
        reverse("projects:project_create", args=[program.pk, club.pk]), _data(program, end_date=late)
    )
    assert "end_date" in response.context["form"].errors
    response = client.post(
        reverse("projects:project_create", args=[program.pk, club.pk]), _data(program, start_date="9999-12-31")
    )
    assert "start_date" in response.context["form"].errors and not Project.objects.exists()


def test_edit_and_delete(client, program, teacher, facilitator):
    club = ClubFactory(program=program)
    project = ProjectFactory(club=club, created_by=teacher)
    client.force_login(teacher)
    url = reverse("projects:project_edit", args=[program.pk, club.pk, project.pk])
    data = form_values(client.get(url).content.decode())
    data["status"] = "presented"
    assert client.post(url, data).status_code == 302
    project.refresh_from_db()
    assert project.status == "presented"
    client.force_login(facilitator)
    assert client.post(reverse("projects:project_delete", args=[program.pk, club.pk, project.pk])).status_code == 302
    assert not Project.objects.exists()


def test_a_teacher_does_not_change_anothers_project(client, program, teacher, facilitator):
    club = ClubFactory(program=program)
    project = ProjectFactory(club=club, created_by=facilitator)
    client.force_login(teacher)
    assert client.post(reverse("projects:project_delete", args=[program.pk, club.pk, project.pk])).status_code == 403
    assert Project.objects.exists()
