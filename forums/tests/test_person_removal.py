"""Removing a teacher from the roster keeps the forum records that point to them."""

from django.urls import reverse

from forums.tests.factories import PracticeLogFactory
from komunitas.models import Person


def test_teacher_with_a_practice_log_is_archived_not_deleted(client, facilitator, program, teacher):
    person = teacher.person
    PracticeLogFactory(program=program, teacher=person)
    client.force_login(facilitator)
    response = client.post(reverse("person_delete", args=[program.pk, person.pk]))
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.archived and person.practice_logs.count() == 1
    assert Person.objects.filter(pk=person.pk).exists()
