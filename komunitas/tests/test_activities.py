"""The plug-in contract (komunitas/activities.py): an app adds an activity to every program — its navigation
entry, URLs, session kind with its attendance list, dashboard panel, weekly indicator and permission rows —
without any edit of the core, and registration refuses what would clash."""

import datetime as dt

import pytest
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ImproperlyConfigured
from django.db import connection
from django.http import HttpResponse
from django.test.utils import CaptureQueriesContext
from django.urls import path, reverse

from komunitas import activities
from komunitas.access import program_access
from komunitas.activities import Activity, Indicator, Panel, SessionType, StandardAspect, participants_in
from komunitas.models import Participant, PersonKind, Session
from komunitas.testing import check_access, program_url, program_url_names
from komunitas.tests.factories import PersonFactory, SessionFactory, StudentFactory


@login_required
def garden_index(request, program_id):
    program_access(request, program_id)
    return HttpResponse("Kebun sekolah")


def garden_weeks(program):
    """One row per week: garden sessions held (one query)."""
    held = program.sessions.filter(kind="garden", status="held").values_list("date", flat=True)
    weeks = [program.week_of(day) for day in held]
    return [weeks.count(week) for week in program.week_numbers()]


GARDEN_ROWS = [("garden:index", {}, "get", "read", 200)]
GARDEN = Activity(
    app="garden",
    label="Kebun sekolah",
    path="garden/",
    urls=[path("", garden_index, name="index")],
    order=50,
    session_types=[SessionType("garden", "Kerja kebun", audience=participants_in(PersonKind.STUDENT))],
    dashboard_panels=[lambda access: Panel(template="garden_panel.html", context={"beds": 4})],
    indicators=[
        Indicator(
            key="garden.sessions",
            name="Kerja kebun",
            unit="sesi",
            aspect=StandardAspect.STUDENT_ENGAGEMENT,
            rows=garden_weeks,
            value=lambda held: held,
        )
    ],
    permission_rows=GARDEN_ROWS,
)


@pytest.fixture
def garden(settings, tmp_path):
    (tmp_path / "garden_panel.html").write_text('<section data-testid="garden">{{ panel.beds }} bedeng</section>')
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [*settings.TEMPLATES[0]["DIRS"], tmp_path]}]
    with activities.register_temporarily(GARDEN):
        yield GARDEN


def test_a_new_activity_plugs_in_without_editing_the_core(client, garden, program, facilitator):
    student = StudentFactory(school=program.school, name="Ani Kebun")
    Participant.objects.create(program=program, person=student, role=PersonKind.STUDENT)
    teacher = PersonFactory(school=program.school, name="Guru Kebun")
    Participant.objects.create(program=program, person=teacher, role=PersonKind.TEACHER)
    client.force_login(facilitator)

    dashboard = client.get(reverse("program_dashboard", args=[program.pk])).content.decode()
    assert f'href="/programs/{program.pk}/garden/">Kebun sekolah</a>' in dashboard  # navigation
    assert '<section data-testid="garden">4 bedeng</section>' in dashboard  # its panel
    assert client.get(f"/programs/{program.pk}/garden/").content == b"Kebun sekolah"  # its URLs

    schedule = client.get(reverse("schedule", args=[program.pk]))
    assert ("garden", "Kerja kebun") in schedule.context["kinds"]
    assert '<option value="garden">Kerja kebun</option>' in schedule.content.decode()

    response = client.post(
        reverse("session_create", args=[program.pk]),
        {"kind": "garden", "title": "Menanam cabai", "date": program.start_date.isoformat(), "status": "held"},
    )
    session = Session.objects.get(kind="garden")
    assert response.url == session.get_absolute_url()  # no page of its own: the core's session page
    attendance = client.get(reverse("attendance_edit", args=[program.pk, session.pk]))
    assert [person.name for person in attendance.context["form"].people] == ["Ani Kebun"]  # its audience

    indicators = dict(activities.weekly_indicators(program))
    assert indicators[GARDEN.indicators[0]] == [1] + [0] * 9

    assert {row[0] for row in activities.permission_rows()} >= {"garden:index"}
    assert "garden:index" in program_url_names()


