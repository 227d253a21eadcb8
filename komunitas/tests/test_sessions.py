"""Attendance on one screen, the printable daftar hadir, and session documentation."""

import datetime as dt
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from komunitas import services
from komunitas.models import Attachment, Participant, PersonKind
from komunitas.testing import form_values, jpeg_bytes
from komunitas.tests.factories import AttendanceFactory, ParticipantFactory, SessionFactory, StudentFactory
from komunitas.uploads import CleanFile

pytestmark = pytest.mark.usefixtures("english")


@pytest.fixture
def session(program, facilitator):
    return SessionFactory(program=program, created_by=facilitator, status="planned")


@pytest.fixture
def teachers(program):
    return [ParticipantFactory(program=program, person__name=f"Guru {i}").person for i in range(3)]


def test_attendance_is_recorded_in_one_post_and_marks_the_session_held(client, facilitator, session, teachers):
    client.force_login(facilitator)
    url = reverse("attendance_edit", args=[session.program_id, session.pk])
    form = client.get(url).context["form"]
    assert [person for person, _ in form.rows()] == sorted(teachers, key=lambda p: p.name)
    data = {
        f"p{teachers[0].pk}": "present",
        f"p{teachers[1].pk}": "excused",
        f"p{teachers[2].pk}": "",
    }
    response = client.post(url, data)
    assert response.status_code == 302
    assert dict(session.attendance.values_list("person__name", "status")) == {"Guru 0": "present", "Guru 1": "excused"}
    session.refresh_from_db()
    assert session.status == "held"

    # Changing a mark updates; blanking removes; no duplicates.
    client.post(url, {f"p{teachers[0].pk}": "absent", f"p{teachers[1].pk}": ""})
    assert dict(session.attendance.values_list("person__name", "status")) == {"Guru 0": "absent"}


def test_attendance_refuses_unknown_status(client, facilitator, session, teachers):
    client.force_login(facilitator)
    url = reverse("attendance_edit", args=[session.program_id, session.pk])
    response = client.post(url, {f"p{teachers[0].pk}": "sleeping"})
    assert response.status_code == 200
    assert "Select a valid choice" in response.context["form"].errors[f"p{teachers[0].pk}"][0]
    assert not session.attendance.exists()


def test_attendance_ignores_people_outside_the_program(client, facilitator, session, teachers, outsider):
    client.force_login(facilitator)
    stranger = outsider.person
    url = reverse("attendance_edit", args=[session.program_id, session.pk])
    client.post(url, {f"p{teachers[0].pk}": "present", f"p{stranger.pk}": "present"})
    assert list(session.attendance.values_list("person", flat=True)) == [teachers[0].pk]


def test_a_reflection_lists_staff_and_everyone_on_request(client, facilitator, program, teachers):
    """A kind's audience (here the core's reflection: the staff) narrows the list; "show every participant"
    widens it. A kind whose list is everyone offers no such choice."""
    student = StudentFactory(school=program.school)
    Participant.objects.create(program=program, person=student, role=PersonKind.STUDENT)
    reflection = SessionFactory(program=program, kind="reflection", created_by=facilitator)
    client.force_login(facilitator)
    url = reverse("attendance_edit", args=[program.pk, reflection.pk])
    response = client.get(url)
    assert teachers[0] in response.context["form"].people and student not in response.context["form"].people
    assert "Show every participant" in response.content.decode()
    assert student in client.get(url + "?all=1").context["form"].people
    other = SessionFactory(program=program, kind="other", created_by=facilitator)
    response = client.get(reverse("attendance_edit", args=[program.pk, other.pk]))
    assert student in response.context["form"].people and "Show every participant" not in response.content.decode()


def test_planning_starts_from_the_first_declared_kind(client, facilitator, program):
    from komunitas import activities

    client.force_login(facilitator)
    form = client.get(reverse("session_create", args=[program.pk])).context["form"]
    assert form["kind"].value() == activities.session_types()[0].value
    assert (
        client.get(reverse("session_create", args=[program.pk]) + "?kind=other").context["form"]["kind"].value()
        == "other"
    )


def test_the_edit_form_offers_delete_only_when_it_is_allowed(client, facilitator, teacher, program):
    planned = SessionFactory(program=program, created_by=teacher, status="planned")
    held = SessionFactory(program=program, created_by=teacher, status="held")
    client.force_login(teacher)
    for session, offered in [(planned, True), (held, False)]:
        html = client.get(reverse("session_edit", args=[program.pk, session.pk])).content.decode()
        assert (reverse("session_delete", args=[program.pk, session.pk]) in html) is offered


def test_daftar_hadir_has_a_signature_column_and_every_participant(client, principal, session, teachers):
    client.force_login(principal)
    response = client.get(reverse("attendance_print", args=[session.program_id, session.pk]))
    html = response.content.decode()
    assert "Signature" in html
    assert all(teacher.name in html for teacher in teachers)


