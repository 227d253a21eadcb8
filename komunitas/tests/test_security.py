"""Sign-in and account security (issue 8): throttling, password rules, session limits, e-mail addresses that
are unique and confirmed, reset-link limits, response headers, and ``check --deploy`` under production settings."""

import os
import re
import secrets
import subprocess
import sys
import time

import pytest
from django.conf import settings as django_settings
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from komunitas.models import VerifiedEmail
from komunitas.tests.factories import UserFactory

pytestmark = pytest.mark.usefixtures("english")

PASSWORD = "pw-komunitas-123"  # the factories' password


def sign_in(client, username, password, address="10.0.0.1"):
    return client.post(reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=address)


# --- Throttling ---


def test_ten_wrong_passwords_lock_the_account_even_for_the_right_one(client, teacher):
    for _ in range(9):
        assert sign_in(client, "guru01", "salah").status_code == 200
    assert sign_in(client, "guru01", "salah").status_code == 429  # the tenth says so at once
    response = sign_in(client, "guru01", PASSWORD)
    assert response.status_code == 429
    assert "Too many wrong passwords" in response.content.decode()
    assert "_auth_user_id" not in client.session
    # … from another network too: the lock is on the account
    assert sign_in(client, "guru01", PASSWORD, address="10.9.9.9").status_code == 429


def test_a_staff_room_behind_one_address_does_not_lock_each_other_out(client, teacher):
    for number in range(40):  # forty colleagues' typos from the school's one public address
        sign_in(client, f"guru-{number}", "salah")
    assert sign_in(client, "guru01", PASSWORD).status_code == 302


def test_fifty_failures_from_one_address_lock_the_address(client, teacher):
    for number in range(50):
        sign_in(client, f"guru-{number}", "salah")
    assert sign_in(client, "guru01", PASSWORD).status_code == 429
    assert sign_in(client, "guru01", PASSWORD, address="10.0.0.2").status_code == 302


def test_signing_in_to_ones_own_account_does_not_reset_the_guesses_at_anothers(client, teacher, other_teacher):
    for _ in range(9):
        sign_in(client, "guru01", "salah")
    assert sign_in(client, other_teacher.username, PASSWORD).status_code == 302
    client.logout()
    sign_in(client, "guru01", "salah")
    assert sign_in(client, "guru01", PASSWORD).status_code == 429


def test_a_right_password_clears_the_accounts_count(client, teacher):
    for _ in range(9):
        sign_in(client, "guru01", "salah")
    assert sign_in(client, "guru01", PASSWORD).status_code == 302
    client.logout()
    for _ in range(9):
        sign_in(client, "guru01", "salah")
    assert sign_in(client, "guru01", PASSWORD).status_code == 302


def test_the_facilitator_sees_a_locked_account_and_unlocks_it(client, program, facilitator, teacher):
    for _ in range(10):
        sign_in(client, "guru01", "salah")
    client.force_login(facilitator)
    staff_url = reverse("staff_list", args=[program.pk])
    assert "sign-in locked" in client.get(staff_url).content.decode()
    response = client.post(reverse("staff_unlock", args=[program.pk, teacher.memberships.get().pk]), follow=True)
    assert "can try to sign in again" in response.content.decode()
    assert "sign-in locked" not in response.content.decode()
    client.logout()
    assert sign_in(client, "guru01", PASSWORD).status_code == 302


def test_an_outsider_cannot_unlock_another_schools_account(client, program, outsider, teacher):
    client.force_login(outsider)
    response = client.post(reverse("staff_unlock", args=[program.pk, teacher.memberships.get().pk]))
    assert response.status_code == 404


# --- Passwords and sessions ---


@pytest.mark.parametrize(
    ("password", "ok"),
    [
        ("pendek-sekali", True),  # 13 characters, lower case only: no composition rules
        ("pendek-sek", False),  # 10 characters
        ("password1234", False),  # common
        ("kita belajar bersama setiap hari rabu di ruang guru " * 4, True),  # a long passphrase with spaces
    ],
)
def test_password_rules_follow_asvs(password, ok):
    try:
        validate_password(password)
    except ValidationError:
        assert not ok
    else:
        assert ok


def test_a_session_ends_after_an_idle_hour(client, teacher, program):
    client.force_login(teacher)
    assert client.get(program.get_absolute_url()).status_code == 200
    session = client.session
    session["seen_at"] = int(time.time()) - 61 * 60
    session.save()
    response = client.get(program.get_absolute_url())
    assert response.status_code == 302 and response.url.startswith(reverse("login"))
    assert client.get(program.get_absolute_url()).status_code == 302  # signed out, not only redirected


