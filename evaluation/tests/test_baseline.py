"""The first run's baseline step: the starter questionnaires added when the program has none, a baseline link
opened for each questionnaire once, open until the end of week 2, and the step's state read from the data."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from evaluation import baseline
from evaluation.models import Instrument, InstrumentKind, Phase, QuestionnaireLink

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def test_the_step_adds_the_starter_questionnaires_and_opens_each_baseline_once(client, facilitator, program):
    assert not baseline.baseline_state(program).done
    client.force_login(facilitator)
    url = reverse("evaluation:baseline", args=[program.pk])
    assert 'data-testid="baseline-empty"' in client.get(url).content.decode()
    page = client.post(url, follow=True).content.decode()
    questionnaires = Instrument.objects.filter(program=program, kind=InstrumentKind.QUESTIONNAIRE)
    assert questionnaires.count() == 3  # teachers, students, parents
    links = QuestionnaireLink.objects.filter(instrument__program=program, phase=Phase.BASELINE)
    assert links.count() == 3
    assert 'data-testid="baseline-ready"' in page
    assert baseline.baseline_state(program).done
    client.post(url)  # again: nothing doubles
    assert links.count() == 3
    assert questionnaires.count() == 3


def test_a_program_with_its_own_questionnaire_gets_no_starters(client, facilitator, program):
    own = Instrument.objects.create(
        program=program, kind=InstrumentKind.QUESTIONNAIRE, title="Angket kami", audience="parent"
    )
    client.force_login(facilitator)
    client.post(reverse("evaluation:baseline", args=[program.pk]))
    assert list(program.instruments.filter(kind=InstrumentKind.QUESTIONNAIRE)) == [own]
    assert own.links.get().phase == Phase.BASELINE


def test_the_links_stay_open_until_the_end_of_week_two_or_six_days(program):
    start = timezone.make_aware(dt.datetime.combine(program.start_date, dt.time(8)))
    assert timezone.localtime(baseline.default_closing(program, start)).date() == program.week_range(2)[1]
    late = start + dt.timedelta(days=30)
    assert timezone.localtime(baseline.default_closing(program, late)).date() == late.date() + dt.timedelta(days=6)


def test_a_revoked_link_does_not_count(program, facilitator):
    baseline.baseline_open(program=program, user=facilitator)
    QuestionnaireLink.objects.filter(instrument__program=program).update(revoked_at=timezone.now())
    state = baseline.baseline_state(program)
    assert not state.done
    assert str(state.summary) == "0 of 3 questionnaires open for the baseline"


def test_the_page_reads_a_fixed_number_of_queries(client, facilitator, program, django_assert_num_queries):
    client.force_login(facilitator)
    url = reverse("evaluation:baseline", args=[program.pk])
    client.get(url)
    with django_assert_num_queries(4):  # session, user, program with the role, the questionnaires
        client.get(url)
    baseline.baseline_open(program=program, user=facilitator)
    with django_assert_num_queries(4):
        client.get(url)
