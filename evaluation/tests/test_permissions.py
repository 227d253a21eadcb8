"""The permission table of the evaluation section, read by the core's URL-walking test: every evaluation URL, for
anonymous, each role, and an outsider (komunitas.testing: outsiders 404, readers who may not 403, anonymous users
the login page). And the public questionnaire at /q/<token>/, which needs no account.

Who may do what (evaluation/views/responses.py): observations are recorded by whoever logs activities and sees
the program's people (a teacher taking part, the facilitator — not the principal, not the district); interviews
and typed-in paper questionnaires by managers; a teacher answers a teachers' questionnaire as themselves.
Everyone's answers by name, and the export, are for ``evaluate`` (facilitator, principal); a teacher sees what
they recorded.
"""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from komunitas.models import Person, PersonKind
from komunitas.testing import permission_table_test, personal_data_test

# (url name, kwargs → world keys, method, capability, status when allowed)
TABLE = [
    ("evaluation:index", {}, "get", "read", 200),
    # Table 1's aspects
    ("evaluation:aspect_list", {}, "get", "read", 200),
    ("evaluation:aspect_create", {}, "get", "manage", 200),
    ("evaluation:aspect_create", {}, "post", "manage", 200),  # empty form: errors, nothing saved
    ("evaluation:aspects_restore", {}, "post", "manage", 302),
    ("evaluation:aspect_edit", {"pk": "aspect"}, "get", "manage", 200),
    ("evaluation:aspect_edit", {"pk": "aspect"}, "post", "manage", 200),  # empty form: errors
    ("evaluation:aspect_delete", {"pk": "spare_aspect"}, "get", "manage", 200),
    ("evaluation:aspect_delete", {"pk": "spare_aspect"}, "post", "manage", 302),
    # instruments
    ("evaluation:instrument_create", {}, "get", "manage", 200),
    ("evaluation:instrument_create", {}, "post", "manage", 200),  # empty form: errors
    ("evaluation:instrument_import", {}, "get", "manage", 200),
    ("evaluation:instrument_import", {}, "post", "manage", 200),  # nothing chosen: errors
    ("evaluation:starter_load", {}, "post", "manage", 302),
    ("evaluation:baseline", {}, "get", "manage", 200),
    ("evaluation:baseline", {}, "post", "manage", 302),
    ("evaluation:instrument_detail", {"pk": "questionnaire"}, "get", "read", 200),
    ("evaluation:instrument_detail", {"pk": "interview"}, "get", "read", 200),
    ("evaluation:instrument_detail", {"pk": "fresh"}, "get", "read", 200),
    ("evaluation:instrument_edit", {"pk": "fresh"}, "get", "manage", 200),
    ("evaluation:instrument_edit", {"pk": "questionnaire"}, "get", "manage", 200),  # locked: scale and kind disabled
    ("evaluation:instrument_edit", {"pk": "fresh"}, "post", "manage", 200),  # empty form: errors
    ("evaluation:instrument_delete", {"pk": "fresh"}, "get", "manage", 200),
    ("evaluation:instrument_delete", {"pk": "fresh"}, "post", "manage", 302),
    ("evaluation:instrument_delete", {"pk": "questionnaire"}, "get", "manage", 302),  # answered: refused
    ("evaluation:instrument_copy", {"pk": "questionnaire"}, "post", "manage", 302),
    # items
    ("evaluation:item_create", {"pk": "fresh"}, "get", "manage", 200),
    ("evaluation:item_create", {"pk": "fresh"}, "post", "manage", 200),  # empty form: errors
    ("evaluation:item_create", {"pk": "questionnaire"}, "get", "manage", 302),  # locked
    ("evaluation:item_edit", {"pk": "item"}, "get", "manage", 200),
    ("evaluation:item_edit", {"pk": "item"}, "post", "manage", 200),  # empty form: errors
    ("evaluation:item_delete", {"pk": "item"}, "get", "manage", 200),
    ("evaluation:item_delete", {"pk": "item"}, "post", "manage", 302),
    # recording: observations whoever logs and sees the program's people; interviews and paper questionnaires
    # managers; a teacher's own questionnaire every teacher (and facilitator) with a person on the roster
    ("evaluation:record", {"pk": "observation"}, "get", "log", 200),
    ("evaluation:record", {"pk": "observation"}, "post", "log", 200),  # nothing answered: errors
    ("evaluation:record", {"pk": "interview"}, "get", "manage", 200),
    ("evaluation:record", {"pk": "interview"}, "post", "manage", 200),
    ("evaluation:record", {"pk": "parents_questionnaire"}, "get", "manage", 200),  # typing in paper answers
    ("evaluation:answer_mine", {"pk": "questionnaire"}, "get", "teacher_self", 200),
    ("evaluation:answer_mine", {"pk": "questionnaire"}, "post", "teacher_self", 200),  # nothing answered: errors
    ("evaluation:observe", {"session_id": "session"}, "get", "log", 200),  # two sheets: pick one
    # questionnaire links
    ("evaluation:link_list", {"pk": "parents_questionnaire"}, "get", "manage", 200),
    ("evaluation:link_list", {"pk": "parents_questionnaire"}, "post", "manage", 200),  # empty form: errors
    ("evaluation:link_revoke", {"pk": "link"}, "post", "manage", 302),
    ("evaluation:link_qr", {"pk": "link"}, "get", "manage", 200),
    # responses: the list for every reader (each their own; everyone's for ``evaluate``)
    ("evaluation:response_list", {}, "get", "read", 200),
    ("evaluation:response_detail", {"pk": "observed"}, "get", "evaluate", 200),  # the facilitator's
    ("evaluation:response_detail", {"pk": "interviewed"}, "get", "evaluate", 200),
    # the teacher's own answer: ``evaluate`` and the teacher who gave it — the roles of "personal_data"
    ("evaluation:response_detail", {"pk": "mine"}, "get", "personal_data", 200),
    ("evaluation:response_edit", {"pk": "observed"}, "get", "edit_facilitators", 200),
    ("evaluation:response_edit", {"pk": "observed"}, "post", "edit_facilitators", 200),  # nothing answered: errors
    ("evaluation:response_edit", {"pk": "mine"}, "get", "edit_teachers", 200),
    ("evaluation:response_delete", {"pk": "observed"}, "get", "edit_facilitators", 200),
    ("evaluation:response_delete", {"pk": "observed"}, "post", "edit_facilitators", 302),
    ("evaluation:response_delete", {"pk": "mine"}, "get", "edit_teachers", 200),
    # the analysis
    ("evaluation:triangulation", {}, "get", "read", 200),
    ("evaluation:summary", {}, "get", "read", 200),
    ("evaluation:summary_pdf", {}, "get", "read", 200),
    ("evaluation:gallery", {}, "get", "read", 200),
    ("evaluation:export_xlsx", {}, "get", "evaluate", 200),
    ("evaluation:export_csv", {}, "get", "evaluate", 200),
]


