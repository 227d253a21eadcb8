"""Planning sessions (one or weekly), the planned-vs-held grid and the iCalendar feed."""

import datetime as dt

import pytest
from django.urls import reverse
from icalendar import Calendar

from komunitas.models import Session
from komunitas.tests.factories import START, SessionFactory

pytestmark = pytest.mark.usefixtures("english")


@pytest.fixture
def signed_in(client, facilitator):
    client.force_login(facilitator)
    return client


def plan(client, program, **fields):
    data = {
        "kind": "reflection",
        "title": "Refleksi guru",
        "date": "2026-02-03",
        "start_time": "13:30",
        "end_time": "15:00",
        "place": "Ruang guru",
        "status": "planned",
        "notes": "",
        "repeat_weeks": 1,
    }
    data.update(fields)
    return client.post(reverse("session_create", args=[program.pk]), data)


def test_one_session_is_planned(signed_in, program, facilitator):
    response = plan(signed_in, program)
    session = Session.objects.get()
    assert response.url == session.get_absolute_url()
    assert (session.week, session.created_by, session.series) == (1, facilitator, None)


def test_forum_every_tuesday_for_ten_weeks_in_one_form(signed_in, program):
    plan(signed_in, program, repeat_weeks=10)
    dates = list(Session.objects.values_list("date", flat=True))
    assert len(dates) == 10
    assert all(day.weekday() == 1 for day in dates)
    assert [program.week_of(day) for day in dates] == list(range(1, 11))
    assert len(set(Session.objects.values_list("series", flat=True))) == 1


def test_weekly_plan_stops_at_the_end_of_the_program_and_says_so(signed_in, program):
    response = plan(signed_in, program, date="2026-03-31", repeat_weeks=10)  # week 9
    assert Session.objects.count() == 2
    shown = [str(message) for message in signed_in.get(response.url).context["messages"]]
    assert "8 weeks fell after the program's end and were skipped." in shown


@pytest.mark.parametrize(("day", "week"), [(START, 1), (START + dt.timedelta(days=69), 10)])
def test_sessions_on_the_first_and_last_day_are_accepted(signed_in, program, day, week):
    plan(signed_in, program, date=day.isoformat())
    assert Session.objects.get().week == week


@pytest.mark.parametrize("day", [START - dt.timedelta(days=1), START + dt.timedelta(days=70)])
def test_a_date_outside_the_program_is_refused_and_input_kept(signed_in, program, day):
    response = plan(signed_in, program, date=day.isoformat(), title="Di luar program")
    assert response.status_code == 200
    assert "outside the program" in response.context["form"].errors["date"][0]
    assert response.context["form"]["title"].value() == "Di luar program"
    assert not Session.objects.exists()


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"title": ""}, "title", "required"),
        ({"end_time": "13:00"}, "end_time", "must end after it starts"),
        ({"kind": "party"}, "kind", "Select a valid choice"),
        ({"repeat_weeks": 3, "status": "held"}, "status", "cannot already be held"),
        ({"repeat_weeks": 0}, "repeat_weeks", "greater than or equal to 1"),
    ],
)
def test_bad_session_input_gets_a_message_next_to_the_field(signed_in, program, fields, field, message):
    response = plan(signed_in, program, **fields)
    assert response.status_code == 200
    assert message in response.context["form"].errors[field][0]
    assert not Session.objects.exists()


def test_grid_counts_held_of_planned_per_week(signed_in, program):
    SessionFactory(program=program, kind="reflection", date=START, status="held")
    SessionFactory(program=program, kind="reflection", date=START + dt.timedelta(days=2), status="planned")
    SessionFactory(program=program, kind="reflection", date=START + dt.timedelta(days=3), status="cancelled")
    SessionFactory(program=program, kind="other", date=START + dt.timedelta(days=8), status="held")
    response = signed_in.get(reverse("schedule", args=[program.pk]))
    weeks = response.context["weeks"]
    kinds = [value for value, _label in response.context["kinds"]]
    reflection, other = kinds.index("reflection"), kinds.index("other")
    assert (weeks[0]["cells"][reflection].planned, weeks[0]["cells"][reflection].held) == (2, 1)
    assert (weeks[1]["cells"][other].planned, weeks[1]["cells"][other].held) == (1, 1)
    assert (response.context["totals"].planned, response.context["totals"].held) == (3, 2)


def test_ics_feed_parses_back_with_every_session(signed_in, program):
    SessionFactory(program=program, title="Forum guru", date=START + dt.timedelta(days=1), place="Ruang guru")
    SessionFactory(program=program, title="Tanpa jam", start_time=None, end_time=None)
    SessionFactory(program=program, title="Batal", status="cancelled")
    response = signed_in.get(reverse("schedule_ics", args=[program.pk]))
    assert response["Content-Type"].startswith("text/calendar")
    events = {str(e["summary"]): e for e in Calendar.from_ical(response.content).walk("VEVENT")}
    assert set(events) == {"Forum guru", "Tanpa jam", "Batal"}
    assert str(events["Batal"]["status"]) == "CANCELLED"
    assert str(events["Forum guru"]["status"]) == "CONFIRMED"
    calendar = Calendar.from_ical(response.content)
    assert [str(tz["tzid"]) for tz in calendar.walk("VTIMEZONE")] == ["Asia/Jakarta"]
    forum = events["Forum guru"]
    assert forum.decoded("dtstart") == dt.datetime(2026, 2, 3, 13, 30, tzinfo=forum.decoded("dtstart").tzinfo)
    assert str(forum.decoded("dtstart").tzinfo) == "Asia/Jakarta"
    assert str(forum["location"]) == "Ruang guru"
    assert events["Tanpa jam"].decoded("dtstart") == START + dt.timedelta(days=1)


def test_ics_subscription_link_works_without_a_session_and_only_for_its_program(client, signed_in, program):
    SessionFactory(program=program, title="Forum guru")
    feed_url = signed_in.get(reverse("schedule", args=[program.pk])).context["feed_url"]
    client.logout()
    response = client.get(feed_url)
    assert response.status_code == 200 and b"Forum guru" in response.content
    assert client.get(feed_url.replace("token=", "token=x")).status_code == 404
    other = reverse("schedule_ics", args=[program.pk + 1]) + "?" + feed_url.split("?")[1]
    assert client.get(other).status_code == 404


def test_ics_link_stops_working_when_the_user_loses_access(client, signed_in, program, facilitator):
    feed_url = signed_in.get(reverse("schedule", args=[program.pk])).context["feed_url"]
    facilitator.memberships.all().delete()
    client.logout()
    assert client.get(feed_url).status_code == 404


def test_ics_link_stops_working_when_the_password_changes(client, signed_in, program, facilitator):
    feed_url = signed_in.get(reverse("schedule", args=[program.pk])).context["feed_url"]
    assert client.get(feed_url).status_code == 200
    facilitator.set_password("a-new-password-for-the-term")
    facilitator.save()
    assert client.get(feed_url).status_code == 404


def test_free_text_has_limits_and_the_calendar_feed_stays_small(signed_in, program):
    response = plan(signed_in, program, notes="x" * 5_000_000)
    assert response.status_code == 200 and "at most 2000 characters" in response.context["form"].errors["notes"][0]
    SessionFactory(program=program, notes="y" * 5_000_000)  # written before the limit existed
    feed = signed_in.get(reverse("schedule_ics", args=[program.pk]))
    assert len(feed.content) < 10_000
