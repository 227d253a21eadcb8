"""The program's export: every app's tables in one XLSX (and a CSV each), children's data for the school's staff
only, at a fixed number of queries."""

import datetime as dt
import io

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from komunitas.models import Attendance, Participant, Person, PersonKind
from komunitas.tests.factories import SessionFactory

pytestmark = pytest.mark.usefixtures("english")  # sheet names asserted in English


@pytest.fixture
def class_7a(program):
    people = []
    for number in range(3):
        person = Person.objects.create(
            school=program.school, name=f"Siswa {number}", kind=PersonKind.STUDENT, class_name="7A"
        )
        Participant.objects.create(program=program, person=person, role=PersonKind.STUDENT)
        people.append(person)
    return people


def grow(program, people, sessions: int) -> None:
    for number in range(sessions):
        session = SessionFactory(program=program, date=program.start_date + dt.timedelta(days=number % 60))
        for person in people:
            Attendance.objects.create(session=session, person=person, status="present")


def book(client, program):
    response = client.get(reverse("program_export_xlsx", args=[program.pk]))
    assert response.status_code == 200
    return openpyxl.load_workbook(io.BytesIO(response.content))


def test_the_xlsx_has_every_apps_tables_with_their_rows(client, principal, program, class_7a):
    grow(program, class_7a, 4)
    client.force_login(principal)
    workbook = book(client, program)
    titles = workbook.sheetnames
    assert titles[:3] == ["Participants", "Sessions", "Attendance"]  # the core's first
    assert {"Peer feedback", "Practice log"} <= set(titles)  # the forum's, through the contract
    assert workbook["Participants"].max_row == 1 + 3 and workbook["Sessions"].max_row == 1 + 4
    assert workbook["Attendance"].max_row == 1 + 4 * 3
    first_date = workbook["Sessions"]["A2"]
    assert isinstance(first_date.value, dt.datetime) and first_date.number_format == "yyyy-mm-dd"  # a real date


def test_childrens_data_is_left_out_for_the_district(client, district_officer, program, class_7a):
    grow(program, class_7a, 2)
    client.force_login(district_officer)
    workbook = book(client, program)
    assert "Participants" not in workbook.sheetnames and "Attendance" not in workbook.sheetnames
    assert "Sessions" in workbook.sheetnames
    csv = reverse("program_export_csv", args=[program.pk, "attendance"])
    assert client.get(csv).status_code == 404
    assert client.get(reverse("program_export_csv", args=[program.pk, "sessions"])).status_code == 200


def test_a_table_as_csv(client, principal, program, class_7a):
    grow(program, class_7a, 1)
    client.force_login(principal)
    text = client.get(reverse("program_export_csv", args=[program.pk, "attendance"])).content.decode("utf-8-sig")
    assert "Siswa 0" in text and program.start_date.isoformat() in text
    assert client.get(reverse("program_export_csv", args=[program.pk, "no-such-table"])).status_code == 404


def test_the_export_costs_the_same_at_two_sizes(client, principal, program, class_7a):
    client.force_login(principal)
    counts = []
    for sessions in (2, 40):
        grow(program, class_7a, sessions)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("program_export_xlsx", args=[program.pk])).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]
