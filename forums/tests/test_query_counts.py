"""The forum's pages cost the same number of queries with little or much data (each query named)."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from forums.tests.factories import (
    FollowUpFactory,
    ForumSessionFactory,
    MethodFactory,
    PeerFeedbackFactory,
    PracticeLogFactory,
    ReflectionFactory,
)
from komunitas.testing import jpeg_bytes
from komunitas.tests.factories import AttendanceFactory

# Every page starts with 3: the session, the user, the program with the user's role.
PAGES = {
    # + the sessions' count, the page of sessions with attendance counts, their presenters, the filter's teachers
    "index": (lambda p, f: reverse("forums:index", args=[p.pk]), 7),
    # + the session with its forum record, attendance with people, attachments with consent flag, presenters,
    # follow-ups, feedback with people, reflections with authors, practice logs with teachers and methods, the
    # students for the upload form
    "detail": (lambda p, f: reverse("forums:detail", args=[p.pk, f.pk]), 12),
    # + the session with its forum record, marks, the list's people, the principal, presenters, follow-ups
    "notulen": (lambda p, f: reverse("forums:notulen", args=[p.pk, f.pk]), 9),
    # + the filter's teachers and methods, the count, the page of entries
    "practice_list": (lambda p, f: reverse("forums:practice_list", args=[p.pk]), 7),
    # + the methods with how often they were tried
    "method_list": (lambda p, f: reverse("forums:method_list", args=[p.pk]), 4),
    # + the teacher's own person, the feedback they received
    "feedback_received": (lambda p, f: reverse("forums:feedback_received", args=[p.pk]), 5),
}


def _grow(program, teachers, size) -> object:
    """``size`` forum sessions with attendance, feedback, reflections, follow-ups, practice and a photo each."""
    from komunitas import services
    from komunitas.uploads import CleanFile

    method = MethodFactory(program=program)
    first = None
    for index in range(size):
        forum = ForumSessionFactory(
            session__program=program,
            session__date=program.start_date + dt.timedelta(days=index % 70),
            presenters=teachers[:2],
        )
        first = first or forum
        for person in teachers:
            AttendanceFactory(session=forum.session, person=person)
        PeerFeedbackFactory(forum=forum, presenter=teachers[0], author=teachers[2 + index % 3])
        ReflectionFactory(forum=forum, author=teachers[index % 5])
        FollowUpFactory(forum=first)
        PracticeLogFactory(program=program, teacher=teachers[index % 5], method=method, forum=first)
        services.attachment_add(
            session=first.session,
            clean=CleanFile(jpeg_bytes(), "image/jpeg", "jpg"),
            original_name="a.jpg",
            caption="",
            people=[],
            user=None,
        )
    return first


def _count(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("name", PAGES)
def test_the_forum_pages_cost_the_same_at_two_sizes(client, program, teacher, teachers, name):
    url_for, expected = PAGES[name]
    client.force_login(teacher)
    forum = _grow(program, teachers, 2)
    small = _count(client, url_for(program, forum))
    _grow(program, teachers, 30)
    large = _count(client, url_for(program, forum))
    assert (small, large) == (expected, expected), name