test_permission_table = permission_table_test(TABLE)
test_no_personal_data = personal_data_test(TABLE)


def test_every_evaluation_url_is_in_the_table():
    from evaluation.urls import urlpatterns

    assert {f"evaluation:{pattern.name}" for pattern in urlpatterns} == {row[0] for row in TABLE}


def test_answer_mine_needs_a_person(client, world):
    """A teacher whose account has no person on the school's roster cannot answer as themselves: back to the
    instrument."""
    user = world["users"]["teacher"]
    Person.objects.filter(user=user).update(user=None)
    client.force_login(user)
    url = reverse("evaluation:answer_mine", args=[world["program"].pk, world["questionnaire"].pk])
    response = client.get(url)
    assert response.status_code == 302
    assert response.url == world["questionnaire"].get_absolute_url()


@pytest.mark.parametrize("role", ["teacher", "facilitator", "principal", "district_officer"])
def test_only_teachers_questionnaires_are_answered_as_oneself(client, world, role):
    """A parents' questionnaire is answered through a link (or typed in by a manager), never as oneself."""
    client.force_login(world["users"][role])
    url = reverse("evaluation:answer_mine", args=[world["program"].pk, world["parents_questionnaire"].pk])
    assert client.get(url).status_code == 403


def test_a_teacher_outside_the_program_records_no_observation(client, world):
    """Observing names the people of a session: a teacher of the school who does not take part may not."""
    from komunitas.testing import make_member

    user = make_member("guru-lain", world["program"].school, "teacher", PersonKind.TEACHER)
    client.force_login(user)
    program = world["program"]
    assert client.get(reverse("evaluation:record", args=[program.pk, world["observation"].pk])).status_code == 403
    assert client.get(reverse("evaluation:observe", args=[program.pk, world["session"].pk])).status_code == 403


def test_a_teacher_sees_only_the_responses_they_recorded(client, world):
    program = world["program"]
    client.force_login(world["users"]["teacher"])
    shown = list(client.get(reverse("evaluation:response_list", args=[program.pk])).context["page"].object_list)
    assert shown == [world["mine"]]
    client.force_login(world["users"]["principal"])
    shown = set(client.get(reverse("evaluation:response_list", args=[program.pk])).context["page"].object_list)
    assert shown == {world["mine"], world["observed"], world["interviewed"]}


