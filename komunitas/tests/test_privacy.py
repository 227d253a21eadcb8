"""The data subject's rights (UU PDP): a person's data page and JSON, erasure that keeps the figures, and the
audit log — every model tracked, each school reading its own."""

import json
import os

import pytest
from auditlog.models import LogEntry
from auditlog.registry import auditlog
from django.apps import apps
from django.conf import settings
from django.contrib.auth import authenticate
from django.core import serializers
from django.core.management import call_command
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone

from komunitas import activities, privacy, services
from komunitas.models import (
    Attachment,
    Attendance,
    Participant,
    Person,
    PersonKind,
    Program,
    SecurityEvent,
    Session,
)
from komunitas.testing import jpeg_bytes
from komunitas.tests.factories import SessionFactory, StudentFactory
from komunitas.uploads import CleanFile

pytestmark = pytest.mark.usefixtures("english")


@pytest.fixture
def demo(db):
    call_command("seed_demo")
    return Program.objects.get(school__name__contains="Wukirsari")


def related_counts(person: Person) -> dict[str, int]:
    """How many rows of each model point at ``person`` (hidden relations too): what the data page must show."""
    counts = {}
    for relation in Person._meta.get_fields(include_hidden=True):
        if relation.auto_created and not relation.concrete and relation.related_model is not Person:
            model = relation.related_model
            if model._meta.auto_created:
                continue  # a many-to-many's own table: counted through its model's relation
            count = model._default_manager.filter(**{relation.field.name: person}).count()
            if count:
                label = model._meta.label
                counts[label] = counts.get(label, 0) + count
    return counts


def test_every_record_of_every_person_is_on_their_data_page(demo):
    """Each app reports its records of a person through the contract: a model pointing at Person with rows for
    someone, and no activity reporting them, fails here — the apps still to come included."""
    for person in Person.objects.filter(school=demo.school):
        records = privacy.record(person)["records"]
        for label, count in related_counts(person).items():
            assert label in records, f"{label} of {person} is on no data page (Activity.person_data)"
            assert len(records[label]) >= count or label == "forums.ForumSession", (label, person)


def test_the_data_page_and_its_json(client, program, facilitator):
    student = StudentFactory(school=program.school, name="Ani Lestari", identifier="2425001", phone="0812")
    Participant.objects.create(program=program, person=student, role=PersonKind.STUDENT)
    session = SessionFactory(program=program, title="Klub sains")
    Attendance.objects.create(session=session, person=student, status="present")
    client.force_login(facilitator)
    page = client.get(reverse("person_data", args=[program.pk, student.pk])).content.decode()
    assert "Ani Lestari" in page and "2425001" in page and "Klub sains" in page
    response = client.get(reverse("person_data_json", args=[program.pk, student.pk]))
    assert response["Content-Disposition"] == 'attachment; filename="data-ani-lestari.json"'
    data = json.loads(response.content)
    assert data["person"]["identifier"] == "2425001"
    assert data["records"]["komunitas.Attendance"] == [
        {"session": "Klub sains", "date": session.date.isoformat(), "kind": session.kind, "status": "present"}
    ]
    assert {c["purpose"] for c in data["records"]["komunitas.PhotoConsent"]} == {"staff", "report"}


