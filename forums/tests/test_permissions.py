"""The permission table of the forum: every forum URL, for anonymous, each role, and an outsider.

Outsiders get 404, readers who may not write 403, anonymous users the login page (as in
komunitas/tests/test_permissions.py, whose guard test also reads this table). Forum content is staff-only.
"""

from django.urls import reverse

from komunitas.testing import permission_table_test, personal_data_test

# (url name, kwargs → world keys, method, capability, status when allowed)
TABLE = [
    ("forums:index", {}, "get", "read", 200),
    ("forums:create", {}, "get", "log", 200),
    ("forums:create", {}, "post", "log", 200),  # empty form: errors, nothing saved
    ("forums:detail", {"pk": "forum"}, "get", "read", 200),
    ("forums:edit", {"pk": "forum"}, "get", "edit_facilitators", 200),
    ("forums:edit", {"pk": "teacher_forum"}, "get", "edit_teachers", 200),
    ("forums:notulen", {"pk": "forum"}, "get", "read", 200),
    ("forums:feedback_create", {"pk": "forum"}, "get", "log", 200),
    ("forums:reflection_mine", {"pk": "forum"}, "get", "log", 200),
    ("forums:feedback_received", {}, "get", "read", 200),
    ("forums:feedback_edit", {"pk": "feedback"}, "get", "edit_teachers", 200),
    ("forums:reflection_edit", {"pk": "reflection"}, "get", "edit_teachers", 200),
    ("forums:teacher_list", {}, "get", "read", 200),
    ("forums:teacher_detail", {"person_id": "teacher_person"}, "get", "read", 200),
    ("forums:practice_list", {}, "get", "read", 200),
    ("forums:practice_create", {}, "get", "log", 200),
    ("forums:practice_edit", {"pk": "log"}, "get", "edit_teachers", 200),
    ("forums:practice_delete", {"pk": "log"}, "get", "edit_teachers", 200),
    ("forums:practice_evidence", {"pk": "log"}, "get", "school_staff", 200),
    ("forums:method_list", {}, "get", "read", 200),
    ("forums:method_list", {}, "post", "log", 200),  # empty name: errors
    ("forums:method_edit", {"pk": "method"}, "get", "manage", 200),
]


test_permission_table = permission_table_test(TABLE)
test_no_personal_data = personal_data_test(TABLE)


def test_every_forum_url_is_in_the_table():
    from forums.urls import urlpatterns

    assert {f"forums:{pattern.name}" for pattern in urlpatterns} == {row[0] for row in TABLE}


def test_objects_of_another_program_are_not_found(client, world, outsider):
    """Tenant-first lookups: a forum object id of this program under the outsider's own program is a 404."""
    from komunitas.models import Program

    own = Program.objects.get(name="Program lain")
    client.force_login(outsider)
    for name, key in [
        ("forums:detail", "forum"),
        ("forums:practice_edit", "log"),
        ("forums:method_edit", "method"),
        ("forums:feedback_edit", "feedback"),
    ]:
        assert client.get(reverse(name, args=[own.pk, world[key].pk])).status_code == 404, name
