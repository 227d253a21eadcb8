"""The objects the core's permission table and form tests name (``world``)."""

import pytest
from django.core.files.base import ContentFile

from komunitas import services
from komunitas.models import Obstacle, Person, PersonKind
from komunitas.testing import jpeg_bytes
from komunitas.tests.factories import SessionFactory, StudentFactory
from komunitas.uploads import CleanFile


@pytest.fixture
def world(users, program, facilitator, teacher):
    student = StudentFactory(school=program.school)
    session = SessionFactory(program=program, created_by=facilitator)
    teacher_session = SessionFactory(program=program, created_by=teacher)
    attachment = services.attachment_add(
        session=session,
        clean=CleanFile(jpeg_bytes((20, 20)), "image/jpeg", "jpg"),
        original_name="a.jpg",
        caption="",
        people=[student],  # tagged, with consent: the district may see it (an untagged photo it may not)
        user=facilitator,
    )
    stage = program.stages.first()
    program.school.logo.save("logo.jpg", ContentFile(jpeg_bytes((30, 30))))  # for the logo's own page
    obstacle = Obstacle.objects.create(
        program=program, noted_on=program.start_date, category="time", description="Guru sibuk", created_by=facilitator
    )
    # A teacher on the roster without an account, for the accounts page (staff_accounts)
    unlinked = Person.objects.create(
        school=program.school, name="Dewi Lestari", kind=PersonKind.TEACHER, identifier="198001012005012001"
    )
    return {
        "unlinked_teacher": unlinked,
        "obstacle": obstacle,
        "teacher_membership": teacher.memberships.get(),
        "program": program,
        "stage": stage,
        "item": stage.checklist.first(),
        "student": student,
        "session": session,
        "teacher_session": teacher_session,
        "attachment": attachment,
        "users": users,
    }
