"""Club meetings are sessions of the core (the "club" kind this app declares); their attendance lists the
program's students and teachers until clubs have members of their own."""

from django.urls import reverse

from komunitas.models import Participant, Person, PersonKind
from komunitas.tests.factories import SessionFactory, StudentFactory


def test_club_attendance_lists_students_first_and_everyone_on_request(client, facilitator, program, teacher):
    student = StudentFactory(school=program.school)
    Participant.objects.create(program=program, person=student, role=PersonKind.STUDENT)
    parent = Person.objects.create(school=program.school, name="Wali", kind=PersonKind.PARENT)
    Participant.objects.create(program=program, person=parent, role=PersonKind.PARENT)
    club = SessionFactory(program=program, kind="club", created_by=facilitator)
    client.force_login(facilitator)
    url = reverse("attendance_edit", args=[program.pk, club.pk])
    people = client.get(url).context["form"].people
    assert student in people and teacher.person in people and parent not in people
    assert parent in client.get(url + "?all=1").context["form"].people
