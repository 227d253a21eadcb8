"""Lesson study's tables in the program's export: cycles, plan versions, observation notes and reflections;
students' names for the school's staff only (blanked in the texts for anyone else), and a fixed number of queries."""

import datetime as dt
import io

import openpyxl
import pytest
from django.urls import reverse

from komunitas.access import program_access_for
from lessonstudy.export import lesson_sheets
from lessonstudy.tests.figures_data import at, cycle_on, lesson_on, note_on, reflection_on, version_on

DAY = dt.timedelta(days=1)


def grow(program, facilitator, teacher, other_teacher, students, size):
    for index in range(size):
        day = program.start_date + 7 * index * DAY
        cycle = cycle_on(
            program, day, model_teacher=teacher.person, title=f"Siklus {index + 1}", team=[other_teacher.person]
        )
        version_on(cycle, 1, day, saved_by=facilitator, note="")
        version_on(cycle, 2, day + 3 * DAY, saved_by=facilitator, note="Waktu diskusi ditambah")
        lesson = lesson_on(cycle, day + DAY, present=[teacher.person, other_teacher.person], title=f"Terbuka {index}")
        note_on(
            lesson, other_teacher.person, at(lesson.date, 8, 5 + index), students=students[:2], tag="misconception",
            group="Kelompok 2", text=f"{students[0].name} salah pindah ruas {index}.",
        )  # fmt: skip
        reflection_on(cycle, day + 2 * DAY, findings=f"Budi diam {index}", revisions="Timbangan nyata")


def test_the_sheets_hold_the_cycles_data(program, principal, facilitator, teacher, other_teacher, students):
    grow(program, facilitator, teacher, other_teacher, students, 1)
    sheets = {sheet.key: sheet for sheet in lesson_sheets(program_access_for(principal, program.pk))}
    assert list(sheets) == [
        "lessonstudy-cycles", "lessonstudy-plan-versions", "lessonstudy-notes", "lessonstudy-reflections"
    ]  # fmt: skip
    start = program.start_date
    assert sheets["lessonstudy-cycles"].rows[1] == [
        "Siklus 1", "Matematika", "8A", "Persamaan linear satu variabel", teacher.person.name,
        other_teacher.person.name, "", "See", "", 2, 1, 1, start, None,
    ]  # fmt: skip
    assert sheets["lessonstudy-plan-versions"].rows[1:] == [
        ["Siklus 1", 1, start, "15:00", facilitator.get_full_name(), "", 2],
        ["Siklus 1", 2, start + 3 * DAY, "15:00", facilitator.get_full_name(), "Waktu diskusi ditambah", 2],
    ]
    assert sheets["lessonstudy-notes"].rows == [
        ["Date", "Time", "Week", "Cycle", "Open lesson", "Observer", "What it shows", "Group", "Note", "Late",
         "Students"],
        [start + DAY, "08:05", 1, "Siklus 1", "Terbuka 0", other_teacher.person.name, "Misconception",
         "Kelompok 2", "Ani Lestari salah pindah ruas 0.", "no", "Ani Lestari, Budi Prasetyo"],
    ]  # fmt: skip
    assert sheets["lessonstudy-reflections"].rows[1][:4] == [start + 2 * DAY, 1, "Siklus 1", "Held"]
    assert sheets["lessonstudy-reflections"].rows[1][6:] == ["Budi diam 0", "Timbangan nyata"]
    assert sheets["lessonstudy-notes"].personal and sheets["lessonstudy-reflections"].personal
    assert not sheets["lessonstudy-cycles"].personal and not sheets["lessonstudy-plan-versions"].personal


def test_students_names_are_left_out_for_the_district(
    client, program, district_officer, facilitator, teacher, other_teacher, students
):
    grow(program, facilitator, teacher, other_teacher, students, 1)
    sheets = {sheet.key: sheet for sheet in lesson_sheets(program_access_for(district_officer, program.pk))}
    notes = sheets["lessonstudy-notes"]
    assert notes.rows[0][-1] == "Late" and not notes.personal
    assert notes.rows[1][-2] == "… salah pindah ruas 0."
    assert sheets["lessonstudy-reflections"].rows[1][6] == "… diam 0"
    client.force_login(district_officer)
    book = openpyxl.load_workbook(io.BytesIO(client.get(reverse("program_export_xlsx", args=[program.pk])).content))
    assert {"Lesson study cycles", "Lesson plan versions", "Observation notes"} <= set(book.sheetnames)
    text = client.get(reverse("program_export_csv", args=[program.pk, "lessonstudy-notes"])).content.decode("utf-8-sig")
    assert "salah pindah ruas" in text and "Ani" not in text and "Budi" not in text


@pytest.mark.parametrize("size", [1, 6])
@pytest.mark.parametrize("role", ["principal", "district_officer"])
def test_the_sheets_cost_a_fixed_number_of_queries(
    program, users, facilitator, teacher, other_teacher, students, size, role, django_assert_num_queries
):
    grow(program, facilitator, teacher, other_teacher, students, size)
    access = program_access_for(users[role], program.pk)
    # the cycles with their stage dates and counts, their team; the plan versions; the notes, with their students
    # (staff) or the students' names to blank (others); the reflections
    with django_assert_num_queries(6):
        sheets = lesson_sheets(access)
    assert [len(sheet.rows) for sheet in sheets] == [1 + size, 1 + 2 * size, 1 + size, 1 + size]
