"""seed_demo builds the study's program as the README's demo accounts say, and only once."""

import datetime as dt
from io import BytesIO

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.core.management import call_command
from django.http import HttpRequest
from django.urls import reverse
from pypdf import PdfReader

from komunitas import demo
from komunitas.models import Attachment, Attendance, Participant, Program, School, Session


@pytest.fixture
def seeded(db):
    call_command("seed_demo")
    return Program.objects.get(school__name="SMPN H. Wukirsari")


def test_it_builds_the_reference_study(seeded):
    program = seeded
    assert program.name == "Komunitas Belajar Kolaboratif" and program.weeks == 10
    assert program.school.district.name == "Kabupaten Musi Rawas"
    roles = dict.fromkeys(["teacher", "student", "parent", "facilitator", "principal"], 0)
    for role in Participant.objects.filter(program=program).values_list("role", flat=True):
        roles[role] += 1
    assert roles == {"teacher": 10, "student": 30, "parent": 10, "facilitator": 1, "principal": 1}
    assert program.current_week() == 10  # the demo is placed so that today is its last week
    assert program.stages.count() == 4


def test_demo_accounts_sign_in_with_their_roles(seeded):
    for username, role in [
        ("kepsek", "principal"),
        ("fasilitator", "facilitator"),
        ("guru01", "teacher"),
        ("guru10", "teacher"),
    ]:
        user = authenticate(HttpRequest(), username=username, password=demo.PASSWORD)
        assert user is not None, username
        assert user.memberships.get().role == role
    assert (
        authenticate(HttpRequest(), username="dinas", password=demo.PASSWORD).district_roles.get().district.name
        == "Kabupaten Musi Rawas"
    )


def test_forum_attendance_rises_over_the_weeks(seeded):
    program = seeded
    share = {}
    for session in Session.objects.filter(program=program, kind="forum", status="held"):
        present = session.attendance.filter(status="present").count()
        share[program.week_of(session.date)] = present
    weeks = sorted(share)
    first, last = sum(share[w] for w in weeks[:3]) / 3, sum(share[w] for w in weeks[-3:]) / 3
    assert first < last


def test_it_is_idempotent(seeded):
    counts = (School.objects.count(), Session.objects.count(), Attendance.objects.count(), Attachment.objects.count())
    call_command("seed_demo")
    assert counts == (
        School.objects.count(),
        Session.objects.count(),
        Attendance.objects.count(),
        Attachment.objects.count(),
    )


def test_more_schools_in_the_same_district(db, capsys):
    call_command("seed_demo", schools=1)
    school = School.objects.get(name="SMPN 2 Musi Rawas")
    assert school.district.name == "Kabupaten Musi Rawas"
    assert authenticate(HttpRequest(), username="s2-guru10", password=demo.PASSWORD).memberships.get().school == school
    assert "s<k>-kepsek" in capsys.readouterr().out


def test_demo_photos_are_generated_and_some_lack_consent(seeded):
    assert Attachment.objects.filter(session__program=seeded).exists()
    photos = Attachment.objects.with_consent()
    assert photos.filter(consent_staff=False).exists() and photos.filter(consent_staff=True, consent_report=False)
    assert photos.filter(consent_public=True).exists()


def test_start_date_puts_today_in_week_ten():
    today = dt.date(2026, 11, 28)  # a Saturday
    start = demo.demo_start_date(today)
    assert start.weekday() == 0
    assert Program(start_date=start, weeks=10).week_of(today) == 10


def test_the_demo_report_has_its_photos_and_stays_under_10_mb(seeded, client):
    """The document the school uploads (the evidence platform takes 10 MB): the demo's, with its photos."""
    program = seeded
    client.force_login(get_user_model().objects.get(username="kepsek"))
    response = client.get(reverse("report_pdf", args=[program.pk]))
    assert response.status_code == 200 and len(response.content) < 10_000_000
    reader = PdfReader(BytesIO(response.content))
    assert sum(len(page.images) for page in reader.pages) >= 4  # the photo appendix and the forum's section
    assert 10 <= len(reader.pages) <= 40
