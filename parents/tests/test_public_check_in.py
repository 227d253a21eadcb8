"""The public check-in at /c/<token>/ (no account): the name picker shows first names and children's classes only,
picking one's name is attendance, a name not on the list waits for the facilitator; and the abuse cases of issue
12 — an unknown, expired or revoked token, a cancelled class, a replayed or second check-in, a flood from one
network, names with HTML or emoji."""

import datetime as dt

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from komunitas.models import Attendance, Participant, PersonKind, SchoolDataVersion, SessionStatus
from komunitas.tests.factories import StudentFactory
from parents.models import CheckIn, CheckInStatus
from parents.tests.factories import CheckInLinkFactory, ParentFactory
from parents.views.public import DEVICE_COOKIE

THANKS = "Thank you! You are checked in."
SENT = "Thank you! Your name has been sent."
ALREADY = "You are already checked in to this class."
PHONE = "This phone has already been used to check in to this class."
CLOSED = "This check-in has closed"
CANCELLED = "This class has been cancelled"
BUSY = "Many people checked in from this network"


@pytest.fixture
def link(world):
    return world["check_in_link"]


def url(link) -> str:
    return reverse("parent_check_in", args=[link.token])


def sari(world):
    return world["parents"][0]  # "Ibu Sari", parent of Ani Lestari (7A)


def pick(client, link, person, **extra):
    return client.post(url(link), {"step": "pick", "parent": person.pk, **extra}, follow=True)


def add(client, link, name="Ibu Maya", child_class="7B"):
    return client.post(url(link), {"step": "add", "name": name, "child_class": child_class}, follow=True)


def present(session, person) -> bool:
    return Attendance.objects.filter(session=session, person=person, status="present").exists()


# --- what the page shows ---------------------------------------------------------------------------------------


def test_it_lives_at_the_sites_root_and_needs_no_account(client, link):
    assert url(link) == f"/c/{link.token}/" == link.get_absolute_url()
    response = client.get(url(link))
    assert response.status_code == 200  # no login redirect
    html = response.content.decode()
    assert link.session.title in html and link.session.program.school.name in html
    assert "<script" not in html and "bootstrap" not in html  # tiny, no JavaScript


def test_it_lists_only_first_names_and_childrens_classes(client, world, link):
    html = client.get(url(link)).content.decode()
    for label in ["Sari — 7A", "Joko — 7B", "Rina — 8A", "Hasan — 9C"]:
        assert label in html
    for secret in ["Ibu Sari", "Bapak Joko", "Ani Lestari", "Budi Prasetyo", "Lestari"]:
        assert secret not in html
    assert world["parents"][0].phone not in html or not world["parents"][0].phone


def test_two_parents_who_would_read_the_same_get_an_initial(client, world, link):
    child = StudentFactory(school=world["program"].school, name="Eka", class_name="7A")
    other = ParentFactory(school=world["program"].school, name="Ibu Sari Wulandari", guardian_of=[child])
    Participant.objects.create(program=world["program"], person=other, role=PersonKind.PARENT)
    html = client.get(url(link)).content.decode()
    assert "Sari W. — 7A" in html and "Sari — 7A" in html


def test_parents_of_another_program_or_school_are_not_listed(client, world, link):
    stranger = ParentFactory(name="Ibu Zahra")  # another school, no participation
    ParentFactory(school=world["program"].school, name="Ibu Yuni")  # on the roster, not in the program
    html = client.get(url(link)).content.decode()
    assert "Zahra" not in html and "Yuni" not in html
    # and cannot be checked in by posting their id
    response = pick(client, link, stranger)
    assert "Choose your name from the list." in response.content.decode()
    assert not present(link.session, stranger)


def _data_token(world):
    tokens = SchoolDataVersion.objects.filter(school_id=world["program"].school_id)
    return tokens.values_list("token", flat=True).first()


# --- checking in -----------------------------------------------------------------------------------------------


