"""Every page of the navigation, at desktop and phone width, passes the accessibility check (axe-core: no
serious or critical violation) and fits the screen — the core's pages and each registered activity's."""

import pytest
from django.urls import reverse

from komunitas import activities, services
from komunitas.models import Person, PersonKind, Session
from komunitas.testing import jpeg_bytes, settle, sign_in, visit_each
from komunitas.uploads import CleanFile

pytestmark = pytest.mark.browser


@pytest.fixture
def session(live_program):
    """A held session with attendance and a photo, and a student on the roster."""
    program = live_program
    student = Person.objects.create(
        school=program.school, name="Ani Lestari", kind=PersonKind.STUDENT, class_name="7A", identifier="2425001"
    )
    services.participants_set(program=program, people=[student], participating=True)
    session = Session.objects.create(
        program=program, kind="other", title="Rapat komunitas", date=program.start_date, status="held"
    )
    services.attendance_record(session=session, statuses={p.pk: "present" for p in Person.objects.all()})
    services.attachment_add(
        session=session,
        clean=CleanFile(jpeg_bytes((400, 300)), "image/jpeg", "jpg"),
        original_name="rapat.jpg",
        caption="Rapat",
        people=[],
        user=None,
    )
    return session


def _pages(program, session):
    urls = [
        reverse("program_dashboard", args=[program.pk]),
        reverse("schedule", args=[program.pk]),
        reverse("schedule_plan", args=[program.pk]),
        reverse("session_create", args=[program.pk]),
        session.get_absolute_url(),
        reverse("attendance_edit", args=[program.pk, session.pk]),
        reverse("attendance_print", args=[program.pk, session.pk]),
        reverse("people_list", args=[program.pk]),
        reverse("person_create", args=[program.pk]),
        reverse("people_import", args=[program.pk]),
        reverse("program_stages", args=[program.pk]),
        reverse("program_settings", args=[program.pk]),
        reverse("profile"),
        reverse("email_change"),
        reverse("staff_list", args=[program.pk]),
        reverse("staff_accounts", args=[program.pk]),
        reverse("staff_accounts_sheet", args=[program.pk]),
        reverse("audit_log", args=[program.pk]),
        reverse("audit_log", args=[program.pk]) + "?show=access",
        reverse("person_data", args=[program.pk, Person.objects.get(name="Ani Lestari").pk]),
        reverse("person_erase", args=[program.pk, Person.objects.get(name="Ani Lestari").pk]),
        reverse("people_list", args=[program.pk]) + "?archived=1",
        reverse("program_export", args=[program.pk]),
        reverse("school_edit", args=[program.pk]),
        reverse("report_page", args=[program.pk]),
        reverse("report_preview", args=[program.pk]),
        reverse("obstacle_list", args=[program.pk]),
        reverse("obstacle_create", args=[program.pk]),
    ]
    return urls + [reverse(activity.index_url_name, args=[program.pk]) for activity in activities.navigation()]


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_every_page_is_accessible_and_fits(request, size, live_program, session):
    page = request.getfixturevalue(size)
    sign_in(page, "fasilitator")
    visit_each(page, _pages(live_program, session))
    # Tables may scroll inside their box, but the roster's columns all fit (none out of sight on a phone).
    page.goto(reverse("people_list", args=[live_program.pk]))
    settle(page)
    assert page.evaluate("document.querySelector('main table').scrollWidth") <= page.viewport_size["width"]


def test_files_too_large_together_are_stopped_in_the_browser(phone, live_program, session, settings):
    """The server would refuse them unread (413) and the typed caption would be lost: the page says so first."""
    settings.REQUEST_MAX_BYTES = 2000
    sign_in(phone, "fasilitator")
    phone.goto(session.get_absolute_url())
    settle(phone)
    phone.set_input_files(
        "#add-file input[type=file]",
        files=[{"name": "besar.jpg", "mimeType": "image/jpeg", "buffer": jpeg_bytes((300, 300))}],
    )
    phone.fill("#add-file input[name=caption]", "Keterangan yang diketik")
    messages = []
    phone.once("dialog", lambda dialog: (messages.append(dialog.message), dialog.dismiss()))
    phone.click("#add-file button[type=submit]")
    assert messages and "terlalu besar" in messages[0]
    assert phone.input_value("#add-file input[name=caption]") == "Keterangan yang diketik"
    assert not session.attachments.filter(caption="Keterangan yang diketik").exists()


def test_a_locked_account_is_told_to_wait_and_the_facilitator_unlocks_it(phone, live_program):
    for _ in range(10):
        sign_in(phone, "guru01", "bukan-kata-sandinya")
    assert "Masuk ditangguhkan sementara" in phone.inner_text("main")
    sign_in(phone, "fasilitator")
    phone.goto(reverse("staff_list", args=[live_program.pk]))
    settle(phone)
    phone.get_by_role("button", name="Buka kunci").click()
    settle(phone)
    assert "dapat mencoba masuk lagi" in phone.inner_text("main")
    phone.context.clear_cookies()
    sign_in(phone, "guru01")
    assert phone.url.endswith(live_program.get_absolute_url())
