"""What every signed-in request pays: its session, its user and (on a program's pages) the program with the user's
role, each one query whose SQL is built once per process (komunitas/prepared.py), read afresh every time."""

import datetime as dt
import time

import pytest
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.core.exceptions import ImproperlyConfigured
from django.db import connection
from django.http import Http404
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from komunitas.access import _program_with_role, program_access_for, program_with_role
from komunitas.models import Membership, Participant, Program
from komunitas.prepared import Prepared
from komunitas.static_storage import StaticFilesStorage


def test_the_prepared_read_gives_what_the_queryset_gives(users, program):
    """Every role, on its own program and another school's: the same row, role flags, school and district."""
    other = Program.objects.exclude(pk=program.pk).get()
    for user in users.values():
        for program_id in (program.pk, other.pk, 0):
            expected = _program_with_role(user.pk, program_id).first()
            got = program_with_role.first(user_id=user.pk, program_id=program_id)
            if expected is None:
                assert got is None
                continue
            fields = ["pk", "name", "start_date", "weeks", "created_at", "my_role", "my_district", "takes_part"]
            assert [getattr(got, f) for f in fields] == [getattr(expected, f) for f in fields]
            assert got.data_token == expected.data_token
            assert (got.school.name, got.school.district.name) == (expected.school.name, expected.school.district.name)


def test_the_program_read_follows_the_data_at_once(teacher, program):
    """Nothing but the SQL is kept: a revoked membership or a participation that ends counts on the next read."""
    assert program_access_for(teacher, program.pk).takes_part
    Participant.objects.filter(person__user=teacher).update(left_on=dt.date.today())
    assert not program_access_for(teacher, program.pk).takes_part
    Membership.objects.filter(user=teacher).delete()
    with pytest.raises(Http404):
        program_access_for(teacher, program.pk)


def test_a_prepared_read_refuses_a_value_that_is_not_a_parameter(db):
    with pytest.raises(ImproperlyConfigured):
        Prepared(lambda user_id: Program.objects.all(), user_id=int).all(user_id=1)


def test_a_signed_in_page_costs_the_session_and_the_user(client, teacher):
    client.force_login(teacher)
    client.get(reverse("profile"))
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("profile")).status_code == 200
    # the session, the user; the form's version (komunitas/forms_base.py): the user's row again, locked first as
    # inside a transaction (a test runs in one), so 3 in production
    assert len(queries) == 4, "\n".join(q["sql"][:120] for q in queries)


def test_a_deactivated_account_is_refused_on_its_next_request(client, teacher, program):
    client.force_login(teacher)
    assert client.get(program.get_absolute_url()).status_code == 200
    get_user_model().objects.filter(pk=teacher.pk).update(is_active=False)
    response = client.get(program.get_absolute_url())
    assert response.status_code == 302 and response.url.startswith(reverse("login"))


def test_a_password_changed_elsewhere_signs_this_session_out(client, teacher, program):
    client.force_login(teacher)
    assert client.get(program.get_absolute_url()).status_code == 200
    teacher.set_password("Sebuah-kata-sandi-baru")
    teacher.save()
    assert client.get(program.get_absolute_url()).status_code == 302


def test_an_expired_or_removed_session_is_signed_out(client, teacher, program):
    client.force_login(teacher)
    key = client.session.session_key
    Session.objects.filter(session_key=key).update(expire_date=timezone.now() - dt.timedelta(seconds=1))
    assert client.get(program.get_absolute_url()).status_code == 302
    client.force_login(teacher)
    Session.objects.filter(session_key=client.session.session_key).delete()
    assert client.get(program.get_absolute_url()).status_code == 302


def test_activity_is_written_to_the_session_at_most_once_a_minute(client, teacher):
    client.force_login(teacher)
    client.get(reverse("profile"))

    def session_writes():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("profile")).status_code == 200
        return [q["sql"] for q in queries if "django_session" in q["sql"] and not q["sql"].startswith("SELECT")]

    assert session_writes() == []  # seen a moment ago
    session = client.session
    session["seen_at"] = int(time.time()) - 61
    session.save()
    assert len(session_writes()) == 1  # a minute on: noted once
    assert session_writes() == []


def test_the_program_navigation_follows_the_page_and_the_language(client, teacher, program):
    """Rendered once per program, page and language (komunitas/templatetags/program_nav.py)."""
    client.force_login(teacher)
    schedule = reverse("schedule", args=[program.pk])
    dashboard = client.get(program.get_absolute_url()).content.decode()
    assert f'class="nav-link active" href="{program.get_absolute_url()}" aria-current="page">Dasbor</a>' in dashboard
    assert f'class="nav-link" href="{schedule}">Jadwal</a>' in dashboard
    client.cookies["django_language"] = "en"
    page = client.get(schedule).content.decode()
    assert f'class="nav-link active" href="{schedule}">Schedule</a>' in page
    assert f'class="nav-link" href="{program.get_absolute_url()}" >Dashboard</a>' in page


def test_static_urls_are_the_hashed_files_found_once(settings, tmp_path):
    settings.DEBUG = False
    (tmp_path / "staticfiles.json").write_text(
        '{"paths": {"css/komunitas.css": "css/komunitas.0123abcd.css"}, "version": "1.1", "hash": "x"}'
    )
    storage = StaticFilesStorage(location=tmp_path, base_url="/static/")
    assert storage.url("css/komunitas.css") == "/static/css/komunitas.0123abcd.css"
    storage.hashed_files.clear()  # found once: the manifest is not read again
    assert storage.url("css/komunitas.css") == "/static/css/komunitas.0123abcd.css"
    with pytest.raises(ValueError):  # a file collectstatic did not collect is still an error
        storage.url("css/missing.css")