def test_picking_ones_name_is_attendance(client, world, link):
    token_before = _data_token(world)
    response = client.post(url(link), {"step": "pick", "parent": sari(world).pk})
    assert response.status_code == 302 and response.url == f"{url(link)}?sent=1"  # post/redirect/get
    assert THANKS in client.get(response.url).content.decode()
    assert present(link.session, sari(world))
    row = CheckIn.objects.get(person=sari(world))
    assert row.status == CheckInStatus.CHECKED_IN and row.link == link and row.session == link.session
    cookie = client.cookies[DEVICE_COOKIE]
    assert cookie.value and cookie["httponly"] and row.device and row.device != cookie.value
    assert row.network and "127.0.0.1" not in row.network
    # the write is seen by the cached pages' data token (komunitas/freshness.py)
    assert _data_token(world) != token_before


def test_a_planned_class_of_today_becomes_held(client, world):
    session = world["parent_session"]
    session.date, session.status = timezone.localdate(), SessionStatus.PLANNED
    session.save()
    link = CheckInLinkFactory(session=session)
    pick(client, link, sari(world))
    session.refresh_from_db()
    assert session.status == SessionStatus.HELD


def test_a_replayed_check_in_changes_nothing(client, world, link):
    data = {"step": "pick", "parent": sari(world).pk}
    client.post(url(link), data)
    response = client.post(url(link), data, follow=True)
    assert response.status_code == 200 and PHONE in response.content.decode()
    assert CheckIn.objects.filter(session=link.session).exclude(status="pending").count() == 1
    assert Attendance.objects.filter(session=link.session, person=sari(world)).count() == 1


def test_a_second_check_in_of_the_same_parent_is_refused_politely(client, world, link):
    pick(client, link, sari(world))
    response = pick(Client(), link, sari(world))  # another phone
    assert response.status_code == 200 and ALREADY in response.content.decode()
    assert CheckIn.objects.filter(person=sari(world)).count() == 1


def test_a_parent_staff_already_ticked_present_is_refused_politely(client, world, link):
    Attendance.objects.create(session=link.session, person=sari(world), status="present")
    response = pick(client, link, sari(world))
    assert ALREADY in response.content.decode()
    assert not CheckIn.objects.filter(person=sari(world)).exists()


def test_a_parent_marked_absent_who_arrives_late_becomes_present(client, world, link):
    Attendance.objects.create(session=link.session, person=sari(world), status="absent")
    assert THANKS in pick(client, link, sari(world)).content.decode()
    assert Attendance.objects.get(session=link.session, person=sari(world)).status == "present"


def test_one_phone_checks_in_once(client, world, link):
    pick(client, link, sari(world))
    assert PHONE in client.get(url(link)).content.decode()
    response = pick(client, link, world["parents"][1])
    assert PHONE in response.content.decode()
    assert not present(link.session, world["parents"][1])
    assert THANKS in pick(Client(), link, world["parents"][1]).content.decode()  # their own phone


@pytest.mark.parametrize("value", ["", "abc", "-1", "99999999999999999999999", "1.5"])
def test_a_bad_choice_is_an_error(client, world, link, value):
    response = client.post(url(link), {"step": "pick", "parent": value})
    assert response.status_code == 200
    assert 'aria-invalid="true"' in response.content.decode()
    assert not CheckIn.objects.exclude(status="pending").exists()


# --- a name not on the list ------------------------------------------------------------------------------------


def test_a_name_not_on_the_list_waits_for_the_facilitator(client, link):
    page = client.get(url(link) + "?add=1").content.decode()
    assert 'name="child_class"' in page
    response = add(client, link)
    assert SENT in response.content.decode()
    row = CheckIn.objects.get(name="Ibu Maya")
    assert row.status == CheckInStatus.PENDING and row.child_class == "7B" and row.person is None
    assert not Attendance.objects.filter(session=link.session).exists()  # not until confirmed


@pytest.mark.parametrize(
    "name", ["<script>alert('x')</script>", "Ibu <b>Dewi</b> & Putri", "Ibu Nur 🌸😊", 'Ibu "O\'Neil"']
)
def test_names_with_html_or_emoji_are_kept_as_typed_and_escaped(client, world, link, facilitator, name):
    add(client, link, name=name, child_class="7A 🌟")
    row = CheckIn.objects.get(status="pending", child_class="7A 🌟")
    assert row.name == name
    client.force_login(facilitator)
    page = client.get(reverse("parents:check_in", args=[world["program"].pk, link.session_id])).content.decode()
    assert "<script>alert" not in page and "<b>Dewi</b>" not in page
    from django.utils.html import escape

    assert escape(name) in page


