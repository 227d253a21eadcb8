"""Parent-class test fixtures. Pages are asked for in English so assertions on messages stay valid once the
Indonesian catalogue translates them. ``world``: the objects the parents' permission table and form tests name."""

import pytest

from komunitas.models import Participant, PersonKind
from komunitas.tests.factories import SessionFactory, StudentFactory
from parents.models import PARENT_CLASS, CheckIn, CheckInStatus
from parents.tests.factories import (
    CheckInLinkFactory,
    ContributionFactory,
    DialogueNoteFactory,
    FollowUpFactory,
    ParentClassFactory,
    ParentFactory,
)


@pytest.fixture(autouse=True)
def _english(english):
    """Every parents test reads messages in English (the root conftest's ``english``)."""


@pytest.fixture
def parents(program):
    """Four parents taking part in the program, each with a child in it."""
    people = []
    for index, (parent_name, child_name) in enumerate(
        [("Ibu Sari", "Ani Lestari"), ("Bapak Joko", "Budi Prasetyo"), ("Ibu Rina", "Citra Dewi"),
         ("Bapak Hasan", "Dodi Saputra")]
    ):  # fmt: skip
        child = StudentFactory(school=program.school, name=child_name, class_name=["7A", "7B", "8A", "9C"][index])
        parent = ParentFactory(school=program.school, name=parent_name, guardian_of=[child])
        Participant.objects.create(program=program, person=child, role=PersonKind.STUDENT)
        Participant.objects.create(program=program, person=parent, role=PersonKind.PARENT)
        people.append(parent)
    return people


@pytest.fixture
def world(users, program, facilitator, teacher, parents):
    """A class the facilitator logged and one a teacher logged (``*_session``: their core sessions)."""
    parent_class = ParentClassFactory(session__program=program, session__created_by=facilitator)
    teacher_class = ParentClassFactory(session__program=program, session__created_by=teacher)
    objects = {
        "program": program,
        "users": users,
        "parents": parents,
        "parent_session": parent_class.session,
        "teacher_parent_session": teacher_class.session,
    }
    # The self check-in (parents/check_in.py): an open link of the facilitator's class, a name waiting on it.
    link = CheckInLinkFactory(session=parent_class.session, created_by=facilitator)
    objects["check_in_link"] = link
    objects["pending_check_in"] = CheckIn.objects.create(
        link=link, session=link.session, name="Ibu Baru", child_class="8B", status=CheckInStatus.PENDING
    )
    # The classes' staff pages (parents/views/{classes,dialogue,contributions,follow_ups}.py): a class planned on
    # the schedule by the facilitator (no class record yet), and a note, a contribution and a follow-up each by
    # the facilitator (on the facilitator's class) and by the teacher (on the teacher's).
    session, teacher_session = objects["parent_session"], objects["teacher_parent_session"]
    objects["planned_parent_session"] = SessionFactory(
        program=program, kind=PARENT_CLASS, status="planned", created_by=facilitator
    )
    objects["note"] = DialogueNoteFactory(session=session, parent=parents[0], created_by=facilitator)
    objects["teacher_note"] = DialogueNoteFactory(session=teacher_session, created_by=teacher)
    objects["contribution"] = ContributionFactory(
        program=program, parent=parents[0], session=session, date=session.date, created_by=facilitator
    )
    objects["teacher_contribution"] = ContributionFactory(program=program, parent=parents[1], created_by=teacher)
    objects["follow_up"] = FollowUpFactory(session=session, created_by=facilitator)
    objects["teacher_follow_up"] = FollowUpFactory(session=teacher_session, created_by=teacher)
    return objects
