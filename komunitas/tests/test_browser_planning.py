"""A facilitator plans the program from templates in the browser: leaves one out, previews, plans, and finds the
sessions on the schedule."""

import pytest
from django.urls import reverse
from django.utils import translation

from komunitas.testing import settle, sign_in

pytestmark = pytest.mark.browser


def _in_indonesian(*texts):
    """The browser reads the pages in Indonesian; titles are stored in the language of planning."""
    with translation.override("id"):
        return [translation.gettext(text) for text in texts]


def test_a_facilitator_plans_the_program_from_templates(desktop, live_program):
    page = desktop
    forum, lesson, parents, club = _in_indonesian(
        "Teacher forum", "Open lesson", "Parent inspiration class", "Project club meeting"
    )
    sign_in(page, "fasilitator")
    page.goto(reverse("schedule", args=[live_program.pk]))
    settle(page)
    assert page.locator("[data-testid=schedule-empty]").is_visible()  # nothing planned yet: the way to the page
    page.locator("[data-testid=schedule-empty] a").click()
    settle(page)
    assert page.url.endswith(reverse("schedule_plan", args=[live_program.pk]))

    page.uncheck("input[name='lessonstudy_cycles-include']")
    page.fill("input[name=place]", "Aula sekolah")
    page.click("button[value=preview]")
    settle(page)
    preview = page.locator("[data-testid=preview]")
    assert forum in preview.inner_text() and lesson not in preview.inner_text()
    assert not live_program.sessions.exists()  # a preview writes nothing
    planned = page.locator("button[value=plan]").inner_text()

    page.click("button[value=plan]")
    settle(page)
    assert page.url.endswith(reverse("schedule", args=[live_program.pk]))
    count = live_program.sessions.count()
    assert count and str(count) in planned
    main = page.inner_text("main")
    assert forum in main and parents in main and club in main
    assert not live_program.sessions.filter(kind__in=["open_lesson", "ls_reflection"]).exists()
    assert not page.locator("[data-testid=schedule-empty]").count()
