"""The program page shows the forum's participation per week as a server-drawn SVG chart."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from forums.panels import forum_panel
from forums.tests.factories import ForumSessionFactory, PeerFeedbackFactory
from komunitas import activities
from komunitas.access import program_access_for
from komunitas.tests.factories import AttendanceFactory


def _fill(program, teachers, weeks):
    for week in range(weeks):
        forum = ForumSessionFactory(
            session__program=program, session__date=program.start_date + dt.timedelta(days=7 * week + 1)
        )
        for person in teachers[: 1 + week % 5]:
            AttendanceFactory(session=forum.session, person=person)
        PeerFeedbackFactory(forum=forum, presenter=teachers[0], author=teachers[1])


def test_the_dashboard_shows_the_forum_chart_with_its_numbers(client, program, principal, teachers):
    _fill(program, teachers, 3)
    client.force_login(principal)
    html = client.get(reverse("program_dashboard", args=[program.pk])).content.decode()
    assert 'data-testid="forum-panel"' in html
    assert '<svg xmlns="http://www.w3.org/2000/svg"' in html and 'role="img"' in html
    assert '<title id="forum-participation-title">Teachers present at the forum, by week</title>' in html
    assert "1: 1/5; 2: 2/5; 3: 3/5; 4: –" in html  # the description spells the numbers out
    assert 'data-testid="forum-participation-table"' in html and "<td>60%</td>" in html
    assert "3/3" in html and "sessions held / planned" in html


@pytest.mark.parametrize("weeks", [1, 10])
def test_the_panel_costs_four_queries(program, principal, teachers, weeks, django_assert_num_queries):
    _fill(program, teachers, weeks)
    access = program_access_for(principal, program.pk)
    with django_assert_num_queries(4):
        panel = forum_panel(access)
    assert panel.context["sessions_held"] == weeks


@pytest.mark.parametrize("weeks", [1, 10])
def test_the_dashboard_with_the_forum_panel_costs_a_fixed_number_of_queries(
    client, program, principal, teachers, weeks, django_assert_num_queries
):
    _fill(program, teachers, weeks)
    client.force_login(principal)
    # the core's 10, not cached yet (komunitas/tests/test_query_counts.py) + the forum panel's 4 (see
    # forum_weekly); whatever other apps register is left out
    with activities.only("komunitas", "forums"), django_assert_num_queries(14):
        assert client.get(reverse("program_dashboard", args=[program.pk])).status_code == 200


def test_the_dashboard_costs_the_same_queries_at_two_sizes(client, program, principal, teachers):
    """With every registered panel, whichever they are."""
    client.force_login(principal)
    url = reverse("program_dashboard", args=[program.pk])
    _fill(program, teachers, 1)
    with CaptureQueriesContext(connection) as small:
        assert client.get(url).status_code == 200
    _fill(program, teachers, 9)
    with CaptureQueriesContext(connection) as large:
        assert client.get(url).status_code == 200
    assert len(small) == len(large)


def test_the_panel_charts_the_variety_of_methods_tried(program, principal, teachers):
    """Table 1, teacher competence: distinct methods per participating teacher, in the week and so far."""
    from forums.tests.factories import MethodFactory, PracticeLogFactory

    jigsaw, gallery = MethodFactory(program=program), MethodFactory(program=program)
    PracticeLogFactory(program=program, teacher=teachers[0], method=jigsaw)  # week 1
    PracticeLogFactory(program=program, teacher=teachers[1], method=gallery)
    later = program.start_date + dt.timedelta(days=8)  # week 2: the same teacher, another method
    PracticeLogFactory(program=program, teacher=teachers[0], method=gallery, date=later)
    chart = forum_panel(program_access_for(principal, program.pk)).context["methods_chart"]
    assert 'data-chart="forum-methods"' in chart.svg
    # 5 teachers: 2 methods in week 1 (0.4 each), 1 in week 2 (0.2); so far 0.4, then 0.6
    assert "In the week: 1 0.4; 2 0.2; 3 0" in chart.svg and "So far: 1 0.4; 2 0.6; 3 0.6" in chart.svg
