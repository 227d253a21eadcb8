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


# The self check-in: the facilitator's decisions about a name parents wrote (forms on the check-in page), and
# the public page (test_check_in_public_takes_any_input below).
_CLASS = {"pk": "parent_session"}
_NAME = {**_CLASS, "check_in_pk": "pending_check_in"}
PAGES += [
    FormPage("parents:check_in_confirm", _NAME, page=("parents:check_in", _CLASS)),
    FormPage("parents:check_in_merge", _NAME, page=("parents:check_in", _CLASS)),
]

test_forms_take_any_input = form_fuzz_test(PAGES)


def test_check_in_public_takes_any_input(client, world):
    """The public check-in (both steps), posted anything by anyone: the thank-you page (a redirect), a polite
    page, or the form again with an error — never a 500."""
    from django.urls import reverse
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    from komunitas.testing_forms import junk

    url = reverse("parent_check_in", args=[world["check_in_link"].token])
    parents = [str(parent.pk) for parent in world["parents"]]

    @settings(max_examples=40, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
    @given(
        step=st.one_of(st.none(), st.sampled_from(["pick", "add"]), junk()),
        parent=st.one_of(st.none(), st.sampled_from(parents), junk()),
        name=st.one_of(st.none(), junk()),
        child_class=st.one_of(st.none(), junk()),
    )
    def post(step, parent, name, child_class):
        data = {"step": step, "parent": parent, "name": name, "child_class": child_class}
        response = client.post(url, {key: value for key, value in data.items() if value is not None})
        assert response.status_code in (200, 302), response.status_code
        if response.status_code == 200:
            used = [template.name for template in response.templates]
            assert "parents/public_done.html" in used or "errorlist" in response.content.decode(), data

    post()
