"""Forum test fixtures. Pages are asked for in English so assertions on messages stay valid once the Indonesian
catalogue translates them. ``world``: the objects the forum's permission table and form tests name."""

import pytest
from django.core.files.base import ContentFile

from forums.tests.factories import (
    ForumSessionFactory,
    MethodFactory,
    PeerFeedbackFactory,
    PracticeLogFactory,
    ReflectionFactory,
)
from komunitas.models import Participant, Person, PersonKind
from komunitas.testing import jpeg
from komunitas.tests.factories import AttendanceFactory


@pytest.fixture(autouse=True)
def _english(english):
    """Every forum test reads messages in English (the root conftest's ``english``)."""


@pytest.fixture
def teachers(program, teacher, other_teacher):
    """Five participating teachers: the two named ones (with accounts) and three without accounts."""
    people = [teacher.person, other_teacher.person]
    for name in ["Siti Aminah", "Budi Santoso", "Rina Marlina"]:
        person = Person.objects.create(school=program.school, name=name, kind=PersonKind.TEACHER)
        Participant.objects.create(program=program, person=person, role=PersonKind.TEACHER)
        people.append(person)
    return people


@pytest.fixture
def world(users, program, facilitator, teacher, other_teacher):
    forum = ForumSessionFactory(
        session__program=program, session__created_by=facilitator, presenters=[other_teacher.person]
    )
    AttendanceFactory(session=forum.session, person=teacher.person)
    AttendanceFactory(session=forum.session, person=other_teacher.person)
    teacher_forum = ForumSessionFactory(
        session__program=program, session__created_by=teacher, presenters=[teacher.person]
    )
    method = MethodFactory(program=program)
    log = PracticeLogFactory(
        program=program,
        teacher=teacher.person,
        method=method,
        created_by=teacher,
        evidence_type="image/jpeg",
        evidence_name="bukti.jpg",
    )
    log.evidence.save("bukti.jpg", ContentFile(jpeg().read()))
    return {
        "program": program,
        "forum": forum,
        "teacher_forum": teacher_forum,
        "feedback": PeerFeedbackFactory(
            forum=forum, presenter=other_teacher.person, author=teacher.person, created_by=teacher
        ),
        "reflection": ReflectionFactory(forum=forum, author=teacher.person, created_by=teacher),
        "teacher_person": teacher.person,
        "log": log,
        "method": method,
        "users": users,
    }
