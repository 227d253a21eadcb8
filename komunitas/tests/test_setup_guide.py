"""The first-run guide: each step's state read from the data, skip and return, the dashboard's card until the steps
are done or the guide is hidden, and programs made before the guide (or by the demo) showing none."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from komunitas import setup_guide
from komunitas.models import Participant, PersonKind, ProgramSetup, Session
from komunitas.tests.factories import PersonFactory, UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


@pytest.fixture
def guided(program):
    return ProgramSetup.objects.create(program=program)


def _join(program, *people):
    for person in people:
        Participant.objects.create(program=program, person=person, role=person.kind)


def _statuses(program, setup=None):
    return {step.step.key: step.status for step in setup_guide.guide(program, setup).steps}


def test_every_step_starts_to_do_in_an_empty_program(program, guided):
    assert _statuses(program, guided) == {
        "roster": "todo",
        "teachers": "todo",
        "schedule": "todo",
        "accounts": "todo",
        "baseline": "todo",
    }


def test_steps_are_done_by_their_data_however_it_got_there(program, guided, facilitator):
    school = program.school
    child = PersonFactory(school=school, kind=PersonKind.STUDENT, class_name="7A")
    mother = PersonFactory(school=school, kind=PersonKind.PARENT)
    teacher = PersonFactory(school=school, kind=PersonKind.TEACHER)
    _join(program, child, mother, teacher)
    Session.objects.create(program=program, kind="forum", title="Forum", date=program.start_date)
    current = setup_guide.guide(program, guided)
    statuses = {step.step.key: step.status for step in current.steps}
    assert statuses["roster"] == statuses["teachers"] == statuses["schedule"] == "done"
    assert statuses["accounts"] == "todo"  # the teacher has no account yet
    summaries = {step.step.key: str(step.state.summary) for step in current.steps}
    assert summaries["roster"] == "1 student, 1 parent"
    assert summaries["accounts"] == "0 of 1 teachers have an account"
    teacher.user = UserFactory()
    teacher.save()
    assert _statuses(program, guided)["accounts"] == "done"


def test_skip_and_return(client, facilitator, program, guided):
    client.force_login(facilitator)
    url = reverse("program_setup", args=[program.pk])
    response = client.post(url, {"action": "skip", "step": "accounts"}, follow=True)
    assert "Step skipped" in response.content.decode()
    guided.refresh_from_db()
    assert guided.skipped == ["accounts"]
    assert _statuses(program, guided)["accounts"] == "skipped"
    client.post(url, {"action": "return", "step": "accounts"})
    guided.refresh_from_db()
    assert guided.skipped == []


@pytest.mark.parametrize(
    "data", [{}, {"action": "skip"}, {"action": "skip", "step": "nope"}, {"action": "drop", "step": "roster"}]
)
def test_bad_actions_change_nothing(client, facilitator, program, guided, data):
    client.force_login(facilitator)
    response = client.post(reverse("program_setup", args=[program.pk]), data, follow=True)
    assert response.status_code == 200
    assert "That step does not exist" in response.content.decode()
    guided.refresh_from_db()
    assert guided.skipped == [] and guided.finished_at is None


def test_the_dashboard_shows_the_guide_until_it_is_hidden(client, facilitator, program, guided):
    client.force_login(facilitator)
    dashboard = reverse("program_dashboard", args=[program.pk])
    page = client.get(dashboard).content.decode()
    assert 'data-testid="setup-card"' in page
    assert "Students and their parents" in page  # the next step
    client.post(reverse("program_setup", args=[program.pk]), {"action": "finish"})
    assert 'data-testid="setup-card"' not in client.get(dashboard).content.decode()
    client.post(reverse("program_setup", args=[program.pk]), {"action": "reopen"})
    assert 'data-testid="setup-card"' in client.get(dashboard).content.decode()


def test_the_guide_shows_only_to_those_who_manage(client, teacher, program, guided):
    client.force_login(teacher)
    page = client.get(reverse("program_dashboard", args=[program.pk])).content.decode()
    assert 'data-testid="setup-card"' not in page


def test_programs_without_a_setup_show_no_guide(client, facilitator, program):
    """Programs made before the guide existed, and the demo's: no card, and the page still works."""
    client.force_login(facilitator)
    assert (
        'data-testid="setup-card"' not in client.get(reverse("program_dashboard", args=[program.pk])).content.decode()
    )
    page = client.get(reverse("program_setup", args=[program.pk])).content.decode()
    assert 'data-step="roster"' in page


def test_a_new_program_made_on_the_page_opens_its_first_steps(client, facilitator, school):
    client.force_login(facilitator)
    response = client.post(
        reverse("program_create"),
        {"school": school.pk, "name": "Kombel 2027", "start_date": "2027-01-04", "weeks": 10, "cycle": "study"},
    )
    setup = ProgramSetup.objects.get(program__name="Kombel 2027")
    assert response.url == reverse("program_setup", args=[setup.program_id])


def test_the_guide_costs_the_same_queries_at_two_sizes(client, facilitator, program, guided):
    """The guide's read: ProgramSetup, then one query per step — the same with 20 more people and sessions."""
    client.force_login(facilitator)
    url = reverse("program_dashboard", args=[program.pk])
    client.get(url)

    def count() -> int:
        cache.clear()  # the panels are cached: compute them afresh both times
        with CaptureQueriesContext(connection) as queries:
            assert 'data-testid="setup-card"' in client.get(url).content.decode()
        return len(queries)

    small = count()
    for index in range(20):
        _join(program, PersonFactory(school=program.school, kind=PersonKind.STUDENT, class_name="7A"))
        Session.objects.create(program=program, kind="forum", title=f"F{index}", date=program.start_date)
    assert count() == small
