"""Peer feedback in the kombel form Sampaikan – Tanyakan – Berikan, after a session one attended."""

import pytest
from django.urls import reverse

from forums.models import PeerFeedback
from forums.tests.factories import ForumSessionFactory, PeerFeedbackFactory
from komunitas.models import Participant, Person
from komunitas.tests.factories import AttendanceFactory, MembershipFactory, UserFactory


@pytest.fixture
def forum(program, teacher, teachers):
    """Presented by guru01 and Siti Aminah; guru02 (other_teacher) was present."""
    forum = ForumSessionFactory(session__program=program, presenters=[teacher.person, teachers[2]])
    for person in teachers[:3]:
        AttendanceFactory(session=forum.session, person=person)
    return forum


def _url(forum):
    return reverse("forums:feedback_create", args=[forum.session.program_id, forum.pk])


def _data(presenter, **extra):
    return {
        "presenter": presenter.pk,
        "went_well": "Contohnya jelas",
        "question": "Untuk kelas 9?",
        "suggestion": "Tambah rubrik",
        **extra,
    }


def test_an_attendee_gives_feedback(client, other_teacher, teacher, forum):
    client.force_login(other_teacher)
    response = client.post(_url(forum), _data(teacher.person, anonymous="on"))
    assert response.status_code == 302
    feedback = PeerFeedback.objects.get()
    assert (feedback.author, feedback.presenter, feedback.anonymous) == (other_teacher.person, teacher.person, True)
    assert feedback.created_by == other_teacher


def test_feedback_on_a_session_you_did_not_attend_is_refused(client, program, teacher, forum):
    late = UserFactory(username="guru03")
    MembershipFactory(user=late, school=program.school, role="teacher")
    person = Person.objects.create(school=program.school, name="Guru03", kind="teacher", user=late)
    Participant.objects.create(program=program, person=person, role="teacher")
    client.force_login(late)
    page = client.get(_url(forum)).content.decode()
    assert "You are not recorded as present" in page
    assert 'name="went_well"' not in page  # no form to fill in for nothing
    response = client.post(_url(forum), _data(teacher.person))  # and a crafted post is refused too
    assert response.status_code == 200
    assert "You are not recorded as present at this session" in response.context["form"].non_field_errors()[0]
    assert not PeerFeedback.objects.exists()


def test_a_presenter_cannot_give_feedback_to_themselves(client, teacher, forum):
    client.force_login(teacher)
    response = client.post(_url(forum), _data(teacher.person))
    assert response.context["form"].errors["presenter"] == ["Choose one of this session's presenters."]
    assert not PeerFeedback.objects.exists()


def test_feedback_goes_to_a_presenter_of_this_session_only(client, other_teacher, teachers, forum):
    client.force_login(other_teacher)
    response = client.post(_url(forum), _data(teachers[4]))
    assert response.context["form"].errors["presenter"] == ["Choose one of this session's presenters."]


def test_feedback_needs_at_least_what_worked(client, other_teacher, teacher, forum):
    client.force_login(other_teacher)
    response = client.post(_url(forum), _data(teacher.person, went_well="", question="", suggestion=""))
    assert "went_well" in response.context["form"].errors
    assert not PeerFeedback.objects.exists()


def test_feedback_is_given_once_per_presenter(client, other_teacher, teacher, forum):
    PeerFeedbackFactory(forum=forum, presenter=teacher.person, author=other_teacher.person)
    client.force_login(other_teacher)
    response = client.post(_url(forum), _data(teacher.person))
    assert response.context["form"].errors["presenter"] == [
        "You already gave feedback to this presenter; edit it instead."
    ]
    assert PeerFeedback.objects.count() == 1


def test_an_account_without_a_person_gets_a_clear_message(client, superuser, forum):
    client.force_login(superuser)
    response = client.get(_url(forum))
    assert response.status_code == 200
    assert "Your account is not linked to a person" in response.content.decode()


def test_the_author_and_the_facilitator_edit_feedback(client, other_teacher, facilitator, teacher, forum):
    feedback = PeerFeedbackFactory(
        forum=forum, presenter=teacher.person, author=other_teacher.person, created_by=other_teacher
    )
    url = reverse("forums:feedback_edit", args=[forum.session.program_id, feedback.pk])
    for user in (other_teacher, facilitator):
        client.force_login(user)
        assert client.post(url, _data(teacher.person, went_well=f"oleh {user}")).status_code == 302
        feedback.refresh_from_db()
        assert feedback.went_well == f"oleh {user}"
    client.force_login(teacher)
    assert client.post(url, _data(teacher.person)).status_code == 403


def test_a_presenter_sees_all_feedback_in_one_place_without_anonymous_names(
    client, program, teacher, other_teacher, teachers, forum
):
    second = ForumSessionFactory(session__program=program, session__title="Sesi kedua", presenters=[teacher.person])
    PeerFeedbackFactory(
        forum=forum, presenter=teacher.person, author=other_teacher.person, anonymous=True, went_well="Dari yang anonim"
    )
    PeerFeedbackFactory(forum=second, presenter=teacher.person, author=teachers[3], went_well="Dari Budi")
    PeerFeedbackFactory(forum=forum, presenter=teachers[2], author=teachers[3], went_well="Untuk Siti")
    client.force_login(teacher)
    response = client.get(reverse("forums:feedback_received", args=[program.pk]))
    html = response.content.decode()
    assert "Dari yang anonim" in html and "Dari Budi" in html and "Sesi kedua" in html
    assert "Untuk Siti" not in html
    assert "Guru02" not in html and "Anonymous" in html and "Budi Santoso" in html


def test_deleting_a_forum_session_names_the_feedback_lost_with_it(client, program, facilitator, teacher, other_teacher):
    forum = ForumSessionFactory(session__program=program, presenters=[teacher.person])
    PeerFeedbackFactory(forum=forum, presenter=teacher.person, author=other_teacher.person)
    client.force_login(facilitator)
    html = client.get(reverse("session_delete", args=[program.pk, forum.pk])).content.decode()
    assert "1 peer feedback" in html and "forum session" in html
