"""A new school's whole first run in the browser, on a laptop's screen, the way a facilitator does it: create the
program, import Dapodik's student list and staff list, plan the schedule from templates, create the teachers'
accounts, open the baseline questionnaires — and end on a dashboard with a planned schedule and no steps left.

Each step's time is printed (``pytest -s``); the README quotes a run's figures."""

import datetime as dt
import time

import pytest
from django.urls import reverse
from django.utils import timezone

from komunitas.models import Person, PersonKind, Program
from komunitas.testing import settle, sign_in
from komunitas.tests.dapodik_files import DEMO_STAFF, DEMO_STUDENTS, daftar_gtk_xlsx, daftar_pd_xlsx
from komunitas.tests.factories import DistrictFactory, MembershipFactory, SchoolFactory, UserFactory

pytestmark = pytest.mark.browser

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _upload_and_confirm(page, name: str, content: bytes) -> None:
    """The roster import: upload, read the preview, confirm."""
    page.set_input_files("input[name=file]", files=[{"name": name, "mimeType": XLSX, "buffer": content}])
    page.click("main form[enctype] button[type=submit]")
    settle(page)
    page.click("main form[action$='confirm/'] button.btn-success:not([formaction])")
    settle(page)


def _open_step(page, program: Program, key: str) -> None:
    page.goto(reverse("program_setup", args=[program.pk]))
    settle(page)
    assert page.locator(f"[data-step={key}]").get_attribute("data-status") == "todo"
    page.locator(f"[data-step={key}] a.btn-success").click()
    settle(page)


def test_a_new_school_goes_from_dapodik_exports_to_a_planned_program(laptop, transactional_db):
    page = laptop
    school = SchoolFactory(name="SMP Negeri 3 Contoh", district=DistrictFactory(name="Kabupaten Contoh"))
    MembershipFactory(user=UserFactory(username="fasilitator"), school=school, role="facilitator")
    # The program starts next Monday: the dashboard shows its first week's planned sessions, whatever today is.
    monday = timezone.localdate() + dt.timedelta(days=7 - timezone.localdate().weekday())
    times: dict[str, float] = {}
    started = time.monotonic()

    def lap(step: str) -> None:
        nonlocal started
        times[step] = time.monotonic() - started
        started = time.monotonic()

    sign_in(page, "fasilitator")
    page.goto(reverse("program_create"))
    settle(page)
    page.fill("input[name=name]", "Komunitas Belajar 2027")
    page.fill("input[name=start_date]", monday.isoformat())
    page.click("main form button[type=submit]")
    settle(page)
    program = Program.objects.get(name="Komunitas Belajar 2027")
    assert page.url.endswith(reverse("program_setup", args=[program.pk]))
    lap("program created")

    _open_step(page, program, "roster")
    _upload_and_confirm(page, "daftar_pd.xlsx", daftar_pd_xlsx(DEMO_STUDENTS))
    students = Person.objects.filter(school=school, kind=PersonKind.STUDENT)
    assert students.count() == len(DEMO_STUDENTS)
    assert Person.objects.filter(school=school, kind=PersonKind.PARENT, guardian_of__isnull=False).exists()
    lap("students and parents (Daftar PD)")

    _open_step(page, program, "teachers")
    _upload_and_confirm(page, "daftar_gtk.xlsx", daftar_gtk_xlsx(DEMO_STAFF))
    teachers = Person.objects.filter(school=school, kind=PersonKind.TEACHER)
    assert teachers.count() == 5 and Person.objects.filter(school=school, kind=PersonKind.PRINCIPAL).count() == 1
    lap("teachers (staff list)")

    _open_step(page, program, "schedule")
    page.click("button[value=preview]")
    settle(page)
    page.click("button[value=plan]")
    settle(page)
    assert page.url.endswith(reverse("schedule", args=[program.pk]))
    assert program.sessions.count() >= program.weeks  # at least the forum every week
    lap("schedule from templates")

    _open_step(page, program, "accounts")
    page.click("main form button[type=submit]")
    settle(page)
    # The teachers; the principal's account is the principal's to give (a facilitator may not make a principal)
    assert page.locator("[data-testid=created-account]").count() == teachers.count()
    assert not teachers.filter(user__isnull=True).exists()
    page.click(f"main a[href='{reverse('staff_accounts_sheet', args=[program.pk])}']")
    settle(page)
    assert page.locator("[data-testid=slip]").count() == teachers.count()
    lap("teachers' accounts and sign-in sheet")

    _open_step(page, program, "baseline")
    page.click("main form button[type=submit]")
    settle(page)
    assert page.locator("[data-testid=baseline-ready]").is_visible()
    lap("baseline questionnaires")

    page.goto(reverse("program_setup", args=[program.pk]))
    settle(page)
    assert set(page.locator("[data-step]").evaluate_all("items => items.map(i => i.dataset.status)")) == {"done"}
    page.goto(reverse("program_dashboard", args=[program.pk]))
    settle(page)
    assert not page.locator("[data-testid=setup-card]").count()  # nothing left to do
    held, planned = page.inner_text("[data-testid=week-held]").split("/")
    assert held.strip() == "0" and int(planned) > 0  # the first week's sessions, planned
    lap("dashboard")
    print("\nFirst run, step by step (seconds):", {step: round(seconds, 1) for step, seconds in times.items()})