def test_a_session_ends_after_twelve_hours_however_busy(client, teacher, program):
    client.force_login(teacher)
    session = client.session
    session["signed_in_at"] = int(time.time()) - 12 * 3600 - 1
    session.save()
    assert client.get(program.get_absolute_url()).status_code == 302


# --- E-mail addresses: unique, confirmed, and changed with the password ---


def test_an_address_is_one_accounts_whatever_its_case(teacher, other_teacher):
    teacher.email = "Guru@Sekolah.sch.id"
    teacher.save()
    other_teacher.email = "guru@sekolah.sch.id"
    with pytest.raises(IntegrityError), transaction.atomic():
        other_teacher.save()


def test_an_unconfirmed_address_receives_no_reset_link(client, teacher, other_teacher):
    """Today's bug: one address set on two accounts received reset links for both."""
    teacher.email = "guru@sekolah.sch.id"
    teacher.save()
    client.post(reverse("password_reset"), {"email": "guru@sekolah.sch.id"})
    assert mail.outbox == []
    VerifiedEmail.mark(teacher)
    client.post(reverse("password_reset"), {"email": "GURU@sekolah.sch.id"})
    assert [message.to for message in mail.outbox] == [["guru@sekolah.sch.id"]]


def test_changing_the_address_needs_the_password_and_a_link_to_the_new_one(client, teacher, other_teacher):
    teacher.email = "lama@sekolah.sch.id"
    teacher.save()
    VerifiedEmail.mark(teacher)
    other_teacher.email = "dipakai@sekolah.sch.id"
    other_teacher.save()
    client.force_login(teacher)
    url = reverse("email_change")

    wrong = client.post(url, {"email": "baru@sekolah.sch.id", "password": "salah"})
    assert "not your current password" in wrong.context["form"].errors["password"][0]
    taken = client.post(url, {"email": "DIPAKAI@sekolah.sch.id", "password": PASSWORD})
    assert "Another account uses this address" in taken.context["form"].errors["email"][0]
    assert mail.outbox == []

    client.post(url, {"email": "baru@sekolah.sch.id", "password": PASSWORD})
    (message,) = mail.outbox
    assert message.to == ["baru@sekolah.sch.id"]
    link = re.search(r"http://testserver(/accounts/email/confirm/\S+/)", message.body).group(1)
    teacher.refresh_from_db()
    assert teacher.email == "lama@sekolah.sch.id"  # unchanged until the link is opened …
    assert "baru@sekolah.sch.id" in client.get(link).content.decode()
    teacher.refresh_from_db()
    assert teacher.email == "lama@sekolah.sch.id"  # … and confirmed (a mail scanner's GET changes nothing)
    client.post(link)
    teacher.refresh_from_db()
    assert teacher.email == "baru@sekolah.sch.id" and VerifiedEmail.is_verified(teacher)
    assert mail.outbox[-1].to == ["lama@sekolah.sch.id"] and "was changed" in mail.outbox[-1].body

    client.logout()
    mail.outbox.clear()
    client.post(reverse("password_reset"), {"email": "lama@sekolah.sch.id"})
    client.post(reverse("password_reset"), {"email": "baru@sekolah.sch.id"})
    assert [message.to for message in mail.outbox] == [["baru@sekolah.sch.id"]]


def test_a_confirmation_link_works_only_for_its_account(client, teacher, other_teacher):
    client.force_login(teacher)
    client.post(reverse("email_change"), {"email": "baru@sekolah.sch.id", "password": PASSWORD})
    link = re.search(r"http://testserver(/accounts/email/confirm/\S+/)", mail.outbox[0].body).group(1)
    client.force_login(other_teacher)
    response = client.post(link)
    assert "not for the account you are signed in with" in response.content.decode()
    other_teacher.refresh_from_db()
    assert other_teacher.email != "baru@sekolah.sch.id"
    assert "expired" in client.get(reverse("email_confirm", args=["rusak"])).content.decode()


def test_an_address_taken_meanwhile_is_not_confirmed(client, teacher, other_teacher):
    client.force_login(teacher)
    client.post(reverse("email_change"), {"email": "baru@sekolah.sch.id", "password": PASSWORD})
    link = re.search(r"http://testserver(/accounts/email/confirm/\S+/)", mail.outbox[0].body).group(1)
    other_teacher.email = "baru@sekolah.sch.id"
    other_teacher.save()
    response = client.post(link)
    assert "Another account uses this address now" in response.content.decode()
    teacher.refresh_from_db()
    assert teacher.email != "baru@sekolah.sch.id"


