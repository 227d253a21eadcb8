"""Named people built once per test (docs/architecture.md, "Tests"): principal, facilitator, teacher, other_teacher,
district officer, and outsider (a facilitator at a school of another district) — plus the program they share.
Helpers every app's tests use (files, form round trips, permission tables, browser checks) are in
komunitas/testing.py."""

import datetime as dt
import shutil
from pathlib import Path

import pytest
from django.core.cache import cache
from django.utils import timezone

from komunitas import services
from komunitas.models import CycleTemplate, DistrictOfficer, Participant, Person, PersonKind
from komunitas.testing import make_member, track_visits, unchecked_visits
from komunitas.tests.factories import START, DistrictFactory, MembershipFactory, SchoolFactory, UserFactory


@pytest.fixture(autouse=True)
def _fast_and_isolated(settings, tmp_path):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.MEDIA_ROOT = tmp_path / "media"
    # Every test rolls the database back, so ids and data tokens come again: nothing cached may outlive a test.
    cache.clear()
    yield
    shutil.rmtree(Path(settings.MEDIA_ROOT), ignore_errors=True)


@pytest.fixture
def english(settings):
    """Pages in English, so tests can assert messages by their msgid; the real default is Indonesian."""
    settings.LANGUAGE_CODE = "en"


@pytest.fixture
def school(db):
    return SchoolFactory(name="SMPN H. Wukirsari", district=DistrictFactory(name="Kabupaten Musi Rawas"))


@pytest.fixture
def program(school):
    return services.program_create(
        school=school, name="Komunitas Belajar Kolaboratif", start_date=START, weeks=10, cycle=CycleTemplate.STUDY
    )


@pytest.fixture
def principal(school):
    return make_member("kepsek", school, "principal", PersonKind.PRINCIPAL)


@pytest.fixture
def facilitator(school):
    return make_member("fasilitator", school, "facilitator", PersonKind.FACILITATOR)


@pytest.fixture
def teacher(school, program):
    user = make_member("guru01", school, "teacher", PersonKind.TEACHER, subject="Matematika")
    Participant.objects.create(program=program, person=user.person, role=PersonKind.TEACHER)
    return user


@pytest.fixture
def other_teacher(school, program):
    user = make_member("guru02", school, "teacher", PersonKind.TEACHER, subject="IPA")
    Participant.objects.create(program=program, person=user.person, role=PersonKind.TEACHER)
    return user


@pytest.fixture
def district_officer(school):
    user = UserFactory(username="dinas")
    DistrictOfficer.objects.create(user=user, district=school.district)
    return user


@pytest.fixture
def outsider(db):
    other_school = SchoolFactory(name="SMPN Lain", district=DistrictFactory(name="Kabupaten Lain"))
    services.program_create(
        school=other_school, name="Program lain", start_date=START, weeks=10, cycle=CycleTemplate.STUDY
    )
    return make_member("orang-luar", other_school, "facilitator", PersonKind.FACILITATOR)


@pytest.fixture
def superuser(db):
    return UserFactory(username="admin", is_superuser=True, is_staff=True)


@pytest.fixture
def users(principal, facilitator, teacher, district_officer, outsider, superuser):
    """Every named role by name, for the permission tables."""
    return {
        "principal": principal,
        "facilitator": facilitator,
        "teacher": teacher,
        "district_officer": district_officer,
        "outsider": outsider,
        "superuser": superuser,
    }


@pytest.fixture
def world(users, program):
    """What a permission table's rows name (komunitas.testing.permission_table_test); modules with rows about
    their own objects define a fuller ``world``."""
    return {"program": program, "users": users}


# --- Browser tests: Playwright drives Debian's Chromium (never a downloaded browser). ---
CHROMIUM = Path("/usr/bin/chromium")


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not CHROMIUM.exists():
        pytest.skip("browser tests need /usr/bin/chromium (Debian/Ubuntu: apt-get install chromium)")
    return {
        **browser_type_launch_args,
        "executable_path": str(CHROMIUM),
        "args": [
            "--no-sandbox",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-gpu",
        ],
    }


def _browser_page(browser, live_server, width: int, height: int):
    """A page in Indonesian, pointed at the live test server. Every page the test lands on must get an
    accessibility check (``komunitas.testing.settle``); the test fails if one did not."""
    context = browser.new_context(
        viewport={"width": width, "height": height}, locale="id-ID", base_url=live_server.url, accept_downloads=True
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    visited = track_visits(page)
    refused = []  # the Content-Security-Policy allows no inline script or style: nothing may be refused
    page.on(
        "console", lambda message: refused.append(message.text) if "Content Security Policy" in message.text else None
    )
    yield page
    missing = unchecked_visits(page, visited)
    context.close()
    assert not missing, f"pages visited without an accessibility check (call settle(page)): {sorted(missing)}"
    assert not refused, f"the browser refused what the Content-Security-Policy forbids: {refused}"


@pytest.fixture
def phone(browser, live_server):
    yield from _browser_page(browser, live_server, 390, 844)


@pytest.fixture
def desktop(browser, live_server):
    yield from _browser_page(browser, live_server, 1280, 900)


@pytest.fixture
def laptop(browser, live_server):
    """A small laptop's screen (1366 × 768)."""
    yield from _browser_page(browser, live_server, 1366, 768)


@pytest.fixture
def live_program(transactional_db):
    """For browser tests: a program in its first week, a facilitator (``fasilitator``) and three participating
    teachers, the first of them with the account ``guru01``."""
    school = SchoolFactory(name="SMPN H. Wukirsari")
    today = timezone.localdate()
    program = services.program_create(
        school=school,
        name="Komunitas Belajar Kolaboratif",
        start_date=today - dt.timedelta(days=today.weekday()),
        weeks=10,
        cycle=CycleTemplate.STUDY,
    )
    MembershipFactory(user=UserFactory(username="fasilitator"), school=school, role="facilitator")
    teacher = UserFactory(username="guru01")
    MembershipFactory(user=teacher, school=school, role="teacher")
    for name, account in [("Siti Aminah", teacher), ("Budi Santoso", None), ("Rina Marlina", None)]:
        person = Person.objects.create(school=school, name=name, kind=PersonKind.TEACHER, subject="IPA", user=account)
        Participant.objects.create(program=program, person=person, role=PersonKind.TEACHER)
    return program
