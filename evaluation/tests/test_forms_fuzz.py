"""Every form of the evaluation takes any input: saved, or shown again with an error — never a 500. And the public
questionnaire, posted anything by anyone: the form again with an error, or the thank-you page."""

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from evaluation.models import Instrument, InstrumentKind, Item, ItemType
from komunitas import services as core
from komunitas.models import CycleTemplate, PersonKind
from komunitas.testing_forms import FormPage, _as_post, field_values, form_fields, form_fuzz_test
from komunitas.tests.factories import START

PAGES = [
    FormPage("evaluation:aspect_create"),
    FormPage("evaluation:aspect_edit", {"pk": "aspect"}),
    FormPage("evaluation:instrument_create"),
    FormPage("evaluation:instrument_edit", {"pk": "fresh"}),
    FormPage("evaluation:instrument_edit", {"pk": "questionnaire"}, role="superuser"),  # locked: scale disabled
    FormPage("evaluation:instrument_import"),
    FormPage("evaluation:item_create", {"pk": "fresh"}),
    FormPage("evaluation:item_edit", {"pk": "item"}),
    FormPage("evaluation:link_list", {"pk": "parents_questionnaire"}),
    FormPage("evaluation:baseline"),
    FormPage("evaluation:record", {"pk": "observation"}, role="teacher"),
    FormPage("evaluation:record", {"pk": "interview"}),
    FormPage("evaluation:record", {"pk": "parents_questionnaire"}, role="superuser"),  # a paper questionnaire
    FormPage("evaluation:answer_mine", {"pk": "questionnaire"}, role="teacher"),
    FormPage("evaluation:response_edit", {"pk": "observed"}),
    FormPage("evaluation:response_edit", {"pk": "mine"}, role="teacher"),
]


@pytest.fixture
def world(world):
    """…and another program of the school with an instrument, so that the import page has a form."""
    other = core.program_create(
        school=world["program"].school, name="Program kedua", start_date=START, weeks=6, cycle=CycleTemplate.STUDY
    )
    elsewhere = Instrument.objects.create(
        program=other, kind=InstrumentKind.QUESTIONNAIRE, title="Angket lama", audience=PersonKind.TEACHER
    )
    Item.objects.create(instrument=elsewhere, text="Saya senang.", type=ItemType.LIKERT)
    return world


test_forms_take_any_input = form_fuzz_test(PAGES)


# --- the public questionnaire ----------------------------------------------------------------------------------

THANKS = "Thank you! Your answers have been sent."
ERRORS = ("answer-error", "alert-danger")


@pytest.fixture
def mixed_link(world):
    """The parents' link, its questionnaire with an item of every type (some optional)."""
    instrument = world["parents_questionnaire"]
    order = instrument.items.count()
    for number, (kind, required) in enumerate(
        [
            (ItemType.YES_NO, True),
            (ItemType.NUMBER, False),
            (ItemType.SHORT_TEXT, False),
            (ItemType.LONG_TEXT, False),
        ],
        start=1,
    ):
        Item.objects.create(
            instrument=instrument, order=order + number, text=f"Soal {number}", type=kind, required=required
        )
    return world["link"]


def test_the_public_questionnaire_takes_any_input(client, mixed_link):
    Instrument.objects.filter(pk=mixed_link.instrument_id).update(once_per_device=True)  # thanks, or "already"
    url = reverse("questionnaire_public", args=[mixed_link.token])
    fields = form_fields(client.get(url).content.decode(), url, url)
    assert {name for name in fields if name.startswith("item_")}, "no items on the public form"

    @settings(
        max_examples=40,
        deadline=None,
        derandomize=True,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(values=field_values(fields), fresh_device=st.booleans())
    def post(values, fresh_device):
        if fresh_device:
            client.cookies.clear()
        response = client.post(url, _as_post(values), follow=True)  # thanks come after a redirect
        assert response.status_code == 200, response.status_code
        thanked = "evaluation/public_done.html" in [template.name for template in response.templates]
        html = response.content.decode()
        assert thanked or any(mark in html for mark in ERRORS), f"neither thanks nor an error for {values!r}"

    post()


@pytest.mark.parametrize(
    "value",
    ["", "9", "-1", "4.5", "1e309", "NaN", "\x00", "<script>", "9" * 40, "4\x00"],
    ids=repr,
)
def test_a_likert_answer_outside_the_scale_is_refused(client, world, value):
    link = world["link"]
    item = world["parents_questionnaire"].items.filter(type=ItemType.LIKERT).first()
    response = client.post(reverse("questionnaire_public", args=[link.token]), {f"item_{item.pk}": value})
    assert response.status_code == 200
    assert THANKS not in response.content.decode()
    assert not link.responses.exists()


@pytest.mark.parametrize("value", ["1e309", "-1e309", "NaN", "inf", "2e9", "\x00", "1" * 400])
def test_a_number_no_school_means_is_refused(client, mixed_link, value):
    instrument = mixed_link.instrument
    number = instrument.items.get(type=ItemType.NUMBER)
    data = {f"item_{item.pk}": "4" for item in instrument.items.filter(type=ItemType.LIKERT)}
    data[f"item_{instrument.items.get(type=ItemType.YES_NO).pk}"] = "1"
    data[f"item_{number.pk}"] = value
    response = client.post(reverse("questionnaire_public", args=[mixed_link.token]), data)
    assert response.status_code == 200
    assert "answer-error" in response.content.decode()
    assert not mixed_link.responses.exists()


# --- regressions ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("scale", ["0 = Baik\n-1 = Cukup\n-2 = Kurang", "-1 = Baik\n-4 = Kurang"])
def test_a_scale_whose_top_is_not_above_zero_is_refused(client, world, scale):
    """The score index is the mean as a share of the scale's top: a top of 0 divided by zero (the summary
    table answered 500 once an observation was recorded with such a sheet)."""
    from komunitas.testing import form_values

    program, fresh = world["program"], world["fresh"]
    client.force_login(world["users"]["facilitator"])
    url = reverse("evaluation:instrument_edit", args=[program.pk, fresh.pk])
    data = {**form_values(client.get(url).content.decode()), "scale_text": scale}
    response = client.post(url, data)
    assert response.status_code == 200
    assert "The highest point of a scale must be above zero." in response.context["form"].errors["scale_text"]
    fresh.refresh_from_db()
    assert fresh.scale_values == [5, 4, 3, 2, 1]
    data["scale_text"] = "2 = Setuju\n0 = Netral\n-2 = Tidak setuju"  # negative points below a positive top are fine
    assert client.post(url, data).status_code == 302
    fresh.refresh_from_db()
    assert fresh.scale_values == [2, 0, -2]
