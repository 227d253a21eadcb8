"""The permission table of the clubs: every URL, for anonymous, each role, and an outsider.

Outsiders get 404, readers who may not write 403, anonymous users the login page (as in
komunitas/tests/test_permissions.py, whose guard test also reads this table).
"""

from django.urls import reverse

from komunitas.testing import permission_table_test, personal_data_test

CLUB, TEACHER_CLUB = {"pk": "club"}, {"pk": "teacher_club"}
PROJECT, TEACHER_PROJECT = {**CLUB, "project_pk": "project"}, {**TEACHER_CLUB, "project_pk": "teacher_project"}
MILESTONE, TEACHER_MILESTONE = (
    {**PROJECT, "milestone_pk": "milestone"},
    {**TEACHER_PROJECT, "milestone_pk": "teacher_milestone"},
)
ARTIFACT, TEACHER_ARTIFACT = (
    {**PROJECT, "artifact_pk": "artifact"},
    {**TEACHER_PROJECT, "artifact_pk": "teacher_artifact"},
)

# (url name, kwargs → world keys, method, capability, status when allowed)
TABLE = [
    ("projects:index", {}, "get", "read", 200),
    ("projects:create", {}, "get", "log", 200),
    ("projects:create", {}, "post", "log", 200),  # empty form: errors, nothing saved
    ("projects:detail", CLUB, "get", "read", 200),
    ("projects:edit", CLUB, "get", "edit_facilitators", 200),
    ("projects:edit", TEACHER_CLUB, "get", "edit_teachers", 200),
    ("projects:edit", TEACHER_CLUB, "post", "edit_teachers", 200),  # empty form: errors
    ("projects:delete", CLUB, "get", "edit_facilitators", 200),
    ("projects:delete", TEACHER_CLUB, "get", "edit_teachers", 200),
    ("projects:project_create", CLUB, "get", "log", 200),
    ("projects:project_create", CLUB, "post", "log", 200),
    ("projects:project_edit", {**CLUB, "project_pk": "project"}, "get", "edit_facilitators", 200),
    ("projects:project_edit", {**TEACHER_CLUB, "project_pk": "teacher_project"}, "get", "edit_teachers", 200),
    ("projects:project_delete", {**CLUB, "project_pk": "project"}, "get", "edit_facilitators", 200),
    ("projects:project_delete", {**TEACHER_CLUB, "project_pk": "teacher_project"}, "get", "edit_teachers", 200),
    ("projects:meeting_create", CLUB, "get", "log", 200),
    ("projects:meeting_create", CLUB, "post", "log", 200),
    ("projects:meeting", {"pk": "club_session"}, "get", "read", 200),
    ("projects:meeting_edit", {"pk": "club_session"}, "get", "edit_facilitators", 200),
    ("projects:meeting_edit", {"pk": "teacher_club_session"}, "get", "edit_teachers", 200),
    ("projects:meeting_edit", {"pk": "teacher_club_session"}, "post", "edit_teachers", 200),  # empty: errors
    # 4C: "log" and names the students; the teacher mentors "club" and created "teacher_club"
    ("projects:assess", CLUB, "get", "log", 200),
    ("projects:assess", CLUB, "post", "log", 200),  # empty form: errors, nothing saved
    ("projects:assess", TEACHER_CLUB, "get", "log", 200),
    ("projects:rubric", {}, "get", "settings", 200),
    ("projects:rubric", {}, "post", "settings", 200),  # empty form: errors
    ("projects:student", {"person_pk": "student"}, "get", "personal_data", 200),
    ("projects:showcase", CLUB, "get", "read", 200),
    ("projects:showcase_photo", {**CLUB, "artifact_pk": "artifact"}, "get", "read", 200),  # report-consented
    # A project's page, its milestones and its artifacts (projects/views/work.py, projects/views/artifacts.py)
    ("projects:project", PROJECT, "get", "read", 200),
    ("projects:milestone_create", PROJECT, "get", "log", 200),
    ("projects:milestone_create", PROJECT, "post", "log", 200),  # empty form: errors
    ("projects:milestone_edit", MILESTONE, "get", "edit_facilitators", 200),
    ("projects:milestone_edit", TEACHER_MILESTONE, "get", "edit_teachers", 200),
    ("projects:milestone_edit", TEACHER_MILESTONE, "post", "edit_teachers", 200),  # empty form: errors
    ("projects:milestone_delete", MILESTONE, "get", "edit_facilitators", 200),
    ("projects:milestone_delete", TEACHER_MILESTONE, "get", "edit_teachers", 200),
    ("projects:artifact_create", PROJECT, "get", "log", 200),
    ("projects:artifact_create", PROJECT, "post", "log", 200),  # no file: an error
    ("projects:artifact", ARTIFACT, "get", "read", 200),  # its student consented to staff pages and the report
    ("projects:artifact_edit", ARTIFACT, "get", "edit_facilitators", 200),
    ("projects:artifact_edit", TEACHER_ARTIFACT, "get", "edit_teachers", 200),
    ("projects:artifact_delete", ARTIFACT, "get", "edit_facilitators", 200),
    ("projects:artifact_delete", TEACHER_ARTIFACT, "get", "edit_teachers", 200),
]

test_permission_table = permission_table_test(TABLE)
test_no_personal_data = personal_data_test(TABLE)


def test_every_club_url_is_in_the_table():
    from projects.urls import urlpatterns

    assert {f"projects:{pattern.name}" for pattern in urlpatterns} == {row[0] for row in TABLE}


def test_objects_of_another_program_are_not_found(client, world, outsider):
    """Tenant-first lookups: a club of this program under the outsider's own program is a 404, and so is a
    project asked for below a club it does not belong to."""
    from komunitas.models import Program

    own = Program.objects.get(name="Program lain")
    client.force_login(outsider)
    for name in ["projects:detail", "projects:edit", "projects:delete", "projects:meeting_create"]:
        assert client.get(reverse(name, args=[own.pk, world["club"].pk])).status_code == 404, name
    for name in ["projects:meeting", "projects:meeting_edit"]:
        assert client.get(reverse(name, args=[own.pk, world["club_session"].pk])).status_code == 404, name
    client.force_login(world["users"]["facilitator"])
    program, club, other = world["program"], world["club"], world["teacher_project"]
    assert client.get(reverse("projects:project_edit", args=[program.pk, club.pk, other.pk])).status_code == 404


def test_district_officers_see_counts_not_students(client, world):
    """On a club's page the district officer reads how many members, never who."""
    client.force_login(world["users"]["district_officer"])
    response = client.get(reverse("projects:detail", args=[world["program"].pk, world["club"].pk]))
    page = response.content.decode()
    assert response.context["member_count"] == 2 and response.context["members"] == []
    assert "Ani Lestari" not in page and "Budi Prasetyo" not in page
    client.force_login(world["users"]["facilitator"])
    page = client.get(reverse("projects:detail", args=[world["program"].pk, world["club"].pk])).content.decode()
    assert "Ani Lestari" in page and "Budi Prasetyo" in page
