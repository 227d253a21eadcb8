"""The forum list: by week, topic, presenter, text; a bounded number of queries."""

import datetime as dt

import pytest
from django.urls import reverse

from forums.tests.factories import ForumSessionFactory
from komunitas.tests.factories import AttendanceFactory, SessionFactory


@pytest.fixture
def sessions(program, teachers):
    week = dt.timedelta(days=7)
    first = ForumSessionFactory(
        session__program=program,
        session__title="Modul ajar berdiferensiasi",
        topic_category="teaching_module",
        presenters=[teachers[0]],
    )
    second = ForumSessionFactory(
        session__program=program,
        session__title="Tiket keluar",
        session__date=program.start_date + week,
        topic_category="assessment",
        presenters=[teachers[1]],
        practice="Tiket keluar dan think-pair-share",
    )
    planned = SessionFactory(
        program=program, kind="forum", title="Forum minggu 3", status="planned", date=program.start_date + 2 * week
    )
    return first, second, planned


def _titles(response):
    return [session.title for session in response.context["page"].object_list]


def test_it_lists_every_forum_session_newest_first(client, program, principal, sessions):
    client.force_login(principal)
    response = client.get(reverse("forums:index", args=[program.pk]))
    assert _titles(response) == ["Forum minggu 3", "Tiket keluar", "Modul ajar berdiferensiasi"]
    html = response.content.decode()
    assert f'href="/programs/{program.pk}/forums/{sessions[1].pk}/"' in html
    assert "Forum record not filled in yet" in html  # the one planned on the schedule
    assert "Log a forum session" not in html  # principals read


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("week=2", ["Tiket keluar"]),
        ("topic=teaching_module", ["Modul ajar berdiferensiasi"]),
        ("q=think-pair", ["Tiket keluar"]),
        ("q=guru01", ["Modul ajar berdiferensiasi"]),  # a presenter's name
        ("week=99", ["Forum minggu 3", "Tiket keluar", "Modul ajar berdiferensiasi"]),  # ignored
    ],
)
def test_it_filters(client, program, teacher, sessions, query, expected):
    client.force_login(teacher)
    assert _titles(client.get(reverse("forums:index", args=[program.pk]) + "?" + query)) == expected


def test_it_filters_by_presenter(client, program, teacher, teachers, sessions):
    client.force_login(teacher)
    response = client.get(reverse("forums:index", args=[program.pk]), {"presenter": teachers[1].pk})
    assert _titles(response) == ["Tiket keluar"]


def test_it_says_when_nothing_matches(client, program, teacher, sessions):
    client.force_login(teacher)
    response = client.get(reverse("forums:index", args=[program.pk]), {"q": "tidak ada"})
    assert "No forum session matches these filters." in response.content.decode()


def _fill(program, teachers, count):
    for index in range(count):
        forum = ForumSessionFactory(
            session__program=program,
            session__date=program.start_date + dt.timedelta(days=index % 60),
            presenters=teachers[:2],
        )
        for person in teachers:
            AttendanceFactory(session=forum.session, person=person)


@pytest.mark.parametrize("count", [2, 25])
def test_the_list_costs_the_same_queries_at_any_size(
    client, program, teacher, teachers, count, django_assert_num_queries
):
    _fill(program, teachers, count)
    client.force_login(teacher)
    url = reverse("forums:index", args=[program.pk])
    # session, user, program access, count, page of sessions, their presenters, the teachers of the filter
    with django_assert_num_queries(7):
        assert client.get(url).status_code == 200
    with django_assert_num_queries(7):
        assert client.get(url, {"q": "Jigsaw", "week": 1}).status_code == 200


def test_schedule_and_core_session_page_link_forum_sessions_to_the_forum_page(client, program, principal):
    session = SessionFactory(program=program, kind="forum", date=program.start_date)
    client.force_login(principal)
    html = client.get(reverse("schedule", args=[program.pk])).content.decode()
    assert reverse("forums:detail", args=[program.pk, session.pk]) in html
    core = client.get(session.get_absolute_url()).content.decode()
    assert reverse("forums:detail", args=[program.pk, session.pk]) in core