@pytest.mark.parametrize("role", ["anonymous", "principal", "teacher", "district_officer", "outsider"])
def test_its_permission_rows_hold(client, garden, world, role):
    for name, kwargs, method, capability, ok in activities.permission_rows():
        if name.startswith("garden:"):
            check_access(client, world["users"], role, method, program_url(name, kwargs, world), capability, ok)


def test_nothing_of_it_stays_once_unregistered(client, program, facilitator):
    client.force_login(facilitator)
    with activities.register_temporarily(GARDEN):
        assert client.get(f"/programs/{program.pk}/garden/").status_code == 200
    assert "garden" not in dict(activities.session_type_choices())
    assert client.get(f"/programs/{program.pk}/garden/").status_code == 404
    assert "Kebun sekolah" not in client.get(reverse("program_dashboard", args=[program.pk])).content.decode()


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"app": "forums"}, "already registered"),
        ({"session_types": [SessionType("forum", "Forum lagi")]}, "session type 'forum' is already registered"),
        ({"path": "forums/"}, "path 'forums/' is taken"),
        ({"urls": None}, "give both a path and its urls"),
        ({"session_types": [SessionType("x" * 17, "Terlalu panjang")]}, "1 to 16 characters"),
        ({"indicators": [GARDEN.indicators[0], GARDEN.indicators[0]]}, "indicator 'garden.sessions' is already"),
    ],
)
def test_registration_refuses_clashes(change, message):
    from dataclasses import replace

    with pytest.raises(ImproperlyConfigured, match=message):
        activities.register(replace(GARDEN, **change))
    assert "garden" not in [activity.app for activity in activities.activities()]


def test_registration_refuses_unknown_aspects_and_person_kinds():
    from dataclasses import replace

    unknown_aspect = replace(GARDEN.indicators[0], aspect="happiness")
    with pytest.raises(ImproperlyConfigured, match="unknown aspect 'happiness'"):
        activities.register(replace(GARDEN, indicators=[unknown_aspect]))
    with pytest.raises(ImproperlyConfigured, match="Unknown person kinds"):
        participants_in("alien")


def test_an_unknown_kind_is_refused_and_its_old_sessions_still_show(program):
    with pytest.raises(LookupError):
        activities.session_type("garden")
    session = SessionFactory(program=program, kind="garden")  # data of an app since removed
    assert session.type is None
    assert session.page_url == session.get_absolute_url()


def test_activities_keep_their_declared_order():
    assert [activity.app for activity in activities.navigation()] == [
        "forums",
        "projects",
        "parents",
        "lessonstudy",
        "evaluation",
    ]
    kinds = [value for value, _label in activities.session_type_choices()]
    assert kinds == ["forum", "club", "parent_class", "open_lesson", "ls_reflection", "reflection", "other"]


def test_indicators_name_table_1_aspects_and_cost_a_fixed_number_of_queries(program, teachers_and_sessions):
    def cost():
        with CaptureQueriesContext(connection) as queries:
            values = activities.weekly_indicators(program)
        return len(queries), values

    small, values = cost()
    teachers_and_sessions(20)
    large, _values = cost()
    assert small == large  # the forum's rows are read once for its four indicators, the core's once
    assert all(len(weekly) == program.weeks for _indicator, weekly in values)
    assert {indicator.aspect for indicator, _weekly in values} >= {
        StandardAspect.TEACHER_PARTICIPATION,
        StandardAspect.TEACHER_COMPETENCE,
        StandardAspect.LEARNING_COMMUNITY,
    }


@pytest.fixture
def teachers_and_sessions(program):
    def grow(count):
        for index in range(count):
            SessionFactory(program=program, kind="forum", date=program.start_date + dt.timedelta(days=index * 3 % 70))

    grow(2)
    return grow


def test_a_failed_url_reload_leaves_nothing_registered():
    from dataclasses import replace

    broken = replace(GARDEN, urls="garden.no_such_urls")
    with pytest.raises(ModuleNotFoundError), activities.register_temporarily(broken):
        pass
    assert "garden" not in [activity.app for activity in activities.activities()]
    assert "garden:index" not in program_url_names()
