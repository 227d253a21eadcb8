"""The permission table of the parents section, read by the core's URL-walking test.

Outsiders get 404, readers who may not write 403, anonymous users the login page (komunitas/testing.py). Parents'
names are personal data like students': district officers read the pages, with counts and "a parent".
"""

from django.urls import reverse

from komunitas.testing import permission_table_test, personal_data_test

CLASS, TEACHER_CLASS = {"pk": "parent_session"}, {"pk": "teacher_parent_session"}
NOTE, TEACHER_NOTE = {**CLASS, "note_pk": "note"}, {**TEACHER_CLASS, "note_pk": "teacher_note"}
FOLLOW_UP = {**CLASS, "follow_up_pk": "follow_up"}
TEACHER_FOLLOW_UP = {**TEACHER_CLASS, "follow_up_pk": "teacher_follow_up"}
CONTRIBUTION, TEACHER_CONTRIBUTION = {"contribution_pk": "contribution"}, {"contribution_pk": "teacher_contribution"}

# (url name, kwargs → world keys, method, capability, status when allowed)
TABLE = [
    ("parents:index", {}, "get", "read", 200),
    # The classes (parents/views/classes.py): the forms name parents (a parent may be the speaker)
    ("parents:create", {}, "get", "log", 200),
    ("parents:create", {}, "post", "log", 200),  # empty form: errors, nothing saved
    ("parents:detail", CLASS, "get", "read", 200),
    ("parents:detail", {"pk": "planned_parent_session"}, "get", "read", 200),
    ("parents:edit", CLASS, "get", "edit_facilitators", 200),
    ("parents:edit", TEACHER_CLASS, "get", "edit_teachers", 200),
    ("parents:edit", TEACHER_CLASS, "post", "edit_teachers", 200),  # empty form: errors
    ("parents:edit", {"pk": "planned_parent_session"}, "get", "log", 200),  # planned by the facilitator: fill in
    # Dialogue notes (parents/views/dialogue.py)
    ("parents:note_create", CLASS, "get", "log", 200),
    ("parents:note_create", CLASS, "post", "log", 200),  # empty form: errors
    ("parents:note_edit", NOTE, "get", "edit_facilitators", 200),
    ("parents:note_edit", TEACHER_NOTE, "get", "edit_teachers", 200),
    ("parents:note_edit", TEACHER_NOTE, "post", "edit_teachers", 200),  # empty form: errors
    ("parents:note_delete", NOTE, "get", "edit_facilitators", 200),
    ("parents:note_delete", TEACHER_NOTE, "get", "edit_teachers", 200),
    ("parents:dialogue", {}, "get", "read", 200),
    # Contributions (parents/views/contributions.py)
    ("parents:contributions", {}, "get", "read", 200),
    ("parents:contribution_create", {}, "get", "log", 200),
    ("parents:contribution_create", {}, "post", "log", 200),  # empty form: errors
    ("parents:contribution_edit", CONTRIBUTION, "get", "edit_facilitators", 200),
    ("parents:contribution_edit", TEACHER_CONTRIBUTION, "get", "edit_teachers", 200),
    ("parents:contribution_edit", TEACHER_CONTRIBUTION, "post", "edit_teachers", 200),  # empty form: errors
    ("parents:contribution_delete", CONTRIBUTION, "get", "edit_facilitators", 200),
    ("parents:contribution_delete", TEACHER_CONTRIBUTION, "get", "edit_teachers", 200),
    # Follow-ups (parents/views/follow_ups.py)
    ("parents:follow_ups", {}, "get", "read", 200),
    ("parents:follow_up_create", CLASS, "get", "log", 200),
    ("parents:follow_up_create", CLASS, "post", "log", 200),  # empty form: errors
    ("parents:follow_up_edit", FOLLOW_UP, "get", "edit_facilitators", 200),
    ("parents:follow_up_edit", TEACHER_FOLLOW_UP, "get", "edit_teachers", 200),
    ("parents:follow_up_edit", TEACHER_FOLLOW_UP, "post", "edit_teachers", 200),  # empty form: errors
    ("parents:follow_up_delete", FOLLOW_UP, "get", "edit_facilitators", 200),
    ("parents:follow_up_delete", TEACHER_FOLLOW_UP, "get", "edit_teachers", 200),
    ("parents:involvement", {}, "get", "personal_data", 200),  # names parents and their children
]

