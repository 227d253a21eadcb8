"""Every form of lesson study takes any input: saved, or shown again with an error — never a 500."""

from komunitas.testing_forms import FormPage, form_fuzz_test

CYCLE, TEACHER_CYCLE = {"pk": "cycle"}, {"pk": "teacher_cycle"}
LESSON, TEACHER_LESSON = {"session_pk": "open_lesson"}, {"session_pk": "teacher_open_lesson"}

PAGES = [
    # The cycles and their plans (lessonstudy/views/cycles.py, lessonstudy/views/plans.py)
    FormPage("lessonstudy:create", role="teacher"),
    FormPage("lessonstudy:edit", CYCLE),
    FormPage("lessonstudy:edit", TEACHER_CYCLE, role="teacher"),
    FormPage("lessonstudy:plan", CYCLE, role="teacher"),  # a version, a conflict, or field errors
    FormPage("lessonstudy:plan", TEACHER_CYCLE, role="teacher"),  # the first version
    FormPage("lessonstudy:plan_file_create", CYCLE, role="teacher"),
    # Do: an open lesson's session, the seating chart, the observers' focus, a note (without JavaScript: the plain
    # form) and its edit (lessonstudy/lesson_forms.py)
    FormPage("lessonstudy:lesson_create", CYCLE, role="teacher"),
    FormPage("lessonstudy:lesson_edit", LESSON),
    FormPage("lessonstudy:lesson_edit", TEACHER_LESSON, role="teacher"),
    FormPage("lessonstudy:seating", CYCLE, role="teacher"),
    FormPage("lessonstudy:observers", LESSON, role="teacher"),
    FormPage("lessonstudy:note_add", LESSON, role="teacher", page=("lessonstudy:notes", LESSON)),
    FormPage("lessonstudy:note_edit", {**LESSON, "note_pk": "note"}),
    # See: the reflection meeting (lessonstudy/views/reflections.py)
    FormPage("lessonstudy:reflection_create", CYCLE, role="teacher"),
    FormPage("lessonstudy:reflection_edit", {"session_pk": "reflection"}),
    FormPage("lessonstudy:reflection_edit", {"session_pk": "planned_reflection"}, role="teacher"),  # its cycle
]

test_forms_take_any_input = form_fuzz_test(PAGES)
