"""Two people editing the same record: the second save is refused with a clear message and their input kept —
never a silent overwrite (optimistic locking: ``forms_base.ModelForm``'s ``<model>_version`` for every record,
``services.attendance_version`` for an attendance list)."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from komunitas import services
from komunitas.models import Attendance, Participant, PersonKind
from komunitas.testing import form_values
from komunitas.tests.factories import SessionFactory, StudentFactory

pytestmark = pytest.mark.usefixtures("english")


@pytest.fixture
def students(program):
    people = [StudentFactory(school=program.school, name=name) for name in ("Ani", "Budi")]
    for person in people:
        Participant.objects.create(program=program, person=person, role=PersonKind.STUDENT)
    return people


def opened(client, user, url):
    """A browser of ``user`` with the form at ``url`` open: its fields as the page gives them."""
    client.force_login(user)
    page = client.get(url).content.decode()
    return form_values(page)


def test_the_second_of_two_attendance_saves_is_refused_and_keeps_its_marks(program, facilitator, teacher, students):
    session = SessionFactory(program=program, created_by=teacher, date=timezone.localdate())
    url = reverse("attendance_edit", args=[program.pk, session.pk])
    ani, budi = students
    first, second = Client(), Client()
    first_form = opened(first, facilitator, url)
    second_form = opened(second, teacher, url)

    assert first.post(url, {**first_form, f"p{ani.pk}": "present", f"p{budi.pk}": "present"}).status_code == 302
    refused = second.post(url, {**second_form, f"p{ani.pk}": "absent", f"p{budi.pk}": "excused"})
    assert refused.status_code == 200
    page = refused.content.decode()
    assert "Someone else saved this attendance list while you were filling it in" in page
    assert dict(Attendance.objects.values_list("person__name", "status")) == {"Ani": "present", "Budi": "present"}
    form = refused.context["form"]
    assert (form[f"p{ani.pk}"].value(), form[f"p{budi.pk}"].value()) == ("absent", "excused")  # kept

    # Having seen it, they save again: theirs now stands.
    again = form_values(page)
    assert second.post(url, again).status_code == 302
    assert dict(Attendance.objects.values_list("person__name", "status")) == {"Ani": "absent", "Budi": "excused"}


def test_a_save_landing_between_the_check_and_the_write_is_refused_too(program, teacher, students):
    """Both requests passed the form's check; the locked re-check in the service refuses the later one."""
    session = SessionFactory(program=program, created_by=teacher, date=timezone.localdate())
    opened_as = services.attendance_version(session)
    services.attendance_record(session=session, statuses={students[0].pk: "present"}, expected_version=opened_as)
    with pytest.raises(services.StaleEdit):
        services.attendance_record(session=session, statuses={students[0].pk: "absent"}, expected_version=opened_as)
    assert Attendance.objects.get().status == "present"


def test_two_people_editing_a_session_the_second_is_refused_with_their_input_kept(program, facilitator, teacher):
    session = SessionFactory(program=program, created_by=teacher, title="Klub sains")
    url = reverse("session_edit", args=[program.pk, session.pk])
    first, second = Client(), Client()
    first_form, second_form = opened(first, facilitator, url), opened(second, teacher, url)
    assert "session_version" in second_form

    assert first.post(url, {**first_form, "place": "Laboratorium"}).status_code == 302
    refused = second.post(url, {**second_form, "title": "Klub sains terapan"})
    assert refused.status_code == 200
    assert "Someone else saved changes to this while you were editing" in refused.content.decode()
    assert refused.context["form"]["title"].value() == "Klub sains terapan"
    session.refresh_from_db()
    assert (session.title, session.place) == ("Klub sains", "Laboratorium")

    again = form_values(refused.content.decode())
    assert second.post(url, again).status_code == 302
    session.refresh_from_db()
    assert session.title == "Klub sains terapan"


def test_two_people_editing_someone_on_the_roster(program, facilitator, superuser, students):
    ani = students[0]
    url = reverse("person_edit", args=[program.pk, ani.pk])
    first, second = Client(), Client()
    first_form, second_form = opened(first, facilitator, url), opened(second, superuser, url)
    assert first.post(url, {**first_form, "phone": "0812"}).status_code == 302
    refused = second.post(url, {**second_form, "name": "Ani Lestari"})
    assert "Someone else saved changes" in refused.content.decode()
    ani.refresh_from_db()
    assert (ani.name, ani.phone) == ("Ani", "0812")


def test_the_version_is_checked_under_a_lock_of_the_row(program, facilitator, teacher):
    """Between the check and the save nobody else's save can land: the edit view checks the version inside its
    transaction with SELECT … FOR UPDATE (on SQLite, whose transactions here take the write lock at their start,
    the same holds without it)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    if not connection.features.has_select_for_update:
        pytest.skip("SQLite serialises writing transactions instead (IMMEDIATE)")
    session = SessionFactory(program=program, created_by=teacher, title="Klub sains")
    url = reverse("session_edit", args=[program.pk, session.pk])
    client = Client()
    form = opened(client, facilitator, url)
    with CaptureQueriesContext(connection) as queries:
        assert client.post(url, {**form, "place": "Lab"}).status_code == 302
    assert any("FOR UPDATE" in query["sql"] for query in queries)
