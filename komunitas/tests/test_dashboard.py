"""The program dashboard (komunitas/dashboard.py): its figures, what needs attention, and its cache — cheaper when
nothing changed, never stale after a save."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from komunitas import activities, dashboard, freshness
from komunitas.access import program_access_for
from komunitas.models import Attachment, Attendance, Participant, PersonKind, PhotoConsent
from komunitas.tests.factories import START, PersonFactory, SessionFactory
from komunitas.tests.test_query_counts import grow

pytestmark = pytest.mark.usefixtures("english")


def day(week: int, weekday: int = 1) -> dt.date:
    return START + dt.timedelta(days=7 * (week - 1) + weekday)


@pytest.fixture
def teachers(program, school):
    people = [PersonFactory(school=school, name=f"Guru {n}", kind=PersonKind.TEACHER) for n in range(3)]
    for person in people:
        Participant.objects.create(program=program, person=person, role=PersonKind.TEACHER)
    return people


def mark(session, people, status="present"):
    for person in people:
        Attendance.objects.create(session=session, person=person, status=status)


def figures(user, program, today):
    return dashboard.dashboard_figures(program_access_for(user, program.pk), today)


def test_participation_is_distinct_people_present_of_those_taking_part_that_week(program, facilitator, teachers):
    first = SessionFactory(program=program, date=day(1))
    mark(first, teachers[:2])
    mark(first, teachers[2:], "absent")
    mark(SessionFactory(program=program, date=day(1, 3)), teachers[:1])  # the same teacher twice counts once
    mark(SessionFactory(program=program, date=day(3)), teachers)

    result = figures(facilitator, program, day(3, 5))
    teachers_row = next(group for group in result["participation"] if group.kind == PersonKind.TEACHER)
    assert [week.percent for week in teachers_row.weeks[:3]] == [67, None, 100]  # no session in week 2: no figure
    assert teachers_row.trend == 33  # compared with week 1, the latest week with a figure
    students = next(group for group in result["participation"] if group.kind == PersonKind.STUDENT)
    assert students.now.percent is None  # nobody took students' attendance: no figure, not 0%


def test_the_grid_says_how_each_week_went(program, facilitator):
    SessionFactory(program=program, date=day(1))
    SessionFactory(program=program, date=day(2), status="planned")  # its day passed: missed
    SessionFactory(program=program, date=day(3))
    SessionFactory(program=program, date=day(3, 2), status="planned")
    SessionFactory(program=program, date=day(5), status="planned")  # still to come
    SessionFactory(program=program, date=day(4), status="cancelled")  # not planned any more

    result = figures(facilitator, program, day(4))
    row = next(row for row in result["activity_rows"] if "other" in row.kinds)
    assert [cell.state for cell in row.cells[:5]] == ["done", "missed", "partial", "none", "future"]
    assert row.cells[2].label == "1/2" and "kind=other" not in row.cells[2].url  # reflection shares the row
    assert (row.so_far.held, row.so_far.planned) == (2, 4)


def test_needs_attention_names_what_to_do(program, facilitator, district_officer, teachers, school):
    overdue = SessionFactory(program=program, date=day(2), status="planned", title="Forum lupa dicatat")
    unmarked = SessionFactory(program=program, date=day(2, 2), title="Sesi tanpa presensi")
    for week in (3, 4, 5):
        session = SessionFactory(program=program, date=day(week))
        mark(session, teachers[:2])
        mark(session, teachers[2:], "absent")
    student = PersonFactory(school=school, kind=PersonKind.STUDENT, name="Siswa Tanpa Izin")
    photo = Attachment.objects.create(session=unmarked, kind="photo", file="x.jpg", original_name="x.jpg")
    photo.people.add(student)

    texts = {str(item.text): item for item in figures(facilitator, program, day(6))["attention"]}
    assert any("1 planned session not logged" in text for text in texts)
    assert any(url == overdue.page_url for item in texts.values() for _label, url in item.items)
    assert any(url.endswith(f"/sessions/{unmarked.pk}/attendance/") for i in texts.values() for _l, url in i.items)
    assert any("Teachers absent 3 weeks running: Guru 2" in text for text in texts)
    assert any("without photo consent" in text for text in texts)

    officer = [str(item.text) for item in figures(district_officer, program, day(6))["attention"]]
    assert not any("photo consent" in text for text in officer)  # consent is managed by the school


def test_photo_strip_shows_only_what_the_viewer_may_see(program, facilitator, district_officer, school):
    session = SessionFactory(program=program, date=day(1))
    student = PersonFactory(school=school, kind=PersonKind.STUDENT)
    photo = Attachment.objects.create(session=session, kind="photo", file="x.jpg", original_name="x.jpg")
    photo.people.add(student)
    assert figures(facilitator, program, day(2))["photos"] == [photo]  # marked for those who manage consent
    assert figures(district_officer, program, day(2))["photos"] == []
    PhotoConsent.objects.create(person=student, purpose="report")
    assert figures(district_officer, program, day(2))["photos"] == [photo]


def get(client, program):
    return client.get(reverse("program_dashboard", args=[program.pk])).content.decode()


def test_no_stale_figure_after_a_save(client, facilitator, program, teachers):
    session = SessionFactory(program=program, date=day(10), title="Forum terakhir")
    client.force_login(facilitator)
    assert 'data-testid="week-held">1/1<' in get(client, program)
    assert 'data-testid="week-held">1/1<' in get(client, program)  # from the cache

    # A model saved through a form …
    response = client.post(
        reverse("session_edit", args=[program.pk, session.pk]),
        {"kind": "other", "title": "Forum terakhir", "date": day(10).isoformat(), "status": "cancelled"}
        | {"session_version": _version(client, program, session)},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert 'data-testid="week-held">0/0<' in get(client, program)

    # … and rows written in bulk by a service (attendance): the participation figure follows at once.
    SessionFactory(program=program, date=day(10, 2))
    held = program.sessions.get(date=day(10, 2))
    client.post(
        reverse("attendance_edit", args=[program.pk, held.pk]),
        {f"p{teacher.pk}": "present" for teacher in teachers[:2]},
    )
    assert "2 of 3 present" in get(client, program)


def _version(client, program, session):
    html = client.get(reverse("session_edit", args=[program.pk, session.pk])).content.decode()
    marker = 'name="session_version" value="'
    return html[html.index(marker) + len(marker) :].split('"', 1)[0]


def test_each_language_and_role_gets_its_own_panels(client, facilitator, district_officer, program, school):
    session = SessionFactory(program=program, date=day(1))
    photo = Attachment.objects.create(session=session, kind="photo", file="x.jpg", original_name="x.jpg")
    photo.people.add(PersonFactory(school=school, kind=PersonKind.STUDENT))
    client.force_login(facilitator)
    assert "Needs attention" in get(client, program) and "without photo consent" in get(client, program)
    client.post(reverse("set_language"), {"language": "id"})
    assert "Perlu perhatian" in get(client, program)
    client.force_login(district_officer)
    client.post(reverse("set_language"), {"language": "en"})
    assert "without photo consent" not in get(client, program)


def count(client, program):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("program_dashboard", args=[program.pk])).status_code == 200
    return len(queries)


def test_the_cached_dashboard_costs_three_queries_at_any_size(client, facilitator, program):
    client.force_login(facilitator)
    costs = []
    with activities.only("komunitas"):
        for size in (3, 60):
            grow(program, size)
            cold = count(client, program)
            # session, user, program access (with the data token); the stages and their checklists are cached too
            costs.append((cold, count(client, program)))
    assert costs == [(11, 3), (11, 3)]  # cold: 10, and whether the program has a first-run guide


def test_a_ticked_checklist_item_shows_at_once(client, facilitator, program):
    client.force_login(facilitator)
    stage = program.stages.first()
    item = stage.checklist.create(text="Undangan dikirim", order=99)
    get(client, program)  # cached now
    client.post(reverse("checklist_toggle", args=[program.pk, item.pk]), {"next": "dashboard"})
    html = get(client, program)
    done = sum(1 for each in stage.checklist.all() if each.done)
    assert f"{done}/{stage.checklist.count()}</span>" in html


def test_cache_key_changes_with_the_data_token_the_day_the_role_and_the_deployment(
    facilitator, principal, program, monkeypatch
):
    access = program_access_for(facilitator, program.pk)
    key = dashboard.cache_key(access, day(1))
    with monkeypatch.context() as patched:  # new templates or translations deployed: a shared cache's entry is old
        patched.setattr(freshness, "deployment", lambda: "a-new-release")
        assert key != dashboard.cache_key(access, day(1))
    assert key != dashboard.cache_key(access, day(2))
    assert key != dashboard.cache_key(program_access_for(principal, program.pk), day(1))
    SessionFactory(program=program)  # any write to the school's data
    assert key != dashboard.cache_key(program_access_for(facilitator, program.pk), day(1))


def test_a_change_of_links_only_changes_the_data_token(facilitator, program, school):
    """auditlog logs no many-to-many change: tagging a student in a photo must still refresh the dashboard."""
    session = SessionFactory(program=program, date=day(1))
    photo = Attachment.objects.create(session=session, kind="photo", file="x.jpg", original_name="x.jpg")
    student = PersonFactory(school=school, kind=PersonKind.STUDENT)
    before = dashboard.cache_key(program_access_for(facilitator, program.pk), day(2))
    photo.people.add(student)
    assert dashboard.cache_key(program_access_for(facilitator, program.pk), day(2)) != before
