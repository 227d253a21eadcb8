"""What the evaluation adds to the program dashboard: questionnaire scales baseline vs endline, and the
questionnaires still missing their baseline or endline answers."""

import pytest

from evaluation import services
from evaluation.dashboard import missing_questionnaires, scales_panel
from evaluation.models import Phase
from evaluation.tests.conftest import answer_all
from komunitas.access import program_access_for
from komunitas.tests.factories import START


def texts(user, program):
    return [str(item.text) for item in missing_questionnaires(program_access_for(user, program.pk))]


def record(instrument, phase, value):
    services.response_record(instrument=instrument, answers=answer_all(instrument, value), phase=phase, date=START)


def test_a_questionnaire_without_baseline_then_without_endline_needs_attention(
    program, facilitator, teacher, instruments, django_assert_num_queries
):
    questionnaire = instruments["questionnaire_teacher"]
    assert any("no baseline answer" in text for text in texts(facilitator, program))
    record(questionnaire, Phase.BASELINE, 2)
    access = program_access_for(facilitator, program.pk)
    with django_assert_num_queries(2):  # the response counts, the questionnaires
        items = missing_questionnaires(access)
    endline = [item for item in items if "not yet at endline" in str(item.text)]
    assert endline and endline[0].items[0] == (questionnaire.title, questionnaire.get_absolute_url())
    record(questionnaire, Phase.ENDLINE, 4)
    assert not any(questionnaire.title in label for item in missing_questionnaires(access) for label, _u in item.items)
    assert texts(teacher, program) == []  # running the evaluation is the facilitator's and the principal's


def test_the_scales_panel_appears_once_a_questionnaire_has_both_phases(program, principal, instruments):
    access = program_access_for(principal, program.pk)
    assert scales_panel(access) is None  # nothing to compare: no empty chart
    questionnaire = instruments["questionnaire_teacher"]
    record(questionnaire, Phase.BASELINE, 2)
    record(questionnaire, Phase.ENDLINE, 4)
    panel = scales_panel(access)
    assert panel is not None
    assert questionnaire.title in panel.context["labels"][0]
    assert 'data-chart="questionnaire-scales"' in panel.context["chart"].svg


@pytest.mark.parametrize("answers", [1, 12])
def test_the_dashboard_shows_the_panel_at_a_fixed_cost(client, program, principal, instruments, answers):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from komunitas import activities

    questionnaire = instruments["questionnaire_teacher"]
    for _n in range(answers):
        record(questionnaire, Phase.BASELINE, 2)
        record(questionnaire, Phase.ENDLINE, 4)
    client.force_login(principal)
    with activities.only("komunitas", "evaluation"), CaptureQueriesContext(connection) as queries:
        html = client.get(reverse("program_dashboard", args=[program.pk])).content.decode()
    assert 'data-testid="evaluation-panel"' in html
    # the core's 10, program_evaluation's 4 (+ the core's indicator), the attention's 2
    assert len(queries) == 17
