"""A cycle's seating chart: one form for rows × seats, each a student of the cycle's class or a code, and a group."""

from django.urls import reverse

from komunitas.models import Participant, PersonKind
from komunitas.testing import form_values
from komunitas.tests.factories import SchoolFactory, StudentFactory
from lessonstudy.models import Seat


def _url(world):
    return reverse("lessonstudy:seating", args=[world["program"].pk, world["cycle"].pk])


def test_a_teacher_fills_in_the_chart_and_it_comes_back(client, world):
    ani, budi = world["students"][:2]
    client.force_login(world["users"]["teacher"])
    page = client.get(_url(world))
    assert page.context["form"].seat_fields()[0][0][0].key == "1-1" and len(page.context["form"].rows) == 5
    data = form_values(page.content.decode(), "seating-form")
    data.update({"s1-1-person": ani.pk, "s1-1-group": " Kelompok  A ", "s1-2-person": budi.pk, "s1-2-group": "A"})
    data.update({"s2-6-label": "S12", "s2-6-group": "B"})
    response = client.post(_url(world), data)
    assert response.status_code == 302
    seats = {(s.row, s.column): (s.person, s.label, s.group) for s in Seat.objects.all()}
    assert seats == {(1, 1): (ani, "", "Kelompok A"), (1, 2): (budi, "", "A"), (2, 6): (None, "S12", "B")}
    # A round trip keeps it all; moving Ani replaces the old seat.
    data = form_values(client.get(_url(world)).content.decode(), "seating-form")
    data.update({"s1-1-person": "", "s3-3-person": ani.pk})
    assert client.post(_url(world), data).status_code == 302
    assert Seat.objects.get(person=ani).row == 3 and Seat.objects.count() == 4  # seat 1-1 keeps its group


def test_a_student_cannot_sit_twice(client, world):
    ani = world["students"][0]
    client.force_login(world["users"]["teacher"])
    data = form_values(client.get(_url(world)).content.decode(), "seating-form")
    data.update({"s1-1-person": ani.pk, "s4-2-person": ani.pk})
    response = client.post(_url(world), data)
    assert response.status_code == 200
    assert "Ani Lestari already sits in row 1, seat 1." in response.context["form"].errors["s4-2-person"]
    assert Seat.objects.count() == 2  # the world's two, unchanged


def test_only_students_of_the_cycles_class_can_sit(client, world):
    """A student of another class of the program, or of another school, is refused (nothing saved)."""
    program = world["program"]
    other_class = StudentFactory(school=program.school, class_name="9B")
    Participant.objects.create(program=program, person=other_class, role=PersonKind.STUDENT)
    elsewhere = StudentFactory(school=SchoolFactory(), class_name="8A")
    client.force_login(world["users"]["teacher"])
    data = form_values(client.get(_url(world)).content.decode(), "seating-form")
    data.update({"s1-1-person": other_class.pk, "s1-2-person": elsewhere.pk, "s1-3-person": "x"})
    response = client.post(_url(world), data)
    errors = response.context["form"].errors
    for key in ["s1-1-person", "s1-2-person", "s1-3-person"]:
        assert errors[key] == ["Only students of the cycle's class sit in its chart."]
    page = response.content.decode()
    assert other_class.name not in page and elsewhere.name not in page  # not offered either
    assert Seat.objects.count() == 2  # the world's two, unchanged


def test_the_chart_is_the_programs_staff_only(client, world):
    client.force_login(world["users"]["district_officer"])
    assert client.get(_url(world)).status_code == 403
