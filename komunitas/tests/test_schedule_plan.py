"""The "plan from templates" page (/programs/<id>/schedule/plan/): defaults, preview, plan, bad input, its cost,
and the schedule's way to it. Who may open it is in the permission table (test_permissions.py)."""

import datetime as dt

import pytest
from auditlog.models import LogEntry
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from komunitas import planning, services
from komunitas.models import CycleTemplate, Session, Stage
from komunitas.testing import form_values

pytestmark = pytest.mark.usefixtures("english")


@pytest.fixture
def current(school, facilitator):
    """A program a week old: its first week is past, its other nine to come (whatever weekday today is)."""
    start = timezone.localdate() - dt.timedelta(days=7)
    return services.program_create(
        school=school, name="Komunitas Sekarang", start_date=start, weeks=10, cycle=CycleTemplate.STUDY
    )


def url(program):
    return reverse("schedule_plan", args=[program.pk])


def defaults(client, program) -> dict:
    """The form as the page renders it (every template ticked, its defaults)."""
    return form_values(client.get(url(program)).content.decode(), "plan-form")


def test_it_offers_each_template_with_its_defaults_and_the_weeks_stages(client, facilitator, current):
    client.force_login(facilitator)
    response = client.get(url(current))
    html = response.content.decode()
    for label in ["Teacher forum, every week", "Project clubs, twice a week", "Parent class, every second week"]:
        assert label in html
    data = defaults(client, current)
    assert data["forums_weekly-include"] == "on"
    assert (data["lessonstudy_cycles-from_week"], data["lessonstudy_cycles-every"]) == ("3", "3")
    assert (data["parents_fortnightly-slot0_weekday"], data["parents_fortnightly-slot0_start"]) == ("5", "09:00")
    assert (data["projects_twice_weekly-slot0_weekday"], data["projects_twice_weekly-slot1_weekday"]) == ("0", "3")
    assert f"Week 3 · {planning.days_label(*current.week_range(3))} · Implementation<" in html
    assert not Session.objects.exists()  # nothing written on GET


def test_preview_shows_week_by_week_and_writes_nothing(client, facilitator, current):
    client.force_login(facilitator)
    logged = LogEntry.objects.count()
    response = client.post(url(current), {**defaults(client, current), "action": "preview"})
    assert response.status_code == 200
    # weeks 2-10: forum 9, clubs 18, parents weeks 3, 5, 7, 9 (week 1 is past), lesson study weeks 3, 6, 9 × 2
    assert response.context["count"] == 9 + 18 + 4 + 6
    assert response.context["skipped"] == 1 + 2 + 1  # week 1's forum, two club meetings and parent class
    html = response.content.decode()
    assert "37 sessions will be planned." in html and "Plan 37 sessions" in html
    assert html.count('data-skipped="past"') == 4
    assert "Teacher forum" in html and "Open lesson" in html
    assert not Session.objects.exists() and LogEntry.objects.count() == logged


def test_plan_creates_them_and_goes_to_the_schedule_and_never_doubles(client, facilitator, current):
    client.force_login(facilitator)
    data = {**defaults(client, current), "place": "Ruang guru", "action": "plan"}
    response = client.post(url(current), data, follow=True)
    assert response.redirect_chain[-1][0] == reverse("schedule", args=[current.pk])
    assert "37 sessions planned." in response.content.decode()
    assert current.sessions.count() == 37
    assert set(current.sessions.values_list("place", "status")) == {("Ruang guru", "planned")}
    assert LogEntry.objects.filter(content_type__model="session", action=LogEntry.Action.CREATE).count() == 37
    # The same form again: every date is taken now.
    response = client.post(url(current), data)
    assert response.status_code == 200 and "Nothing to plan" in response.content.decode()
    assert current.sessions.count() == 37


