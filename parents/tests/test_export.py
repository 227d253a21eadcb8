"""The parent classes' tables in the program's export: their rows, parents' names for the school's staff only,
and a fixed number of queries per sheet."""

import datetime as dt
import io

import openpyxl
import pytest
from django.urls import reverse

from komunitas.access import program_access_for
from komunitas.tests.factories import SessionFactory
from parents.export import parent_sheets
from parents.models import PARENT_CLASS
from parents.tests.factories import ContributionFactory, DialogueNoteFactory, FollowUpFactory, class_on


def grow(program, parents, teacher, size):
    for index in range(size):
        day = program.start_date + dt.timedelta(days=7 * index + 5)
        session = class_on(
            program, day, present=[*parents[:2], teacher.person], theme="digital", speaker_kind="parent"
        ).session
        session.title = f"Kelas {index}"
        session.save()
        ContributionFactory(program=program, parent=parents[0], session=session, date=day, note=f"Buku {index}")
        DialogueNoteFactory(session=session, tag="obstacle", text=f"Waktu {index}", theme="digital", parent=parents[1])
        FollowUpFactory(session=session, what=f"Tindak {index}", who="Wali kelas", due_date=program.start_date)


def test_the_sheets_hold_the_classes_data(program, principal, teacher, parents):
    grow(program, parents, teacher, 1)
    SessionFactory(program=program, kind=PARENT_CLASS, title="Dari jadwal", date=program.end_date, status="planned")
    ContributionFactory(program=program, parent=parents[2], date=program.start_date, kind="volunteered")
    sheets = {sheet.key: sheet for sheet in parent_sheets(program_access_for(principal, program.pk))}
    assert list(sheets) == ["parent-classes", "parent-contributions", "parent-dialogue", "parent-follow-ups"]
    day = program.start_date + dt.timedelta(days=5)
    assert sheets["parent-classes"].rows[1:] == [
        [day, 1, "Kelas 0", "Parenting in the digital era", "A parent", "Held", 2],  # the teacher is not counted
        [program.end_date, 10, "Dari jadwal", "", "", "Planned", 0],  # no class record yet
    ]
    assert sheets["parent-contributions"].rows == [
        ["Date", "Week", "Class", "Contribution", "Note", "Parent"],
        [program.start_date, 1, "", "Volunteered", "", "Ibu Rina"],
        [day, 1, "Kelas 0", "Shared an experience", "Buku 0", "Ibu Sari"],
    ]
    assert sheets["parent-dialogue"].rows[1] == [
        day, 1, "Kelas 0", "Obstacle", "Parenting in the digital era", "Waktu 0", "Bapak Joko"
    ]  # fmt: skip
    assert sheets["parent-follow-ups"].rows[1] == [
        day, 1, "Kelas 0", "Tindak 0", "Wali kelas", program.start_date, None, "yes"
    ]  # fmt: skip
    assert sheets["parent-contributions"].personal and sheets["parent-dialogue"].personal
    assert not sheets["parent-classes"].personal and not sheets["parent-follow-ups"].personal


def test_parents_names_are_left_out_for_the_district(client, program, district_officer, teacher, parents):
    grow(program, parents, teacher, 1)
    sheets = {sheet.key: sheet for sheet in parent_sheets(program_access_for(district_officer, program.pk))}
    assert sheets["parent-contributions"].rows[0][-1] == "Note" and not sheets["parent-contributions"].personal
    assert sheets["parent-dialogue"].rows[1][-1] == "Waktu 0"
    client.force_login(district_officer)
    book = openpyxl.load_workbook(io.BytesIO(client.get(reverse("program_export_xlsx", args=[program.pk])).content))
    assert {"Parent classes", "Parents' contributions", "Parent dialogue", "Parent class follow-ups"} <= set(
        book.sheetnames
    )
    text = client.get(reverse("program_export_csv", args=[program.pk, "parent-dialogue"])).content.decode("utf-8-sig")
    assert "Waktu 0" in text and "Bapak Joko" not in text


@pytest.mark.parametrize("size", [1, 6])
def test_the_sheets_cost_a_fixed_number_of_queries(
    program, principal, teacher, parents, size, django_assert_num_queries
):
    grow(program, parents, teacher, size)
    access = program_access_for(principal, program.pk)
    # classes with their present counts and records, contributions, dialogue notes, follow-ups
    with django_assert_num_queries(4):
        sheets = parent_sheets(access)
    assert all(len(sheet.rows) == 1 + size for sheet in sheets)
