"""The evaluation in a real browser at phone size (390 px, Indonesian): a facilitator records an observation from a
session's page, and a parent answers a questionnaire through its public link without an account. Elements are
found by address, role or data-testid, so the tests hold whatever the interface language."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from evaluation.models import InstrumentKind, ItemType, Phase, QuestionnaireLink, Response
from evaluation.starter import starter_instruments_load
from forums.tests.factories import ForumSessionFactory
from komunitas.models import PersonKind
from komunitas.testing import assert_fits, settle, sign_in

pytestmark = pytest.mark.browser

PHONE_WIDTH = 390


def no_sideways_scroll(page) -> None:
    assert_fits(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE_WIDTH


def test_a_facilitator_records_an_observation_from_the_session_page(phone, live_program):
    program = live_program
    instruments = {instrument.title: instrument for instrument in starter_instruments_load(program)}
    sheet = next(
        i for i in instruments.values() if i.kind == InstrumentKind.OBSERVATION and i.audience == PersonKind.TEACHER
    )
    forum = ForumSessionFactory(
        session__program=program, session__date=timezone.localdate(), session__status="held",
        session__title="Berbagi praktik: tiket keluar",
    )  # fmt: skip
    session = forum.session
    sign_in(phone, "fasilitator")

    phone.goto(session.page_url)
    settle(phone)
    no_sideways_scroll(phone)
    observe = reverse("evaluation:observe", args=[program.pk, session.pk])
    phone.click(f"main a[href='{observe}']")  # "Record an observation"
    settle(phone)  # two observation sheets: the page asks which
    no_sideways_scroll(phone)
    record = reverse("evaluation:record", args=[program.pk, sheet.pk])
    phone.click(f"main a[href='{record}?session={session.pk}']")
    settle(phone)
    no_sideways_scroll(phone)

    form = phone.get_by_test_id("record-form")
    required = [item for item in sheet.items.all() if item.required]
    assert required and all(item.type == ItemType.LIKERT for item in required)
    for item in required:
        choice = form.locator(f"input[name=item_{item.pk}][value='3']")
        choice.check()
        assert choice.is_checked()
    form.locator("button[type=submit]").click()
    settle(phone)

    assert phone.url.endswith(session.page_url)
    response = Response.objects.get(instrument=sheet)
    assert response.session_id == session.pk
    assert response.date == session.date and response.phase == Phase.WEEKLY
    assert sorted(response.answers.values_list("item_id", "value")) == sorted((item.pk, 3.0) for item in required)


def test_a_parent_answers_a_questionnaire_through_its_link(phone, live_program):
    program = live_program
    starter_instruments_load(program)
    questionnaire = program.instruments.get(kind=InstrumentKind.QUESTIONNAIRE, audience=PersonKind.PARENT)
    link = QuestionnaireLink.objects.create(
        instrument=questionnaire, phase=Phase.BASELINE, expires_at=timezone.now() + dt.timedelta(days=3)
    )

    phone.goto(link.get_absolute_url())  # no sign-in
    settle(phone)
    no_sideways_scroll(phone)
    assert questionnaire.title in phone.locator("h1").inner_text()
    form = phone.locator("main form")
    for item in questionnaire.items.all():
        if item.type == ItemType.LIKERT:
            # tap the choice's label: the whole box is the target
            form.locator(f"label[for='id_item_{item.pk}_1']").click()
            assert form.locator(f"#id_item_{item.pk}_1").is_checked()
        else:
            form.locator(f"textarea[name=item_{item.pk}]").fill("Semoga anak makin semangat belajar.")
    form.locator("button[type=submit]").click()
    settle(phone)
    no_sideways_scroll(phone)

    assert phone.url.endswith(f"{link.get_absolute_url()}?sent=1")  # after a redirect: reloading sends nothing
    assert phone.locator("script").count() == 0
    assert "<script" not in phone.content()
    assert phone.locator("main .notice").count() == 1 and phone.locator("form").count() == 0  # thanks, no form
    saved = Response.objects.get(link=link)
    assert saved.respondent is None and saved.phase == Phase.BASELINE
    assert saved.answers.count() == questionnaire.items.count()
    likert = saved.answers.filter(item__type=ItemType.LIKERT).values_list("value", flat=True)
    assert set(likert) == {4.0}  # the second choice of the 5–1 scale


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_every_evaluation_page_is_accessible_and_fits(request, size, live_program):
    """Each page of the section, with answers in it, passes the accessibility check and fits the screen."""
    from evaluation import services
    from evaluation.tests.conftest import answer_all
    from komunitas.testing import visit_each

    program = live_program
    instruments = starter_instruments_load(program)
    questionnaire = next(i for i in instruments if i.kind == InstrumentKind.QUESTIONNAIRE)
    for phase in (Phase.BASELINE, Phase.ENDLINE):
        services.response_record(
            instrument=questionnaire, answers=answer_all(questionnaire), phase=phase, date=program.start_date
        )
    link = QuestionnaireLink.objects.create(
        instrument=questionnaire, phase=Phase.ENDLINE, expires_at=timezone.now() + dt.timedelta(days=3)
    )
    response = questionnaire.responses.first()
    page = request.getfixturevalue(size)
    sign_in(page, "fasilitator")
    names = ["index", "aspect_list", "aspect_create", "instrument_create", "instrument_import", "response_list",
             "triangulation", "summary", "gallery"]  # fmt: skip
    urls = [reverse(f"evaluation:{name}", args=[program.pk]) for name in names]
    urls += [
        reverse("evaluation:instrument_detail", args=[program.pk, questionnaire.pk]),
        reverse("evaluation:link_list", args=[program.pk, questionnaire.pk]),
        reverse("evaluation:record", args=[program.pk, questionnaire.pk]),
        reverse("evaluation:response_detail", args=[program.pk, response.pk]),
        link.get_absolute_url(),
    ]
    if size == "desktop":  # the print layout (A4 landscape) as HTML: not a page for a phone
        urls.append(reverse("evaluation:summary_pdf", args=[program.pk]) + "?html=1")
    visit_each(page, urls)
