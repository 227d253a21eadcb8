"""The final report (/programs/<id>/report.pdf): its data read at a fixed number of queries, its text, its size
with photos, consent, the stored copy, the obstacles and the texts."""

import datetime as dt
import io
import random

import pytest
from django.core.files.storage import default_storage
from django.urls import reverse
from PIL import Image

from komunitas import report_render, services
from komunitas.access import program_access_for
from komunitas.models import ConsentPurpose, Obstacle, PersonKind, ReportText
from komunitas.print_images import print_name
from komunitas.report import report_context
from komunitas.tests.factories import AttendanceFactory, ParticipantFactory, SessionFactory, StudentFactory
from komunitas.uploads import CleanFile

pytestmark = pytest.mark.usefixtures("english")  # titles asserted by their msgid


def noisy_jpeg(seed: int, size=(1600, 1200)) -> bytes:
    """A photo with a phone's detail: noise at a quarter of the size, enlarged (pure noise would be harder to
    compress than any photo)."""
    rng = random.Random(seed)
    small = (max(1, size[0] // 4), max(1, size[1] // 4))
    image = Image.frombytes("RGB", small, rng.randbytes(small[0] * small[1] * 3)).resize(size, Image.Resampling.BICUBIC)
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=92)
    return out.getvalue()


def add_photo(session, people, *, seed=0, user=None, size=(1600, 1200)):
    clean = CleanFile(noisy_jpeg(seed, size), "image/jpeg", "jpg")
    return services.attachment_add(
        session=session, clean=clean, original_name="foto.jpg", caption=f"Foto {seed}", people=people, user=user
    )


def build(program, facilitator, size: int) -> None:
    """``size`` held sessions, each with a teacher and two students present, a photo (consented) and an obstacle."""
    teacher = ParticipantFactory(program=program, person__kind=PersonKind.TEACHER).person
    for n in range(size):
        students = [StudentFactory(school=program.school) for _ in range(2)]
        for student in students:
            ParticipantFactory(program=program, person=student)
        session = SessionFactory(
            program=program, created_by=facilitator, date=program.start_date + dt.timedelta(days=7 * (n % 10) + 1)
        )
        for person in [teacher, *students]:
            AttendanceFactory(session=session, person=person)
        add_photo(session, students, seed=n, size=(60, 40))
        Obstacle.objects.create(program=program, noted_on=session.date, category="time", description=f"Rapat {n}")


@pytest.mark.parametrize("size", [1, 4])
def test_the_report_reads_its_data_at_a_fixed_number_of_queries(
    size, program, facilitator, django_assert_num_queries, settings
):
    build(program, facilitator, size)
    access = program_access_for(facilitator, program.pk)
    # texts, principal, facilitator, stages, participants by role, sessions, obstacles, teachers' marks;
    # sections: the evaluation's expected results (aspects), instruments used (instruments), Table 1
    # (indicators: forum_weekly's 4 + held of planned 1; aspects, instruments, items, answers), its appendix
    # (instruments); the forum (forum_weekly's 4); the clubs (club_weekly's 5 for Table 1; no club: 1 and no
    # section); the parents (parent_weekly's 5 for Table 1; no class: 1 and no section); lesson study (lesson_weekly's
    # 5 for Table 1; no cycle: 1 and no section); the core's attendance (sessions, counts, teachers' marks) and photos
    # (attachments with consent)
    with django_assert_num_queries(46):
        context = report_context(access)
    assert len(context["report"].obstacles) == size


@pytest.fixture
def reported(program, facilitator, principal, school):
    school.npsn = "10600001"
    school.save()
    build(program, facilitator, 3)
    return program


def pdf_text(content: bytes) -> tuple[str, int]:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(content))
    return "\n".join(page.extract_text() for page in reader.pages), len(reader.pages)