# The self check-in (parents/views/check_in.py): whoever logs classes opens links; the facilitator decides about
# the names parents wrote. The public page (/c/<token>/) is tested in test_public_check_in.py.
LINK, NAME = {**CLASS, "link_pk": "check_in_link"}, {**CLASS, "check_in_pk": "pending_check_in"}
TABLE += [
    ("parents:check_in", CLASS, "get", "log", 200),
    ("parents:check_in", CLASS, "post", "log", 302),  # opens a link
    ("parents:check_in_revoke", LINK, "post", "log", 302),
    ("parents:check_in_qr", LINK, "get", "log", 200),
    ("parents:check_in_screen", LINK, "get", "log", 200),
    ("parents:check_in_confirm", NAME, "post", "manage", 302),  # no student chosen: confirmed
    ("parents:check_in_merge", NAME, "post", "manage", 200),  # no parent chosen: the page with an error
    ("parents:check_in_reject", NAME, "post", "manage", 302),
    ("parents:invitation", CLASS, "get", "log", 200),
]

test_permission_table = permission_table_test(TABLE)
test_no_personal_data = personal_data_test(TABLE)


def test_every_parents_url_is_in_the_table():
    from parents.urls import urlpatterns

    assert {f"parents:{pattern.name}" for pattern in urlpatterns} == {row[0] for row in TABLE}


def test_objects_of_another_program_are_not_found(client, world, outsider):
    """Tenant-first lookups: a class of this program under the outsider's own program is a 404, and so is a note
    or a follow-up asked for below a class it does not belong to, or another kind of session."""
    from komunitas.models import Program
    from komunitas.tests.factories import SessionFactory

    own = Program.objects.get(name="Program lain")
    client.force_login(outsider)
    for name in ["parents:detail", "parents:edit", "parents:note_create", "parents:follow_up_create"]:
        assert client.get(reverse(name, args=[own.pk, world["parent_session"].pk])).status_code == 404, name
    url = reverse("parents:contribution_edit", args=[own.pk, world["contribution"].pk])
    assert client.get(url).status_code == 404
    client.force_login(world["users"]["facilitator"])
    program, session = world["program"], world["parent_session"]
    for name, other in [("parents:note_edit", "teacher_note"), ("parents:follow_up_edit", "teacher_follow_up")]:
        assert client.get(reverse(name, args=[program.pk, session.pk, world[other].pk])).status_code == 404, name
    forum = SessionFactory(program=program, kind="other")
    assert client.get(reverse("parents:detail", args=[program.pk, forum.pk])).status_code == 404


def test_district_officers_see_counts_not_parents(client, world):
    """On a class's page, the dialogue summary and the contributions the district officer reads what was said
    and done, and how many parents came, never who — not even the parent who spoke."""
    program, session = world["program"], world["parent_session"]
    session.parent_class.speaker_kind, session.parent_class.speaker = "parent", world["parents"][0]
    session.parent_class.save()
    urls = [
        reverse("parents:index", args=[program.pk]),
        reverse("parents:detail", args=[program.pk, session.pk]),
        reverse("parents:dialogue", args=[program.pk]),
        reverse("parents:contributions", args=[program.pk]),
    ]
    client.force_login(world["users"]["district_officer"])
    for url in urls:
        page = client.get(url).content.decode()
        assert "Ibu Sari" not in page and "a parent" in page.lower(), url
    client.force_login(world["users"]["facilitator"])
    for url in urls:
        assert "Ibu Sari" in client.get(url).content.decode(), url