def test_erasure_leaves_nothing_of_the_person_anywhere_and_every_count_as_it_was(
    client, program, facilitator, django_capture_on_commit_callbacks
):
    student = StudentFactory(school=program.school, name="Ani Rahasiawati", identifier="7766554433", phone="0812999")
    parent = Person.objects.create(school=program.school, name="Wali Rahasiadi", kind=PersonKind.PARENT)
    parent.guardian_of.add(student)
    client.force_login(facilitator)
    client.post(reverse("participants_update", args=[program.pk]), {"person": [student.pk], "action": "add"})
    session = SessionFactory(program=program, created_by=facilitator)
    client.post(reverse("attendance_edit", args=[program.pk, session.pk]), {f"p{student.pk}": "present"})
    photo = services.attachment_add(
        session=session,
        clean=CleanFile(jpeg_bytes((20, 20)), "image/jpeg", "jpg"),
        original_name="kelas.jpg",
        caption="",
        people=[student],
        user=facilitator,
    )
    photo_path = photo.file.path
    assert LogEntry.objects.filter(object_repr__contains="Rahasiawati").exists()  # the log kept their name
    present_before = Attendance.objects.filter(session=session, status="present").count()

    with django_capture_on_commit_callbacks(execute=True):  # files leave the disk after commit
        response = client.post(reverse("person_erase", args=[program.pk, student.pk]))
    assert response.status_code == 302

    everything = serializers.serialize("json", [obj for model in apps.get_models() for obj in model.objects.all()])
    for trace in ("Rahasiawati", "7766554433", "0812999"):
        assert trace not in everything, trace
    student.refresh_from_db()
    assert (student.name, student.erased_at is not None) == ("Erased participant", True)
    assert Attendance.objects.filter(session=session, status="present").count() == present_before
    assert Participant.objects.filter(person=student).exists()
    assert not Attachment.objects.filter(pk=photo.pk).exists() and not os.path.exists(photo_path)
    assert not parent.guardian_of.exists()
    assert LogEntry.objects.filter(additional_data__erasure=True, actor=facilitator).exists()  # that it happened


def test_erasing_a_teacher_keeps_the_forums_figures_and_ends_their_account(client, demo):
    from forums.models import PeerFeedback, Reflection

    teacher = Person.objects.filter(school=demo.school, kind=PersonKind.TEACHER, forum_reflections__isnull=False)
    teacher = teacher.select_related("user").first()
    user, username = teacher.user, teacher.user.username
    before = activities.weekly_indicators(demo)
    reflections = Reflection.objects.filter(author=teacher).count()
    privacy.erase(teacher, by=None)
    assert activities.weekly_indicators(demo) == before  # a count stays a count
    assert Reflection.objects.filter(author=teacher).count() == reflections
    assert not Reflection.objects.filter(author=teacher).exclude(learned="").exists()
    assert not PeerFeedback.objects.filter(author=teacher).exclude(went_well="").exists()
    user.refresh_from_db()
    assert (user.is_active, user.has_usable_password(), user.email) == (False, False, "")
    assert not user.memberships.exists()
    assert authenticate(HttpRequest(), username=username, password="komunitas-demo") is None


def test_a_facilitator_cannot_erase_the_principal(client, program, facilitator, principal):
    client.force_login(facilitator)
    person = principal.person
    response = client.post(reverse("person_erase", args=[program.pk, person.pk]), follow=True)
    assert "only the principal can erase them" in response.content.decode()
    person.refresh_from_db()
    assert person.erased_at is None


# --- The audit log ---


def test_every_model_of_every_app_is_tracked_or_excluded_with_a_reason():
    excluded = set(settings.AUDITLOG_EXCLUDE_TRACKING_MODELS) | {"auditlog.LogEntry", "admin.LogEntry"}
    untracked = [
        model._meta.label
        for model in apps.get_models()
        if not auditlog.contains(model) and model._meta.label not in excluded
    ]
    assert untracked == []


def test_the_log_says_who_changed_what_and_each_school_reads_its_own(client, program, facilitator, teacher, outsider):
    student = StudentFactory(school=program.school, name="Budi")
    Participant.objects.create(program=program, person=student, role=PersonKind.STUDENT)
    session = SessionFactory(program=program, created_by=teacher, date=timezone.localdate())
    client.force_login(teacher)
    client.post(reverse("attendance_edit", args=[program.pk, session.pk]), {f"p{student.pk}": "absent"})
    client.post(reverse("attendance_edit", args=[program.pk, session.pk]), {f"p{student.pk}": "present"})
    entries = LogEntry.objects.filter(content_type__model="attendance").order_by("pk")
    assert [(e.actor, e.changes, e.additional_data["school"]) for e in entries] == [
        (teacher, {"status": ["None", "absent"]}, program.school_id),
        (teacher, {"status": ["absent", "present"]}, program.school_id),
    ]
    client.force_login(facilitator)
    page = client.get(reverse("audit_log", args=[program.pk])).content.decode()
    assert "Absent → Present" in page and "guru01" in page
    other_program = Program.objects.get(school=outsider.memberships.get().school)
    client.force_login(outsider)
    assert "guru01" not in client.get(reverse("audit_log", args=[other_program.pk])).content.decode()


