"""Every page of the forum, at desktop and phone width, passes the accessibility check and fits the screen."""

import pytest
from django.urls import reverse

from forums.tests.factories import (
    ForumSessionFactory,
    MethodFactory,
    PeerFeedbackFactory,
    PracticeLogFactory,
    ReflectionFactory,
)
from komunitas.models import Person
from komunitas.testing import sign_in, visit_each
from komunitas.tests.factories import AttendanceFactory

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_every_forum_page_is_accessible_and_fits(request, size, live_program):
    program = live_program
    teachers = list(Person.objects.teachers_of(program))
    forum = ForumSessionFactory(
        session__program=program, session__date=program.start_date, presenters=teachers[:1], notetaker=teachers[1]
    )
    for person in teachers:
        AttendanceFactory(session=forum.session, person=person)
    feedback = PeerFeedbackFactory(forum=forum, presenter=teachers[0], author=teachers[1])
    ReflectionFactory(forum=forum, author=teachers[2])
    method = MethodFactory(program=program, name="Kunjungan karya")
    log = PracticeLogFactory(program=program, teacher=teachers[0], method=method, date=program.start_date, forum=forum)
    page = request.getfixturevalue(size)
    sign_in(page, "fasilitator")
    pk, args = program.pk, [program.pk, forum.pk]
    visit_each(
        page,
        [
            reverse("forums:index", args=[pk]),
            reverse("forums:create", args=[pk]),
            reverse("forums:detail", args=args),
            reverse("forums:edit", args=args),
            reverse("forums:notulen", args=args),
            reverse("forums:feedback_edit", args=[pk, feedback.pk]),
            reverse("forums:teacher_list", args=[pk]),
            reverse("forums:teacher_detail", args=[pk, teachers[0].pk]),
            reverse("forums:practice_list", args=[pk]),
            reverse("forums:practice_edit", args=[pk, log.pk]),
            reverse("forums:method_list", args=[pk]),
            reverse("forums:method_edit", args=[pk, method.pk]),
        ],
    )
