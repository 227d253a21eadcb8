"""Evaluation test fixtures. Pages are asked for in English. ``world``: the objects the evaluation's
permission table and form tests name — the starter instruments (with the study's aspects), answered ones and an
unanswered one, a teacher's own questionnaire answer, an observation of a held session, and an open link."""

import datetime as dt

import pytest
from auditlog.context import disable_auditlog
from django.utils import timezone

from evaluation import services
from evaluation.models import Aspect, Instrument, InstrumentKind, Item, ItemType, Phase, QuestionnaireLink
from evaluation.starter import starter_instruments_load
from komunitas.models import PersonKind
from komunitas.tests.factories import SessionFactory


@pytest.fixture(autouse=True)
def _english(english):
    """Every evaluation test reads messages in English (the root conftest's ``english``)."""


def answer_all(instrument: Instrument, value: int = 4, text: str = "Jawaban") -> list:
    """An answer to every item of ``instrument`` (Likert ``value``, yes, the number 3, ``text``)."""
    answers = []
    for item in instrument.items.all():
        if item.type == ItemType.LIKERT:
            answers.append((item, float(value), ""))
        elif item.type == ItemType.YES_NO:
            answers.append((item, 1.0, ""))
        elif item.type == ItemType.NUMBER:
            answers.append((item, 3.0, ""))
        else:
            answers.append((item, None, text))
    return answers


@pytest.fixture
def instruments(program, facilitator):
    """The starter instruments by kind and audience: {"questionnaire_teacher": …, "observation_student": …}."""
    loaded = starter_instruments_load(program, user=facilitator)
    found = {}
    for instrument in loaded:
        found.setdefault(f"{instrument.kind}_{instrument.audience}", instrument)
    return found


@pytest.fixture
def world(users, program, facilitator, teacher):
    """Built without the audit log (half its writes): every permission-table test builds one."""
    with disable_auditlog():
        return _world(users, program, facilitator, teacher)


def _world(users, program, facilitator, teacher):
    # The teachers' and the parents' starter instruments (the students' are left out: every test builds a world).
    instruments = {
        f"{instrument.kind}_{instrument.audience}": instrument
        for instrument in starter_instruments_load(
            program, user=facilitator, audiences={PersonKind.TEACHER, PersonKind.PARENT}
        )
    }
    session = SessionFactory(program=program, created_by=facilitator, date=timezone.localdate() - dt.timedelta(days=1))
    questionnaire = instruments[f"{InstrumentKind.QUESTIONNAIRE}_{PersonKind.TEACHER}"]
    observation = instruments[f"{InstrumentKind.OBSERVATION}_{PersonKind.TEACHER}"]
    interview = instruments[f"{InstrumentKind.INTERVIEW}_{PersonKind.TEACHER}"]
    parents = instruments[f"{InstrumentKind.QUESTIONNAIRE}_{PersonKind.PARENT}"]
    fresh = Instrument.objects.create(
        program=program, kind=InstrumentKind.QUESTIONNAIRE, title="Angket baru", audience=PersonKind.STUDENT
    )
    item = Item.objects.create(instrument=fresh, text="Saya senang belajar.", type=ItemType.LIKERT)
    # A second sheet, so that "Record an observation" asks which (with one, it goes straight to it).
    Instrument.objects.create(
        program=program, kind=InstrumentKind.OBSERVATION, title="Lembar observasi siswa", audience=PersonKind.STUDENT
    )
    today = timezone.localdate()
    observed = services.response_record(
        instrument=observation, answers=answer_all(observation), phase=Phase.WEEKLY, date=session.date,
        session=session, user=facilitator,
    )  # fmt: skip
    mine = services.response_record(
        instrument=questionnaire, answers=answer_all(questionnaire), phase=Phase.BASELINE, date=today,
        respondent=teacher.person, user=teacher,
    )  # fmt: skip
    interviewed = services.response_record(
        instrument=interview, answers=answer_all(interview), phase=Phase.ENDLINE, date=today,
        respondent=teacher.person, user=facilitator,
    )  # fmt: skip
    link = QuestionnaireLink.objects.create(
        instrument=parents,
        phase=Phase.BASELINE,
        expires_at=timezone.now() + dt.timedelta(days=3),
        created_by=facilitator,
    )
    return {
        "program": program,
        "users": users,
        "session": session,
        "aspect": program.aspects.first(),
        "spare_aspect": Aspect.objects.create(program=program, name="Budaya Membaca", order=9),  # no item answered
        "questionnaire": questionnaire,
        "observation": observation,
        "interview": interview,
        "parents_questionnaire": parents,
        "fresh": fresh,
        "item": item,
        "observed": observed,
        "mine": mine,
        "interviewed": interviewed,
        "link": link,
    }
