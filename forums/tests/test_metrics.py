"""The forum's weekly numbers that the dashboard and the evaluation read."""

import datetime as dt

import pytest

from forums.metrics import forum_weekly
from forums.tests.factories import (
    ForumSessionFactory,
    MethodFactory,
    PeerFeedbackFactory,
    PracticeLogFactory,
    ReflectionFactory,
)
from komunitas.tests.factories import AttendanceFactory, SessionFactory

WEEK = dt.timedelta(days=7)


def test_weekly_numbers(program, teachers, facilitator):
    start = program.start_date
    a = ForumSessionFactory(session__program=program, session__date=start + dt.timedelta(days=1))
    b = ForumSessionFactory(session__program=program, session__date=start + dt.timedelta(days=3))
    # planned on the schedule, not held
    SessionFactory(program=program, kind="forum", date=start + WEEK, status="planned")
    SessionFactory(program=program, kind="forum", date=start + WEEK, status="cancelled")
    SessionFactory(program=program, kind="club", date=start)  # not the forum
    for person in teachers[:3]:
        AttendanceFactory(session=a.session, person=person)
    AttendanceFactory(session=b.session, person=teachers[0])  # counted once in the week
    AttendanceFactory(session=b.session, person=teachers[3], status="absent")
    AttendanceFactory(session=b.session, person=facilitator.person)  # not a participating teacher
    PeerFeedbackFactory(forum=a, presenter=teachers[0], author=teachers[1])
    PeerFeedbackFactory(forum=b, presenter=teachers[0], author=teachers[2])
    ReflectionFactory(forum=a, author=teachers[1])
    jigsaw, tps = MethodFactory(program=program), MethodFactory(program=program)
    PracticeLogFactory(program=program, teacher=teachers[0], method=jigsaw, date=start + dt.timedelta(days=2))
    PracticeLogFactory(program=program, teacher=teachers[0], method=jigsaw, date=start + dt.timedelta(days=4))
    PracticeLogFactory(program=program, teacher=teachers[0], method=tps, date=start + WEEK)
    PracticeLogFactory(program=program, teacher=teachers[1], method=tps, date=start + WEEK)

    rows = forum_weekly(program)

    assert [row.week for row in rows] == list(range(1, 11))
    one, two, three = rows[:3]
    assert (one.planned, one.held, two.planned, two.held) == (2, 2, 1, 0)
    assert (one.teachers_present, one.teachers_total, one.present_share, one.present_percent) == (3, 5, 0.6, 60)
    assert (one.feedback, one.reflections) == (2, 1)
    assert one.methods_tried == {teachers[0].pk: 1} and one.methods_to_date == {teachers[0].pk: 1}
    assert two.methods_tried == {teachers[0].pk: 1, teachers[1].pk: 1}
    assert two.methods_to_date == {teachers[0].pk: 2, teachers[1].pk: 1}
    assert two.methods_per_teacher == pytest.approx(2 / 5)
    assert three.methods_to_date_per_teacher == pytest.approx(3 / 5) and three.methods_tried == {}
    assert (three.teachers_present, three.present_share) == (0, 0.0)


def test_a_program_without_teachers_has_no_share(program):
    assert forum_weekly(program)[0].present_share is None


@pytest.mark.parametrize("size", [1, 20])
def test_it_costs_four_queries_at_any_size(program, teachers, size, django_assert_num_queries):
    method = MethodFactory(program=program)
    for index in range(size):
        forum = ForumSessionFactory(session__program=program, session__date=program.start_date + dt.timedelta(index))
        for person in teachers:
            AttendanceFactory(session=forum.session, person=person)
        PeerFeedbackFactory(forum=forum, presenter=teachers[0], author=teachers[1])
        PracticeLogFactory(
            program=program, teacher=teachers[index % 5], method=method, date=program.start_date + dt.timedelta(index)
        )
    # forum sessions with feedback and reflection counts, participating teachers, teachers present, practice log
    with django_assert_num_queries(4):
        rows = forum_weekly(program)
    assert sum(row.held for row in rows) == size
