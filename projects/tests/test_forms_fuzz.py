"""Every form of the clubs takes any input: saved, or shown again with an error — never a 500."""

from komunitas.testing_forms import FormPage, form_fuzz_test

CLUB, TEACHER_CLUB = {"pk": "club"}, {"pk": "teacher_club"}

PAGES = [
    FormPage("projects:create", role="teacher"),
    FormPage("projects:edit", CLUB),
    FormPage("projects:edit", TEACHER_CLUB, role="teacher"),
    FormPage("projects:project_create", CLUB, role="teacher"),
    FormPage("projects:project_edit", {**CLUB, "project_pk": "project"}),
    FormPage("projects:meeting_create", CLUB, role="teacher"),
    FormPage("projects:meeting_edit", {"pk": "club_session"}),
    FormPage("projects:assess", CLUB, role="teacher"),  # scores, phase and week: field or form errors
    FormPage("projects:rubric"),
    *[  # a project's milestones and artifacts
        FormPage("projects:milestone_create", {**CLUB, "project_pk": "project"}, role="teacher"),
        FormPage("projects:milestone_edit", {**CLUB, "project_pk": "project", "milestone_pk": "milestone"}),
        FormPage("projects:artifact_create", {**CLUB, "project_pk": "project"}, role="teacher"),
        FormPage("projects:artifact_edit", {**CLUB, "project_pk": "project", "artifact_pk": "artifact"}),
    ],
]

test_forms_take_any_input = form_fuzz_test(PAGES)
