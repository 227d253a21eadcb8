"""The public questionnaire at /q/<token>/ (no account): answering, errors, closed links, once per device, the
rate limit per network. And instruments as the facilitator manages them: locked once answered, the scale's
rules, an editable copy, the starter instruments loaded once."""

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from evaluation.models import Answer, Instrument, InstrumentKind, Item, ItemType, Phase, Response
from evaluation.starter import STARTER_INSTRUMENTS, TABLE_1
from evaluation.views.links import DEVICE_COOKIE
from komunitas.testing import form_values

THANKS = "Thank you! Your answers have been sent."
AGAIN = "This phone has already answered this questionnaire."
CLOSED = "This questionnaire is closed"
BUSY = "Too many answers came from this network"
LOCKED = "its items and scale are locked"


def public_url(link) -> str:
    return reverse("questionnaire_public", args=[link.token])


def full_answers(link, value="4") -> dict:
    """Every item answered: Likert items ``value``, texts a sentence."""
    data = {}
    for item in link.instrument.items.all():
        data[f"item_{item.pk}"] = "Semoga sekolah makin maju." if item.type == ItemType.LONG_TEXT else value
    return data


@pytest.fixture
def link(world):
    return world["link"]


# --- answering --------------------------------------------------------------------------------------------------


def test_the_page_shows_the_items(client, link):
    response = client.get(public_url(link))
    assert response.status_code == 200
    html = response.content.decode()
    for item in link.instrument.items.all():
        assert item.text in html
    assert "Sangat Setuju (SS)" in html and "Send my answers" in html
    assert link.instrument.program.school.name in html
    assert "<script" not in html  # a tiny page that needs no JavaScript


def test_answering_saves_an_anonymous_response_of_the_links_phase(client, link):
    response = client.post(public_url(link), full_answers(link), follow=True)
    assert response.status_code == 200
    assert THANKS in response.content.decode()
    saved = Response.objects.get(link=link)
    assert saved.instrument == link.instrument
    assert saved.phase == link.phase == Phase.BASELINE
    assert saved.respondent is None and saved.created_by is None and saved.session is None
    assert saved.date == timezone.localdate()
    assert saved.answers.count() == link.instrument.items.count()
    likert = saved.answers.filter(item__type=ItemType.LIKERT)
    assert {answer.value for answer in likert} == {4.0}
    assert saved.answers.get(item__type=ItemType.LONG_TEXT).text == "Semoga sekolah makin maju."
    # the device cookie is set, and stored only as a digest
    cookie = client.cookies[DEVICE_COOKIE]
    assert cookie.value and cookie["httponly"]
    assert saved.device and saved.device != cookie.value
    assert saved.network and "127.0.0.1" not in saved.network


def test_an_optional_item_may_be_left_blank(client, link):
    data = full_answers(link)
    optional = link.instrument.items.get(required=False)
    del data[f"item_{optional.pk}"]
    assert THANKS in client.post(public_url(link), data, follow=True).content.decode()
    assert not Answer.objects.filter(item=optional).exists()  # no answer, never an empty one


def test_a_missing_required_answer_is_a_field_error_and_saves_nothing(client, link):
    data = full_answers(link)
    first = link.instrument.items.order_by("order").first()
    del data[f"item_{first.pk}"]
    response = client.post(public_url(link), data, follow=True)
    assert response.status_code == 200
    html = response.content.decode()
    assert f'id="id_item_{first.pk}_error"' in html
    assert "Choose one answer." in html  # in words a parent understands
    assert THANKS not in html
    assert not Response.objects.filter(link=link).exists()
    # what was answered is still ticked
    second = link.instrument.items.order_by("order")[1]
    assert form_values(html)[f"item_{second.pk}"] == "4"


@pytest.mark.parametrize("value", ["7", "0", "-1", "4.5", "SS", ""])
def test_a_likert_value_outside_the_scale_is_an_error(client, link, value):
    data = full_answers(link)
    first = link.instrument.items.order_by("order").first()
    data[f"item_{first.pk}"] = value
    response = client.post(public_url(link), data, follow=True)
    assert response.status_code == 200
    assert f'id="id_item_{first.pk}_error"' in response.content.decode()
    assert not Response.objects.filter(link=link).exists()


def test_an_unknown_token_is_not_found(client, db):
    assert client.get(reverse("questionnaire_public", args=["no-such-token"])).status_code == 404


