"""Parents' contributions: recorded at a class or between classes, by a parent of the program; their list."""

import datetime as dt

from django.urls import reverse
from django.utils import timezone

from komunitas.testing import form_values
from komunitas.tests.factories import SessionFactory, StudentFactory
from parents.models import PARENT_CLASS, Contribution
from parents.tests.factories import ContributionFactory, ParentClassFactory, ParentFactory


def test_a_contribution_at_a_class_is_dated_on_its_day(client, program, teacher, parents):
    record = ParentClassFactory(session__program=program)
    client.force_login(teacher)
    url = reverse("parents:contribution_create", args=[program.pk])
    form = client.get(url, {"class": record.pk}).context["form"]
    assert str(form["session"].value()) == str(record.pk)  # opened from the class's page: that class
    assert client.get(url, {"class": "junk"}).status_code == 200  # a broken link chooses nothing
    data = {"parent": parents[0].pk, "kind": "asked", "session": record.pk, "date": "", "note": "Soal PR"}
    response = client.post(url, data)
    contribution = Contribution.objects.get()
    assert response.url == reverse("parents:detail", args=[program.pk, record.pk])
    assert (contribution.date, contribution.program, contribution.created_by) == (record.session.date, program, teacher)


def test_a_contribution_between_classes_needs_a_day_of_the_program(client, program, teacher, parents):
    client.force_login(teacher)
    url = reverse("parents:contribution_create", args=[program.pk])
    day = program.start_date + dt.timedelta(days=9)
    response = client.post(url, {"parent": parents[1].pk, "kind": "volunteered", "date": day})
    assert response.url == reverse("parents:contributions", args=[program.pk])
    assert Contribution.objects.get().date == day and Contribution.objects.get().session is None


def test_bad_input_is_refused(client, program, teacher, parents, outsider):
    from komunitas.models import Program

    elsewhere = ParentFactory(school=outsider.person.school)
    not_in_program = ParentFactory(school=program.school)
    student = StudentFactory(school=program.school)
    other_program_class = SessionFactory(program=Program.objects.get(name="Program lain"), kind=PARENT_CLASS)
    forum = SessionFactory(program=program, kind="other")
    future_class = ParentClassFactory(session__program=program, session__date=timezone.localdate() + dt.timedelta(1))
    client.force_login(teacher)
    ok = {"parent": parents[0].pk, "kind": "shared", "date": program.start_date}
    cases = [
        ({"parent": elsewhere.pk}, "parent"),
        ({"parent": not_in_program.pk}, "parent"),
        ({"parent": student.pk}, "parent"),
        ({"parent": teacher.person.pk}, "parent"),
        ({"parent": ""}, "parent"),
        ({"kind": "bribed"}, "kind"),
        ({"session": other_program_class.pk}, "session"),
        ({"session": forum.pk}, "session"),
        ({"session": future_class.pk}, "session"),
        ({"date": ""}, "date"),
        ({"date": "2001-01-01"}, "date"),
        ({"date": "9999-12-31"}, "date"),
        ({"date": "x"}, "date"),
        ({"date": program.end_date + dt.timedelta(days=1)}, "date"),
        ({"note": "x" * 501}, "note"),
    ]
    for changes, field in cases:
        response = client.post(reverse("parents:contribution_create", args=[program.pk]), {**ok, **changes})
        assert response.status_code == 200 and field in response.context["form"].errors, changes
    assert not Contribution.objects.exists()


def test_a_contribution_cannot_be_in_the_future(client, program, teacher, parents):
    today = timezone.localdate()
    program.start_date = today - dt.timedelta(days=today.weekday())
    program.save()
    client.force_login(teacher)
    data = {"parent": parents[0].pk, "kind": "shared", "date": today + dt.timedelta(days=1)}
    response = client.post(reverse("parents:contribution_create", args=[program.pk]), data)
    assert response.context["form"].errors["date"] == ["The date cannot be in the future."]


def test_a_contribution_is_edited_and_deleted(client, world):
    program, contribution = world["program"], world["teacher_contribution"]
    client.force_login(world["users"]["teacher"])
    url = reverse("parents:contribution_edit", args=[program.pk, contribution.pk])
    data = form_values(client.get(url).content.decode())
    data.update(kind="resource", note="Membawa buku cerita")
    assert client.post(url, data).url == reverse("parents:contributions", args=[program.pk])
    contribution.refresh_from_db()
    assert (contribution.kind, contribution.note) == ("resource", "Membawa buku cerita")
    response = client.post(reverse("parents:contribution_delete", args=[program.pk, contribution.pk]))
    assert response.url == reverse("parents:contributions", args=[program.pk])
    assert not Contribution.objects.filter(pk=contribution.pk).exists()


def test_the_list_filters_by_kind_and_parent(client, world):
    program, parents = world["program"], world["parents"]
    ContributionFactory(program=program, parent=parents[2], kind="led")
    client.force_login(world["users"]["facilitator"])
    url = reverse("parents:contributions", args=[program.pk])
    assert client.get(url).context["page"].paginator.count == 3
    assert [c.parent for c in client.get(url, {"kind": "led"}).context["page"]] == [parents[2]]
    assert client.get(url, {"parent": parents[0].pk}).context["page"].paginator.count == 1
    assert client.get(url, {"parent": "junk"}).context["page"].paginator.count == 3  # ignored
    page = client.get(url, {"kind": "asked"}).content.decode()
    assert "No contribution matches these filters." in page


def test_district_officers_filter_by_kind_only(client, world):
    client.force_login(world["users"]["district_officer"])
    url = reverse("parents:contributions", args=[world["program"].pk])
    response = client.get(url, {"parent": world["parents"][0].pk})
    assert "parent" not in response.context["filters"].form.fields
    assert response.context["page"].paginator.count == 2  # a parent's id in the link narrows nothing


def test_the_list_says_what_to_do_when_empty(client, program, facilitator):
    client.force_login(facilitator)
    page = client.get(reverse("parents:contributions", args=[program.pk])).content.decode()
    assert "No contributions yet" in page and reverse("parents:contribution_create", args=[program.pk]) in page
