"""The staff side of the self check-in: opening a link (when it expires), closing it, its QR code and the room
screen; the facilitator confirming, merging or rejecting the names parents wrote; the class page's panel; and the
page's cost at two sizes."""

import datetime as dt
import zoneinfo

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from komunitas.models import Attendance, Participant, Person, PersonKind, SessionStatus
from komunitas.tests.factories import SessionFactory, StudentFactory
from parents import check_in
from parents.models import CheckIn, CheckInLink, CheckInStatus
from parents.tests.factories import ParentClassFactory, ParentFactory

JAKARTA = zoneinfo.ZoneInfo("Asia/Jakarta")


def page_url(world, session=None) -> str:
    return reverse("parents:check_in", args=[world["program"].pk, (session or world["parent_session"]).pk])


def name_url(world, action, row=None) -> str:
    row = row or world["pending_check_in"]
    return reverse(f"parents:check_in_{action}", args=[world["program"].pk, row.session_id, row.pk])


# --- links -----------------------------------------------------------------------------------------------------


def test_a_link_of_todays_class_expires_at_the_end_of_its_day(world):
    session = world["parent_session"]
    session.date = dt.date(2026, 3, 7)
    now = dt.datetime(2026, 3, 7, 8, 30, tzinfo=JAKARTA)
    assert check_in.default_expiry(session, now) == dt.datetime(2026, 3, 7, 23, 59, 59, tzinfo=JAKARTA)
    # a class planned ahead (an invitation sent a week before): the end of its own day
    assert check_in.default_expiry(session, now - dt.timedelta(days=7)).date() == dt.date(2026, 3, 7)


def test_a_link_opened_late_on_the_day_stays_open_two_hours(world):
    session = world["parent_session"]
    session.date = dt.date(2026, 3, 7)
    now = dt.datetime(2026, 3, 7, 23, 30, tzinfo=JAKARTA)
    assert check_in.default_expiry(session, now) == now + dt.timedelta(hours=2)


def test_a_class_whose_day_is_over_gets_a_link_for_two_hours(world):
    session = world["parent_session"]
    session.date = dt.date(2026, 3, 7)
    now = dt.datetime(2026, 3, 8, 0, 20, tzinfo=JAKARTA)
    assert check_in.default_expiry(session, now) == now + dt.timedelta(hours=2)


def test_opening_a_link(client, world, teacher):
    client.force_login(teacher)  # every teacher who logs classes may open one
    session = world["teacher_parent_session"]
    response = client.post(page_url(world, session), follow=True)
    assert "Check-in link opened." in response.content.decode()
    link = CheckInLink.objects.get(session=session)
    assert link.is_open and link.created_by == teacher and len(link.token) >= 20
    assert link.get_absolute_url() in response.content.decode()


def test_a_cancelled_class_gets_no_link(client, world, facilitator):
    session = world["parent_session"]
    session.status = SessionStatus.CANCELLED
    session.save()
    client.force_login(facilitator)
    before = CheckInLink.objects.count()
    response = client.post(page_url(world), follow=True)
    assert "This class is cancelled: it takes no check-ins." in response.content.decode()
    assert CheckInLink.objects.count() == before
    assert "Open a check-in link" not in response.content.decode()


def test_closing_a_link(client, world, facilitator):
    link = world["check_in_link"]
    client.force_login(facilitator)
    response = client.post(reverse("parents:check_in_revoke", args=[world["program"].pk, link.session_id, link.pk]))
    assert response.status_code == 302
    link.refresh_from_db()
    assert link.revoked_at and not link.is_open
    assert "Closed links" in client.get(page_url(world)).content.decode()


