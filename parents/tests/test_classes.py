"""Planning and logging a parent class (the core session and its class record in one form), its list and its
page."""

import datetime as dt

from django.urls import reverse
from django.utils import timezone

from komunitas.models import Session
from komunitas.testing import form_values
from komunitas.tests.factories import AttendanceFactory, SessionFactory, StudentFactory
from parents.models import PARENT_CLASS, ParentClass
from parents.tests.factories import ParentClassFactory, ParentFactory


def _class_data(program, **changes):
    data = {
        "title": "Kelas inspirasi 1",
        "date": program.start_date + dt.timedelta(days=5),
        "start_time": "09:00",
        "end_time": "11:00",
        "place": "Aula",
        "status": "held",
        "theme": "supervising",
        "speaker_kind": "facilitator",
        "materials": "Lembar refleksi",
    }
    return {**data, **changes}


def test_a_teacher_logs_a_held_class_and_goes_on_to_attendance(client, program, teacher, facilitator, parents):
    client.force_login(teacher)
    url = reverse("parents:create", args=[program.pk])
    data = form_values(client.get(url).content.decode())
    data.update(_class_data(program, speaker_kind="parent", speaker=parents[1].pk))
    response = client.post(url, data)
    record = ParentClass.objects.get()
    session = record.session
    assert response.url == reverse("attendance_edit", args=[program.pk, session.pk])
    assert (session.kind, session.status, session.created_by) == (PARENT_CLASS, "held", teacher)
    assert (record.theme, record.speaker, record.materials) == ("supervising", parents[1], "Lembar refleksi")
    people = client.get(response.url).context["form"].people
    assert set(parents) | {teacher.person} <= set(people)  # the program's parents and its staff


def test_a_class_still_to_come_is_planned_not_held(client, program, teacher, parents):
    client.force_login(teacher)
    future = timezone.localdate() + dt.timedelta(days=3)
    program.start_date = future - dt.timedelta(days=7)
    program.save()
    response = client.post(reverse("parents:create", args=[program.pk]), _class_data(program, date=future))
    assert "status" in response.context["session_form"].errors and not Session.objects.filter(kind=PARENT_CLASS)
    response = client.post(
        reverse("parents:create", args=[program.pk]), _class_data(program, date=future, status="planned")
    )
    session = Session.objects.get(kind=PARENT_CLASS)
    assert response.url == reverse("parents:detail", args=[program.pk, session.pk]) and session.status == "planned"


def test_bad_input_saves_nothing(client, program, teacher, parents, outsider):
    """Each: the field that is wrong says so, and neither the session nor the class is saved."""
    other_school_parent = ParentFactory(school=outsider.person.school)
    student = StudentFactory(school=program.school)
    client.force_login(teacher)
    cases = [
        ({"date": "2001-01-01"}, "session_form", "date"),
        ({"start_time": "11:00", "end_time": "09:00"}, "session_form", "end_time"),
        ({"theme": "other", "theme_other": "  "}, "class_form", "theme_other"),
        ({"theme": "nonsense"}, "class_form", "theme"),
        ({"speaker_kind": "guest", "speaker_name": ""}, "class_form", "speaker_name"),
        ({"speaker_kind": "parent"}, "class_form", "speaker"),
        ({"speaker_kind": "parent", "speaker": teacher.person.pk}, "class_form", "speaker"),
        ({"speaker_kind": "teacher", "speaker": parents[0].pk}, "class_form", "speaker"),
        ({"speaker_kind": "parent", "speaker": other_school_parent.pk}, "class_form", "speaker"),
        ({"speaker_kind": "parent", "speaker": student.pk}, "class_form", "speaker"),
        ({"speaker_kind": "parent", "speaker": "99999999999999999999"}, "class_form", "speaker"),
        ({"materials": "x" * 5000}, "class_form", "materials"),
    ]
    for changes, form, field in cases:
        response = client.post(reverse("parents:create", args=[program.pk]), _class_data(program, **changes))
        assert response.status_code == 200 and field in response.context[form].errors, changes
    assert not Session.objects.filter(kind=PARENT_CLASS).exists() and not ParentClass.objects.exists()


def test_a_guest_is_named_and_other_themes_said(client, program, teacher, parents):
    client.force_login(teacher)
    data = _class_data(
        program, theme="other", theme_other="Gizi anak", speaker_kind="guest", speaker_name="dr. Ayu", speaker=""
    )
    client.post(reverse("parents:create", args=[program.pk]), data)
    record = ParentClass.objects.get()
    assert (record.theme_label, record.speaker_name, record.speaker) == ("Gizi anak", "dr. Ayu", None)
    page = client.get(reverse("parents:detail", args=[program.pk, record.pk])).content.decode()
    assert "Gizi anak" in page and "A guest: dr. Ayu" in page


def test_a_class_planned_on_the_schedule_is_filled_in_from_its_page(client, program, facilitator, teacher, parents):
    session = SessionFactory(program=program, kind=PARENT_CLASS, status="planned", created_by=facilitator)
    client.force_login(teacher)
    page = client.get(reverse("parents:detail", args=[program.pk, session.pk])).content.decode()
    assert "Fill in the class" in page and "not filled in yet" in page
    url = reverse("parents:edit", args=[program.pk, session.pk])
    data = form_values(client.get(url).content.decode())
    data.update(theme="digital", speaker_kind="teacher", speaker=teacher.person.pk)
    assert client.post(url, data).status_code == 302
    session.refresh_from_db()
    assert session.parent_class.theme == "digital" and session.created_by == teacher  # the teacher now owns it