def test_an_expired_link_is_closed_and_saves_nothing(client, link):
    link.expires_at = timezone.now() - dt.timedelta(minutes=1)
    link.save()
    response = client.get(public_url(link))
    assert response.status_code == 410 and CLOSED in response.content.decode()
    response = client.post(public_url(link), full_answers(link), follow=True)
    assert response.status_code == 410 and CLOSED in response.content.decode()
    assert not Response.objects.filter(link=link).exists()


def test_a_revoked_link_is_closed(client, link, facilitator):
    client.force_login(facilitator)
    program = link.instrument.program
    assert client.post(reverse("evaluation:link_revoke", args=[program.pk, link.pk])).status_code == 302
    client.logout()
    response = client.post(public_url(link), full_answers(link), follow=True)
    assert response.status_code == 410 and CLOSED in response.content.decode()
    assert not Response.objects.filter(link=link).exists()


def test_once_per_device_refuses_a_second_answer_from_the_same_phone(client, link, db):
    Instrument.objects.filter(pk=link.instrument_id).update(once_per_device=True)
    assert THANKS in client.post(public_url(link), full_answers(link), follow=True).content.decode()
    # the same phone (its cookie): the page says it has answered, on opening and on sending
    assert AGAIN in client.get(public_url(link)).content.decode()
    response = client.post(public_url(link), full_answers(link, "2"), follow=True)
    assert AGAIN in response.content.decode() and THANKS not in response.content.decode()
    assert Response.objects.filter(link=link).count() == 1
    # another phone may answer
    other = Client()
    assert THANKS in other.post(public_url(link), full_answers(link, "3"), follow=True).content.decode()
    assert Response.objects.filter(link=link).count() == 2


def test_without_once_per_device_a_phone_may_answer_again(client, link):
    for _ in range(2):
        assert THANKS in client.post(public_url(link), full_answers(link), follow=True).content.decode()
    assert Response.objects.filter(link=link).count() == 2


def test_the_rate_limit_per_network(client, link, settings):
    settings.QUESTIONNAIRE_PER_NETWORK = 2
    for number in range(2):
        phone = Client()  # a different phone each time, on the same school network
        assert THANKS in phone.post(public_url(link), full_answers(link), follow=True).content.decode(), number
    response = Client().post(public_url(link), full_answers(link))
    assert response.status_code == 429
    assert BUSY in response.content.decode()
    assert Response.objects.filter(link=link).count() == 2
    # another network is not held up
    elsewhere = Client(REMOTE_ADDR="10.1.2.3")
    assert THANKS in elsewhere.post(public_url(link), full_answers(link), follow=True).content.decode()
    assert Response.objects.filter(link=link).count() == 3


# --- instruments: locked once answered ------------------------------------------------------------------------


@pytest.fixture
def manager(client, facilitator):
    client.force_login(facilitator)
    return client


def test_an_answered_instrument_refuses_item_changes(manager, world):
    program, questionnaire = world["program"], world["questionnaire"]
    item = questionnaire.items.order_by("order").first()
    before = list(questionnaire.items.values_list("pk", "text", "type", "reverse", "order"))
    detail = questionnaire.get_absolute_url()
    edit = reverse("evaluation:item_edit", args=[program.pk, item.pk])
    create = reverse("evaluation:item_create", args=[program.pk, questionnaire.pk])
    delete = reverse("evaluation:item_delete", args=[program.pk, item.pk])
    for method, url, data in [
        ("get", edit, None),
        ("post", edit, {"text": "Diubah", "type": ItemType.YES_NO, "order": 1}),
        ("get", create, None),
        ("post", create, {"text": "Butir baru", "type": ItemType.LIKERT, "order": 99}),
        ("get", delete, None),
        ("post", delete, {}),
    ]:
        response = getattr(manager, method)(url, data)
        assert response.status_code == 302 and response.url == detail, (method, url)
        page = manager.get(response.url).content.decode()
        assert LOCKED in page, (method, url)
    assert list(questionnaire.items.values_list("pk", "text", "type", "reverse", "order")) == before


def test_a_locked_instruments_scale_and_kind_do_not_change(manager, world):
    program, questionnaire = world["program"], world["questionnaire"]
    url = reverse("evaluation:instrument_edit", args=[program.pk, questionnaire.pk])
    data = form_values(manager.get(url).content.decode())
    data.update(title="Angket Guru (judul baru)", scale_text="1 = Ya\n0 = Tidak", kind=InstrumentKind.OBSERVATION)
    response = manager.post(url, data)
    assert response.status_code == 302
    questionnaire.refresh_from_db()
    assert questionnaire.title == "Angket Guru (judul baru)"  # the rest may change
    assert questionnaire.scale_values == [5, 4, 3, 2, 1]
    assert questionnaire.kind == InstrumentKind.QUESTIONNAIRE


