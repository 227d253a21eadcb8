"""A teacher's forum page and the list of teachers: what each one presented, gave, received, reflected and tried."""

import datetime as dt

import pytest
from django.urls import reverse

from forums.tests.factories import (
    ForumSessionFactory,
    MethodFactory,
    PeerFeedbackFactory,
    PracticeLogFactory,
    ReflectionFactory,
)
from komunitas.tests.factories import AttendanceFactory


def _fill(program, teachers, sessions):
    """``sessions`` forum sessions presented by teachers[0] with feedback both ways, reflections and practice."""
    methods = [MethodFactory(program=program, name=f"Metode {n}") for n in range(3)]
    for index in range(sessions):
        forum = ForumSessionFactory(
            session__program=program,
            session__date=program.start_date + dt.timedelta(days=index % 60),
            presenters=[teachers[0], teachers[2]],
        )
        AttendanceFactory(session=forum.session, person=teachers[0])
        PeerFeedbackFactory(forum=forum, presenter=teachers[0], author=teachers[1], anonymous=index % 2 == 0)
        PeerFeedbackFactory(
            forum=forum, presenter=teachers[2], author=teachers[0], anonymous=index % 2 == 0, went_well=f"Saran {index}"
        )
        ReflectionFactory(forum=forum, author=teachers[0])
        PracticeLogFactory(
            program=program,
            teacher=teachers[0],
            method=methods[index % 3],
            forum=forum,
            date=program.start_date + dt.timedelta(days=index % 60),
        )


def _url(program, person):
    return reverse("forums:teacher_detail", args=[program.pk, person.pk])


def test_it_shows_presentations_feedback_reflections_and_practice(client, program, teacher, teachers):
    _fill(program, teachers, 3)
    client.force_login(teacher)
    response = client.get(_url(program, teacher.person))
    context = response.context
    assert len(context["presentations"]) == 3
    assert len(context["received"]) == 3 and len(context["given"]) == 3  # their own anonymous ones included
    assert len(context["reflections"]) == 3 and len(context["logs"]) == 3
    assert context["attended"] == 3 and context["methods_total"] == 3
    html = response.content.decode()
    assert 'role="img"' in html and "Distinct methods tried so far, by week" in html
    assert "I tried a method in class" in html


def test_a_colleague_does_not_see_who_wrote_anonymous_feedback(client, program, other_teacher, teachers):
    _fill(program, teachers, 2)
    client.force_login(other_teacher)
    context = client.get(_url(program, teachers[0])).context
    assert [item.went_well for item in context["given"]] == ["Saran 1"]  # the anonymous one is left out
    assert [item.shown_author for item in context["received"]].count(None) == 0  # guru02 wrote them: theirs


def test_the_presenter_sees_anonymous_feedback_without_a_name(client, program, teacher, teachers):
    _fill(program, teachers, 2)
    client.force_login(teacher)
    received = client.get(_url(program, teacher.person)).context["received"]
    assert sorted(str(item.shown_author) for item in received) == ["Guru02", "None"]


def test_only_participating_teachers_have_a_page(client, program, principal, facilitator):
    client.force_login(principal)
    assert client.get(_url(program, facilitator.person)).status_code == 404


@pytest.mark.parametrize("sessions", [1, 12])
def test_the_teacher_page_costs_the_same_queries_at_any_size(
    client, program, teacher, teachers, sessions, django_assert_num_queries
):
    _fill(program, teachers, sessions)
    client.force_login(teacher)
    # session, user, program access, the person, presentations, feedback received, feedback given, reflections,
    # practice log, sessions attended
    with django_assert_num_queries(10):
        assert client.get(_url(program, teacher.person)).status_code == 200


@pytest.mark.parametrize("sessions", [1, 12])
def test_the_teacher_list_counts_in_one_query(
    client, program, principal, teachers, sessions, django_assert_num_queries
):
    _fill(program, teachers, sessions)
    client.force_login(principal)
    # session, user, program access, the teachers with their counts
    with django_assert_num_queries(4):
        response = client.get(reverse("forums:teacher_list", args=[program.pk]))
    first = next(person for person in response.context["teachers"] if person.pk == teachers[0].pk)
    # Half of the feedback teachers[0] gave is anonymous: the principal cannot attribute (nor count) it.
    assert (first.n_presentations, first.n_attended, first.n_given, first.n_received) == (
        sessions,
        sessions,
        sessions // 2,
        sessions,
    )
    assert (first.n_reflections, first.n_practice, first.n_methods) == (sessions, sessions, min(sessions, 3))


def test_teacher_list_never_counts_anonymous_feedback_a_colleague_could_trace(client, program, teacher, other_teacher):
    forum = ForumSessionFactory(session__program=program, presenters=[teacher.person])
    PeerFeedbackFactory(forum=forum, presenter=teacher.person, author=other_teacher.person, anonymous=True)
    url = reverse("forums:teacher_list", args=[program.pk])
    client.force_login(teacher)
    rows = {t.pk: t.n_given for t in client.get(url).context["teachers"]}
    assert rows[other_teacher.person.pk] == 0
    client.force_login(other_teacher)
    rows = {t.pk: t.n_given for t in client.get(url).context["teachers"]}
    assert rows[other_teacher.person.pk] == 1
