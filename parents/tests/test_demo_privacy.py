"""The demo's parent classes, and a person's data rights over the parent classes' records."""

import datetime as dt

import pytest
from django.core.management import call_command

from komunitas import privacy
from komunitas.models import Program, SessionStatus
from parents.involvement import parent_involvement
from parents.metrics import parent_weekly
from parents.models import PARENT_CLASS, CheckIn, CheckInStatus, Contribution, DialogueNote, FollowUp, ParentClass
from parents.tests.factories import (
    CheckInLinkFactory,
    ContributionFactory,
    DialogueNoteFactory,
    ParentClassFactory,
    class_on,
)


def test_the_demo_classes_show_parents_coming_and_contributing_more(db):
    call_command("seed_demo")
    program = Program.objects.get(school__name="SMPN H. Wukirsari")
    sessions = program.sessions.filter(kind=PARENT_CLASS)
    assert ParentClass.objects.filter(session__in=sessions).count() == sessions.count() == 5
    rows = [row for row in parent_weekly(program) if row.held]
    assert len(rows) >= 4
    present = [row.present_percent for row in rows]
    assert present == sorted(present) and present[0] <= 40 and present[-1] >= 70  # about 3 of 10 → 8 of 10
    contributions = [row.contributions for row in rows]
    assert contributions == sorted(contributions) and contributions[-1] > contributions[0]
    for row in rows:  # the study's three at every class held
        assert all(row.notes[tag] for tag in ["experience", "obstacle", "hope"]), row.week
    involvement = parent_involvement(program)
    assert involvement.counts_now["active"] > involvement.counts_then["active"]
    today = dt.date.today()
    follow_ups = FollowUp.objects.filter(session__program=program)
    assert follow_ups.filter(done_on__isnull=True, due_date__lt=today).count() == 1
    assert follow_ups.filter(done_on__isnull=False).exists() and follow_ups.filter(due_date__gt=today).exists()
    latest = sessions.filter(status=SessionStatus.HELD).order_by("-date").first()
    pending = CheckIn.objects.filter(session=latest, status=CheckInStatus.PENDING)
    assert sorted(pending.values_list("child_class", flat=True)) == ["7A", "8B"]
    assert all(check_in.name and check_in.person is None for check_in in pending)


@pytest.fixture
def records(program, parents):
    sari = parents[0]
    session = class_on(program, program.start_date + dt.timedelta(days=5), present=[sari]).session
    session.title = "Kelas inspirasi: peran orang tua"
    session.save()
    DialogueNoteFactory(session=session, parent=sari, tag="obstacle", text="Saya bekerja sampai malam.")
    DialogueNoteFactory(session=session, tag="hope", text="Semoga rutin.")  # nobody's
    ContributionFactory(program=program, parent=sari, session=session, date=session.date, note="Membawa buku.")
    check_in = CheckIn.objects.create(
        link=CheckInLinkFactory(session=session), session=session, person=sari, name="Sari", child_class="7A",
        status=CheckInStatus.CHECKED_IN, network="abc", device="def",
    )  # fmt: skip
    ParentClassFactory(session__program=program, speaker=sari, speaker_kind="parent", session__title="Berbagi")
    return sari, session, check_in


def test_a_parents_record_holds_what_they_said_and_did(program, records):
    sari, session, _check_in = records
    data = privacy.record(sari)["records"]
    assert data["parents.DialogueNote"] == [
        {"class": session.title, "date": session.date.isoformat(), "kind": "obstacle", "theme": "",
         "text": "Saya bekerja sampai malam."}
    ]  # fmt: skip
    assert data["parents.Contribution"][0] == {
        "class": session.title, "date": session.date.isoformat(), "contribution": "shared", "note": "Membawa buku."
    }  # fmt: skip
    assert data["parents.CheckIn"][0]["name"] == "Sari" and data["parents.CheckIn"][0]["child_class"] == "7A"
    day = (program.start_date + dt.timedelta(days=1)).isoformat()  # the factory's session
    assert data["parents.ParentClass"] == [{"class": "Berbagi", "date": day, "as": "speaker"}]


def test_erasing_a_parent_blanks_what_they_said_and_keeps_the_figures(program, parents, records, facilitator):
    sari, session, check_in = records
    before = parent_weekly(program)[0]
    levels = parent_involvement(program, names=False).counts
    privacy.erase(sari, facilitator)
    note = DialogueNote.objects.get(session=session, tag="obstacle")
    assert (note.text, note.parent_id) == ("", sari.pk)  # the row and its link stay: counted
    assert DialogueNote.objects.get(session=session, tag="hope").text == "Semoga rutin."  # not theirs
    assert Contribution.objects.get(parent=sari).note == ""
    check_in.refresh_from_db()
    assert (check_in.name, check_in.child_class, check_in.network, check_in.device) == ("", "", "", "")
    after = parent_weekly(program)[0]
    assert (after.parents_present, after.contributions, after.notes) == (
        before.parents_present, before.contributions, before.notes
    )  # fmt: skip
    assert parent_involvement(program, names=False).counts == levels
    assert "Saya bekerja sampai malam." not in str(privacy.record(sari))