def test_an_adjusted_and_unticked_plan(client, facilitator, current):
    client.force_login(facilitator)
    data = defaults(client, current)
    for key in ["projects_twice_weekly", "parents_fortnightly", "lessonstudy_cycles"]:
        del data[f"{key}-include"]  # an unticked box sends nothing
    data |= {"forums_weekly-from_week": "4", "forums_weekly-to_week": "8", "forums_weekly-every": "2"}
    data |= {
        "forums_weekly-slot0_weekday": "4",
        "forums_weekly-slot0_start": "07:15",
        "forums_weekly-slot0_end": "08:00",
    }
    client.post(url(current), {**data, "action": "plan"})
    sessions = list(current.sessions.all())
    assert [current.week_of(s.date) for s in sessions] == [4, 6, 8]
    assert {(s.kind, s.date.weekday(), s.start_time, s.end_time) for s in sessions} == {
        ("forum", 4, dt.time(7, 15), dt.time(8))
    }


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"forums_weekly-from_week": "5", "forums_weekly-to_week": "3"}, "to_week"),
        ({"forums_weekly-every": "0"}, "every"),
        ({"forums_weekly-every": "abc"}, "every"),
        ({"forums_weekly-slot0_start": "15:00", "forums_weekly-slot0_end": "13:30"}, "slot0_end"),
        ({"forums_weekly-slot0_end": "25:99"}, "slot0_end"),
        ({"forums_weekly-to_week": "11"}, "to_week"),  # the program has 10 weeks
        ({"forums_weekly-from_week": "0"}, "from_week"),
        ({"forums_weekly-slot0_weekday": "7"}, "slot0_weekday"),
        ({"place": "x" * 121}, "place"),
    ],
)
def test_bad_input_is_a_field_error(client, facilitator, current, changes, field):
    client.force_login(facilitator)
    response = client.post(url(current), {**defaults(client, current), **changes, "action": "plan"})
    assert response.status_code == 200
    form = response.context["form"]
    errors = form.errors if field == "place" else form.parts[0].errors
    assert field in errors, errors
    assert "is-invalid" in response.content.decode()
    assert not Session.objects.exists()


def test_nothing_ticked_is_an_error(client, facilitator, current):
    client.force_login(facilitator)
    data = {name: value for name, value in defaults(client, current).items() if not name.endswith("-include")}
    response = client.post(url(current), {**data, "action": "preview"})
    assert "Tick at least one template to plan." in response.context["form"].parts[0].errors["include"]
    assert not Session.objects.exists()


def test_each_planned_session_opens_on_its_apps_page(client, facilitator, current):
    """Sessions planned without their app's own record (a club meeting without its club, an open lesson without
    its cycle) show on their kind's page, as a session planned one at a time does."""
    client.force_login(facilitator)
    client.post(url(current), {**defaults(client, current), "action": "plan"})
    for kind in ["forum", "club", "parent_class", "open_lesson", "ls_reflection"]:
        session = current.sessions.filter(kind=kind).first()
        assert session.page_url != session.get_absolute_url(), kind
        assert client.get(session.page_url).status_code == 200, kind


def _grow(program, sessions: int, stages: int):
    Session.objects.bulk_create(
        Session(program=program, kind="forum", title=f"S{i}", date=program.start_date + dt.timedelta(days=2 * i))
        for i in range(sessions)
    )
    program.stages.filter(order__gt=stages).delete()
    last = program.stages.order_by("order").last()
    Stage.objects.bulk_create(
        Stage(
            program=program, order=last.order + i, name=f"Tahap {i}", start_date=last.end_date, end_date=last.end_date
        )
        for i in range(1, stages - program.stages.count() + 1)
    )
    assert program.stages.count() == stages


def _queries(client, method, *args):
    with CaptureQueriesContext(connection) as queries:
        response = getattr(client, method)(*args)
    assert response.status_code == 200
    return len(queries)


def test_its_cost_does_not_grow_with_sessions_or_stages(client, facilitator, school):
    client.force_login(facilitator)
    counts = []
    for sessions, stages in [(0, 2), (30, 6)]:
        today = timezone.localdate()
        program = services.program_create(
            school=school, name=f"P{sessions}", start_date=today, weeks=10, cycle=CycleTemplate.STUDY
        )
        _grow(program, sessions, stages)
        data = {**defaults(client, program), "action": "preview"}
        counts.append((_queries(client, "get", url(program)), _queries(client, "post", url(program), data)))
    # GET: the session, the user, the program with the role; the stages.
    # Preview: the same, and the (kind, date) already on the schedule from today on.
    assert counts == [(4, 5), (4, 5)]


def test_the_schedule_leads_managers_there_and_says_when_nothing_is_planned(client, facilitator, teacher, current):
    client.force_login(facilitator)
    html = client.get(reverse("schedule", args=[current.pk])).content.decode()
    assert url(current) in html and 'data-testid="schedule-empty"' in html
    client.force_login(teacher)
    html = client.get(reverse("schedule", args=[current.pk])).content.decode()
    assert url(current) not in html


def test_the_schedule_is_not_empty_when_only_a_filter_finds_nothing(client, facilitator, current):
    Session.objects.create(program=current, kind="forum", title="Forum", date=current.start_date)
    client.force_login(facilitator)
    schedule = reverse("schedule", args=[current.pk])
    assert 'data-testid="schedule-empty"' not in client.get(schedule).content.decode()
    assert 'data-testid="schedule-empty"' not in client.get(schedule + "?kind=club").content.decode()
