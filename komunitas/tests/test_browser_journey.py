"""The facilitator's main journey in a real browser, at phone size: sign in, plan a session, take
attendance, and see it counted on the program page."""

import pytest
from django.utils import timezone

from komunitas.models import Session
from komunitas.testing import settle, sign_in

pytestmark = pytest.mark.browser


def test_facilitator_plans_a_session_takes_attendance_and_sees_it_on_the_dashboard(phone, live_program):
    sign_in(phone, "fasilitator")
    assert phone.url.endswith(f"/programs/{live_program.pk}/")

    phone.goto(f"/programs/{live_program.pk}/sessions/new/")
    settle(phone)
    phone.select_option("select[name=kind]", "reflection")
    phone.fill("input[name=title]", "Refleksi bersama")
    phone.fill("input[name=date]", timezone.localdate().isoformat())
    phone.fill("input[name=start_time]", "13:30")
    phone.fill("input[name=end_time]", "15:00")
    phone.fill("input[name=place]", "Ruang guru")
    phone.click("main form button[type=submit]")
    settle(phone)
    session = Session.objects.get(title="Refleksi bersama")
    assert phone.url.endswith(session.get_absolute_url())

    phone.click(f"a[href='/programs/{live_program.pk}/sessions/{session.pk}/attendance/']")
    settle(phone)
    phone.locator(".attendance-row").nth(2).locator("label").nth(1).click()  # the third teacher is absent
    phone.click("[data-mark-all=present]")  # everyone else: a mark already given is kept
    phone.click("main form button[type=submit]")
    settle(phone)
    assert "2" in phone.locator("main").inner_text()

    phone.goto(f"/programs/{live_program.pk}/")
    settle(phone)
    assert phone.get_by_test_id("week-held").inner_text().startswith("1")
    assert "Refleksi bersama" in phone.locator("main").inner_text()
    session.refresh_from_db()
    assert session.status == "held"
    assert sorted(session.attendance.values_list("status", flat=True)) == ["absent", "present", "present"]