def test_the_pdf_has_every_part_table_1_and_the_school(client, reported, facilitator):
    client.force_login(facilitator)
    response = client.get(reverse("report_pdf", args=[reported.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text, pages = pdf_text(response.content)
    text = " ".join(text.split())
    assert 8 <= pages <= 40
    for title in [
        "FINAL REPORT", "APPROVAL PAGE", "FOREWORD", "CONTENTS", "INTRODUCTION", "Background", "Goals",
        "Participants", "Expected results", "IMPLEMENTATION", "Time and place", "The activities", "Results",
        "Evaluation: the change in the learning community", "Problems and solutions", "CLOSING", "Conclusions",
        "Recommendations", "APPENDICES", "Attendance", "Photos of the activities",
        "Table 1. Summary of the change in the learning community", "Triangulation",
    ]:  # fmt: skip
        assert title in text, title
    for aspect in reported.aspects.all():
        assert " ".join(aspect.name.split()) in text
    assert "SMPN H. Wukirsari" in text and "10600001" in text
    assert "Rapat 2" in text  # an obstacle
    assert "3 of 3 planned sessions were held" in text  # the conclusions, pre-filled from the data


def test_only_report_consented_photos_are_printed(client, program, facilitator):
    session = SessionFactory(program=program, created_by=facilitator)
    shown = add_photo(session, [StudentFactory(school=program.school)], seed=1, size=(80, 60))
    staff_only = add_photo(session, [StudentFactory(school=program.school, consents=[ConsentPurpose.STAFF])], seed=2)
    untagged = add_photo(session, [], seed=3)
    client.force_login(facilitator)
    html = client.get(reverse("report_pdf", args=[program.pk]), {"html": 1}).content.decode()
    assert print_name(shown) in html
    for hidden in (staff_only, untagged):
        assert print_name(hidden) not in html
        assert not default_storage.exists(print_name(hidden))  # never even made
    preview = client.get(reverse("report_preview", args=[program.pk])).content.decode()
    assert shown.get_absolute_url() in preview and staff_only.get_absolute_url() not in preview

    from pypdf import PdfReader

    pdf = client.get(reverse("report_pdf", args=[program.pk])).content
    # WeasyPrint shares one resource dictionary between pages: count the distinct images embedded
    images = {image.data for page in PdfReader(io.BytesIO(pdf)).pages for image in page.images}
    assert len(images) == 1


def test_twenty_phone_photos_stay_well_under_10_mb(client, program, facilitator):
    session = SessionFactory(program=program, created_by=facilitator)
    uploads = 0
    for n in range(20):
        photo = add_photo(session, [StudentFactory(school=program.school)], seed=n)
        uploads += photo.size
    client.force_login(facilitator)
    response = client.get(reverse("report_pdf", args=[program.pk]))
    assert uploads > 15_000_000  # what embedding the uploads would cost
    assert len(response.content) < 10_000_000, len(response.content)  # the evidence platform takes 10 MB
    with Image.open(default_storage.open(print_name(photo))) as copy:
        assert max(copy.size) == 1000 and not copy.getexif()


def test_the_stored_report_is_served_until_the_data_changes(client, program, facilitator):
    client.force_login(facilitator)
    url = reverse("report_pdf", args=[program.pk])
    assert "rendered" in client.get(url)["Server-Timing"]
    assert "stored" in client.get(url)["Server-Timing"]
    assert "rendered" in client.get(url, {"sections": "evaluation"})["Server-Timing"]  # another choice
    response = client.post(
        reverse("obstacle_create", args=[program.pk]),
        {"noted_on": program.start_date, "category": "facilities", "description": "Proyektor rusak"},
    )
    assert response.status_code == 302
    response = client.get(url)
    assert "rendered" in response["Server-Timing"]
    assert "Proyektor rusak" in " ".join(pdf_text(response.content)[0].split())
    folder = f"{report_render.FOLDER}/{program.pk}"
    assert len(default_storage.listdir(folder)[1]) == 1  # the older data's reports are gone


def test_chosen_sections_leave_the_others_out(client, reported, facilitator):
    client.force_login(facilitator)
    html = client.get(reverse("report_preview", args=[reported.pk]), {"section": ["attendance"]}).content.decode()
    assert "Attendance by session" in html and "Table 1." not in html and "Photos of the activities" not in html
    html = client.get(reverse("report_preview", args=[reported.pk]), {"sections": "<script>,photos"}).content
    assert b"Photos of the activities" in html and b"<script>" not in html


def test_an_empty_program_has_a_report_and_a_helpful_page(client, program, principal):
    client.force_login(principal)
    page = client.get(reverse("report_page", args=[program.pk])).content.decode()
    assert "No session has been held yet" in page and "No obstacle recorded yet" in page
    text, pages = pdf_text(client.get(reverse("report_pdf", args=[program.pk])).content)
    assert pages >= 5 and "No obstacle was recorded during the program." in " ".join(text.split())


def test_texts_left_as_proposed_follow_the_data_and_edited_ones_stay(client, program, facilitator):
    from komunitas.testing import form_values

    client.force_login(facilitator)
    url = reverse("report_page", args=[program.pk])
    data = form_values(client.get(url).content.decode(), "report-texts")
    assert "planned sessions" not in data["conclusions"] or data["conclusions"]
    data["foreword"] = "Kata pengantar kami."
    assert client.post(url, data).status_code == 302
    texts = ReportText.objects.get(program=program)
    assert texts.foreword == "Kata pengantar kami." and texts.conclusions == "" and texts.background == ""
    html = client.get(reverse("report_preview", args=[program.pk])).content.decode()
    assert "Kata pengantar kami." in html and "ran at SMPN H. Wukirsari" in html


def test_an_obstacle_outside_the_program_is_a_field_error(client, program, facilitator):
    client.force_login(facilitator)
    data = {"noted_on": "2001-01-01", "category": "time", "description": "x"}
    response = client.post(reverse("obstacle_create", args=[program.pk]), data)
    assert response.status_code == 200 and "outside the program" in str(response.context["form"].errors["noted_on"])
    data = {"noted_on": program.start_date, "category": "nonsense", "description": ""}
    form = client.post(reverse("obstacle_create", args=[program.pk]), data).context["form"]
    assert set(form.errors) == {"category", "description"} and not Obstacle.objects.exists()


def test_an_obstacle_edited_by_two_is_not_silently_overwritten(client, program, facilitator, principal):
    from komunitas.testing import form_values

    obstacle = Obstacle.objects.create(program=program, noted_on=program.start_date, category="time", description="a")
    url = reverse("obstacle_edit", args=[program.pk, obstacle.pk])
    client.force_login(facilitator)
    mine = form_values(client.get(url).content.decode())
    Obstacle.objects.filter(pk=obstacle.pk).update(description="theirs")
    mine["description"] = "mine"
    response = client.post(url, mine)
    assert response.status_code == 200 and response.context["form"].non_field_errors()
    assert Obstacle.objects.get(pk=obstacle.pk).description == "theirs"


def test_the_stable_url_opens_in_the_viewer_and_the_download_buttons_save_a_file(client, program, principal):
    client.force_login(principal)
    url = reverse("report_pdf", args=[program.pk])
    assert client.get(url)["Content-Disposition"].startswith("inline;")
    assert client.get(url, {"download": 1})["Content-Disposition"].startswith("attachment;")
    page = client.get(reverse("report_page", args=[program.pk])).content.decode()
    assert f'href="{url}?download=1"' in page


def test_a_new_release_of_templates_or_translations_renders_the_report_again(program, facilitator, monkeypatch):
    access = program_access_for(facilitator, program.pk)
    before = report_render.stored_name(access, None)
    monkeypatch.setattr(report_render.freshness, "deployment", lambda: "a-new-release")
    assert report_render.stored_name(access, None) != before


def test_a_deleted_photo_leaves_no_print_copy_and_no_stored_report(
    client, program, facilitator, django_capture_on_commit_callbacks
):
    """Files leave with their records: the print copy and the stored reports that embedded it go too (a photo
    deleted because consent was withdrawn survives nowhere on disk)."""
    session = SessionFactory(program=program, created_by=facilitator)
    photo = add_photo(session, [StudentFactory(school=program.school)], seed=4, size=(80, 60))
    client.force_login(facilitator)
    client.get(reverse("report_pdf", args=[program.pk]))
    stored = report_render.stored_name(program_access_for(facilitator, program.pk), None)
    assert default_storage.exists(print_name(photo)) and default_storage.exists(stored)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("attachment_delete", args=[program.pk, photo.pk]))
    assert not default_storage.exists(print_name(photo))
    assert not default_storage.exists(stored)
