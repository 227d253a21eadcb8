"""The permission table: every URL of a program, for anonymous, each role, and an outsider.

Outsiders get 404 (existence is not leaked), readers who may not write get 403, anonymous users are sent to
the login page. A guard test fails when a new URL is added without a row here.
"""

import pytest
from django.urls import reverse

from komunitas import activities
from komunitas.models import PersonKind
from komunitas.testing import permission_table_test, personal_data_test, program_url_names

# (url name, kwargs builder keys, method, capability, status when allowed)
TABLE = [
    ("program_dashboard", {}, "get", "read", 200),
    ("program_settings", {}, "get", "settings", 200),
    ("program_setup", {}, "get", "manage", 200),
    ("program_setup", {}, "post", "manage", 302),  # no action: a message, nothing changed
    ("school_edit", {}, "get", "settings", 200),
    ("school_edit", {}, "post", "settings", 200),  # empty form: errors
    ("school_logo", {}, "get", "read", 200),
    ("program_stages", {}, "get", "read", 200),
    ("stage_create", {}, "get", "settings", 200),
    ("stage_edit", {"stage_id": "stage"}, "get", "settings", 200),
    ("stage_delete", {"stage_id": "stage"}, "get", "settings", 200),
    ("checklist_add", {"stage_id": "stage"}, "post", "settings", 302),
    ("checklist_toggle", {"item_id": "item"}, "post", "settings", 302),
    ("checklist_delete", {"item_id": "item"}, "post", "settings", 302),
    ("people_list", {}, "get", "read", 200),
    ("person_create", {}, "get", "manage", 200),
    ("participants_update", {}, "post", "manage", 302),
    ("person_edit", {"person_id": "student"}, "get", "manage", 200),
    ("person_delete", {"person_id": "student"}, "get", "manage", 200),
    ("person_data", {"person_id": "student"}, "get", "staff", 200),
    ("person_data_json", {"person_id": "student"}, "get", "staff", 200),
    ("person_erase", {"person_id": "student"}, "get", "staff", 200),
    ("people_import", {}, "get", "manage", 200),
    ("people_import_confirm", {}, "post", "manage", 302),
    ("import_template", {"fmt": "csv"}, "get", "read", 200),
    ("staff_list", {}, "get", "staff", 200),
    ("program_export", {}, "get", "read", 200),
    ("program_export_xlsx", {}, "get", "read", 200),
    ("program_export_csv", {"key": "sessions"}, "get", "read", 200),
    ("audit_log", {}, "get", "staff", 200),
    ("staff_invite", {}, "get", "staff", 200),
    ("staff_invite", {}, "post", "staff", 200),  # empty form: errors, nothing saved
    ("staff_accounts", {}, "get", "staff", 200),
    ("staff_accounts", {}, "post", "staff", 200),  # nobody ticked: an error, nothing created
    ("staff_accounts_sheet", {}, "get", "staff", 200),
    ("staff_role", {"membership_id": "teacher_membership"}, "post", "staff", 302),
    ("staff_revoke", {"membership_id": "teacher_membership"}, "get", "staff", 200),
    ("staff_revoke", {"membership_id": "teacher_membership"}, "post", "staff", 302),
    ("staff_resend", {"membership_id": "teacher_membership"}, "post", "staff", 302),
    ("staff_unlock", {"membership_id": "teacher_membership"}, "post", "staff", 302),
    ("schedule", {}, "get", "read", 200),
    ("schedule_ics", {}, "get", "read", 200),
    ("schedule_plan", {}, "get", "manage", 200),
    ("schedule_plan", {}, "post", "manage", 200),  # empty form: errors, nothing planned
    ("session_create", {}, "get", "log", 200),
    ("session_detail", {"session_id": "session"}, "get", "read", 200),
    ("session_edit", {"session_id": "session"}, "get", "edit_facilitators", 200),
    ("session_edit", {"session_id": "teacher_session"}, "get", "edit_teachers", 200),
    ("session_delete", {"session_id": "session"}, "get", "edit_facilitators", 200),
    ("attendance_edit", {"session_id": "session"}, "get", "log", 200),
    ("attendance_edit", {"session_id": "teacher_session"}, "get", "log", 200),
    ("attendance_print", {"session_id": "session"}, "get", "personal_data", 200),
    ("attachment_add", {"session_id": "session"}, "post", "log", 200),
    ("attachment_download", {"attachment_id": "attachment"}, "get", "read", 200),
    ("attachment_delete", {"attachment_id": "attachment"}, "get", "edit_facilitators", 200),
    # the final report: every reader reads it (no child's name in it); its writers edit texts and obstacles
    ("report_page", {}, "get", "read", 200),
    ("report_progress", {}, "get", "read", 302),  # no worker configured: straight to the PDF
    ("report_page", {}, "post", "report", 302),  # every text empty: saved (each follows the data)
    ("report_preview", {}, "get", "read", 200),
    ("report_pdf", {}, "get", "read", 200),
    ("obstacle_list", {}, "get", "read", 200),
    ("obstacle_create", {}, "get", "report", 200),
    ("obstacle_create", {}, "post", "report", 200),  # empty form: errors
    ("obstacle_edit", {"pk": "obstacle"}, "get", "report", 200),
    ("obstacle_edit", {"pk": "obstacle"}, "post", "report", 200),  # empty form: errors
    ("obstacle_delete", {"pk": "obstacle"}, "get", "report", 200),
    ("obstacle_delete", {"pk": "obstacle"}, "post", "report", 302),
]