def test_an_address_set_by_the_inviter_is_confirmed_from_my_account(client, teacher):
    teacher.email = "guru01@sekolah.sch.id"
    teacher.save()
    client.force_login(teacher)
    page = client.get(reverse("profile")).content.decode()
    assert "not confirmed" in page
    client.post(reverse("email_verify"))
    link = re.search(r"http://testserver(/accounts/email/confirm/\S+/)", mail.outbox[0].body).group(1)
    client.post(link)
    assert "not confirmed" not in client.get(reverse("profile")).content.decode()


def test_choosing_a_password_through_the_invitation_confirms_the_address(client, program, principal):
    client.force_login(principal)
    client.post(
        reverse("staff_invite", args=[program.pk]), {"full_name": "Rina", "email": "rina@x.id", "role": "teacher"}
    )
    client.logout()
    link = re.search(r"http://testserver(/accounts/reset/\S+)", mail.outbox[0].body).group(1)
    set_url = client.get(link, follow=True).redirect_chain[-1][0]
    client.post(set_url, {"new_password1": "kelas-delapan-hebat", "new_password2": "kelas-delapan-hebat"})
    assert VerifiedEmail.is_verified(get_user_model().objects.get(email="rina@x.id"))


# --- Reset-link limits ---


def test_an_address_receives_at_most_three_reset_links_an_hour(client, teacher):
    teacher.email = "guru01@sekolah.sch.id"
    teacher.save()
    VerifiedEmail.mark(teacher)
    for number in range(5):
        response = client.post(
            reverse("password_reset"), {"email": "guru01@sekolah.sch.id"}, REMOTE_ADDR=f"10.0.0.{number}"
        )
        assert response.status_code == 302  # the same answer every time: nothing told about the account
    assert len(mail.outbox) == 3


def test_a_network_asks_for_at_most_ten_reset_links_an_hour(client, db):
    for number in range(10):
        assert client.post(reverse("password_reset"), {"email": f"orang{number}@x.id"}).status_code == 302
    response = client.post(reverse("password_reset"), {"email": "orang11@x.id"})
    assert response.status_code == 429
    assert "Too many requests from this network" in response.content.decode()
    assert client.post(reverse("password_reset"), {"email": "a@x.id"}, REMOTE_ADDR="10.1.1.1").status_code == 302


# --- The account's own pages: signed-in people only, each their own ---

ACCOUNT_PAGES = ["profile", "email_change", "password_change"]


@pytest.mark.parametrize("name", [*ACCOUNT_PAGES, "email_verify"])
def test_account_pages_need_sign_in(client, db, name):
    response = client.post(reverse(name)) if name == "email_verify" else client.get(reverse(name))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))


@pytest.mark.parametrize("role", ["principal", "facilitator", "teacher", "district_officer", "outsider", "superuser"])
def test_account_pages_open_for_every_role(client, users, role):
    client.force_login(users[role])
    for name in ACCOUNT_PAGES:
        assert client.get(reverse(name)).status_code == 200, name
    assert client.post(reverse("email_verify")).status_code == 302


# --- Headers and deployment ---


def test_headers_forbid_inline_code_device_features_and_caching_of_personal_pages(client, teacher, program):
    client.force_login(teacher)
    response = client.get(program.get_absolute_url())
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "unsafe-inline" not in policy and "frame-ancestors 'none'" in policy
    assert "camera=()" in response["Permissions-Policy"] and "geolocation=()" in response["Permissions-Policy"]
    assert "no-store" in response["Cache-Control"]


def test_healthz_answers_over_plain_http_when_everything_else_redirects(client, db, settings):
    settings.SECURE_SSL_REDIRECT = True
    assert client.get("/healthz").status_code == 200
    assert client.get(reverse("login")).status_code == 301


def test_check_deploy_is_clean_under_production_settings(tmp_path):
    env = {
        **os.environ,
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "komunitas.example.sch.id",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
    }
    for name in ["SECURE_SSL", "SECURE_SSL_REDIRECT", "SECURE_HSTS_SECONDS", "DJANGO_ALLOW_ASYNC_UNSAFE"]:
        env.pop(name, None)
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=django_settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_a_superuser_still_signs_in_to_the_admin(client, db):
    UserFactory(username="root", is_superuser=True, is_staff=True)
    response = client.post(reverse("admin:login"), {"username": "root", "password": PASSWORD, "next": "/admin/"})
    assert response.status_code == 302


