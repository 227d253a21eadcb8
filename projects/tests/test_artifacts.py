"""A project's artifacts: uploaded and checked by content as the core's documentation (photos re-encoded without
EXIF, bounded in pixels), linked to the club's members only, served only as consent allows, edited and deleted
(the file leaves with its record, once the transaction commits)."""

import io
import struct
import zlib

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from komunitas.testing import exe, form_values, pdf
from komunitas.tests.factories import StudentFactory
from projects.models import Artifact
from projects.tests.factories import ArtifactFactory, ClubFactory, ProjectFactory


@pytest.fixture
def project(program, facilitator, teacher, students):
    club = ClubFactory(program=program, name="Klub Sains", mentors=[teacher.person], members=students[:2])
    return ProjectFactory(club=club, title="Bank sampah", created_by=facilitator)


def _url(name, project, *more):
    return reverse(f"projects:{name}", args=[project.club.program_id, project.club_id, project.pk, *more])


def _photo_with_exif() -> bytes:
    exif = Image.Exif()
    exif[0x010E] = "Rumah Ani, Jl. Melati 5"  # ImageDescription: what must not leave the school
    out = io.BytesIO()
    Image.new("RGB", (3000, 2000), "green").save(out, format="JPEG", exif=exif)
    return out.getvalue()


def png_claiming(width: int, height: int) -> bytes:
    """A PNG of a few bytes whose header claims ``width`` × ``height`` pixels (a decompression bomb)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"")) + chunk(b"IEND", b"")


def _upload(client, project, content, name, follow=False, **data):
    url = _url("artifact_create", project)
    return client.post(url, {"file": SimpleUploadedFile(name, content), **data}, follow=follow)


def test_a_photo_is_reencoded_without_exif_and_linked_to_its_students(client, project, teacher, students):
    client.force_login(teacher)
    people = [students[0].pk]
    response = _upload(client, project, _photo_with_exif(), "karya.jpg", caption="Lengan robot", people=people)
    assert response.url == _url("project", project)
    artifact = Artifact.objects.get()
    assert (artifact.kind, artifact.content_type, artifact.original_name) == ("photo", "image/jpeg", "karya.jpg")
    assert list(artifact.people.all()) == [students[0]] and artifact.created_by == teacher
    with Image.open(artifact.file.path) as stored:
        assert max(stored.size) == 1600 and not stored.getexif()
    assert b"Rumah Ani" not in artifact.file.read()

    served = client.get(_url("artifact", project, artifact.pk))
    assert served["Content-Type"] == "image/jpeg" and served["X-Content-Type-Options"] == "nosniff"
    assert "attachment" not in served.get("Content-Disposition", "")
    page = client.get(_url("project", project)).content.decode()
    assert "Lengan robot" in page and students[0].name in page
    # The project page shows the small copy: tens of kilobytes on a school's slow connection.
    assert f"{_url('artifact', project, artifact.pk)}?size=thumb" in page
    thumb = client.get(_url("artifact", project, artifact.pk) + "?size=thumb")
    with Image.open(io.BytesIO(b"".join(thumb.streaming_content))) as small:
        assert max(small.size) == 480


def test_a_document_is_stored_as_a_file_and_downloads(client, project, teacher):
    client.force_login(teacher)
    _upload(client, project, pdf().read(), "laporan.pdf", caption="Laporan")
    artifact = Artifact.objects.get()
    assert (artifact.kind, artifact.content_type, artifact.file.name[-4:]) == ("file", "application/pdf", ".pdf")
    served = client.get(_url("artifact", project, artifact.pk))
    assert served["Content-Type"] == "application/pdf" and "attachment" in served["Content-Disposition"]


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (b"Ini bukan foto, hanya teks.", "foto.jpg", "Upload a photo or a PDF"),  # a .jpg that is really text
        (exe().read(), "laporan.pdf", "Upload a photo or a PDF"),  # a program renamed .pdf
        (b"\xff\xd8\xff\xe0 broken jpeg", "foto.jpg", "Upload a photo or a PDF"),
        (png_claiming(20000, 20000), "bom.png", "40 megapixels"),  # beyond Pillow's own limit
        (png_claiming(9000, 9000), "bom.png", "40 megapixels"),  # 81 megapixels: beyond ours
    ],
    ids=["text-as-jpg", "exe-as-pdf", "broken-jpeg", "bomb-400mp", "bomb-81mp"],
)
def test_a_file_that_is_not_what_it_claims_or_too_large_is_refused(client, project, teacher, content, name, message):
    client.force_login(teacher)
    response = _upload(client, project, content, name, caption="Karya")
    assert response.status_code == 200
    assert message in response.context["form"].errors["file"][0]
    assert not Artifact.objects.exists() and not default_storage.exists("private")


def test_a_file_is_required(client, project, teacher):
    client.force_login(teacher)
    response = client.post(_url("artifact_create", project), {"caption": "Tanpa berkas"})
    assert "file" in response.context["form"].errors and not Artifact.objects.exists()


def test_only_the_clubs_members_can_be_linked(client, project, teacher, students, outsider):
    """A student of the program in another club, and another school's student: each a field error."""
    ClubFactory(program=project.club.program, members=[students[3]])
    elsewhere = StudentFactory(school=outsider.person.school)
    client.force_login(teacher)
    page = client.get(_url("artifact_create", project)).content.decode()
    assert students[0].name in page and students[3].name not in page
    for wrong in [students[3], elsewhere]:
        response = _upload(client, project, pdf().read(), "a.pdf", people=[students[0].pk, wrong.pk])
        assert "Only the club's members" in response.context["form"].errors["people"][0]
    assert not Artifact.objects.exists()