def test_only_parent_classes_of_the_program_have_check_in(client, world, facilitator):
    client.force_login(facilitator)
    other_kind = SessionFactory(program=world["program"], kind="other")
    assert client.get(page_url(world, other_kind)).status_code == 404
    another_program = ParentClassFactory().session
    assert client.get(page_url(world, another_program)).status_code == 404
    link = world["check_in_link"]  # a link through another class of the program: 404
    wrong = reverse("parents:check_in_qr", args=[world["program"].pk, world["teacher_parent_session"].pk, link.pk])
    assert client.get(wrong).status_code == 404


def test_the_qr_code_and_the_room_screen(client, world, facilitator):
    link = world["check_in_link"]
    client.force_login(facilitator)
    args = [world["program"].pk, link.session_id, link.pk]
    qr = client.get(reverse("parents:check_in_qr", args=args))
    assert qr["Content-Type"] == "image/svg+xml" and qr.content.startswith(b"<?xml")
    screen = client.get(reverse("parents:check_in_screen", args=args)).content.decode()
    assert link.session.title in screen and f"testserver/c/{link.token}/" in screen
    assert reverse("parents:check_in_qr", args=args) in screen


# --- the names parents wrote -----------------------------------------------------------------------------------


def test_the_facilitator_sees_the_names_and_who_checked_in(client, world, facilitator):
    sari = world["parents"][0]
    check_in.parent_check_in(link=world["check_in_link"], person=sari, network="n", device="d")
    client.force_login(facilitator)
    html = client.get(page_url(world)).content.decode()
    assert "Ibu Baru" in html and "8B" in html and "Confirm as a new parent" in html
    assert sari.name in html


def test_teachers_see_the_links_but_decide_nothing(client, world, teacher):
    client.force_login(teacher)
    html = client.get(page_url(world)).content.decode()
    assert "Open a check-in link" in html and "Confirm as a new parent" not in html
    assert client.post(name_url(world, "reject")).status_code == 403


def test_confirming_a_name_adds_a_parent_who_is_present(client, world, facilitator):
    child = StudentFactory(school=world["program"].school, name="Eko", class_name="8B")
    Participant.objects.create(program=world["program"], person=child, role=PersonKind.STUDENT)
    client.force_login(facilitator)
    page = client.get(page_url(world)).content.decode()
    assert f'<option value="{child.pk}">Eko (8B)</option>' in page
    response = client.post(name_url(world, "confirm"), {"child": child.pk}, follow=True)
    assert "Ibu Baru is now on the roster" in response.content.decode()
    parent = Person.objects.get(name="Ibu Baru")
    assert parent.kind == PersonKind.PARENT and parent.school == world["program"].school
    assert list(parent.guardian_of.all()) == [child]
    assert Participant.objects.get(person=parent, program=world["program"]).role == PersonKind.PARENT
    session = world["parent_session"]
    assert Attendance.objects.get(session=session, person=parent).status == "present"
    row = CheckIn.objects.get(pk=world["pending_check_in"].pk)
    assert row.status == CheckInStatus.CONFIRMED and row.person == parent and row.resolved_by == facilitator
    # dealt with: the same request again (a second click) changes nothing
    response = client.post(name_url(world, "confirm"), {}, follow=True)
    assert "This name was already dealt with." in response.content.decode()
    assert Person.objects.filter(name="Ibu Baru").count() == 1


def test_confirming_without_a_child(client, world, facilitator):
    client.force_login(facilitator)
    assert client.post(name_url(world, "confirm"), {"child": ""}).status_code == 302
    assert not Person.objects.get(name="Ibu Baru").guardian_of.exists()


def test_merging_a_name_into_a_parent_on_the_roster(client, world, facilitator):
    joko = world["parents"][1]
    client.force_login(facilitator)
    response = client.post(name_url(world, "merge"), {"parent": joko.pk}, follow=True)
    assert "Merged: Bapak Joko is present" in response.content.decode()
    assert Attendance.objects.get(session=world["parent_session"], person=joko).status == "present"
    row = CheckIn.objects.get(pk=world["pending_check_in"].pk)
    assert row.status == CheckInStatus.MERGED and row.person == joko
    assert not Person.objects.filter(name="Ibu Baru").exists()


