"""The observers' notes: the endpoint notes.js sends to (JSON) and the same page's plain form (no JavaScript), with
the issue's bad input — an empty note, a student of another class, a late note (an observer's only, flagged), an
oversized photo — and a note sent twice stored once; then edit and delete by its author."""

import datetime as dt
import uuid

import pytest
from django.urls import reverse
from django.utils import timezone

from komunitas.models import Participant, PersonKind
from komunitas.testing import jpeg
from komunitas.tests.factories import StudentFactory
from lessonstudy.models import ObservationNote, ObserverFocus
from lessonstudy.tests.factories import ObservationNoteFactory

JSON = {"HTTP_ACCEPT": "application/json"}


@pytest.fixture
def lesson(world):
    return world["open_lesson"]


def _at(session, minutes: int) -> str:
    """The phone's time ``minutes`` after the lesson's start, as notes.js sends it."""
    start = timezone.make_aware(dt.datetime.combine(session.date, session.start_time))
    return (start + dt.timedelta(minutes=minutes)).isoformat()


def _add(client, session, **data):
    url = reverse("lessonstudy:note_add", args=[session.program_id, session.pk])
    data.setdefault("client_id", str(uuid.uuid4()))
    data.setdefault("noted_at", _at(session, 10))
    json = data.pop("as_json", True)
    return client.post(url, data, **(JSON if json else {}))


def _new_notes(world):
    world_notes = [world["note"].pk, world["teacher_note"].pk, world["agenda_note"].pk]
    return ObservationNote.objects.exclude(pk__in=world_notes)


def test_a_note_is_stored_once_however_often_it_is_sent(client, world, lesson):
    ani, budi = world["students"][:2]
    client.force_login(world["users"]["teacher"])
    client_id = str(uuid.uuid4())
    data = {"client_id": client_id, "text": "Ani bertanya ke Budi.", "tag": "question", "students": [ani.pk, budi.pk]}
    first = _add(client, lesson, **data)
    assert first.status_code == 201 and first.json()["created"] is True and first.json()["late"] is False
    again = _add(client, lesson, **data)  # the answer was lost: notes.js sends it again
    assert again.status_code == 200 and again.json() == {**first.json(), "created": False}
    note = _new_notes(world).get()
    assert (str(note.client_id), note.observer, note.tag, set(note.students.all())) == (
        client_id,
        world["users"]["teacher"].person,
        "question",
        {ani, budi},
    )
    assert note.noted_at == dt.datetime.fromisoformat(_at(lesson, 10))  # the phone's time, not the server's


def test_an_empty_note_is_refused(client, world, lesson):
    client.force_login(world["users"]["teacher"])
    response = _add(client, lesson, text="   ")
    assert response.status_code == 400 and response.json()["errors"]["text"] == [
        "The note is empty: write what you saw."
    ]
    assert not _new_notes(world).exists()


def test_a_student_of_another_class_is_refused(client, world, lesson):
    program = world["program"]
    other = StudentFactory(school=program.school, class_name="9B")
    Participant.objects.create(program=program, person=other, role=PersonKind.STUDENT)
    client.force_login(world["users"]["teacher"])
    response = _add(client, lesson, text="Dia membantu.", students=[world["students"][0].pk, other.pk])
    assert response.json()["errors"]["students"] == ["Only students of the cycle's class can be tagged."]
    assert _add(client, lesson, text="Dia membantu.", students=["abc"]).status_code == 400
    assert not _new_notes(world).exists()


def test_a_late_note_is_kept_flagged_for_an_observer_only(client, world, lesson, other_teacher):
    """Before the start, or more than two hours after the end: the cycle's team (and anyone with a focus) may add
    it, flagged late; another teacher of the program may not. Within the lesson anyone who logs may."""
    client.force_login(world["users"]["teacher"])  # the model teacher, in the team
    before = _add(client, lesson, text="Sebelum mulai.", noted_at=_at(lesson, -30))
    long_after = _add(client, lesson, text="Menyusul.", noted_at=_at(lesson, 90 + 121))
    assert (before.status_code, before.json()["late"], long_after.json()["late"]) == (201, True, True)
    just_after = _add(client, lesson, text="Sesudah.", noted_at=_at(lesson, 90 + 119))
    assert just_after.json()["late"] is False
    client.force_login(other_teacher)
    refused = _add(client, lesson, text="Terlambat.", noted_at=_at(lesson, -30))
    assert refused.status_code == 403 and "only its observers" in refused.json()["error"]
    assert _add(client, lesson, text="Tepat waktu.").status_code == 201
    ObserverFocus.objects.create(session=lesson, observer=other_teacher.person, group="A")  # now an observer
    assert _add(client, lesson, text="Terlambat.", noted_at=_at(lesson, -30)).json()["late"] is True
    assert _add(client, lesson, text="Terlambat.", noted_at=_at(lesson, -30), as_json=False).status_code == 302
    assert _new_notes(world).filter(late=True).count() == 4


def test_a_phone_clock_ahead_is_not_believed(client, world, lesson):
    client.force_login(world["users"]["teacher"])
    ahead = (timezone.now() + dt.timedelta(days=2)).isoformat()
    assert _add(client, lesson, text="Jam salah.", noted_at=ahead).json()["late"] is True  # now: long after
    assert _new_notes(world).get().noted_at <= timezone.now()