@pytest.mark.django_db(transaction=True)
def test_the_migration_keeps_a_shared_address_on_the_account_in_use():
    from auditlog.context import disable_auditlog
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    executor.migrate([("komunitas", "0007_accounts_verified_email")])
    try:
        User = get_user_model()
        with disable_auditlog():  # the code's models are ahead of this schema
            old = User.objects.create(username="lama", email="Guru@x.id")
            used = User.objects.create(username="dipakai", email="guru@x.id", last_login="2026-11-01T08:00Z")
            alone = User.objects.create(username="sendiri", email="sendiri@x.id")
    finally:
        executor = MigrationExecutor(connection)
        executor.loader.build_graph()
        executor.migrate(executor.loader.graph.leaf_nodes())
    emails = dict(User.objects.values_list("username", "email"))
    assert emails == {old.username: "", used.username: "guru@x.id", alone.username: "sendiri@x.id"}


# --- Found in review ---


def test_behind_a_proxy_the_address_is_the_one_the_proxy_saw(settings):
    from django.test import RequestFactory

    from komunitas.middleware import client_ip

    request = RequestFactory().get("/", HTTP_X_FORWARDED_FOR="203.0.113.66, 198.51.100.5", REMOTE_ADDR="10.0.0.1")
    settings.BEHIND_PROXY = False
    assert client_ip(request) == "10.0.0.1"
    settings.BEHIND_PROXY = True
    assert client_ip(request) == "198.51.100.5"  # not the client's claim in front of it
    assert client_ip(RequestFactory().get("/", HTTP_X_FORWARDED_FOR="rubbish")) is None


def test_a_spoofed_forwarded_for_cannot_lock_out_another_network(client, teacher, settings):
    settings.BEHIND_PROXY = True
    for number in range(50):
        client.post(
            reverse("login"),
            {"username": f"x{number}", "password": "salah"},
            HTTP_X_FORWARDED_FOR="203.0.113.66, 192.0.2.1",
        )
    other = client.post(
        reverse("login"), {"username": "guru01", "password": PASSWORD}, HTTP_X_FORWARDED_FOR="198.51.100.5"
    )
    assert other.status_code == 302


@pytest.mark.parametrize("page", ["email_change", "password_change"])
def test_asking_the_current_password_again_is_throttled_like_signing_in(client, teacher, page):
    client.force_login(teacher)
    field = {"email_change": "password", "password_change": "old_password"}[page]
    data = {"email": "baru@x.id", "new_password1": "kata-sandi-baru-2026", "new_password2": "kata-sandi-baru-2026"}
    for _ in range(10):
        client.post(reverse(page), {**data, field: "salah"})
    response = client.post(reverse(page), {**data, field: PASSWORD})  # the right one, now too late
    assert response.status_code == 429 and "Too many wrong passwords" in response.content.decode()
    teacher.refresh_from_db()
    assert teacher.check_password(PASSWORD) and teacher.email != "baru@x.id"


def test_unlocking_lifts_the_lock_on_the_address_the_teacher_signs_in_from(client, program, facilitator, teacher):
    sign_in(client, "guru01", PASSWORD, address="10.0.0.7")  # the staff room
    client.logout()
    for number in range(50):
        sign_in(client, f"guru-{number}", "salah", address="10.0.0.7")
    assert sign_in(client, "guru01", PASSWORD, address="10.0.0.7").status_code == 429
    client.force_login(facilitator)
    assert "sign-in locked" in client.get(reverse("staff_list", args=[program.pk])).content.decode()
    client.post(reverse("staff_unlock", args=[program.pk, teacher.memberships.get().pk]))
    client.logout()
    assert sign_in(client, "guru01", PASSWORD, address="10.0.0.7").status_code == 302


def test_photos_are_not_kept_by_the_browser(client, world):
    client.force_login(world["users"]["facilitator"])
    response = client.get(world["attachment"].get_absolute_url())
    assert "no-store" in response["Cache-Control"]


def test_a_confirmation_link_is_spent_once_the_address_changes(client, teacher):
    client.force_login(teacher)
    client.post(reverse("email_change"), {"email": "satu@x.id", "password": PASSWORD})
    client.post(reverse("email_change"), {"email": "dua@x.id", "password": PASSWORD})
    first, second = (
        re.search(r"http://testserver(/accounts/email/confirm/\S+/)", m.body).group(1) for m in mail.outbox
    )
    client.post(second)
    response = client.post(first)
    assert "expired" in response.content.decode()
    teacher.refresh_from_db()
    assert teacher.email == "dua@x.id"


def test_inviting_someone_on_another_schools_roster_works(client, program, principal, outsider):
    outsider.email = "orang@luar.id"
    outsider.save()
    client.force_login(principal)
    response = client.post(
        reverse("staff_invite", args=[program.pk]), {"full_name": "Orang", "email": "orang@luar.id", "role": "teacher"}
    )
    assert response.status_code == 302
    assert outsider.memberships.filter(school=program.school).exists()