def test_merging_into_a_parent_already_checked_in_is_refused(client, world, facilitator):
    joko = world["parents"][1]
    check_in.parent_check_in(link=world["check_in_link"], person=joko, network="n", device="d")
    client.force_login(facilitator)
    response = client.post(name_url(world, "merge"), {"parent": joko.pk}, follow=True)
    assert "Bapak Joko has already checked in to this class." in response.content.decode()
    assert CheckIn.objects.get(pk=world["pending_check_in"].pk).status == CheckInStatus.PENDING


@pytest.mark.parametrize("value", ["", "abc", "99999999999999999999999"])
def test_merging_needs_a_parent_of_the_program(client, world, facilitator, value):
    client.force_login(facilitator)
    response = client.post(name_url(world, "merge"), {"parent": value})
    assert response.status_code == 200 and "is-invalid" in response.content.decode()
    assert CheckIn.objects.get(pk=world["pending_check_in"].pk).status == CheckInStatus.PENDING


def test_a_parent_outside_the_program_cannot_be_merged_into(client, world, facilitator):
    stranger = ParentFactory()
    client.force_login(facilitator)
    assert client.post(name_url(world, "merge"), {"parent": stranger.pk}).status_code == 200
    assert not Attendance.objects.filter(person=stranger).exists()


def test_rejecting_a_name(client, world, facilitator):
    client.force_login(facilitator)
    response = client.post(name_url(world, "reject"), follow=True)
    assert "Name rejected" in response.content.decode()
    row = CheckIn.objects.get(pk=world["pending_check_in"].pk)
    assert row.status == CheckInStatus.REJECTED and row.person is None
    assert not Attendance.objects.filter(session=world["parent_session"]).exists()
    assert not Person.objects.filter(name="Ibu Baru").exists()


# --- the class page's panel ------------------------------------------------------------------------------------


def test_the_panel_for_the_class_page(world, facilitator, django_assert_num_queries, rf):
    from komunitas.access import program_access_for

    session = world["parent_session"]
    with django_assert_num_queries(2):  # the links with their counts; the waiting names
        context = check_in.check_in_panel(session)
    access = program_access_for(facilitator, world["program"].pk)
    html = render_to_string(
        "parents/includes/_check_in_panel.html",
        {**context, "session": session, "program": world["program"], "access": access},
    )
    assert reverse("parents:check_in", args=[world["program"].pk, session.pk]) in html
    assert "Show in the room" in html and "names to confirm" in html


# --- cost -------------------------------------------------------------------------------------------------------


def _grow(world, size):
    program, link = world["program"], world["check_in_link"]
    for index in range(size):
        child = StudentFactory(school=program.school, class_name="9A")
        parent = ParentFactory(school=program.school, guardian_of=[child])
        Participant.objects.create(program=program, person=child, role=PersonKind.STUDENT)
        Participant.objects.create(program=program, person=parent, role=PersonKind.PARENT)
        check_in.parent_check_in(link=link, person=parent, network="n", device=f"d{index}")
        CheckIn.objects.create(link=link, session=link.session, name=f"Nama {index}", status="pending")
    CheckInLink.objects.create(session=link.session, expires_at=timezone.now() - dt.timedelta(days=1))


@pytest.mark.parametrize(("role", "expected"), [("facilitator", 10), ("teacher", 7)])
def test_the_page_costs_the_same_with_many_names(client, world, role, expected):
    # 3 for every page (the session, the user, the program with the role); the class; its links with counts;
    # the counts of check-ins; the check-ins with their parents (for those who see names); and for the
    # facilitator's forms: the program's students, its parents and their children
    client.force_login(world["users"][role])
    counts = []
    for size in (1, 8):
        _grow(world, size)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(page_url(world)).status_code == 200
        counts.append(len(queries))
    assert counts == [expected, expected], "\n".join(q["sql"] for q in queries.captured_queries)
