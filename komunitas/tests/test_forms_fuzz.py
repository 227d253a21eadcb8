"""Every form of the core takes any input: arbitrary text, numbers and dates are saved or answered with an
error next to their field — never a 500 (komunitas.testing.form_fuzz_test)."""

import pytest
from django.urls import reverse

from komunitas.testing_forms import FormPage, form_fuzz_test

PAGES = [
    FormPage("school_create", in_program=False),
    FormPage("program_create", in_program=False),
    FormPage("profile", role="teacher", in_program=False),
    FormPage("email_change", role="teacher", in_program=False),
    FormPage("password_change", role="teacher", in_program=False),
    FormPage("login", role=None, in_program=False),
    FormPage("password_reset", role=None, in_program=False),
    FormPage("program_settings"),
    FormPage("program_setup"),  # skip / return / hide: arbitrary actions and step keys
    FormPage("school_edit", role="principal"),
    FormPage("stage_create"),
    FormPage("stage_edit", {"stage_id": "stage"}),
    FormPage("checklist_add", {"stage_id": "stage"}, page=("program_stages", {})),
    FormPage("person_create"),
    FormPage("person_edit", {"person_id": "student"}),
    FormPage("participants_update", page=("people_list", {})),
    FormPage("people_import"),
    FormPage("session_create", role="teacher"),
    FormPage("schedule_plan"),
    FormPage("session_edit", {"session_id": "session"}),
    FormPage("attendance_edit", {"session_id": "session"}, role="teacher"),
    FormPage(
        "attachment_add", {"session_id": "session"}, role="teacher", page=("session_detail", {"session_id": "session"})
    ),
    FormPage("staff_invite", role="principal"),
    FormPage("staff_accounts", role="principal"),
    FormPage("staff_role", {"membership_id": "teacher_membership"}, page=("staff_list", {})),
    FormPage("report_page", role="principal"),
    FormPage("obstacle_create"),
    FormPage("obstacle_edit", {"pk": "obstacle"}, role="principal"),
]

test_forms_take_any_input = form_fuzz_test(PAGES)


@pytest.fixture(autouse=True)
def _no_throttling(settings):
    """A hundred sign-ins and reset requests from one test client: throttling has its own tests."""
    settings.AXES_FAILURE_LIMIT = settings.AXES_ADDRESS_FAILURE_LIMIT = 10_000
    settings.PASSWORD_RESET_PER_NETWORK = settings.PASSWORD_RESET_PER_EMAIL = 10_000


# The inputs that answered 500 before (each now a field error, an ignored value or a redirect).


def test_a_program_in_the_year_9999_is_a_field_error(client, facilitator, school, english):
    client.force_login(facilitator)
    data = {"school": school.pk, "name": "Jauh", "start_date": "9999-12-31", "weeks": 52, "cycle": "study"}
    response = client.post(reverse("program_create"), data)
    assert response.status_code == 200 and "Choose a date between" in response.context["form"].errors["start_date"][0]


def test_junk_ticked_on_the_roster_is_refused_and_next_must_be_a_path(client, world):
    client.force_login(world["users"]["facilitator"])
    url = reverse("participants_update", args=[world["program"].pk])
    for data in [{"person": "abc", "action": "add"}, {"person": "99999999999999999999999", "action": "add"}]:
        assert client.post(url, data).status_code == 302
    student = world["student"].pk
    for next_url in ["0", "https://evil.example/", "//evil.example/"]:
        response = client.post(url, {"person": student, "action": "add", "next": next_url})
        assert response.url == reverse("people_list", args=[world["program"].pk])
