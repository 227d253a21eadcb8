"""Club test fixtures. Pages are asked for in English so assertions on messages stay valid once the Indonesian
catalogue translates them. ``world``: the objects the clubs' permission table and form tests name."""

import pytest

from komunitas.models import Participant, PersonKind
from komunitas.tests.factories import StudentFactory
from projects.tests.factories import (
    ArtifactFactory,
    ClubFactory,
    ClubMeetingFactory,
    MilestoneFactory,
    ProjectFactory,
)


@pytest.fixture(autouse=True)
def _english(english):
    """Every club test reads messages in English (the root conftest's ``english``)."""


@pytest.fixture
def students(program):
    """Four students taking part in the program."""
    people = []
    for name in ["Ani Lestari", "Budi Prasetyo", "Citra Dewi", "Dodi Saputra"]:
        person = StudentFactory(school=program.school, name=name, class_name="7A")
        Participant.objects.create(program=program, person=person, role=PersonKind.STUDENT)
        people.append(person)
    return people


@pytest.fixture
def world(users, program, facilitator, teacher, students):
    club = ClubFactory(
        program=program, name="Klub Sains", created_by=facilitator, mentors=[teacher.person], members=students[:2]
    )
    teacher_club = ClubFactory(program=program, name="Klub Literasi", created_by=teacher, members=students[2:])
    meeting = ClubMeetingFactory(club=club, session__created_by=facilitator)
    objects = {
        "program": program,
        "users": users,
        "club": club,
        "teacher_club": teacher_club,
        "project": ProjectFactory(club=club, created_by=facilitator),
        "teacher_project": ProjectFactory(club=teacher_club, created_by=teacher),
        "club_session": meeting.session,
        "teacher_club_session": ClubMeetingFactory(club=teacher_club, session__created_by=teacher).session,
        "student": students[0],  # a member of "club", for the student profile
    }
    # A project's milestones and artifacts (their students have every consent: every reader may see the photos)
    project, teacher_project = objects["project"], objects["teacher_project"]
    objects["milestone"] = MilestoneFactory(project=project, created_by=facilitator)
    objects["teacher_milestone"] = MilestoneFactory(project=teacher_project, created_by=teacher)
    objects["artifact"] = ArtifactFactory(project=project, created_by=facilitator, people=students[:1])
    objects["teacher_artifact"] = ArtifactFactory(project=teacher_project, created_by=teacher, people=students[2:3])
    return objects