def test_sign_ins_failures_and_refusals_are_logged_for_the_school(client, program, facilitator, teacher, outsider):
    client.post(reverse("login"), {"username": "guru01", "password": "salah"})
    client.post(reverse("login"), {"username": "guru01", "password": "pw-komunitas-123"})
    client.get(reverse("program_settings", args=[program.pk]))  # a teacher may not: 403
    client.force_login(outsider)
    client.get(program.get_absolute_url())  # not their school: 404
    kinds = list(SecurityEvent.objects.order_by("pk").values_list("kind", "username"))
    assert kinds == [
        ("sign_in_failed", "guru01"),
        ("signed_in", "guru01"),
        ("denied", "guru01"),
        ("signed_in", "orang-luar"),
        ("denied", "orang-luar"),
    ]
    client.force_login(facilitator)
    page = client.get(reverse("audit_log", args=[program.pk]) + "?show=access").content.decode()
    assert page.count("guru01") >= 3 and "orang-luar" in page and "Sign-in failed" in page


def test_erasure_blanks_the_log_of_the_person_but_keeps_that_something_happened(program, facilitator):
    student = StudentFactory(school=program.school, name="Citra Rahasia")
    student.name = "Citra Rahasia Putri"
    student.save()
    entries = LogEntry.objects.filter(content_type__model="person", object_pk=str(student.pk))
    assert entries.count() == 2
    privacy.erase(student, by=facilitator)
    assert not LogEntry.objects.filter(object_repr__icontains="Rahasia").exists()
    assert entries.filter(additional_data__erasure=True).exists()  # that it happened stays
    assert all("Rahasia" not in json.dumps(entry.changes) for entry in entries)


def test_sessions_of_the_person_are_reported(program, facilitator):
    teacher = facilitator.person
    Session.objects.create(program=program, kind="other", title="Rapat", date=program.start_date, facilitator=teacher)
    assert privacy.record(teacher)["records"]["komunitas.Session"][0]["session"] == "Rapat"


# --- Retention ---


def test_people_of_programs_closed_long_ago_are_anonymised_and_current_staff_kept(program, facilitator, teacher):
    import datetime as dt

    from komunitas.tests.factories import ProgramFactory

    old = ProgramFactory(school=program.school, start_date=dt.date(2019, 1, 7), weeks=10)
    gone = StudentFactory(school=program.school, name="Lulus Lama")
    still = StudentFactory(school=program.school, name="Masih Ada")
    Participant.objects.create(program=old, person=gone, role=PersonKind.STUDENT)
    Participant.objects.create(program=old, person=still, role=PersonKind.STUDENT)
    Participant.objects.create(program=program, person=still, role=PersonKind.STUDENT)  # a current program too
    Participant.objects.create(program=old, person=teacher.person, role=PersonKind.TEACHER)  # still on the staff

    call_command("anonymise_closed_programs", "--older-than-years", "5", "--dry-run")
    assert Person.objects.filter(name="Lulus Lama").exists()
    call_command("anonymise_closed_programs", "--older-than-years", "5")
    gone.refresh_from_db(), still.refresh_from_db(), teacher.person.refresh_from_db()
    assert (gone.name, still.name, teacher.person.name) == ("Erased participant", "Masih Ada", "Guru01")
    assert Participant.objects.filter(program=old).count() == 3  # the old program's figures stay


# --- Erasure's edges (found in review) ---


