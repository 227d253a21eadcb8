"""Editing a forum session: the author and facilitators; the same form as logging one."""

import pytest
from django.urls import reverse

from forums.models import FollowUp, ForumSession
from forums.tests.factories import FollowUpFactory, ForumSessionFactory
from forums.tests.utils import session_payload
from komunitas.models import Attendance
from komunitas.testing import form_values
from komunitas.tests.factories import AttendanceFactory, SessionFactory


@pytest.fixture
def forum(program, teacher, teachers):
    forum = ForumSessionFactory(
        session__program=program, session__created_by=teacher, presenters=[teachers[0]], notetaker=teachers[2]
    )
    FollowUpFactory(forum=forum, action="Mencoba jigsaw", responsible="Semua guru")
    AttendanceFactory(session=forum.session, person=teachers[0])
    AttendanceFactory(session=forum.session, person=teachers[1], status="absent")
    return forum


def _url(forum):
    return reverse("forums:edit", args=[forum.session.program_id, forum.pk])


def test_a_round_trip_changes_nothing(client, teacher, forum):
    client.force_login(teacher)
    html = client.get(_url(forum)).content.decode()
    response = client.post(_url(forum), form_values(html, "forum-form"))
    assert response.status_code == 302, response.context and [
        f.errors for f in ("session_form", "details_form") if response.context[f].errors
    ]
    forum.refresh_from_db()
    assert list(forum.presenters.all()) == [teacher.person]
    assert forum.notetaker.name == "Siti Aminah"
    assert list(forum.follow_ups.values_list("action", "responsible")) == [("Mencoba jigsaw", "Semua guru")]
    assert sorted(Attendance.objects.values_list("status", flat=True)) == ["absent", "present"]
    assert forum.practice.startswith("Jigsaw dalam kelompok kecil.\n\n- Bagi materi")


def test_it_updates_presenters_follow_ups_and_attendance(client, program, teacher, teachers, forum):
    client.force_login(teacher)
    data = session_payload(
        program,
        presenters=[teachers[0], teachers[1]],
        present=teachers[:3],
        follow_ups=[{"action": "Baru", "responsible": "Budi", "due_date": "", "done": "on"}],
        title="Judul baru",
    )
    response = client.post(_url(forum), data)
    assert response.status_code == 302
    forum.refresh_from_db()
    assert forum.session.title == "Judul baru"
    assert forum.presenters.count() == 2
    assert list(FollowUp.objects.values_list("action", "done")) == [("Baru", True)]
    assert Attendance.objects.filter(status="present").count() == 3


def test_a_facilitator_edits_a_teachers_session(client, program, facilitator, teachers, forum):
    client.force_login(facilitator)
    response = client.post(_url(forum), session_payload(program, presenters=[teachers[0]], title="Diperbaiki"))
    assert response.status_code == 302
    assert ForumSession.objects.get().session.title == "Diperbaiki"


def test_another_teacher_may_not_edit(client, program, other_teacher, teachers, forum):
    client.force_login(other_teacher)
    assert client.post(_url(forum), session_payload(program, presenters=[teachers[0]])).status_code == 403


def test_a_session_planned_on_the_schedule_gets_its_forum_record(client, program, facilitator, teachers):
    session = SessionFactory(
        program=program, kind="forum", created_by=facilitator, status="planned", title="Forum minggu 3"
    )
    client.force_login(facilitator)
    detail = client.get(reverse("forums:detail", args=[program.pk, session.pk]))
    assert "not filled in yet" in detail.content.decode()
    response = client.post(
        reverse("forums:edit", args=[program.pk, session.pk]),
        session_payload(program, presenters=[teachers[2]], title="Forum minggu 3"),
    )
    assert response.status_code == 302
    assert ForumSession.objects.get().session_id == session.pk


def test_sessions_of_other_kinds_are_not_forum_sessions(client, program, facilitator):
    club = SessionFactory(program=program, kind="club", created_by=facilitator)
    client.force_login(facilitator)
    assert client.get(reverse("forums:edit", args=[program.pk, club.pk])).status_code == 404
    assert client.get(reverse("forums:detail", args=[program.pk, club.pk])).status_code == 404


def test_a_teacher_fills_in_a_forum_session_the_facilitator_planned_and_then_owns_it(
    client, program, facilitator, teacher, other_teacher, teachers
):
    planned = SessionFactory(program=program, kind="forum", created_by=facilitator, status="planned")
    url = reverse("forums:edit", args=[program.pk, planned.pk])
    client.force_login(teacher)
    response = client.post(url, session_payload(program, presenters=[teachers[0]], present=teachers[:3]))
    assert response.status_code == 302
    planned.refresh_from_db()
    assert ForumSession.objects.filter(pk=planned.pk).exists() and planned.created_by == teacher
    # Once filled in, the usual rule holds: other teachers may not edit it.
    client.force_login(other_teacher)
    assert client.get(url).status_code == 403


def test_a_forum_session_a_teacher_planned_stays_theirs(client, program, teacher, other_teacher, teachers):
    """Only what the facilitator planned is open to any teacher: a colleague cannot take over, then delete, a
    session a teacher planned on the schedule."""
    planned = SessionFactory(program=program, kind="forum", created_by=teacher, status="planned")
    url = reverse("forums:edit", args=[program.pk, planned.pk])
    client.force_login(other_teacher)
    assert url not in client.get(reverse("forums:detail", args=[program.pk, planned.pk])).content.decode()
    assert client.post(url, session_payload(program, presenters=[teachers[1]])).status_code == 403
    assert client.post(reverse("session_delete", args=[program.pk, planned.pk])).status_code == 403
    planned.refresh_from_db()
    assert planned.created_by == teacher and not ForumSession.objects.exists()
    client.force_login(teacher)  # the teacher who planned it fills it in
    assert client.post(url, session_payload(program, presenters=[teachers[0]])).status_code == 302


def test_editing_a_past_session_keeps_a_presenter_who_has_left(client, program, facilitator, teachers):
    """A form round trip after a co-presenter was archived keeps both presenters."""
    from komunitas import services

    forum = ForumSessionFactory(session__program=program, session__created_by=facilitator, presenters=teachers[:2])
    for person in teachers[:2]:
        AttendanceFactory(session=forum.session, person=person)
    services.person_remove(person=teachers[1])  # archived: took part
    client.force_login(facilitator)
    url = reverse("forums:edit", args=[program.pk, forum.pk])
    data = form_values(client.get(url).content.decode(), "forum-form")
    assert client.post(url, data).status_code == 302
    assert set(forum.presenters.all()) == set(teachers[:2])


def test_two_people_editing_the_minutes_the_second_is_refused_and_keeps_theirs(teacher, facilitator, forum):
    """Optimistic locking (komunitas.forms_base.ModelForm): no silent overwrite of a colleague's minutes."""
    from django.test import Client

    first, second = Client(), Client()
    first.force_login(facilitator)
    second.force_login(teacher)
    first_form = form_values(first.get(_url(forum)).content.decode(), "forum-form")
    second_form = form_values(second.get(_url(forum)).content.decode(), "forum-form")
    assert first.post(_url(forum), {**first_form, "conclusion": "Kesimpulan fasilitator"}).status_code == 302
    refused = second.post(_url(forum), {**second_form, "conclusion": "Kesimpulan guru"})
    assert refused.status_code == 200
    assert "Someone else saved changes to this while you were editing" in refused.content.decode()
    assert refused.context["details_form"]["conclusion"].value() == "Kesimpulan guru"
    forum.refresh_from_db()
    assert forum.conclusion == "Kesimpulan fasilitator"
