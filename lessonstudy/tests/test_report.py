"""Lesson study's section of the final report: its figures and chart, each cycle with its reflections quoted
(students' names blanked), and only photos of open lessons that every pictured student's guardian allowed in the
report — never an observer's note photo."""

import datetime as dt

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.urls import reverse

from komunitas import services
from komunitas.access import program_access_for
from komunitas.models import ConsentPurpose
from komunitas.print_images import print_name
from komunitas.testing import jpeg_bytes
from komunitas.tests.factories import StudentFactory
from komunitas.uploads import CleanFile
from lessonstudy.report import lesson_report_section
from lessonstudy.tests.figures_data import at, cycle_on, lesson_on, note_on, reflection_on, version_on

DAY = dt.timedelta(days=1)
COLOURS = ["green", "blue", "red", "yellow", "purple", "orange", "black", "white", "grey", "pink"]


def lesson_photo(session, people, seed=0):
    """A photo of an open lesson (a core attachment) showing ``people`` (students: consent is theirs)."""
    clean = CleanFile(jpeg_bytes(colour=COLOURS[seed % len(COLOURS)]), "image/jpeg", "jpg")
    return services.attachment_add(
        session=session, clean=clean, original_name="foto.jpg", caption=f"Foto {seed}", people=people, user=None
    )


@pytest.fixture
def cycles(program, teacher, other_teacher, students):
    """Cycle 1: taught, reflected on (naming a student), closed; cycle 2 started from it, its open lesson held."""
    start = program.start_date
    first = cycle_on(
        program, start, done=start + 12 * DAY, model_teacher=teacher.person, title="Siklus 1",
        subject="Matematika", topic="Persamaan linear satu variabel",
    )  # fmt: skip
    lesson = lesson_on(first, start + 8 * DAY, present=[teacher.person, other_teacher.person])
    note = note_on(lesson, other_teacher.person, at(lesson.date, 8, 5), students=students[:1], text="Ani bingung.")
    note.photo.save("catatan.jpg", ContentFile(jpeg_bytes(colour="pink")))  # an observer's photo: never reported
    reflection_on(
        first, start + 10 * DAY,
        findings="Ani Lestari dan kelompoknya salah memindahkan ruas.\nKelompok 3 aktif berdiskusi.",
        revisions="Tambahkan timbangan nyata di awal pelajaran.",
    )  # fmt: skip
    version_on(first, 2, start + 11 * DAY)
    second = cycle_on(
        program, start + 12 * DAY, model_teacher=other_teacher.person, title="Siklus 2", subject="IPA",
        topic="Gerak lurus", previous=first,
    )  # fmt: skip
    lesson_on(second, start + 22 * DAY, present=[teacher.person, other_teacher.person])
    return first, second, lesson


def report_html(client, user, program) -> str:
    client.force_login(user)
    response = client.get(reverse("report_pdf", args=[program.pk]), {"html": 1})
    assert response.status_code == 200
    return response.content.decode()


def test_the_section_is_in_the_report(client, program, facilitator, teacher, other_teacher, students, cycles):
    html = report_html(client, facilitator, program)
    assert "Community lesson study" in html
    assert "Teachers worked through 2 lesson study cycles" in html
    assert "2 open lessons were held; 2 observers took 1 notes about the students." in html
    assert 'data-chart="lessonstudy-notes"' in html
    assert 'data-testid="lessonstudy-report-cycles"' in html
    assert "<td>Siklus 1</td><td>Matematika · 8A</td><td>Persamaan linear satu variabel</td>" in html
    assert f"<td>{teacher.person.name}</td><td>Done</td>" in html
    assert f"<td>{other_teacher.person.name}</td><td>Do</td>" in html
    assert "“… dan kelompoknya salah memindahkan ruas.<br>Kelompok 3 aktif berdiskusi.”" in html
    assert "“Tambahkan timbangan nyata di awal pelajaran.”" in html
    for student in students:  # one report for every reader: no child named
        assert student.name not in html and student.name.split()[0] not in html


def test_only_report_consented_photos_of_open_lessons_are_printed(client, program, facilitator, students, cycles):
    _first, _second, lesson = cycles
    without = StudentFactory(school=program.school, consents=[ConsentPurpose.STAFF])
    shown = lesson_photo(lesson, students[:1], seed=1)
    hidden = [lesson_photo(lesson, [students[1], without], seed=2), lesson_photo(lesson, [], seed=3)]
    html = report_html(client, facilitator, program)
    assert print_name(shown) in html
    for photo in hidden:
        assert print_name(photo) not in html and not default_storage.exists(print_name(photo))
    assert "catatan" not in html  # the observer's note photo


def test_no_section_without_cycles(program, facilitator, django_assert_num_queries):
    access = program_access_for(facilitator, program.pk)
    with django_assert_num_queries(1):  # the cycles
        assert lesson_report_section(access) is None


@pytest.mark.parametrize("size", [1, 5])
def test_the_section_costs_a_fixed_number_of_queries(
    program, facilitator, teacher, other_teacher, students, size, django_assert_num_queries
):
    for index in range(size):
        day = program.start_date + 7 * index * DAY
        cycle = cycle_on(program, day, model_teacher=teacher.person)
        lesson = lesson_on(cycle, day + DAY, present=[teacher.person, other_teacher.person])
        note_on(lesson, other_teacher.person, at(lesson.date), students=students[:2])
        reflection_on(cycle, day + 2 * DAY, findings=f"Temuan {index}", revisions=f"Revisi {index}")
        version_on(cycle, 2, day + 3 * DAY)
        lesson_photo(lesson, students[:1], seed=index)
    access = program_access_for(facilitator, program.pk)
    # the cycles with their stage dates and model teachers, their reflections, lesson_weekly's other four, the
    # students' names, the photos
    with django_assert_num_queries(8):
        section = lesson_report_section(access)
    assert section.context["lessons_held"] == size and len(section.context["photos"]) == min(size, 4)
    assert [item["reflections"][0]["findings"] for item in section.context["cycles"]] == [
        f"Temuan {index}" for index in range(size)
    ]


def test_the_pdf_prints_the_section(client, program, facilitator, students, cycles):
    import io

    from pypdf import PdfReader

    lesson_photo(cycles[2], students[:1], seed=4)
    client.force_login(facilitator)
    response = client.get(reverse("report_pdf", args=[program.pk]), {"sections": "lessonstudy"})
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "Community lesson study" in text and "Tambahkan timbangan nyata" in text
    assert len({image.data for page in reader.pages for image in page.images}) == 1
