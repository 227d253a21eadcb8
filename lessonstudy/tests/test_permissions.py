"""The permission table of the lessonstudy section, read by the core's URL-walking test.

Outsiders get 404, readers who may not write 403, anonymous users the login page (komunitas/testing.py)."""

from komunitas.testing import permission_table_test, personal_data_test

TABLE = [
    # The cycles and their plans (lessonstudy/views/cycles.py, lessonstudy/views/plans.py). The facilitator
    # started "cycle", the teacher "teacher_cycle".
    ("lessonstudy:index", {}, "get", "read", 200),
    ("lessonstudy:create", {}, "get", "log", 200),
    ("lessonstudy:create", {}, "post", "log", 200),  # empty form: errors, nothing saved
    ("lessonstudy:detail", {"pk": "cycle"}, "get", "read", 200),
    ("lessonstudy:edit", {"pk": "cycle"}, "get", "edit_facilitators", 200),
    ("lessonstudy:edit", {"pk": "teacher_cycle"}, "get", "edit_teachers", 200),
    ("lessonstudy:edit", {"pk": "teacher_cycle"}, "post", "edit_teachers", 200),  # empty form: errors
    ("lessonstudy:delete", {"pk": "cycle"}, "get", "edit_facilitators", 200),
    ("lessonstudy:delete", {"pk": "teacher_cycle"}, "get", "edit_teachers", 200),
    ("lessonstudy:close", {"pk": "cycle"}, "post", "edit_facilitators", 302),
    ("lessonstudy:close", {"pk": "teacher_cycle"}, "post", "edit_teachers", 302),
    ("lessonstudy:reopen", {"pk": "teacher_cycle"}, "post", "edit_teachers", 302),
    ("lessonstudy:next", {"pk": "cycle"}, "post", "log", 302),
    ("lessonstudy:plan", {"pk": "cycle"}, "get", "log", 200),
    ("lessonstudy:plan", {"pk": "cycle"}, "post", "log", 200),  # empty form: an error, no version saved
    ("lessonstudy:plan_versions", {"pk": "cycle"}, "get", "read", 200),
    ("lessonstudy:plan_compare", {"pk": "cycle"}, "get", "read", 200),
    ("lessonstudy:plan_file_create", {"pk": "cycle"}, "get", "log", 200),
    ("lessonstudy:plan_file_create", {"pk": "cycle"}, "post", "log", 200),  # no file: an error
    ("lessonstudy:plan_file", {"pk": "cycle", "file_pk": "plan_file"}, "get", "read", 200),
    ("lessonstudy:plan_file_delete", {"pk": "cycle", "file_pk": "plan_file"}, "get", "edit_facilitators", 200),
    (
        "lessonstudy:plan_file_delete",
        {"pk": "teacher_cycle", "file_pk": "teacher_plan_file"},
        "get",
        "edit_teachers",
        200,
    ),
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

# Do: open lessons, the seating chart, the observers' focus and their notes (lessonstudy/views/{lessons,seating,
# notes}.py). The facilitator created "open_lesson" and wrote "note"; the teacher created "teacher_open_lesson"
# and wrote "teacher_note".
CYCLE, LESSON, TEACHER_LESSON = {"pk": "cycle"}, {"session_pk": "open_lesson"}, {"session_pk": "teacher_open_lesson"}
NOTE, TEACHER_NOTE = {**LESSON, "note_pk": "note"}, {**LESSON, "note_pk": "teacher_note"}
TABLE += [
    ("lessonstudy:lesson_create", CYCLE, "get", "log", 200),
    ("lessonstudy:lesson_create", CYCLE, "post", "log", 200),  # empty form: errors, nothing saved
    ("lessonstudy:lesson", LESSON, "get", "read", 200),
    ("lessonstudy:lesson_edit", LESSON, "get", "edit_facilitators", 200),
    ("lessonstudy:lesson_edit", TEACHER_LESSON, "get", "edit_teachers", 200),
    ("lessonstudy:lesson_edit", TEACHER_LESSON, "post", "edit_teachers", 200),  # empty form: errors
    ("lessonstudy:observers", LESSON, "get", "log", 200),  # names students: teachers of the program
    ("lessonstudy:observers", LESSON, "post", "log", 302),  # nothing chosen: no focus, saved
    ("lessonstudy:seating", CYCLE, "get", "log", 200),
    ("lessonstudy:seating", CYCLE, "post", "log", 302),  # every seat empty: saved
    ("lessonstudy:notes", LESSON, "get", "log", 200),
    ("lessonstudy:note_add", LESSON, "post", "log", 200),  # empty note: errors (an account off the roster: a message)
    ("lessonstudy:note_edit", NOTE, "get", "edit_facilitators", 200),
    ("lessonstudy:note_edit", TEACHER_NOTE, "get", "edit_teachers", 200),
    ("lessonstudy:note_edit", TEACHER_NOTE, "post", "edit_teachers", 200),  # empty form: errors
    ("lessonstudy:note_delete", NOTE, "get", "edit_facilitators", 200),
    ("lessonstudy:note_delete", TEACHER_NOTE, "get", "edit_teachers", 200),
    ("lessonstudy:note_photo", NOTE, "get", "personal_data", 200),  # tags no student without consent
]

test_permission_table = permission_table_test(TABLE)
test_no_personal_data = personal_data_test(TABLE)


def test_every_lessonstudy_url_is_in_the_table():
    from lessonstudy.urls import urlpatterns

    assert {f"lessonstudy:{pattern.name}" for pattern in urlpatterns} == {row[0] for row in TABLE}
