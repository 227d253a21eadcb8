"""The program's list of teaching methods: teachers extend it, facilitators rename or retire methods."""

import pytest
from django.urls import reverse

from forums.models import Method
from forums.tests.factories import MethodFactory, PracticeLogFactory


@pytest.fixture
def url(program):
    return reverse("forums:method_list", args=[program.pk])


def test_a_program_starts_with_the_default_list(client, program, principal, url):
    client.force_login(principal)
    response = client.get(url)
    assert response.status_code == 200
    assert "Think-pair-share" in response.content.decode()
    assert response.context["form"] is None  # principals read


def test_a_teacher_adds_a_method_and_a_duplicate_is_refused(client, program, teacher, url):
    client.force_login(teacher)
    assert client.post(url, {"name": "Pembelajaran  berbasis  budaya"}).status_code == 302
    assert Method.objects.get(name="Pembelajaran berbasis budaya").created_by == teacher
    response = client.post(url, {"name": "PEMBELAJARAN BERBASIS BUDAYA"})
    assert response.context["form"].errors["name"] == ["This method is already on the list."]


def test_the_list_counts_use(client, program, principal, teachers, url):
    method = MethodFactory(program=program, name="Jigsaw")
    PracticeLogFactory(program=program, teacher=teachers[0], method=method)
    PracticeLogFactory(program=program, teacher=teachers[0], method=method)
    PracticeLogFactory(program=program, teacher=teachers[1], method=method)
    client.force_login(principal)
    jigsaw = next(m for m in client.get(url).context["methods"] if m.name == "Jigsaw")
    assert (jigsaw.tried, jigsaw.teachers) == (3, 2)


def test_a_facilitator_retires_a_method(client, program, facilitator, url):
    method = MethodFactory(program=program, name="Ceramah")
    client.force_login(facilitator)
    edit = reverse("forums:method_edit", args=[program.pk, method.pk])
    assert client.post(edit, {"name": "Ceramah bervariasi"}).status_code == 302
    method.refresh_from_db()
    assert (method.name, method.active) == ("Ceramah bervariasi", False)
    form = client.get(reverse("forums:practice_create", args=[program.pk])).context["form"]
    assert method not in form.fields["method"].queryset


def test_a_program_added_in_the_admin_gets_the_default_list_too(client, superuser, school):
    from komunitas.models import Program

    client.force_login(superuser)
    response = client.post(
        reverse("admin:komunitas_program_add"),
        {
            "school": school.pk,
            "name": "Dari admin",
            "start_date": "2026-02-02",
            "weeks": 10,
            "description": "",
            "stages-TOTAL_FORMS": "0",
            "stages-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302
    assert Program.objects.get(name="Dari admin").methods.count() > 10
