"""The self check-in end to end in a real browser: the facilitator opens a link for today's class; a parent opens it
on a phone, picks their name and sees the thank-you page; another, not on the list, writes their name; the
facilitator sees the first present and confirms the second. Every page passes the accessibility check."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from komunitas.models import Attendance, Participant, Person, PersonKind, Session
from komunitas.testing import assert_fits, settle, sign_in
from parents.models import PARENT_CLASS, CheckInLink, ParentClass

pytestmark = pytest.mark.browser


@pytest.fixture
def todays_class(live_program):
    school = live_program.school
    for parent_name, child_name, class_name in [("Ibu Sari Wulandari", "Ani", "7A"), ("Bapak Joko", "Budi", "8B")]:
        child = Person.objects.create(school=school, name=child_name, kind=PersonKind.STUDENT, class_name=class_name)
        parent = Person.objects.create(school=school, name=parent_name, kind=PersonKind.PARENT)
        parent.guardian_of.add(child)
        for person in (child, parent):
            Participant.objects.create(program=live_program, person=person, role=person.kind)
    session = Session.objects.create(
        program=live_program, kind=PARENT_CLASS, title="Kelas inspirasi: Mendampingi belajar",
        date=timezone.localdate(), start_time=dt.time(9), end_time=dt.time(11), place="Aula sekolah",
    )  # fmt: skip
    ParentClass.objects.create(session=session)
    return session


def test_a_parent_checks_in_on_a_phone_and_the_facilitator_sees_them_present(phone, desktop, todays_class):
    program_id, session = todays_class.program_id, todays_class
    check_in_page = reverse("parents:check_in", args=[program_id, session.pk])

    sign_in(desktop, "fasilitator")
    desktop.goto(check_in_page)
    settle(desktop)
    desktop.click("[data-testid=open-link] button[type=submit]")
    settle(desktop)
    link = CheckInLink.objects.get(session=session)
    desktop.goto(reverse("parents:check_in_screen", args=[program_id, session.pk, link.pk]))
    settle(desktop)
    assert f"/c/{link.token}/" in desktop.locator("main").inner_text()

    # A parent scans the code: no account, a phone, a name picker with first names and classes only.
    phone.goto(link.get_absolute_url())
    settle(phone)
    assert_fits(phone)
    options = phone.locator("select[name=parent] option").all_inner_texts()
    assert "Sari — 7A" in options and "Joko — 8B" in options
    assert "Wulandari" not in phone.content()
    phone.select_option("select[name=parent]", label="Sari — 7A")
    phone.click("main form button[type=submit]")
    settle(phone)
    assert phone.get_by_test_id("thanks").is_visible()
    sari = Person.objects.get(name="Ibu Sari Wulandari")
    assert Attendance.objects.get(session=session, person=sari).status == "present"

    # Another parent, not on the list, on their own phone.
    origin = phone.url.split("/c/")[0]
    other = phone.context.browser.new_context(viewport={"width": 390, "height": 844}, base_url=origin)
    try:
        page = other.new_page()
        page.goto(link.get_absolute_url())
        page.click("a[href='?add=1']")
        page.fill("input[name=name]", "Ibu Maya <Putri> 🌸")
        page.fill("input[name=child_class]", "9C")
        page.click("main form button[type=submit]")
        page.wait_for_load_state()
        assert page.get_by_test_id("sent").is_visible()
    finally:
        other.close()

    # The facilitator sees Sari present and confirms Maya, who becomes a parent present at the class.
    desktop.goto(check_in_page)
    settle(desktop)
    assert "Ibu Sari Wulandari" in desktop.get_by_test_id("checked-in").inner_text()
    assert "Ibu Maya <Putri> 🌸" in desktop.locator("main").inner_text()
    desktop.locator("form[action$='/confirm/'] button[type=submit]").click()
    settle(desktop)
    maya = Person.objects.get(name="Ibu Maya <Putri> 🌸")
    assert maya.kind == PersonKind.PARENT
    assert Attendance.objects.get(session=session, person=maya).status == "present"
    desktop.goto(reverse("attendance_edit", args=[program_id, session.pk]))
    settle(desktop)
    assert desktop.locator(f"input[type=radio][value=present][name='p{sari.pk}']").is_checked()