def test_erasing_a_schools_person_leaves_an_account_used_elsewhere(client, program, facilitator, superuser):
    """A facilitator could invite an administrator's address and erase "their" person: the account must stay."""
    superuser.email = "admin@example.org"
    superuser.save()
    client.force_login(facilitator)
    client.post(
        reverse("staff_invite", args=[program.pk]),
        {"full_name": "Admin", "email": "admin@example.org", "role": "teacher"},
    )
    person = Person.objects.get(user=superuser)
    client.post(reverse("person_erase", args=[program.pk, person.pk]))
    superuser.refresh_from_db()
    assert (superuser.username, superuser.is_active, superuser.has_usable_password()) == ("admin", True, True)
    assert not superuser.memberships.filter(school=program.school).exists()  # out of this school only
    person.refresh_from_db()
    assert person.erased_at is not None and person.user is None


def test_erasure_blanks_only_entries_naming_the_person_as_a_whole_word(program, facilitator):
    from komunitas.tests.factories import SchoolFactory

    ani = StudentFactory(school=program.school, name="Ani")
    daniel = StudentFactory(school=program.school, name="Daniel Organisasi")
    elsewhere = StudentFactory(school=SchoolFactory(name="SMP Lain"), name="Ani")
    privacy.erase(ani, by=facilitator)
    kept = LogEntry.objects.filter(object_pk__in=[str(daniel.pk), str(elsewhere.pk)], content_type__model="person")
    assert kept.count() == 2 and all(entry.object_repr != "—" for entry in kept)


def test_erasure_blanks_captions_and_file_names_that_name_the_person(program, facilitator):
    student = StudentFactory(school=program.school, name="Ani Rahasiawati")
    session = SessionFactory(program=program)
    photo = services.attachment_add(
        session=session,
        clean=CleanFile(jpeg_bytes((20, 20)), "image/jpeg", "jpg"),
        original_name="Ani Rahasiawati juara.jpg",
        caption="Ani Rahasiawati menerima hadiah",
        people=[],  # not tagged
        user=facilitator,
    )
    privacy.erase(student, by=facilitator)
    photo.refresh_from_db()
    assert (photo.caption, photo.original_name) == ("… menerima hadiah", "photo.jpg")


def test_erasure_forgets_the_accounts_reset_requests(client, program, teacher):
    from komunitas.models import PasswordResetRequest, VerifiedEmail

    teacher.email = "guru01@sekolah.sch.id"
    teacher.save()
    VerifiedEmail.mark(teacher)
    client.post(reverse("password_reset"), {"email": "guru01@sekolah.sch.id"})
    assert PasswordResetRequest.objects.exists()
    privacy.erase(teacher.person, by=None)
    assert not PasswordResetRequest.objects.exists()


def test_a_rolled_back_erasure_keeps_the_practice_evidence(program, teacher, django_capture_on_commit_callbacks):
    from django.core.files.base import ContentFile
    from django.db import transaction

    from forums.tests.factories import MethodFactory, PracticeLogFactory

    log = PracticeLogFactory(program=program, teacher=teacher.person, method=MethodFactory(program=program))
    log.evidence.save("bukti.jpg", ContentFile(jpeg_bytes((10, 10))))
    path = log.evidence.path
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError), transaction.atomic():
        privacy.erase(teacher.person, by=None)
        raise RuntimeError("something failed after")
    assert os.path.exists(path)


def test_the_principal_opens_and_erases_a_facilitators_data(client, program, principal, facilitator):
    client.force_login(principal)
    person = facilitator.person
    assert client.get(reverse("person_data", args=[program.pk, person.pk])).status_code == 200
    client.post(reverse("person_erase", args=[program.pk, person.pk]))
    person.refresh_from_db()
    assert person.erased_at is not None


def test_apps_erase_their_records_before_the_core_anonymises_the_person(program, facilitator):
    """An app blanking a person's name in its texts must still read the name: apps erase first, the core last."""
    seen = []
    app = activities.Activity(app="name_reader", erase_person=lambda person, by: seen.append(person.name))
    student = StudentFactory(school=program.school, name="Ani Lestari")
    with activities.register_temporarily(app):
        privacy.erase(student, facilitator)
    student.refresh_from_db()
    assert seen == ["Ani Lestari"] and student.name != "Ani Lestari"