def test_editing_keeps_a_student_who_has_left_the_club(client, project, facilitator, students):
    artifact = ArtifactFactory(project=project, created_by=facilitator, people=students[:2])
    project.club.members.remove(students[1])
    client.force_login(facilitator)
    url = _url("artifact_edit", project, artifact.pk)
    data = form_values(client.get(url).content.decode())
    data["caption"] = "Lengan robot, versi 2"
    assert client.post(url, data).url == _url("project", project)
    artifact.refresh_from_db()
    assert artifact.caption == "Lengan robot, versi 2" and set(artifact.people.all()) == set(students[:2])
    data = form_values(client.get(url).content.decode())
    data["people"] = [students[0].pk]
    client.post(url, data)
    assert list(artifact.people.all()) == [students[0]]


def test_delete_asks_first_and_removes_the_file_after_commit(
    client, project, teacher, django_capture_on_commit_callbacks
):
    artifact = ArtifactFactory(project=project, created_by=teacher)
    name = artifact.file.name
    client.force_login(teacher)
    url = _url("artifact_delete", project, artifact.pk)
    assert "Its file is removed too." in client.get(url).content.decode()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        assert client.post(url).url == _url("project", project)
    assert not Artifact.objects.exists() and default_storage.exists(name)  # not before the commit
    for callback in callbacks:
        callback()
    assert not default_storage.exists(name)


def test_a_teacher_does_not_change_the_facilitators_artifact(client, project, teacher, facilitator):
    artifact = ArtifactFactory(project=project, created_by=facilitator)
    client.force_login(teacher)
    assert client.post(_url("artifact_delete", project, artifact.pk)).status_code == 403
    assert client.get(_url("artifact_edit", project, artifact.pk)).status_code == 403
    assert Artifact.objects.exists()


# --- consent ---------------------------------------------------------------------------------------------------


@pytest.fixture
def without_consent(project, facilitator, students):
    """A photo of a member whose guardian gave no photo consent."""
    student = students[1]
    student.photo_consents.all().delete()
    return ArtifactFactory(project=project, created_by=facilitator, caption="Foto tanpa izin", people=[student])


def test_the_teacher_is_told_when_a_photo_shows_a_student_without_consent(client, project, teacher, students):
    students[1].photo_consents.all().delete()
    client.force_login(teacher)
    response = _upload(client, project, _photo_with_exif(), "kelas.jpg", people=[students[1].pk], follow=True)
    assert "only the facilitator and the principal will see it" in response.content.decode()
    assert not response.context["artifacts"] and Artifact.objects.get().people.get() == students[1]


def test_a_facilitator_sees_a_photo_lacking_consent_marked(client, project, facilitator, without_consent):
    client.force_login(facilitator)
    page = client.get(_url("project", project)).content.decode()
    assert "Foto tanpa izin" in page and "No photo consent: staff pages only" in page
    assert client.get(_url("artifact", project, without_consent.pk)).status_code == 200


@pytest.mark.parametrize("viewer", ["teacher", "district_officer"])
def test_others_never_get_a_photo_lacking_consent(client, project, users, without_consent, viewer):
    client.force_login(users[viewer])
    page = client.get(_url("project", project)).content.decode()
    assert "Foto tanpa izin" not in page and str(without_consent.file.name) not in page
    for name in ["artifact", "artifact_edit", "artifact_delete"]:
        assert client.get(_url(name, project, without_consent.pk)).status_code == 404, name


def test_district_officers_get_only_photos_the_report_may_show_and_no_names(
    client, project, facilitator, district_officer, students
):
    students[1].photo_consents.filter(purpose="report").delete()  # staff pages only
    staff_only = ArtifactFactory(project=project, created_by=facilitator, caption="Hanya staf", people=[students[1]])
    shown = ArtifactFactory(project=project, created_by=facilitator, caption="Untuk laporan", people=[students[0]])
    client.force_login(district_officer)
    response = client.get(_url("project", project))
    page = response.content.decode()
    assert [item.pk for item in response.context["artifacts"]] == [shown.pk]
    assert "Untuk laporan" in page and "1 student" in page and students[0].name not in page
    assert client.get(_url("artifact", project, staff_only.pk)).status_code == 404
    assert client.get(_url("artifact", project, shown.pk)).status_code == 200
    client.force_login(facilitator)
    assert "Hanya staf" in client.get(_url("project", project)).content.decode()


def test_an_artifact_of_another_project_is_not_found(client, project, facilitator):
    other = ArtifactFactory(project=ProjectFactory(club=project.club), created_by=facilitator)
    client.force_login(facilitator)
    assert client.get(_url("artifact", project, other.pk)).status_code == 404


def test_deleting_the_project_removes_its_artifacts_files(
    client, project, facilitator, django_capture_on_commit_callbacks
):
    name = ArtifactFactory(project=project, created_by=facilitator).file.name
    client.force_login(facilitator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("projects:project_delete", args=[project.club.program_id, project.club_id, project.pk]))
    assert not Artifact.objects.exists() and not default_storage.exists(name)
