"""Every form of lesson study takes any input: saved, or shown again with an error — never a 500."""

from komunitas.testing_forms import FormPage, form_fuzz_test

PAGES = [
    # See: the reflection meeting (lessonstudy/views/reflections.py)
    FormPage("lessonstudy:reflection_create", {"pk": "cycle"}, role="teacher"),
    FormPage("lessonstudy:reflection_edit", {"session_pk": "reflection"}),
    FormPage("lessonstudy:reflection_edit", {"session_pk": "planned_reflection"}, role="teacher"),  # its cycle
]

test_forms_take_any_input = form_fuzz_test(PAGES)
