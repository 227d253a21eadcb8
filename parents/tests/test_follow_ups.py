"""Follow-ups agreed at a class: added, edited and deleted on the class; the list, open ones first."""

import datetime as dt

from django.urls import reverse
from django.utils import timezone

from komunitas.testing import form_values
from parents.models import FollowUp
from parents.tests.factories import FollowUpFactory, ParentClassFactory


def test_a_teacher_adds_a_follow_up(client, program, teacher):
    record = ParentClassFactory(session__program=program)
    client.force_login(teacher)
    url = reverse("parents:follow_up_create", args=[program.pk, record.pk])
    data = form_values(client.get(url).content.decode())
    due = record.session.date + dt.timedelta(days=7)
    data.update(what="Jadwal konsultasi wali kelas", who="Wali kelas 7", due_date=due)
    response = client.post(url, data)
    follow_up = FollowUp.objects.get()
    assert response.url == reverse("parents:detail", args=[program.pk, record.pk])
    assert (follow_up.session, follow_up.due_date, follow_up.done_on, follow_up.created_by) == (
        record.session,
        due,
        None,
        teacher,
    )


def test_bad_input_is_refused(client, program, teacher):
    record = ParentClassFactory(session__program=program)
    client.force_login(teacher)
    url = reverse("parents:follow_up_create", args=[program.pk, record.pk])
    ok = {"what": "Sesuatu", "who": "Kepala sekolah"}
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    cases = [
        ({"what": ""}, "what"),
        ({"who": ""}, "who"),
        ({"what": "x" * 301}, "what"),
        ({"due_date": record.session.date - dt.timedelta(days=1)}, "due_date"),
        ({"due_date": "9999-12-31"}, "due_date"),
        ({"due_date": "kemarin"}, "due_date"),
        ({"done_on": tomorrow}, "done_on"),
    ]
    for changes, field in cases:
        response = client.post(url, {**ok, **changes})
        assert response.status_code == 200 and field in response.context["form"].errors, changes
    assert not FollowUp.objects.exists()


def test_a_follow_up_is_marked_done_then_deleted(client, world):
    program, session, follow_up = world["program"], world["teacher_parent_session"], world["teacher_follow_up"]
    client.force_login(world["users"]["teacher"])
    url = reverse("parents:follow_up_edit", args=[program.pk, session.pk, follow_up.pk])
    data = form_values(client.get(url).content.decode())
    data["done_on"] = session.date + dt.timedelta(days=2)
    assert client.post(url, data).status_code == 302
    follow_up.refresh_from_db()
    assert follow_up.done_on == session.date + dt.timedelta(days=2)
    response = client.post(reverse("parents:follow_up_delete", args=[program.pk, session.pk, follow_up.pk]))
    assert response.url == reverse("parents:detail", args=[program.pk, session.pk])
    assert not FollowUp.objects.filter(pk=follow_up.pk).exists()


def test_the_list_shows_open_ones_first_and_says_which_are_overdue(client, world):
    session = world["parent_session"]
    FollowUp.objects.all().delete()
    day = session.date
    done = FollowUpFactory(session=session, what="Sudah", due_date=day, done_on=day)
    undated = FollowUpFactory(session=session, what="Tanpa tanggal")
    overdue = FollowUpFactory(session=session, what="Terlambat", due_date=day + dt.timedelta(days=3))
    coming = FollowUpFactory(session=session, what="Nanti", due_date=timezone.localdate() + dt.timedelta(days=30))
    client.force_login(world["users"]["district_officer"])
    response = client.get(reverse("parents:follow_ups", args=[world["program"].pk]))
    rows = list(response.context["page"].object_list)
    assert rows == [overdue, coming, undated, done]
    assert [row.overdue for row in rows] == [True, False, False, False]
    page = response.content.decode()
    assert page.count("Overdue") == 1 and "was due" in page


def test_the_list_says_what_to_do_when_empty(client, program, facilitator):
    client.force_login(facilitator)
    assert "No follow-ups yet." in client.get(reverse("parents:follow_ups", args=[program.pk])).content.decode()