def test_an_unanswered_instruments_scale_may_change(manager, world):
    program, fresh = world["program"], world["fresh"]
    url = reverse("evaluation:instrument_edit", args=[program.pk, fresh.pk])
    data = form_values(manager.get(url).content.decode())
    data["scale_text"] = "4 = Selalu\n3 = Sering\n2 = Jarang\n1 = Tidak pernah"
    assert manager.post(url, data).status_code == 302
    fresh.refresh_from_db()
    assert fresh.scale_choices == [(4, "Selalu"), (3, "Sering"), (2, "Jarang"), (1, "Tidak pernah")]


@pytest.mark.parametrize(
    ("scale_text", "error"),
    [
        ("5 = Setuju", "A scale needs at least two points."),
        ("", "This field is required."),
        ("5 = Setuju\n5 = Sangat setuju", "Two points of the scale have the same value."),
        ("Setuju\nTidak setuju", "Line 1: write a whole number"),
    ],
)
def test_a_scale_needs_two_distinct_points(manager, world, scale_text, error):
    program = world["program"]
    url = reverse("evaluation:instrument_create", args=[program.pk])
    count = Instrument.objects.count()
    response = manager.post(
        url,
        {
            "kind": InstrumentKind.QUESTIONNAIRE,
            "title": "Angket kecil",
            "audience": "student",
            "scale_text": scale_text,
        },
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert any(error in message for message in form.errors["scale_text"]), form.errors
    assert list(form.errors) == ["scale_text"]
    assert Instrument.objects.count() == count


def test_a_copy_of_a_locked_instrument_is_editable_with_the_same_items(manager, world):
    program, questionnaire = world["program"], world["questionnaire"]
    response = manager.post(reverse("evaluation:instrument_copy", args=[program.pk, questionnaire.pk]))
    copy = Instrument.objects.exclude(pk=questionnaire.pk).get(copied_from=questionnaire)
    assert response.status_code == 302 and response.url == copy.get_absolute_url()
    assert copy.title == f"{questionnaire.title} (new version)"
    assert (copy.kind, copy.audience, copy.scale, copy.program) == (
        questionnaire.kind, questionnaire.audience, questionnaire.scale, program,
    )  # fmt: skip
    fields = ("order", "text", "type", "required", "reverse", "aspect_id")
    assert list(copy.items.values_list(*fields)) == list(questionnaire.items.values_list(*fields))
    assert not copy.locked and questionnaire.locked
    # the copy takes changes
    item = copy.items.order_by("order").first()
    edit = reverse("evaluation:item_edit", args=[program.pk, item.pk])
    data = form_values(manager.get(edit).content.decode())
    data["text"] = "Saya hadir di setiap pertemuan."
    assert manager.post(edit, data).status_code == 302
    item.refresh_from_db()
    assert item.text == "Saya hadir di setiap pertemuan."
    assert questionnaire.items.order_by("order").first().text != item.text  # the original stays as answered
    assert manager.get(reverse("evaluation:item_create", args=[program.pk, copy.pk])).status_code == 200


def test_loading_the_starter_instruments_twice_adds_them_once(manager, program):
    url = reverse("evaluation:starter_load", args=[program.pk])
    assert manager.post(url).status_code == 302
    titles = sorted(program.instruments.values_list("title", flat=True))
    assert titles == sorted(title for _kind, title, *_rest in STARTER_INSTRUMENTS)
    items = Item.objects.filter(instrument__program=program).count()
    assert items == sum(len(spec[-1]) for spec in STARTER_INSTRUMENTS)
    response = manager.post(url, follow=True)
    assert "The program has every starter instrument already." in response.content.decode()
    assert sorted(program.instruments.values_list("title", flat=True)) == titles
    assert Item.objects.filter(instrument__program=program).count() == items
    assert program.aspects.count() == len(TABLE_1)
    # every starter item about an aspect is tied to the program's own row
    assert (
        not Item.objects.filter(instrument__program=program, aspect__isnull=False)
        .exclude(aspect__program=program)
        .exists()
    )


def test_reloading_the_thank_you_page_sends_nothing_again(client, link):
    """The thank-you page was the answer to the post itself: reloading it sent the answers a second time."""
    response = client.post(public_url(link), full_answers(link))
    assert response.status_code == 302
    for _reload in range(2):
        assert THANKS in client.get(response.url).content.decode()
    assert Response.objects.filter(link=link).count() == 1
