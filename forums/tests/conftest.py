"""Forum test fixtures. Pages are asked for in English so assertions on messages stay valid once the Indonesian
catalogue translates them."""

import pytest

from komunitas.models import Participant, Person, PersonKind


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
