"""Every form of the forum takes any input: saved, or shown again with an error — never a 500."""

from komunitas.testing_forms import FormPage, form_fuzz_test

PAGES = [
    FormPage("forums:create", role="teacher"),
    FormPage("forums:edit", {"pk": "forum"}),
    FormPage("forums:feedback_create", {"pk": "forum"}, role="teacher"),
    FormPage("forums:feedback_edit", {"pk": "feedback"}, role="teacher"),
    FormPage("forums:reflection_mine", {"pk": "forum"}, role="teacher"),
    FormPage("forums:reflection_edit", {"pk": "reflection"}, role="teacher"),
    FormPage("forums:practice_create", role="teacher"),
    FormPage("forums:practice_edit", {"pk": "log"}, role="teacher"),
    FormPage("forums:method_list", role="teacher"),
    FormPage("forums:method_edit", {"pk": "method"}),
]

test_forms_take_any_input = form_fuzz_test(PAGES)


def test_ids_no_database_holds_are_ignored_or_refused(client, world, english):
    """Filters ignore them; a form says the choice is not valid (SQLite raised OverflowError before)."""
    from django.urls import reverse

    huge = "99999999999999999999999"
    program = world["program"]
    client.force_login(world["users"]["teacher"])
    assert client.get(reverse("forums:index", args=[program.pk]), {"presenter": huge}).status_code == 200
    assert client.get(reverse("forums:practice_list", args=[program.pk]), {"teacher": huge}).status_code == 200
    data = {
        "date": program.start_date,
        "class_name": "7A",
        "method": world["method"].pk,
        "forum": huge,
        "how_it_went": ".",
    }
    response = client.post(reverse("forums:practice_create", args=[program.pk]), data)
    assert response.status_code == 200 and "forum" in response.context["form"].errors