@pytest.mark.parametrize(
    ("name", "child_class", "error"),
    [
        ("", "7A", "Write your name."),
        ("Ibu Maya", "", "Write your child&#x27;s class."),
        ("   ", "7A", "Write your name."),
        ("x" * 121, "7A", "at most 120 characters"),
        ("Ibu Maya", "7" * 21, "at most 20 characters"),
    ],
)
def test_bad_names_are_errors_and_save_nothing(client, link, name, child_class, error):
    response = client.post(url(link), {"step": "add", "name": name, "child_class": child_class})
    assert response.status_code == 200 and error in response.content.decode()
    assert CheckIn.objects.filter(link=link).count() == 1  # the world's waiting name only


# --- closed, unknown, cancelled, flooded -----------------------------------------------------------------------


def test_an_unknown_token_is_not_found(client, db):
    assert client.get(reverse("parent_check_in", args=["no-such-token"])).status_code == 404
    assert client.post(reverse("parent_check_in", args=["x" * 500]), {"step": "add"}).status_code == 404


def test_an_expired_link_is_closed_and_saves_nothing(client, world, link):
    link.expires_at = timezone.now() - dt.timedelta(minutes=1)
    link.save()
    for response in (client.get(url(link)), pick(client, link, sari(world)), add(client, link)):
        assert response.status_code == 410 and CLOSED in response.content.decode()
    assert not present(link.session, sari(world))
    assert CheckIn.objects.filter(link=link).count() == 1


def test_a_revoked_link_is_closed(client, world, link, facilitator):
    client.force_login(facilitator)
    revoke = reverse("parents:check_in_revoke", args=[world["program"].pk, link.session_id, link.pk])
    assert client.post(revoke).status_code == 302
    client.logout()
    response = pick(client, link, sari(world))
    assert response.status_code == 410 and CLOSED in response.content.decode()
    assert not present(link.session, sari(world))


def test_a_cancelled_class_takes_no_check_in(client, world, link):
    link.session.status = SessionStatus.CANCELLED
    link.session.save()
    for response in (client.get(url(link)), pick(client, link, sari(world)), add(client, link)):
        assert response.status_code == 410 and CANCELLED in response.content.decode()
    assert not present(link.session, sari(world))


def test_a_class_of_a_later_day_opens_on_its_day(client, world, link):
    link.session.date = timezone.localdate() + dt.timedelta(days=3)
    link.session.status = SessionStatus.PLANNED
    link.session.save()
    response = pick(client, link, sari(world))
    assert response.status_code == 200 and "Check-in opens on the day of the class" in response.content.decode()
    assert not present(link.session, sari(world))


def test_a_flood_from_one_network_gets_a_friendly_429(client, world, link, settings):
    settings.PARENT_CHECK_INS_PER_NETWORK = 3
    for index in range(3):
        assert SENT in add(Client(), link, name=f"Nama {index}").content.decode()
    response = Client().post(url(link), {"step": "add", "name": "Satu lagi", "child_class": "7A"})
    assert response.status_code == 429 and BUSY in response.content.decode()
    response = pick(Client(), link, sari(world))
    assert response.status_code == 429 and not present(link.session, sari(world))
    assert CheckIn.objects.filter(link=link).count() == 4  # the world's name and the three
    # another network is not limited
    other = Client(REMOTE_ADDR="10.0.0.7")
    assert THANKS in pick(other, link, sari(world)).content.decode()


# --- cost -------------------------------------------------------------------------------------------------------


def _more_parents(world, count):
    for index in range(count):
        child = StudentFactory(school=world["program"].school, class_name=f"{7 + index % 3}C")
        parent = ParentFactory(school=world["program"].school, name=f"Ibu Tambahan{index}", guardian_of=[child])
        Participant.objects.create(program=world["program"], person=parent, role=PersonKind.PARENT)


def test_the_page_costs_the_same_with_many_parents(client, world, link):
    # the link with its class, program and school; the program's parents; their children
    counts = []
    for extra in (0, 20):
        _more_parents(world, extra)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url(link)).status_code == 200
        counts.append(len(queries))
    assert counts == [3, 3], "\n".join(q["sql"] for q in queries.captured_queries)