def test_an_edit_round_trip_keeps_everything(client, program, facilitator, parents):
    record = ParentClassFactory(
        session__program=program, session__created_by=facilitator, speaker_kind="parent", speaker=parents[2]
    )
    client.force_login(facilitator)
    url = reverse("parents:edit", args=[program.pk, record.pk])
    page = client.get(url).content.decode()
    assert reverse("session_delete", args=[program.pk, record.pk]) in page  # the core's delete, linked
    response = client.post(url, form_values(page))
    assert response.url == reverse("parents:detail", args=[program.pk, record.pk])
    record.refresh_from_db()
    assert record.speaker == parents[2] and record.materials == "Lembar refleksi orang tua."


def test_the_schedule_links_to_the_class_page(program, facilitator):
    record = ParentClassFactory(session__program=program)
    assert record.session.page_url == reverse("parents:detail", args=[program.pk, record.pk])


def test_the_list_shows_classes_newest_first_with_parents_present(client, program, facilitator, parents):
    first = ParentClassFactory(session__program=program, session__title="Kelas pertama", theme="motivation")
    last = ParentClassFactory(
        session__program=program,
        session__title="Kelas kedua",
        session__date=program.start_date + dt.timedelta(days=8),
        theme="digital",
    )
    for parent in parents[:3]:
        AttendanceFactory(session=last.session, person=parent)
    client.force_login(facilitator)
    url = reverse("parents:index", args=[program.pk])
    response = client.get(url)
    assert list(response.context["page"].object_list) == [last.session, first.session]
    assert "3 of 4 parents present" in response.content.decode()
    assert list(client.get(url, {"theme": "motivation"}).context["page"].object_list) == [first.session]
    assert list(client.get(url, {"q": "kedua"}).context["page"].object_list) == [last.session]
    assert list(client.get(url, {"week": "2"}).context["page"].object_list) == [last.session]
    assert len(client.get(url, {"theme": "nonsense"}).context["page"].object_list) == 2  # ignored, not a 500
    page = client.get(url, {"q": "nothing like it"}).content.decode()
    assert "No class matches these filters." in page


def test_the_list_says_what_to_do_when_empty(client, program, facilitator):
    client.force_login(facilitator)
    page = client.get(reverse("parents:index", args=[program.pk])).content.decode()
    assert "No parent classes yet." in page and reverse("parents:create", args=[program.pk]) in page


def test_the_list_is_paginated(client, program, facilitator):
    for _ in range(21):
        ParentClassFactory(session__program=program)
    client.force_login(facilitator)
    url = reverse("parents:index", args=[program.pk])
    assert len(client.get(url).context["page"].object_list) == 20
    assert len(client.get(url, {"page": "2"}).context["page"].object_list) == 1
    assert len(client.get(url, {"page": "junk"}).context["page"].object_list) == 20


def test_the_class_page_shows_the_class_and_its_parts(client, world):
    program, session = world["program"], world["parent_session"]
    AttendanceFactory(session=session, person=world["parents"][0])
    client.force_login(world["users"]["facilitator"])
    response = client.get(reverse("parents:detail", args=[program.pk, session.pk]))
    page = response.content.decode()
    assert "The parent&#x27;s role at home" in page and "Lembar refleksi orang tua." in page
    assert "1 of 4 parents in the program" in page
    assert world["note"].text in page and world["follow_up"].what in page and "Shared an experience" in page
    assert reverse("attendance_edit", args=[program.pk, session.pk]) in page
    # The check-in panel for those who log classes: the world's open link, the way to the invitation.
    assert "Check-in on parents" in page and reverse("parents:invitation", args=[program.pk, session.pk]) in page


def test_a_class_a_teacher_planned_stays_theirs(client, program, teacher, other_teacher):
    """Planned by a teacher on the schedule, it is theirs (and the facilitator's) to fill in, not a colleague's."""
    session = SessionFactory(program=program, kind=PARENT_CLASS, status="planned", created_by=other_teacher)
    client.force_login(teacher)
    assert client.get(reverse("parents:edit", args=[program.pk, session.pk])).status_code == 403
    page = client.get(reverse("parents:detail", args=[program.pk, session.pk])).content.decode()
    assert reverse("parents:edit", args=[program.pk, session.pk]) not in page
    client.force_login(other_teacher)
    assert client.get(reverse("parents:edit", args=[program.pk, session.pk])).status_code == 200


def test_a_class_planned_on_the_schedule_shows_on_the_list(client, program, facilitator):
    session = SessionFactory(program=program, kind=PARENT_CLASS, status="planned", created_by=facilitator)
    SessionFactory(program=program, kind="other")  # not a parent class
    client.force_login(facilitator)
    response = client.get(reverse("parents:index", args=[program.pk]))
    assert list(response.context["page"].object_list) == [session]
    assert "Class record not filled in yet" in response.content.decode()


def test_the_attendance_list_is_the_programs_parents_and_the_staff_running_the_class(world):
    """Not every teacher of the school: the class's leader, a speaker from the school, the facilitators."""
    from komunitas.activities import session_type
    from komunitas.models import Person, PersonKind

    session = world["parent_session"]
    record = session.parent_class
    speaker = Person.objects.teachers_of(world["program"]).first()
    listed = set(session_type(session.kind).audience(session))
    assert set(world["parents"]) <= listed and speaker not in listed
    record.speaker_kind, record.speaker = "teacher", speaker
    record.save()
    listed = set(session_type(session.kind).audience(session))
    assert speaker in listed and all(p.kind in (PersonKind.PARENT, PersonKind.FACILITATOR) for p in listed - {speaker})
