"""The permission table of the lessonstudy section, read by the core's URL-walking test."""

from komunitas.testing import permission_table_test, personal_data_test

TABLE = [
    ("lessonstudy:index", {}, "get", "read", 200),
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
