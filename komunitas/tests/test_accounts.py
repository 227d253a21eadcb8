"""Signing in and out, password change and reset, the admin for superusers, the health check."""

import re
from unittest import mock

import pytest
from django.core import mail
from django.db import DatabaseError
from django.urls import reverse

from komunitas.models import VerifiedEmail

pytestmark = pytest.mark.usefixtures("english")


def test_sign_in_lands_on_the_program_and_sign_out_returns_to_login(client, principal, program):
    response = client.post(reverse("login"), {"username": "kepsek", "password": "pw-komunitas-123"}, follow=True)
    assert response.redirect_chain[-1][0] == program.get_absolute_url()
    response = client.post(reverse("logout"), follow=True)
    assert response.redirect_chain[-1][0].startswith(reverse("login"))
    assert "You have signed out." in response.content.decode()
    assert client.get(program.get_absolute_url()).status_code == 302


def test_wrong_password_is_refused_with_a_message(client, principal):
    response = client.post(reverse("login"), {"username": "kepsek", "password": "salah"})
    assert response.status_code == 200
    assert "The username or password is not right." in response.content.decode()


def test_password_change(client, teacher):
    client.force_login(teacher)
    response = client.post(
        reverse("password_change"),
        {
            "old_password": "pw-komunitas-123",
            "new_password1": "Belajar-bersama-2026",
            "new_password2": "Belajar-bersama-2026",
        },
    )
    assert response.status_code == 302
    teacher.refresh_from_db()
    assert teacher.check_password("Belajar-bersama-2026")


def test_password_reset_by_mail(client, teacher):
    teacher.email = "guru01@sekolah.sch.id"
    teacher.save()
    VerifiedEmail.mark(teacher)
    client.post(reverse("password_reset"), {"email": "guru01@sekolah.sch.id"})
    assert len(mail.outbox) == 1
    link = re.search(r"http://testserver(/accounts/reset/\S+/)", mail.outbox[0].body).group(1)
    form_url = client.get(link).url
    response = client.post(form_url, {"new_password1": "Belajar-bersama-2026", "new_password2": "Belajar-bersama-2026"})
    assert response.status_code == 302
    teacher.refresh_from_db()
    assert teacher.check_password("Belajar-bersama-2026")


def test_admin_lists_load_for_superusers(client, superuser, program):
    client.force_login(superuser)
    for model in ["school", "program", "person", "session", "membership", "stage", "attachment"]:
        assert client.get(reverse(f"admin:komunitas_{model}_changelist")).status_code == 200, model


def test_admin_is_closed_to_school_staff(client, principal):
    client.force_login(principal)
    assert client.get(reverse("admin:index")).status_code == 302


def test_healthz_reports_a_broken_database(client, db):
    with mock.patch("django.db.backends.utils.CursorWrapper.execute", side_effect=DatabaseError):
        response = client.get("/healthz")
    assert response.status_code == 503


def test_profile_changes_the_name(client, teacher):
    client.force_login(teacher)
    response = client.post(reverse("profile"), {"first_name": "", "last_name": "Aminah"})
    assert response.status_code == 302
    teacher.refresh_from_db()
    assert (teacher.first_name, teacher.last_name) == ("", "Aminah")


def test_profile_needs_sign_in(client, db):
    assert client.get(reverse("profile")).status_code == 302
