"""The school's details and its logo: edited by the facilitator and the principal, shown on the report's cover."""

import io

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image
from pypdf import PdfReader

from komunitas.testing import jpeg, pdf
from komunitas.tests.factories import SchoolFactory

pytestmark = pytest.mark.usefixtures("english")


def post(client, program, **data):
    url = reverse("school_edit", args=[program.pk])
    page = client.get(url).content.decode()
    marker = 'name="school_version" value="'
    version = page[page.index(marker) + len(marker) :].split('"', 1)[0]
    fields = {"name": program.school.name, "npsn": "", "address": "", "school_version": version}
    return client.post(url, {**fields, **data})


def test_a_logo_is_cleaned_shown_and_printed_on_the_cover(client, program, principal):
    client.force_login(principal)
    out = io.BytesIO()
    Image.new("RGB", (2400, 1200), "red").save(out, format="JPEG")
    upload = SimpleUploadedFile("logo.jpg", out.getvalue(), content_type="image/jpeg")
    response = post(client, program, logo_upload=upload)
    assert response.status_code == 302, response.context["form"].errors
    program.school.refresh_from_db()
    with default_storage.open(program.school.logo.name) as stored, Image.open(stored) as logo:
        assert max(logo.size) == 600  # downscaled for a cover, EXIF gone with the re-encoding
    page = client.get(reverse("school_edit", args=[program.pk])).content.decode()
    assert 'data-testid="school-logo"' in page
    assert client.get(reverse("school_logo", args=[program.pk]))["Content-Type"] == "image/jpeg"

    html = client.get(reverse("report_pdf", args=[program.pk]), {"html": 1}).content.decode()
    assert f'src="/media/{program.school.logo.name}"' in html
    report = client.get(reverse("report_pdf", args=[program.pk]))
    cover = PdfReader(io.BytesIO(report.content)).pages[0]
    assert len(cover.images) == 1


def test_a_new_logo_replaces_the_old_file_and_remove_takes_it_away(
    client, program, facilitator, django_capture_on_commit_callbacks
):
    client.force_login(facilitator)
    post(client, program, logo_upload=jpeg("a.jpg"))
    program.school.refresh_from_db()
    first = program.school.logo.name
    with django_capture_on_commit_callbacks(execute=True):  # the old file leaves once the save commits
        post(client, program, logo_upload=jpeg("b.jpg"))
    program.school.refresh_from_db()
    assert program.school.logo.name != first and not default_storage.exists(first)
    second = program.school.logo.name
    with django_capture_on_commit_callbacks(execute=True):
        post(client, program, remove_logo="on")
    program.school.refresh_from_db()
    assert not program.school.logo and not default_storage.exists(second)
    assert client.get(reverse("school_logo", args=[program.pk])).status_code == 404


def test_bad_input_gets_a_message_next_to_its_field(client, program, principal):
    client.force_login(principal)
    SchoolFactory(name="SMPN Tetangga", district=program.school.district)
    response = post(client, program, name="smpn  tetangga", npsn="12ab", logo_upload=pdf("logo.png"))
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert set(errors) == {"name", "npsn", "logo_upload"}
    program.school.refresh_from_db()
    assert program.school.name == "SMPN H. Wukirsari" and not program.school.logo