def jpeg_with_gps() -> bytes:
    image = Image.new("RGB", (3000, 2000), "orange")
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"
    exif[0x8825] = {1: "S", 2: (3.0, 17.0, 0.0)}  # GPS block
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif)
    return out.getvalue()


def upload(client, session, content, name, **extra):
    url = reverse("attachment_add", args=[session.program_id, session.pk])
    return client.post(url, {"file": SimpleUploadedFile(name, content), "caption": "Diskusi", **extra})


def test_photo_is_resized_and_stripped_of_exif(client, facilitator, session):
    client.force_login(facilitator)
    assert upload(client, session, jpeg_with_gps(), "IMG_0001.JPG").status_code == 302
    attachment = Attachment.objects.get()
    with Image.open(attachment.file.path) as image:
        assert max(image.size) == 1600
        assert not image.getexif()
    assert attachment.kind == "photo" and attachment.original_name == "IMG_0001.JPG"
    assert "/media" not in attachment.get_absolute_url()
    response = client.get(attachment.get_absolute_url())
    assert response.status_code == 200 and response["Content-Type"] == "image/jpeg"


@pytest.mark.parametrize("fmt", ["JPEG", "PNG"])
def test_photo_keeps_no_metadata_at_all(fmt):
    """EXIF and GPS, a JPEG comment (which can carry markup), a PNG text chunk or colour profile: all gone."""
    from PIL import PngImagePlugin

    from komunitas.uploads import clean_image

    out = io.BytesIO()
    if fmt == "JPEG":
        Image.new("RGB", (50, 40), "red").save(out, format="JPEG", comment=b"<script>alert(1)</script>")
    else:
        text = PngImagePlugin.PngInfo()
        text.add_text("Comment", "<script>alert(1)</script>")
        Image.new("RGBA", (50, 40), "red").save(out, format="PNG", pnginfo=text, icc_profile=b"profile")
    clean = clean_image(SimpleUploadedFile(f"a.{fmt.lower()}", out.getvalue()))
    assert b"<script>" not in clean.content and b"profile" not in clean.content
    with Image.open(io.BytesIO(clean.content)) as image:
        assert set(image.info) <= {"jfif", "jfif_version", "jfif_unit", "jfif_density", "dpi"}


def test_pdf_is_kept_as_a_document(client, facilitator, session):
    client.force_login(facilitator)
    upload(client, session, b"%PDF-1.4\n%...\n", "materi.pdf")
    attachment = Attachment.objects.get()
    assert (attachment.kind, attachment.content_type) == ("file", "application/pdf")
    response = client.get(attachment.get_absolute_url())
    assert "attachment" in response["Content-Disposition"]


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (b"MZ\x90\x00" + b"\x00" * 100, "materi.pdf", "Upload a photo or a PDF"),
        (b"<html>hi</html>", "foto.jpg", "Upload a photo or a PDF"),
        (b"\xff\xd8\xff\xe0 broken jpeg", "foto.jpg", "Upload a photo or a PDF"),
        (b"%PDF-" + b"0" * (10 * 1024 * 1024), "besar.pdf", "the limit is 10.0"),
    ],
)
def test_disguised_broken_or_oversized_files_are_refused(client, facilitator, session, content, name, message):
    client.force_login(facilitator)
    response = upload(client, session, content, name)
    assert response.status_code == 200
    assert message in response.context["upload_form"].errors["file"][0]
    assert not Attachment.objects.exists()


@pytest.mark.parametrize("side", [9000, 20000])  # 81 megapixels: beyond ours; 400: beyond Pillow's own guard
def test_decompression_bomb_is_refused_as_too_large_in_pixels(client, facilitator, session, side):
    """A tiny file that would unpack into gigabytes is refused, saying why (not "not a photo")."""
    image = Image.new("1", (side, side))
    out = io.BytesIO()
    image.save(out, format="PNG")
    client.force_login(facilitator)
    response = upload(client, session, out.getvalue(), "bom.png")
    assert "40 megapixels" in response.context["upload_form"].errors["file"][0]
    assert not Attachment.objects.exists()


def test_photo_of_a_student_without_consent_is_marked(client, facilitator, session, program):
    student = StudentFactory(school=program.school, consents=[])
    Participant.objects.create(program=program, person=student, role=PersonKind.STUDENT)
    client.force_login(facilitator)
    out = io.BytesIO()
    Image.new("RGB", (50, 50)).save(out, format="PNG")
    upload(client, session, out.getvalue(), "kelas.png", people=[student.pk])
    assert not Attachment.objects.with_consent().get().consent_staff
    assert not Attachment.objects.shown_for("report").exists()
    html = client.get(session.get_absolute_url()).content.decode()
    assert "without consent for staff pages" in html
    services.consent_set(
        person=student,
        change=services.ConsentChange(frozenset({"staff", "report"}), "Ibu", None, facilitator),
    )
    assert Attachment.objects.shown_for("report").count() == 1
    assert not Attachment.objects.shown_for("public").exists()


