"""Photo consent per student and per purpose (UU PDP): who gave and recorded it, and a withdrawal that takes the
photos out of every output at once. And what those who may not see students' data see instead."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from komunitas import services
from komunitas.models import Attachment, Participant, PersonKind
from komunitas.testing import jpeg_bytes, make_member
from komunitas.tests.factories import SessionFactory, StudentFactory
from komunitas.uploads import CleanFile

pytestmark = pytest.mark.usefixtures("english")


@pytest.fixture
def student(program):
    student = StudentFactory(school=program.school, name="Ani Lestari", consents=["staff", "report", "public"])
    Participant.objects.create(program=program, person=student, role=PersonKind.STUDENT)
    return student


@pytest.fixture
def photo(program, facilitator, student):
    session = SessionFactory(program=program, created_by=facilitator)
    return services.attachment_add(
        session=session,
        clean=CleanFile(jpeg_bytes((20, 20)), "image/jpeg", "jpg"),
        original_name="kelas.jpg",
        caption="Kerja kelompok",
        people=[student],
        user=facilitator,
    )


def edit(client, program, student, purposes, given_by="Ibu Lestari"):
    data = {
        "name": student.name,
        "kind": "student",
        "class_name": "7A",
        "consent_purposes": purposes,
        "consent_given_by": given_by,
        "consent_given_on": "2026-07-10",
        "is_participant": "on",
    }
    return client.post(reverse("person_edit", args=[program.pk, student.pk]), data)


def sees(client, user, photo) -> bool:
    """Whether ``user`` finds the photo on its session page, and may open it."""
    client.force_login(user)
    page = client.get(photo.session.get_absolute_url()).content.decode()
    opened = client.get(photo.get_absolute_url()).status_code == 200
    assert (photo.get_absolute_url() in page) == opened
    return opened


def test_consent_is_recorded_per_purpose_with_who_and_when(client, program, facilitator):
    student = StudentFactory(school=program.school, name="Budi", consents=[])
    client.force_login(facilitator)
    assert edit(client, program, student, ["staff", "report"]).status_code == 302
    consents = list(student.photo_consents.active().order_by("purpose"))
    assert [(c.purpose, c.given_by, str(c.given_on), c.recorded_by) for c in consents] == [
        ("report", "Ibu Lestari", "2026-07-10", facilitator),
        ("staff", "Ibu Lestari", "2026-07-10", facilitator),
    ]
    edit(client, program, student, ["staff"])
    report = student.photo_consents.get(purpose="report")
    assert report.withdrawn_at and report.withdrawn_by == facilitator  # the record stays, withdrawn
    history = client.get(reverse("person_edit", args=[program.pk, student.pk])).content.decode()
    assert "Withdrawn: recorded by fasilitator" in history and "given by Ibu Lestari" in history


def test_new_consent_names_who_gave_it(client, program, facilitator):
    student = StudentFactory(school=program.school, consents=[])
    client.force_login(facilitator)
    response = edit(client, program, student, ["public"], given_by="")
    assert "Name the parent or guardian" in response.context["form"].errors["consent_given_by"][0]
    assert not student.photo_consents.exists()


def test_withdrawing_consent_takes_the_photo_out_of_every_output_at_once(
    client, program, facilitator, principal, teacher, district_officer, student, photo
):
    assert sees(client, district_officer, photo) and sees(client, teacher, photo)
    assert Attachment.objects.shown_for("public").get() == photo

    client.force_login(facilitator)
    edit(client, program, student, ["staff"])  # the guardian withdraws the report and anything public
    assert not sees(client, district_officer, photo)
    assert not Attachment.objects.shown_for("report").exists() and not Attachment.objects.shown_for("public")
    assert sees(client, teacher, photo)

    client.force_login(facilitator)
    edit(client, program, student, [])  # … and staff pages
    assert not sees(client, teacher, photo)
    assert sees(client, principal, photo)  # marked, so that it can be deleted or consent recorded
    assert "without consent for staff pages" in client.get(photo.session.get_absolute_url()).content.decode()


def test_a_photo_shows_only_where_every_student_in_it_has_consent(program, facilitator, student, photo):
    other = StudentFactory(school=program.school, consents=["staff"])
    photo.people.add(other)
    flags = Attachment.objects.with_consent().values_list("consent_staff", "consent_report", "consent_public")
    assert list(flags) == [(True, False, False)]


def test_the_import_records_consent_and_leaves_it_when_the_column_is_empty(client, program, facilitator):
    client.force_login(facilitator)
    keep = StudentFactory(school=program.school, name="Tetap", identifier="1", consents=["staff", "public"])
    withdraw = StudentFactory(school=program.school, name="Tarik", identifier="2", consents=["staff", "report"])
    add = StudentFactory(school=program.school, name="Tambah", identifier="3", consents=["public"])
    text = "nama,peran,nis_nip,kelas,izin_foto\nTetap,siswa,1,7A,\nTarik,siswa,2,7A,tidak\nTambah,siswa,3,7A,ya\n"
    upload = SimpleUploadedFile("roster.csv", text.encode(), content_type="text/csv")
    client.post(reverse("people_import", args=[program.pk]), {"file": upload})
    client.post(reverse("people_import_confirm", args=[program.pk]))

    def purposes(person):
        return sorted(person.photo_consents.active().values_list("purpose", flat=True))

    assert purposes(keep) == ["public", "staff"]
    assert purposes(withdraw) == []
    assert purposes(add) == ["public", "report", "staff"]
    assert add.photo_consents.get(purpose="report").recorded_by == facilitator


# --- Those who may not see students' data: district officers, teachers outside the program ---


@pytest.fixture
def outside_teacher(program):
    return make_member("guru-lain", program.school, "teacher", PersonKind.TEACHER)


def test_the_roster_counts_students_and_parents_for_those_outside(client, program, student, outside_teacher):
    client.force_login(outside_teacher)
    page = client.get(reverse("people_list", args=[program.pk])).content.decode()
    assert "Ani Lestari" not in page and "Student: <strong>1</strong>" in page
    assert "Guru-Lain" in page  # staff are named


def test_a_teacher_outside_the_program_sees_counts_and_cannot_print_take_attendance_or_upload(
    client, program, outside_teacher, student, photo
):
    session = photo.session
    services.attendance_record(session=session, statuses={student.pk: "present"})
    client.force_login(outside_teacher)
    assert client.get(reverse("attendance_print", args=[program.pk, session.pk])).status_code == 403
    assert client.get(reverse("attendance_edit", args=[program.pk, session.pk])).status_code == 403
    session_page = client.get(session.get_absolute_url())
    assert session_page.context.get("upload_form") is None
    html = session_page.content.decode()
    assert "1 student or parent" in html and "Ani Lestari" not in html


def test_joining_the_program_shows_the_teacher_the_students(client, program, outside_teacher, student):
    client.force_login(outside_teacher)
    url = reverse("people_list", args=[program.pk])
    assert "Ani Lestari" not in client.get(url).content.decode()
    services.participants_set(program=program, people=[outside_teacher.person], participating=True)
    assert "Ani Lestari" in client.get(url).content.decode()


@pytest.mark.django_db(transaction=True)
def test_the_migration_keeps_a_consent_given_before_as_staff_pages_and_report():
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    executor.migrate([("komunitas", "0008_email_unique_per_account")])
    old = executor.loader.project_state([("komunitas", "0008_email_unique_per_account")]).apps
    School, District = old.get_model("komunitas", "School"), old.get_model("komunitas", "District")
    Person = old.get_model("komunitas", "Person")
    school = School.objects.create(name="S", district=District.objects.create(name="D"))
    Person.objects.create(
        school=school, name="Ya", kind="student", photo_consent=True, photo_consent_by="Ibu", class_name="7A"
    )
    Person.objects.create(school=school, name="Tidak", kind="student", photo_consent=False, class_name="7A")
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())
    from komunitas.models import PhotoConsent

    rows = set(PhotoConsent.objects.values_list("person__name", "purpose", "given_by"))
    assert rows == {("Ya", "staff", "Ibu"), ("Ya", "report", "Ibu")}


def test_an_untagged_photo_or_a_document_stays_on_staff_pages(program, facilitator, teacher, district_officer, client):
    session = SessionFactory(program=program, created_by=facilitator)
    untagged = services.attachment_add(
        session=session,
        clean=CleanFile(jpeg_bytes((20, 20)), "image/jpeg", "jpg"),
        original_name="kelas.jpg",
        caption="Seluruh kelas",
        people=[],
        user=facilitator,
    )
    assert sees(client, teacher, untagged)
    assert not sees(client, district_officer, untagged)  # who is in it is not known: not beyond staff pages


def test_a_stale_roster_form_does_not_bring_back_a_withdrawn_consent(program, facilitator, superuser, student):
    from django.test import Client

    from komunitas.testing import form_values

    url = reverse("person_edit", args=[program.pk, student.pk])
    first, second = Client(), Client()
    first.force_login(facilitator)
    second.force_login(superuser)
    first_form = form_values(first.get(url).content.decode())
    second_form = form_values(second.get(url).content.decode())
    first.post(url, {**first_form, "consent_purposes": ["staff"]})  # the guardian withdraws the report
    refused = second.post(url, {**second_form, "phone": "0812"})  # opened before: still shows the report ticked
    assert "Someone else saved changes" in refused.content.decode()
    assert sorted(student.photo_consents.active().values_list("purpose", flat=True)) == ["staff"]
