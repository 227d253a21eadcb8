"""The permission table of the lessonstudy section, read by the core's URL-walking test."""

from komunitas.testing import permission_table_test, personal_data_test

TABLE = [
    ("lessonstudy:index", {}, "get", "read", 200),
]

# See: the reflection meeting (lessonstudy/views/reflections.py). "reflection" the facilitator logged,
# "teacher_reflection" the teacher.
REFLECTION, TEACHER_REFLECTION = {"session_pk": "reflection"}, {"session_pk": "teacher_reflection"}
TABLE += [
    ("lessonstudy:reflection_create", {"pk": "cycle"}, "get", "log", 200),
    ("lessonstudy:reflection_create", {"pk": "cycle"}, "post", "log", 200),  # empty form: errors, nothing saved
    ("lessonstudy:reflection", REFLECTION, "get", "read", 200),
    ("lessonstudy:agenda", REFLECTION, "get", "read", 200),
    ("lessonstudy:reflection_edit", REFLECTION, "get", "edit_facilitators", 200),
    ("lessonstudy:reflection_edit", TEACHER_REFLECTION, "get", "edit_teachers", 200),
    ("lessonstudy:reflection_edit", TEACHER_REFLECTION, "post", "edit_teachers", 200),  # empty form: errors
    # planned on the schedule by the facilitator, no cycle yet: any teacher fills it in
    ("lessonstudy:reflection", {"session_pk": "planned_reflection"}, "get", "read", 200),
    ("lessonstudy:reflection_edit", {"session_pk": "planned_reflection"}, "get", "edit_teachers", 200),
]

test_permission_table = permission_table_test(TABLE)
test_no_personal_data = personal_data_test(TABLE)