def test_files_are_not_reachable_through_a_media_url(client, facilitator, session):
    client.force_login(facilitator)
    upload(client, session, b"%PDF-1.4\n", "materi.pdf")
    attachment = Attachment.objects.get()
    assert client.get("/media/" + attachment.file.name).status_code == 404


def test_future_sessions_take_no_attendance(client, facilitator, program, teachers):
    future = SessionFactory(
        program=program, created_by=facilitator, status="planned", date=timezone.localdate() + dt.timedelta(days=3)
    )
    client.force_login(facilitator)
    url = reverse("attendance_edit", args=[program.pk, future.pk])
    response = client.post(url, {f"p{teachers[0].pk}": "present"})
    assert response.url == future.get_absolute_url()
    future.refresh_from_db()
    assert future.status == "planned" and not future.attendance.exists()


def test_any_teacher_of_the_program_takes_attendance_of_a_planned_session(client, teacher, session, teachers):
    client.force_login(teacher)
    url = reverse("attendance_edit", args=[session.program_id, session.pk])
    assert client.post(url, {f"p{teachers[0].pk}": "present"}).status_code == 302
    assert session.attendance.count() == 1


def test_deleting_a_session_lists_what_goes_with_it(client, facilitator, session, teachers):
    AttendanceFactory(session=session, person=teachers[0])
    client.force_login(facilitator)
    url = reverse("session_delete", args=[session.program_id, session.pk])
    services.attachment_add(
        session=session,
        clean=CleanFile(jpeg_bytes(), "image/jpeg", "jpg"),
        original_name="a.jpg",
        caption="",
        people=[StudentFactory(school=session.program.school)],
        user=facilitator,
    )
    html = client.get(url).content.decode()
    assert "Deleted with it: 1 attendance, 1 documentation." in html  # no links between records named
    client.post(url)
    assert not type(session).objects.filter(pk=session.pk).exists()


def test_a_teacher_cannot_delete_a_held_session_even_their_own(client, teacher, program):
    own = SessionFactory(program=program, created_by=teacher, status="held")
    client.force_login(teacher)
    response = client.post(reverse("session_delete", args=[program.pk, own.pk]))
    assert response.status_code == 302
    assert type(own).objects.filter(pk=own.pk).exists()
    planned = SessionFactory(program=program, created_by=teacher, status="planned")
    client.post(reverse("session_delete", args=[program.pk, planned.pk]))
    assert not type(planned).objects.filter(pk=planned.pk).exists()


def test_a_failed_upload_shows_the_session_without_a_link_to_itself(client, facilitator, session):
    client.force_login(facilitator)
    response = client.post(reverse("attachment_add", args=[session.program_id, session.pk]), {"caption": "x"})
    assert response.status_code == 200 and response.context["upload_form"].errors["file"]
    assert "Open in" not in response.content.decode()  # a session of the core's own kind has no other page


def test_attendance_with_nobody_present_leaves_the_session_planned(client, facilitator, session, teachers):
    """The dashboard counts held sessions: one whose attendance says nobody came is not held, unless someone says
    so explicitly (a list kept on paper)."""
    client.force_login(facilitator)
    url = reverse("attendance_edit", args=[session.program_id, session.pk])
    # Post back exactly what the page shows, nobody marked: nothing is ticked for the user.
    response = client.post(url, form_values(client.get(url).content.decode()), follow=True)
    session.refresh_from_db()
    assert session.status == "planned"
    assert "Nobody is marked present, so the session stays planned." in response.content.decode()
    client.post(url, {f"p{teachers[0].pk}": "absent"})
    session.refresh_from_db()
    assert session.status == "planned"
    client.post(url, {"held_without_marks": "on"})
    session.refresh_from_db()
    assert session.status == "held"


def test_a_page_that_answered_a_form_switches_language_back_to_the_forms_page(client, facilitator, session):
    """The ID/EN switch must not send anyone to an address that only takes forms (a 405)."""
    client.force_login(facilitator)
    detail = session.get_absolute_url()
    response = client.post(
        reverse("attachment_add", args=[session.program_id, session.pk]), {"caption": "x"}, HTTP_REFERER=detail
    )
    assert f'name="next" type="hidden" value="{detail}"' in response.content.decode()


def test_a_photo_of_a_removed_student_says_why_it_is_for_staff_only(client, facilitator, session):
    from komunitas.tests.factories import StudentFactory

    student = StudentFactory(school=session.program.school)
    services.attachment_add(
        session=session,
        clean=CleanFile(jpeg_bytes(), "image/jpeg", "jpg"),
        original_name="a.jpg",
        caption="",
        people=[student],
        user=facilitator,
    )
    student.delete()  # however they go (here: not through the roster), their photos stay to staff
    client.force_login(facilitator)
    html = client.get(session.get_absolute_url()).content.decode()
    assert "Staff only: it showed a student who has since been removed." in html