def test_a_photo_is_checked_by_its_content(client, world, lesson, settings):
    client.force_login(world["users"]["teacher"])
    assert _add(client, lesson, text="Hasil kerja.", photo=jpeg()).status_code == 201
    note = _new_notes(world).get()
    assert note.photo.name.endswith(".jpg")
    client.force_login(world["users"]["facilitator"])
    photo = client.get(reverse("lessonstudy:note_photo", args=[lesson.program_id, lesson.pk, note.pk]))
    assert photo.status_code == 200 and photo["Content-Type"] == "image/jpeg"
    client.force_login(world["users"]["teacher"])
    huge = _add(client, lesson, text="Terlalu besar.", photo=jpeg(size=(8000, 6000)))
    assert huge.status_code == 400 and "the limit is 40 megapixels" in huge.json()["errors"]["photo"][0]
    settings.UPLOAD_MAX_BYTES = 200
    heavy = _add(client, lesson, text="Terlalu berat.", photo=jpeg(size=(400, 300)))
    assert heavy.status_code == 400 and "the limit is 200" in heavy.json()["errors"]["photo"][0]
    text = _add(client, lesson, text="Bukan foto.", photo=jpeg(name="x.jpg", size=(1, 1)).__class__(
        "x.jpg", b"not an image", content_type="image/jpeg"))  # fmt: skip
    assert "not an image" in text.json()["errors"]["photo"][0]
    assert _new_notes(world).count() == 1


def test_without_javascript_the_form_posts_and_comes_back(client, world, lesson):
    client.force_login(world["users"]["teacher"])
    url = reverse("lessonstudy:notes", args=[lesson.program_id, lesson.pk])
    page = client.get(url)
    client_id = page.context["form"]["client_id"].value()  # made by the server: a double submit is stored once
    data = {"client_id": client_id, "text": "Kelompok A berdiskusi.", "tag": "collaboration", "as_json": False}
    response = _add(client, lesson, **data)
    assert response.url == url
    assert _add(client, lesson, **data).url == url
    assert _new_notes(world).get().text == "Kelompok A berdiskusi."
    response = _add(client, lesson, text="", as_json=False)
    assert response.status_code == 200 and "The note is empty" in response.content.decode()


def test_another_observers_client_id_is_no_resend(client, world, lesson):
    client.force_login(world["users"]["teacher"])
    taken = str(world["note"].client_id)  # the facilitator's
    response = _add(client, lesson, client_id=taken, text="Salinan.")
    assert response.status_code == 400 and "client_id" in response.json()["errors"]


def test_an_account_off_the_roster_cannot_take_notes(client, world, lesson):
    client.force_login(world["users"]["superuser"])
    assert _add(client, lesson, text="Catatan.").status_code == 403
    page = client.get(reverse("lessonstudy:notes", args=[lesson.program_id, lesson.pk])).content.decode()
    assert "not linked to anyone on the school's roster" in page


def test_its_author_edits_and_deletes_a_note(client, world, lesson):
    note = world["teacher_note"]
    ani = world["students"][0]
    client.force_login(world["users"]["teacher"])
    url = reverse("lessonstudy:note_edit", args=[lesson.program_id, lesson.pk, note.pk])
    version = client.get(url).context["form"]["observationnote_version"].value()
    data = {"text": "Ani menemukan cara lain.", "tag": "insight", "students": [ani.pk], "group": ""}
    assert client.post(url, {**data, "observationnote_version": version}).status_code == 302
    note.refresh_from_db()
    assert (note.text, note.tag, list(note.students.all())) == ("Ani menemukan cara lain.", "insight", [ani])
    response = client.post(url, {**data, "text": " "})
    assert "text" in response.context["form"].errors
    other = world["note"]  # the facilitator's: not the teacher's to change
    assert (
        client.get(reverse("lessonstudy:note_edit", args=[lesson.program_id, lesson.pk, other.pk])).status_code == 403
    )
    delete = reverse("lessonstudy:note_delete", args=[lesson.program_id, lesson.pk, note.pk])
    assert "Delete this note?" in client.get(delete).content.decode()
    assert client.post(delete).status_code == 302 and not ObservationNote.objects.filter(pk=note.pk).exists()


def test_the_phone_page_shows_the_focus_first_and_own_notes(client, world, lesson):
    from lessonstudy.models import Seat

    cycle, (ani, budi, citra, _dodi) = world["cycle"], world["students"]
    Seat.objects.create(cycle=cycle, row=1, column=3, person=citra, group="B")  # Ani (A) and Budi (B) sit already
    teacher = world["users"]["teacher"].person
    ObserverFocus.objects.create(session=lesson, observer=teacher, group="B")
    ObservationNoteFactory(session=lesson, observer=teacher, text="Catatan saya sendiri.")
    client.force_login(world["users"]["teacher"])
    response = client.get(reverse("lessonstudy:notes", args=[lesson.program_id, lesson.pk]))
    page = response.content.decode()
    assert [seat.person for seat in response.context["focus_students"]] == [budi, citra]
    assert page.index(citra.name) < page.index(ani.name)  # the focus first, then the seat map
    assert response.context["unseated"] == [_dodi] and "Catatan saya sendiri." in page
    assert "lessonstudy/notes.js" in page and "<script>" not in page  # no inline script (the site's CSP)
