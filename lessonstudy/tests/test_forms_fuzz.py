"""Every form of lesson study takes any input: saved, or shown again with an error — never a 500."""

from komunitas.testing_forms import FormPage, form_fuzz_test

PAGES = []

# Do: an open lesson's session, the seating chart, the observers' focus, a note (JSON-less: the plain form) and its
# edit (lessonstudy/lesson_forms.py)
LESSON, TEACHER_LESSON = {"session_pk": "open_lesson"}, {"session_pk": "teacher_open_lesson"}
PAGES += [
    FormPage("lessonstudy:lesson_create", {"pk": "cycle"}, role="teacher"),
    FormPage("lessonstudy:lesson_edit", LESSON),
    FormPage("lessonstudy:lesson_edit", TEACHER_LESSON, role="teacher"),
    FormPage("lessonstudy:seating", {"pk": "cycle"}, role="teacher"),
    FormPage("lessonstudy:observers", LESSON, role="teacher"),
    FormPage("lessonstudy:note_add", LESSON, role="teacher", page=("lessonstudy:notes", LESSON)),
    FormPage("lessonstudy:note_edit", {**LESSON, "note_pk": "note"}),
]

test_forms_take_any_input = form_fuzz_test(PAGES)
