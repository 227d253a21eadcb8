"""Logging a forum session: one form, one transaction — session, forum record, presenters, RTL, attendance,
materials and photos."""

import datetime as dt

import pytest
from django.urls import reverse

from forums.models import FollowUp, ForumSession
from forums.tests.utils import session_payload
from komunitas.models import Attachment, Attendance, Session
from komunitas.testing import exe, jpeg, pdf


@pytest.fixture
def url(program):
    return reverse("forums:create", args=[program.pk])


def test_it_shows_the_form_with_attendance_and_no_presenter_chosen(client, teacher, teachers, url):
    client.force_login(teacher)
    response = client.get(url)
    html = response.content.decode()
    assert response.status_code == 200
    assert all(f'name="att-p{person.pk}"' in html for person in teachers)
    assert response.context["details_form"]["presenters"].value() in (None, [])
    assert response.context["session_form"].initial["status"] == "held"


def test_a_teacher_who_ticks_only_a_colleague_is_not_saved_as_presenter(client, program, teacher, teachers, url):
    """A form round trip: what the page shows, plus a colleague ticked as presenter, is what gets saved."""
    from forums.models import ForumSession
    from komunitas.testing import form_values

    client.force_login(teacher)
    data = form_values(client.get(url).content.decode(), "forum-form")
    ticked = data.get("presenters", [])
    ticked = [ticked] if isinstance(ticked, str) else ticked
    data.update(title="Jigsaw", topic_category="strategy", practice="Jigsaw di kelas.")
    data["presenters"] = [*ticked, str(teachers[1].pk)]  # the teacher ticks a colleague
    data["date"] = program.start_date.isoformat()
    data[f"att-p{teachers[1].pk}"] = "present"
    assert client.post(url, data).status_code == 302
    assert list(ForumSession.objects.get().presenters.all()) == [teachers[1]]


def test_it_creates_everything_in_one_go(client, program, teacher, teachers, url):
    client.force_login(teacher)
    me, colleague, absent = teachers[0], teachers[1], teachers[4]
    data = session_payload(
        program,
        presenters=[me, colleague],
        present=teachers[:4],
        absent=[absent],
        follow_ups=[
            {"action": "Mencoba tiket keluar", "responsible": "Semua guru", "due_date": "2026-02-20"},
            {"action": "", "responsible": "", "due_date": ""},  # an empty row is ignored
        ],
        notetaker=teachers[2].pk,
    )
    data["materials"] = [pdf()]
    data["photos"] = [jpeg()]
    response = client.post(url, data)

    forum = ForumSession.objects.select_related("session").get()
    session = forum.session
    assert response.status_code == 302
    assert response.url == f"/programs/{program.pk}/forums/{session.pk}/"
    assert session.kind == "forum" and session.created_by == teacher and session.program == program
    assert session.week == 2
    assert set(forum.presenters.all()) == {me, colleague}
    assert forum.notetaker == teachers[2]
    assert list(FollowUp.objects.values_list("action", "responsible", "due_date", "done")) == [
        ("Mencoba tiket keluar", "Semua guru", dt.date(2026, 2, 20), False)
    ]
    statuses = dict(Attendance.objects.values_list("person_id", "status"))
    assert statuses == {**{p.pk: "present" for p in teachers[:4]}, absent.pk: "absent"}
    assert sorted(Attachment.objects.filter(session=session).values_list("kind", flat=True)) == ["file", "photo"]


def test_a_presenter_left_blank_is_recorded_present(client, program, teacher, teachers, url):
    client.force_login(teacher)
    client.post(url, session_payload(program, presenters=[teachers[1]]))
    assert dict(Attendance.objects.values_list("person_id", "status")) == {teachers[1].pk: "present"}


def test_it_keeps_input_and_saves_nothing_when_required_fields_are_empty(client, program, teacher, teachers, url):
    client.force_login(teacher)
    data = session_payload(program, presenters=[], present=teachers[:2], title="", topic_category="")
    data["practice"] = "Sesuatu yang ditulis panjang"
    response = client.post(url, data)
    assert response.status_code == 200
    assert set(response.context["session_form"].errors) == {"title"}
    assert set(response.context["details_form"].errors) == {"topic_category", "presenters"}
    assert "Choose at least one presenting teacher." in response.content.decode()
    assert "Sesuatu yang ditulis panjang" in response.content.decode()  # input kept
    assert 'value="present" autocomplete="off" checked' in response.content.decode()  # attendance kept too
    assert not Session.objects.exists() and not ForumSession.objects.exists()


def test_a_date_outside_the_program_is_refused(client, program, teacher, teachers, url):
    client.force_login(teacher)
    data = session_payload(
        program, presenters=[teachers[0]], date=(program.end_date + dt.timedelta(days=1)).isoformat()
    )
    response = client.post(url, data)
    assert response.status_code == 200
    assert (
        "The date is outside the program (Feb. 2, 2026 – April 12, 2026)."
        in response.context["session_form"].errors["date"]
    )
    assert not Session.objects.exists()


def test_a_presenter_who_is_not_a_participating_teacher_is_refused(
    client, program, teacher, teachers, facilitator, url
):
    client.force_login(teacher)
    data = session_payload(program, presenters=[teachers[0]])
    data["presenters"] = [teachers[0].pk, facilitator.person.pk]
    response = client.post(url, data)
    assert response.context["details_form"].errors["presenters"] == [
        "Choose presenters among the teachers taking part in this program."
    ]
    assert not Session.objects.exists()