test_permission_table = permission_table_test(TABLE)
test_no_personal_data = personal_data_test(TABLE)


def test_every_program_url_is_in_a_table():
    """A new URL under /programs/<id>/ needs a row here or in its app's table (``Activity.permission_rows``)."""
    covered = {row[0] for row in TABLE} | {row[0] for row in activities.permission_rows()}
    assert program_url_names() - covered == set()


@pytest.mark.parametrize("role", ["principal", "facilitator", "teacher", "district_officer"])
def test_home_opens_the_only_program(client, world, role):
    client.force_login(world["users"][role])
    response = client.get(reverse("home"))
    assert response.status_code == 302
    assert response.url == world["program"].get_absolute_url()


def test_home_shows_an_outsider_only_their_own_program(client, world):
    client.force_login(world["users"]["outsider"])
    response = client.get(reverse("home") + "?all")
    assert response.status_code == 200
    assert "Program lain" in response.content.decode()
    assert "Komunitas Belajar Kolaboratif" not in response.content.decode()


@pytest.mark.parametrize("name", ["home", "school_create", "program_create"])
def test_anonymous_is_sent_to_login(client, db, name):
    response = client.get(reverse(name))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


@pytest.mark.parametrize(
    ("role", "status"),
    [("principal", 403), ("teacher", 403), ("district_officer", 403), ("facilitator", 200), ("superuser", 200)],
)
def test_only_facilitators_register_schools(client, world, role, status):
    client.force_login(world["users"][role])
    assert client.get(reverse("school_create")).status_code == status


@pytest.mark.parametrize(
    ("role", "status"),
    [("principal", 200), ("teacher", 403), ("district_officer", 403), ("facilitator", 200), ("superuser", 200)],
)
def test_program_create_needs_a_school_to_manage(client, world, role, status):
    client.force_login(world["users"][role])
    assert client.get(reverse("program_create")).status_code == status


def test_district_officer_does_not_see_photos_without_consent(client, world):
    student = world["student"]
    student.photo_consents.filter(purpose="report").delete()  # staff pages only
    world["attachment"].people.set([student])
    url = world["attachment"].get_absolute_url()
    client.force_login(world["users"]["district_officer"])
    assert client.get(url).status_code == 404
    client.force_login(world["users"]["principal"])
    assert client.get(url).status_code == 200


def test_a_photo_stays_hidden_from_the_district_when_the_student_in_it_is_removed(client, world, english):
    """Consent fails closed: removing the student does not make their photo more visible."""
    student = world["student"]
    student.photo_consents.all().delete()
    world["attachment"].people.set([student])
    client.force_login(world["users"]["facilitator"])
    delete_url = reverse("person_delete", args=[world["program"].pk, student.pk])
    warning = client.get(delete_url).context["warning"]
    assert "1 photo shows them: it stays, visible to the school's staff only." in warning
    client.post(delete_url)
    assert not type(student).objects.filter(pk=student.pk).exists()  # no history: deleted
    url = world["attachment"].get_absolute_url()
    client.force_login(world["users"]["district_officer"])
    assert client.get(url).status_code == 404
    client.force_login(world["users"]["principal"])
    assert client.get(url).status_code == 200


def test_healthz_answers_without_login(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_teacher_cannot_edit_the_roster(client, world):
    client.force_login(world["users"]["teacher"])
    response = client.post(
        reverse("person_create", args=[world["program"].pk]), {"name": "X", "kind": PersonKind.TEACHER}
    )
    assert response.status_code == 403
