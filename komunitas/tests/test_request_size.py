"""A body larger than any form takes is refused with 413 before it is read (no disk filled, no worker tied up)."""

import pytest
from django.urls import reverse

MB = 1024 * 1024


class Unreadable:
    """A request body that fails the test if anyone reads it."""

    def read(self, *args):
        raise AssertionError("the body was read")

    readline = read


def _post(client, url, length):
    return client.generic(
        "POST",
        url,
        b"",
        content_type="multipart/form-data; boundary=xyz",
        CONTENT_LENGTH=str(length),
        **{"wsgi.input": Unreadable()},
    )


def test_a_300_mb_body_to_the_sign_in_page_is_refused_unread(client, db, english):
    response = _post(client, reverse("login"), 300 * MB)
    assert response.status_code == 413 and "larger than 1 MB" in response.content.decode()


def test_a_200_mb_upload_of_a_teacher_is_refused_unread(client, teacher, program, english):
    from komunitas.tests.factories import SessionFactory

    session = SessionFactory(program=program)
    client.force_login(teacher)
    response = _post(client, reverse("attachment_add", args=[program.pk, session.pk]), 200 * MB)
    assert response.status_code == 413 and "larger than 50 MB" in response.content.decode()


@pytest.mark.parametrize("length", [0, 5 * MB])
def test_what_forms_take_goes_through(client, teacher, program, length):
    client.force_login(teacher)
    response = client.generic("POST", reverse("session_create", args=[program.pk]), b"x" * length)
    assert response.status_code == 200  # the form answers (with its errors)
