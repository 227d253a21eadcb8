"""Every page of the parent classes, at desktop and phone width, passes the accessibility check and fits the
screen."""

import datetime as dt

import pytest
from django.urls import reverse

from komunitas.models import Participant, PersonKind
from komunitas.testing import sign_in, visit_each
from komunitas.tests.factories import AttendanceFactory, StudentFactory
from parents.tests.factories import (
    ContributionFactory,
    DialogueNoteFactory,
    FollowUpFactory,
    ParentClassFactory,
    ParentFactory,
)

pytestmark = pytest.mark.browser


def _classes_with_records(program):
    """Ten parents, a held class with attendance, notes of each kind, contributions and follow-ups (one overdue,
    one done), and a class planned on the schedule."""
    parents = []
    for index in range(10):
        child = StudentFactory(school=program.school, name=f"Anak Bernama Panjang {index}", class_name="7A")
        parent = ParentFactory(school=program.school, name=f"Ibu Wali Bernama Panjang {index}", guardian_of=[child])
        Participant.objects.create(program=program, person=parent, role=PersonKind.PARENT)
        parents.append(parent)
    record = ParentClassFactory(
        session__program=program,
        session__title="Kelas inspirasi: peran orang tua di rumah",
        session__date=program.start_date,
        speaker_kind="parent",
        speaker=parents[0],
        materials="Lembar refleksi, video pendek.",
    )
    session = record.session
    for parent in parents[:6]:
        AttendanceFactory(session=session, person=parent)
    for tag, theme in [("experience", "role_at_home"), ("obstacle", "digital"), ("hope", "")]:
        DialogueNoteFactory(session=session, tag=tag, theme=theme, parent=parents[1], text=f"Catatan {tag} <b>🙂</b>")
    ContributionFactory(program=program, parent=parents[2], session=session, date=session.date, note="Bertanya")
    ContributionFactory(program=program, parent=parents[3], kind="volunteered", date=session.date)
    FollowUpFactory(session=session, what="Grup belajar orang tua", due_date=session.date)
    follow_up = FollowUpFactory(session=session, what="Jadwal konsultasi", done_on=session.date)
    planned = ParentClassFactory(
        session__program=program, session__date=program.start_date + dt.timedelta(days=12), session__status="planned"
    ).session
    return session, planned, follow_up


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_every_parent_class_page_is_accessible_and_fits(request, size, live_program):
    program = live_program
    session, planned, follow_up = _classes_with_records(program)
    note = session.dialogue_notes.first()
    contribution = program.parent_contributions.first()
    page = request.getfixturevalue(size)
    sign_in(page, "fasilitator")
    pk, args = program.pk, [program.pk, session.pk]
    visit_each(
        page,
        [
            # The classes' staff pages (parents/views/{classes,dialogue,contributions,follow_ups}.py)
            reverse("parents:index", args=[pk]),
            reverse("parents:create", args=[pk]),
            reverse("parents:detail", args=args),
            reverse("parents:detail", args=[pk, planned.pk]),
            reverse("parents:edit", args=args),
            reverse("attendance_edit", args=args),
            reverse("parents:note_create", args=args),
            reverse("parents:note_edit", args=[*args, note.pk]),
            reverse("parents:note_delete", args=[*args, note.pk]),
            reverse("parents:dialogue", args=[pk]),
            reverse("parents:contributions", args=[pk]),
            reverse("parents:contribution_create", args=[pk]) + f"?class={session.pk}",
            reverse("parents:contribution_edit", args=[pk, contribution.pk]),
            reverse("parents:contribution_delete", args=[pk, contribution.pk]),
            reverse("parents:follow_ups", args=[pk]),
            reverse("parents:follow_up_create", args=args),
            reverse("parents:follow_up_edit", args=[*args, follow_up.pk]),
            reverse("parents:follow_up_delete", args=[*args, follow_up.pk]),
        ],
    )
