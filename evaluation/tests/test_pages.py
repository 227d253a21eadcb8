"""What the evaluation's pages show, and the bugs found by looking at them."""

import re

from django.urls import reverse

from evaluation import services
from evaluation.models import Phase

from .conftest import answer_all


def test_the_overview_counts_each_instruments_responses_once(client, world):
    """Counting responses beside items multiplied them (20 responses of 9 items showed as 180)."""
    questionnaire = world["questionnaire"]
    for person_phase in (Phase.ENDLINE, Phase.WEEKLY):
        services.response_record(
            instrument=questionnaire, answers=answer_all(questionnaire), phase=person_phase, date=world["session"].date
        )
    client.force_login(world["users"]["facilitator"])
    html = client.get(reverse("evaluation:index", args=[world["program"].pk])).content.decode()
    entry = re.search(rf'fw-semibold">{re.escape(questionnaire.title)}</span>.*?(\d+) responses?', html, re.S)
    assert entry and entry.group(1) == "3"  # the teacher's baseline and the two above


def test_a_links_qr_code_is_an_svg_document_a_browser_shows_as_an_image(client, world):
    """An inline SVG fragment (no xmlns) showed as a broken image."""
    client.force_login(world["users"]["facilitator"])
    response = client.get(reverse("evaluation:link_qr", args=[world["program"].pk, world["link"].pk]))
    assert response["Content-Type"] == "image/svg+xml"
    assert b'xmlns="http://www.w3.org/2000/svg"' in response.content


def test_every_session_page_offers_to_record_an_observation_to_those_who_may(client, world):
    session = world["session"]
    url = reverse("session_detail", args=[world["program"].pk, session.pk])
    observe = reverse("evaluation:observe", args=[world["program"].pk, session.pk])
    for role, shown in [("teacher", True), ("facilitator", True), ("principal", False), ("district_officer", False)]:
        client.force_login(world["users"][role])
        assert (observe in client.get(url).content.decode()) is shown, role


def test_a_new_link_proposes_the_next_phase(client, world):
    client.force_login(world["users"]["facilitator"])
    page = client.get(reverse("evaluation:link_list", args=[world["program"].pk, world["parents_questionnaire"].pk]))
    assert page.context["form"].initial["phase"] == Phase.ENDLINE  # the world has a baseline link already
    # Closing a link cannot be undone: the browser asks first (komunitas.js, data-confirm).
    revoke = reverse("evaluation:link_revoke", args=[world["program"].pk, world["link"].pk])
    assert f'action="{revoke}" data-confirm="Close this link?' in page.content.decode()


def test_a_program_with_no_activity_has_no_activity_evidence(program):
    """Forum figures were 0 in weeks without a forum, so an empty program showed "0 → 0" as evidence for two
    aspects — a second source that hid the "not triangulated" flag."""
    from evaluation.analysis import program_evaluation

    for row in program_evaluation(program):
        assert row.activity == [] and row.single_source, row.aspect.name
