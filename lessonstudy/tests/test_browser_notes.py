"""An observer takes notes on a phone while the network drops: each note waits on the phone and arrives once
the network returns — exactly once — and the waiting list empties (lessonstudy/static/lessonstudy/notes.js)."""

import datetime as dt

import pytest
from django.utils import timezone

from komunitas.models import Participant, Person, PersonKind
from komunitas.testing import assert_accessible, settle, sign_in
from komunitas.tests.factories import StudentFactory
from lessonstudy.models import ObservationNote, Seat
from lessonstudy.tests.factories import CycleFactory, OpenLessonFactory

pytestmark = pytest.mark.browser


def _lesson_now(program):
    """A cycle of class 8A whose open lesson runs today, all day; Siti Aminah (guru01) observes, Ani sits in
    front."""
    observer, model = Person.objects.get(name="Siti Aminah"), Person.objects.get(name="Budi Santoso")
    cycle = CycleFactory(program=program, model_teacher=model, team=[observer], class_name="8A")
    ani = StudentFactory(school=program.school, name="Ani Lestari", class_name="8A")
    Participant.objects.create(program=program, person=ani, role=PersonKind.STUDENT)
    Seat.objects.create(cycle=cycle, row=1, column=1, person=ani, group="A")
    lesson = OpenLessonFactory(
        cycle=cycle,
        session__date=timezone.localdate(),
        session__start_time=dt.time(0, 0),
        session__end_time=dt.time(23, 59),
    ).session
    return lesson, ani


def test_notes_typed_offline_arrive_once_when_the_network_returns(phone, live_program):
    lesson, ani = _lesson_now(live_program)
    sign_in(phone, "guru01")
    phone.goto(f"/programs/{live_program.pk}/lessonstudy/lessons/{lesson.pk}/notes/")
    settle(phone)
    waiting = phone.get_by_test_id("waiting")

    phone.context.set_offline(True)
    phone.fill("textarea[name=text]", "Ani menjelaskan langkahnya ke teman sebangku.")
    phone.click("label[for=tag-collaboration]")
    phone.click(f"label[for=student-{ani.pk}]")
    phone.click("main form[data-note-form] button[type=submit]")
    phone.fill("textarea[name=text]", "Kelompok A salah memindahkan ruas.")
    phone.click("label[for=tag-misconception]")
    phone.click("main form[data-note-form] button[type=submit]")
    phone.wait_for_function("document.querySelectorAll('[data-waiting-list] li').length === 2")
    assert "Kelompok A salah memindahkan ruas." in waiting.inner_text()
    assert not ObservationNote.objects.exists()  # nothing reached the server
    assert_accessible(phone)  # the page with its waiting list

    phone.context.set_offline(False)
    phone.wait_for_selector("[data-waiting]", state="hidden", timeout=20_000)
    notes = list(ObservationNote.objects.order_by("noted_at"))
    assert [(n.text, n.tag, n.late) for n in notes] == [
        ("Ani menjelaskan langkahnya ke teman sebangku.", "collaboration", False),
        ("Kelompok A salah memindahkan ruas.", "misconception", False),
    ]
    assert list(notes[0].students.all()) == [ani] and notes[0].observer.name == "Siti Aminah"
    stored = "Object.keys(localStorage).filter(k => k.startsWith('lessonstudy-notes'))"
    assert phone.evaluate(stored + ".map(k => JSON.parse(localStorage[k]).length)") == [0]  # nothing left waiting
    assert "Kelompok A salah memindahkan ruas." in phone.get_by_test_id("own-notes").inner_text()

    phone.reload()  # nothing left to send again: still two
    settle(phone)
    assert ObservationNote.objects.count() == 2


def test_a_note_whose_answer_was_lost_is_stored_once(phone, live_program):
    """The server stored the note but its answer never came (the connection dropped on the way back): the phone
    keeps it and sends it again; the server recognises its id."""
    lesson, _ani = _lesson_now(live_program)
    sign_in(phone, "guru01")
    url = f"/programs/{live_program.pk}/lessonstudy/lessons/{lesson.pk}/notes/"
    phone.goto(url)
    settle(phone)
    lost = []

    def drop_answer(route):
        response = route.fetch()  # the server gets it …
        lost.append(response.status)
        route.abort()  # … the phone never hears back

    phone.route("**/notes/add/", drop_answer)
    phone.fill("textarea[name=text]", "Citra bertanya mengapa kedua ruas dibagi.")
    phone.click("main form[data-note-form] button[type=submit]")
    phone.wait_for_function("document.querySelectorAll('[data-waiting-list] li').length === 1")
    phone.wait_for_timeout(300)
    assert lost == [201] and ObservationNote.objects.count() == 1
    phone.unroute("**/notes/add/")
    phone.wait_for_selector("[data-waiting]", state="hidden", timeout=20_000)
    assert ObservationNote.objects.count() == 1
