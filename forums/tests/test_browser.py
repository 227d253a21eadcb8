"""A teacher's journey in a real browser at phone size: sign in, log a forum session with attendance, and find it
in the list, on their own page and in the program page's chart."""

import pytest
from django.utils import timezone

from forums.models import ForumSession
from komunitas.testing import settle, sign_in

pytestmark = pytest.mark.browser


def test_teacher_logs_a_forum_session_and_finds_it_everywhere(phone, live_program):
    program = live_program
    sign_in(phone, "guru01")
    assert phone.url.endswith(f"/programs/{program.pk}/")

    phone.click("nav.navbar .navbar-toggler")
    phone.click(f"a[href='/programs/{program.pk}/forums/']")
    settle(phone)
    phone.click(f"a[href='/programs/{program.pk}/forums/new/']")
    settle(phone)
    phone.fill("input[name=title]", "Tiket keluar untuk asesmen formatif")
    assert phone.input_value("input[name=date]") == timezone.localdate().isoformat()  # today, already filled in
    phone.fill("input[name=start_time]", "13:30")
    phone.fill("input[name=end_time]", "15:00")
    phone.fill("input[name=place]", "Ruang guru")
    phone.check("input[name=format][value=plenary]")
    phone.select_option("select[name=topic_category]", "assessment")
    presenter = f"input[name=presenters][value='{program.school.people.get(name='Siti Aminah').pk}']"
    assert not phone.is_checked(presenter)  # nothing is chosen for anyone
    phone.check(presenter)
    phone.fill("textarea[name=practice]", "Tiket keluar di akhir pelajaran.\n\n- Satu pertanyaan\n- Dua menit")
    phone.fill("input[name='rtl-0-action']", "Mencoba tiket keluar di kelas 8A")
    phone.click("[data-mark-all=present]")
    phone.locator(".attendance-row").nth(0).locator("label").nth(1).click()  # Budi Santoso is absent
    phone.click("form[data-testid=forum-form] button[type=submit]")
    settle(phone)

    forum = ForumSession.objects.select_related("session").get()
    assert phone.url.endswith(f"/programs/{program.pk}/forums/{forum.pk}/")
    assert "2" in phone.get_by_test_id("attendance-counts").inner_text()
    assert "Siti Aminah" in phone.get_by_test_id("presenters").inner_text()

    phone.goto(f"/programs/{program.pk}/forums/")
    settle(phone)
    assert "Tiket keluar untuk asesmen formatif" in phone.get_by_test_id("forum-list").inner_text()

    phone.get_by_test_id("forum-list").get_by_role("link", name="Siti Aminah").click()
    settle(phone)
    assert "Tiket keluar untuk asesmen formatif" in phone.get_by_test_id("presentations").inner_text()

    phone.goto(f"/programs/{program.pk}/")
    settle(phone)
    panel = phone.get_by_test_id("forum-panel")
    chart = panel.locator("svg[data-chart=forum-participation]")
    assert chart.is_visible() and panel.locator("svg[data-chart=forum-methods]").is_visible()
    assert "1: 2/3" in chart.locator("desc").text_content()
    panel.locator("#forum-participation-data summary").click()
    row = panel.get_by_test_id("forum-participation-table").locator("tbody tr").first
    assert row.inner_text().split()[:3] == ["1", "2/3", "67%"]
    # The chart fits the phone's width: no sideways scrolling.
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    assert forum.session.attendance.filter(status="present").count() == 2
