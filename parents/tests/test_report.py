"""The parent classes' section of the final report: its figures, the involvement levels first half → second half,
the dialogue quoted without names, and only photos every pictured student's guardian allowed in the report."""

import datetime as dt

import pytest
from django.core.files.storage import default_storage
from django.urls import reverse

from komunitas import services
from komunitas.access import program_access_for
from komunitas.models import ConsentPurpose
from komunitas.print_images import print_name
from komunitas.testing import jpeg_bytes
from komunitas.tests.factories import StudentFactory
from komunitas.uploads import CleanFile
from parents.report import parent_report_section
from parents.tests.factories import ContributionFactory, DialogueNoteFactory, class_on

WEEK = dt.timedelta(days=7)
COLOURS = ["green", "blue", "red", "yellow", "purple", "orange", "black", "white", "grey", "pink"]


def class_photo(session, people, seed=0):
    """A photo of a parent class (a core attachment) showing ``people`` (students: consent is theirs)."""
    clean = CleanFile(jpeg_bytes(colour=COLOURS[seed % len(COLOURS)]), "image/jpeg", "jpg")
    return services.attachment_add(
        session=session, clean=clean, original_name="foto.jpg", caption=f"Foto {seed}", people=people, user=None
    )


@pytest.fixture
def classes(program, parents):
    """Week 1: one parent, Sari, who tells an experience; week 7: three, Joko contributes and hopes."""
    sari, joko, rina, _hasan = parents
    first = class_on(program, program.start_date + dt.timedelta(days=5), present=[sari]).session
    late = class_on(program, program.start_date + 6 * WEEK + dt.timedelta(days=5), present=[sari, joko, rina])
    class_on(program, program.start_date + 9 * WEEK, status="planned")
    DialogueNoteFactory(session=first, tag="experience", parent=sari, text="Anak saya mulai bercerita soal sekolah.")
    DialogueNoteFactory(session=first, tag="obstacle", text="Kami pulang kerja sudah malam.")
    DialogueNoteFactory(session=late.session, tag="hope", parent=joko, text="Semoga kelas ini rutin tiap bulan.")
    DialogueNoteFactory(session=late.session, tag="hope", text="")  # erased: not quoted
    ContributionFactory(program=program, parent=joko, session=late.session, date=late.session.date)
    return first, late.session


def report_html(client, user, program) -> str:
    client.force_login(user)
    response = client.get(reverse("report_pdf", args=[program.pk]), {"html": 1})
    assert response.status_code == 200
    return response.content.decode()


def test_the_section_is_in_the_report(client, program, facilitator, parents, classes):
    html = report_html(client, facilitator, program)
    assert "Parent inspiration classes" in html
    assert "2 of 3 planned parent classes were held." in html
    assert "3 of 4 participating parents came to at least one class." in html
    assert "from 25% at the first class to 75% at the latest." in html
    assert 'data-chart="parent-presence"' in html and 'data-chart="parent-dialogue"' in html
    assert 'data-testid="parent-involvement-levels"' in html
    # (level, first half, second half, whole): Sari active (came to the one class and spoke) → attended; Joko not
    # yet → active (contributed); Rina not yet → attended; Hasan not yet → not yet
    assert '<tr><td>Not yet attended</td><td class="num">3</td><td class="num">1</td><td class="num">1</td>' in html
    assert '<tr><td>Attended</td><td class="num">0</td><td class="num">2</td><td class="num">1</td>' in html
    assert '<tr><td>Active partner</td><td class="num">1</td><td class="num">1</td><td class="num">2</td>' in html
    assert "“Anak saya mulai bercerita soal sekolah.”" in html and "“Kami pulang kerja sudah malam.”" in html
    assert "“Semoga kelas ini rutin tiap bulan.”" in html and "“”" not in html
    for parent in parents:  # one report for every reader: no parent, no child named
        assert parent.name not in html
        assert all(child.name not in html for child in parent.guardian_of.all())


def test_only_report_consented_photos_are_printed(client, program, facilitator, parents, classes):
    first, late = classes
    child = parents[0].guardian_of.get()
    without = StudentFactory(school=program.school, consents=[ConsentPurpose.STAFF])
    shown = class_photo(first, [child], seed=1)
    hidden = [
        class_photo(late, [child, without], seed=2),  # one child without report consent
        class_photo(late, [], seed=3),  # nobody tagged: who is in it?
    ]
    html = report_html(client, facilitator, program)
    assert print_name(shown) in html
    for photo in hidden:
        assert print_name(photo) not in html and not default_storage.exists(print_name(photo))


def test_no_section_without_parent_classes(program, facilitator, django_assert_num_queries):
    access = program_access_for(facilitator, program.pk)
    with django_assert_num_queries(1):  # the parent classes
        assert parent_report_section(access) is None


@pytest.mark.parametrize("size", [1, 5])
def test_the_section_costs_a_fixed_number_of_queries(program, facilitator, parents, size, django_assert_num_queries):
    child = parents[0].guardian_of.get()
    for index in range(size):
        session = class_on(program, program.start_date + index * WEEK, present=parents).session
        ContributionFactory(program=program, parent=parents[index % 4], session=session, date=session.date)
        for tag in ["experience", "obstacle", "hope"]:
            DialogueNoteFactory(session=session, tag=tag, parent=parents[index % 4])
        class_photo(session, [child], seed=index)
    access = program_access_for(facilitator, program.pk)
    # the parent classes, parent_weekly's other four, the follow-ups' counts, the involvement's five (held
    # classes, the parents' ids, presence, contributions, dialogue notes), the quotes, the photos
    with django_assert_num_queries(13):
        section = parent_report_section(access)
    assert section.context["classes_held"] == size and len(section.context["photos"]) == min(size, 4)
    assert sum(len(texts) for _label, texts in section.context["quotes"]) == 3 * min(size, 2)


def test_the_pdf_prints_the_section_with_its_photo(client, program, facilitator, parents, classes):
    import io

    from pypdf import PdfReader

    class_photo(classes[0], [parents[0].guardian_of.get()], seed=4)
    client.force_login(facilitator)
    response = client.get(reverse("report_pdf", args=[program.pk]), {"sections": "parents"})
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "Parent inspiration classes" in text and "Kami pulang kerja sudah malam." in text
    assert len({image.data for page in reader.pages for image in page.images}) == 1