def test_an_anonymous_answer_is_not_edited(client, world):
    """What a parent sent through a link stays as they gave it: nobody edits it (a manager may delete it)."""
    from evaluation import services
    from evaluation.models import Phase

    link, parents = world["link"], world["parents_questionnaire"]
    item = parents.items.filter(type="likert").first()
    response = services.response_record(
        instrument=parents, answers=[(item, 4.0, "")], phase=Phase.BASELINE, date=timezone.localdate(), link=link
    )
    client.force_login(world["users"]["facilitator"])
    program = world["program"]
    assert client.get(reverse("evaluation:response_edit", args=[program.pk, response.pk])).status_code == 403
    assert client.get(reverse("evaluation:response_delete", args=[program.pk, response.pk])).status_code == 200


def test_objects_of_another_program_are_not_found(client, world, outsider):
    """Tenant-first lookups: an evaluation object id of this program under the outsider's own program is a 404."""
    from komunitas.models import Program

    own = Program.objects.get(name="Program lain")
    client.force_login(outsider)
    for name, key in [
        ("evaluation:instrument_detail", "questionnaire"),
        ("evaluation:instrument_edit", "fresh"),
        ("evaluation:item_edit", "item"),
        ("evaluation:aspect_edit", "aspect"),
        ("evaluation:record", "observation"),
        ("evaluation:link_list", "parents_questionnaire"),
        ("evaluation:link_qr", "link"),
        ("evaluation:response_detail", "observed"),
        ("evaluation:response_edit", "mine"),
    ]:
        assert client.get(reverse(name, args=[own.pk, world[key].pk])).status_code == 404, name
    assert client.get(reverse("evaluation:observe", args=[own.pk, world["session"].pk])).status_code == 404


# --- the public questionnaire ----------------------------------------------------------------------------------


def public_url(link) -> str:
    return reverse("questionnaire_public", args=[link.token])


def test_the_public_questionnaire_lives_at_the_sites_root(world):
    assert public_url(world["link"]) == f"/q/{world['link'].token}/"


def test_an_unknown_token_is_not_found(client, world):
    assert client.get("/q/no-such-token/").status_code == 404
    assert client.post("/q/no-such-token/", {}).status_code == 404


def test_an_open_link_opens_without_an_account(client, world):
    response = client.get(public_url(world["link"]))
    assert response.status_code == 200
    assert world["parents_questionnaire"].title in response.content.decode()
    assert "form" in response.content.decode()


@pytest.mark.parametrize("how", ["revoked", "expired"])
def test_a_closed_link_says_so(client, world, how):
    link = world["link"]
    if how == "revoked":
        link.revoked_at = timezone.now()
    else:
        link.expires_at = timezone.now() - dt.timedelta(minutes=1)
    link.save()
    for response in (client.get(public_url(link)), client.post(public_url(link), {})):
        assert response.status_code == 410
        assert "evaluation/public_closed.html" in [t.name for t in response.templates]
        assert "This questionnaire is closed" in response.content.decode()


def test_a_revoked_link_is_closed_through_the_page(client, world):
    """The facilitator's "Close the link" button closes it for everyone at once."""
    link = world["link"]
    client.force_login(world["users"]["facilitator"])
    client.post(reverse("evaluation:link_revoke", args=[world["program"].pk, link.pk]))
    client.logout()
    assert client.get(public_url(link)).status_code == 410


def test_a_teacher_who_left_the_program_no_longer_sees_whom_they_observed(client, world, instruments):
    """An observation of students names them on its form: a teacher who has left the program may not reopen one
    they recorded (it would list the program's students), as they may no longer record one."""
    from evaluation import services
    from evaluation.models import InstrumentKind, Phase
    from evaluation.tests.conftest import answer_all
    from komunitas.models import Participant
    from komunitas.testing import SECRET_STUDENT

    program, teacher = world["program"], world["users"]["teacher"]
    student = Person.objects.create(school=program.school, name=SECRET_STUDENT, kind=PersonKind.STUDENT)
    Participant.objects.create(program=program, person=student, role=PersonKind.STUDENT)
    sheet = instruments[f"{InstrumentKind.OBSERVATION}_{PersonKind.STUDENT}"]
    observed = services.response_record(
        instrument=sheet, answers=answer_all(sheet), phase=Phase.WEEKLY, date=timezone.localdate(), user=teacher
    )
    client.force_login(teacher)
    edit = reverse("evaluation:response_edit", args=[program.pk, observed.pk])
    assert SECRET_STUDENT in client.get(edit).content.decode()  # while taking part
    Participant.objects.filter(person=teacher.person).update(left_on=timezone.localdate())
    assert client.get(edit).status_code == 403
    assert SECRET_STUDENT not in client.get(observed.get_absolute_url()).content.decode()
