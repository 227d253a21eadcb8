"""Every form of the parent classes takes any input: saved, or shown again with an error — never a 500."""

from komunitas.testing_forms import FormPage, form_fuzz_test

CLASS, TEACHER_CLASS = {"pk": "parent_session"}, {"pk": "teacher_parent_session"}

PAGES = [
    # The classes' staff pages (parents/views/{classes,dialogue,contributions,follow_ups}.py)
    FormPage("parents:create", role="teacher"),
    FormPage("parents:edit", CLASS),
    FormPage("parents:edit", {"pk": "planned_parent_session"}, role="teacher"),
    FormPage("parents:note_create", CLASS, role="teacher"),
    FormPage("parents:note_edit", {**CLASS, "note_pk": "note"}),
    FormPage("parents:contribution_create", role="teacher"),
    FormPage("parents:contribution_edit", {"contribution_pk": "teacher_contribution"}, role="teacher"),
    FormPage("parents:follow_up_create", CLASS, role="teacher"),
    FormPage("parents:follow_up_edit", {**TEACHER_CLASS, "follow_up_pk": "teacher_follow_up"}, role="teacher"),
]

test_forms_take_any_input = form_fuzz_test(PAGES)
