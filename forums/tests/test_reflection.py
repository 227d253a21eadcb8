"""A personal reflection after a session: what I learned, what I will try, by when."""

import datetime as dt

import pytest
from django.urls import reverse

from forums.models import Reflection
from forums.tests.factories import ForumSessionFactory, ReflectionFactory


@pytest.fixture
def forum(program, teachers):
    return ForumSessionFactory(session__program=program, presenters=[teachers[2]])


def _url(forum):
    return reverse("forums:reflection_mine", args=[forum.session.program_id, forum.pk])


def test_a_teacher_writes_and_then_edits_their_reflection(client, teacher, forum):
    client.force_login(teacher)
    data = {"learned": "Jigsaw", "will_try": "Di kelas 8A", "try_by": "2026-02-20"}
    assert client.post(_url(forum), data).status_code == 302
    reflection = Reflection.objects.get()
    assert (reflection.author, reflection.try_by, reflection.created_by) == (
        teacher.person,
        dt.date(2026, 2, 20),
        teacher,
    )
    response = client.get(_url(forum))
    assert response.context["form"].instance == reflection  # the same one, to edit
    client.post(_url(forum), {**data, "will_try": "Di kelas 9A"})
    assert Reflection.objects.get().will_try == "Di kelas 9A"


def test_it_keeps_input_on_error(client, teacher, forum):
    client.force_login(teacher)
    response = client.post(_url(forum), {"learned": "Banyak hal", "will_try": "", "try_by": "2026-01-01"})
    form = response.context["form"]
    assert set(form.errors) == {"will_try", "try_by"}
    assert form.errors["try_by"] == ["Pick a date after the session (03-02-2026)."]
    assert "Banyak hal" in response.content.decode()
    assert not Reflection.objects.exists()


def test_a_facilitator_edits_any_reflection_and_a_colleague_cannot(
    client, program, facilitator, other_teacher, teacher, forum
):
    reflection = ReflectionFactory(forum=forum, author=teacher.person, created_by=teacher)
    url = reverse("forums:reflection_edit", args=[program.pk, reflection.pk])
    client.force_login(facilitator)
    assert client.post(url, {"learned": "Diperbaiki", "will_try": "Sama", "try_by": ""}).status_code == 302
    assert Reflection.objects.get().learned == "Diperbaiki"
    client.force_login(other_teacher)
    assert client.get(url).status_code == 403


def test_an_account_without_a_person_gets_a_clear_message(client, superuser, forum):
    client.force_login(superuser)
    assert "Your account is not linked to a person" in client.get(_url(forum)).content.decode()


def test_a_session_without_a_forum_record_has_no_reflection_page(client, program, teacher):
    from komunitas.tests.factories import SessionFactory

    session = SessionFactory(program=program, kind="forum")
    client.force_login(teacher)
    assert client.get(reverse("forums:reflection_mine", args=[program.pk, session.pk])).status_code == 404