def test_a_presenter_marked_absent_is_refused(client, program, teacher, teachers, url):
    client.force_login(teacher)
    response = client.post(url, session_payload(program, presenters=[teachers[1]], absent=[teachers[1]]))
    assert "A presenter must be present" in response.context["details_form"].errors["presenters"][0]
    assert not Session.objects.exists()


def test_a_held_session_records_the_practice_but_a_planned_one_may_wait(client, program, teacher, teachers, url):
    client.force_login(teacher)
    response = client.post(url, session_payload(program, presenters=[teachers[0]], practice=" "))
    assert response.context["details_form"].errors["practice"] == [
        "Describe the practice that was shared in this session."
    ]
    response = client.post(url, session_payload(program, presenters=[teachers[0]], practice="", status="planned"))
    assert response.status_code == 302


def test_a_future_session_cannot_be_held(client, program, teacher, teachers, url, settings, monkeypatch):
    from django.utils import timezone

    monkeypatch.setattr(timezone, "localdate", lambda *a: program.start_date)
    client.force_login(teacher)
    response = client.post(url, session_payload(program, presenters=[teachers[0]]))
    assert "status" in response.context["session_form"].errors


def test_an_oversized_file_is_refused_next_to_its_field(client, program, teacher, teachers, url, settings):
    settings.UPLOAD_MAX_BYTES = 100
    client.force_login(teacher)
    data = session_payload(program, presenters=[teachers[0]])
    data["materials"] = [pdf("besar.pdf", padding=5000)]
    response = client.post(url, data)
    errors = response.context["files_form"].errors["materials"]
    assert errors[0].startswith("besar.pdf: The file is") and "the limit is 100" in errors[0]
    assert "Nothing was saved; choose the files again after fixing this." in errors
    assert "Asesmen formatif dengan tiket keluar" in response.content.decode()
    assert not Session.objects.exists() and not Attachment.objects.exists()


def test_a_program_renamed_pdf_is_refused(client, program, teacher, teachers, url):
    client.force_login(teacher)
    data = session_payload(program, presenters=[teachers[0]])
    data["materials"] = [pdf("baik.pdf"), exe("virus.pdf")]
    response = client.post(url, data)
    errors = response.context["files_form"].errors["materials"]
    assert errors[0] == "virus.pdf: Upload a photo or a PDF, Word, PowerPoint, Excel or OpenDocument file."
    assert not Session.objects.exists() and not Attachment.objects.exists()


def test_the_photos_field_takes_images_only(client, program, teacher, teachers, url):
    client.force_login(teacher)
    data = session_payload(program, presenters=[teachers[0]])
    data["photos"] = [pdf("foto.pdf")]
    response = client.post(url, data)
    assert response.context["files_form"].errors["photos"][0].startswith("foto.pdf: ")


def test_nothing_is_half_saved_when_a_write_fails(client, program, teacher, teachers, url, monkeypatch):
    """The form is valid, then storing the photo fails: the session, forum record and attendance roll back."""
    import forums.services

    def broken(**kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(forums.services, "attachment_add", broken)
    client.force_login(teacher)
    data = session_payload(program, presenters=[teachers[0]], present=teachers)
    data["photos"] = [jpeg()]
    with pytest.raises(OSError):
        client.post(url, data)
    assert not Session.objects.exists()
    assert not ForumSession.objects.exists()
    assert not Attendance.objects.exists()


def test_a_follow_up_row_without_an_action_is_refused(client, program, teacher, teachers, url):
    client.force_login(teacher)
    data = session_payload(
        program, presenters=[teachers[0]], follow_ups=[{"action": "", "responsible": "Budi", "due_date": ""}]
    )
    response = client.post(url, data)
    assert response.context["rtl"].forms[0].errors["action"] == ["Write the action, or clear the row."]
    assert not Session.objects.exists()


def test_it_says_that_chosen_files_must_be_chosen_again_after_an_error(client, program, teacher, teachers, url):
    client.force_login(teacher)
    data = session_payload(program, presenters=[teachers[0]], title="")
    data["materials"] = [pdf()]
    response = client.post(url, data)
    assert "The files you chose were not saved; choose them again before saving." in response.content.decode()
    assert not Attachment.objects.exists()


def test_a_planned_session_with_its_presenter_stays_planned(client, program, teacher, teachers, url):
    """Presenters of a planned session are who will present, not people recorded present: it stays planned
    (before, the presenter was marked present and the session held, even dated next week)."""
    from django.utils import timezone

    from forums.models import ForumSession
    from komunitas import services
    from komunitas.models import CycleTemplate

    running = services.program_create(
        school=program.school, name="Berjalan", start_date=timezone.localdate(), weeks=10, cycle=CycleTemplate.STUDY
    )
    for person in teachers:
        running.participants.create(person=person, role="teacher")
    next_week = (timezone.localdate() + dt.timedelta(days=7)).isoformat()
    client.force_login(teacher)
    data = session_payload(running, presenters=[teachers[0]], status="planned", date=next_week, practice="")
    response = client.post(reverse("forums:create", args=[running.pk]), data)
    assert response.status_code == 302
    forum = ForumSession.objects.get(session__program=running)
    assert forum.session.status == "planned" and not forum.session.attendance.exists()
