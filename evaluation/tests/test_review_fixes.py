"""What a review as real users found (a facilitator on a phone, a teacher, a parent, the principal), each a test
that failed before its fix."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from evaluation import services
from evaluation.analysis import Source, program_evaluation
from evaluation.forms import parse_scale
from evaluation.models import Instrument, InstrumentKind, Item, ItemType, Phase
from komunitas.activity import weekly_held_of_planned
from komunitas.models import PersonKind, SessionStatus
from komunitas.tests.factories import SessionFactory

from .conftest import answer_all


def url(world, name, *args):
    return reverse(f"evaluation:{name}", args=[world["program"].pk, *args])


def test_the_date_of_a_record_form_shows_in_indonesian_too(client, world, settings):
    """The date input got "28-11-2026", which a browser's date field cannot read: it showed empty and the save
    failed with "this field is required"."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "id"
    client.force_login(world["users"]["facilitator"])
    html = client.get(url(world, "record", world["interview"].pk)).content.decode()
    assert f'value="{timezone.localdate().isoformat()}"' in html


def test_answering_a_phase_again_never_overwrites_the_first_answer(client, world):
    """Choosing "baseline" again on a fresh form replaced the teacher's real baseline without a word."""
    teacher, mine = world["users"]["teacher"], world["mine"]
    client.force_login(teacher)
    page = url(world, "answer_mine", world["questionnaire"].pk)
    form = client.get(page)
    assert form.context["meta_form"].initial["phase"] == Phase.ENDLINE  # the phase not answered yet
    data = {f"item_{item.pk}": "1" for item in world["questionnaire"].items.filter(type=ItemType.LIKERT)}
    data.update({"meta-phase": Phase.BASELINE, "meta-date": timezone.localdate().isoformat()})
    response = client.post(page, data)
    assert response.status_code == 200 and "You answered this phase on" in response.content.decode()
    assert {a.value for a in mine.answers.filter(item__type=ItemType.LIKERT)} == {4.0}  # as it was
    # opened for that phase, it is their answer to change
    assert client.get(page, {"phase": Phase.BASELINE}).context["response"] == mine


def test_the_phase_in_the_address_is_the_forms_phase(client, world):
    client.force_login(world["users"]["teacher"])
    form = client.get(url(world, "answer_mine", world["questionnaire"].pk), {"phase": Phase.ENDLINE})
    assert form.context["meta_form"].initial["phase"] == Phase.ENDLINE and form.context["response"] is None


def test_the_facilitator_is_not_asked_to_answer_the_teachers_questionnaire(client, world):
    client.force_login(world["users"]["facilitator"])
    assert client.get(url(world, "answer_mine", world["questionnaire"].pk)).status_code == 403
    assert not client.get(url(world, "index")).context["for_me"]
    client.force_login(world["users"]["teacher"])
    assert client.get(url(world, "index")).context["for_me"] == [world["questionnaire"]]


def test_teachers_do_not_read_colleagues_words(client, world):
    """Results showed every written answer, and triangulation the interview quotes, to every teacher: with
    three teachers interviewed, a quote is as good as a name."""
    interview = world["interview"]
    words = "Jawaban"  # answer_all's text
    for role, shown in [("teacher", False), ("facilitator", True), ("principal", True)]:
        client.force_login(world["users"][role])
        detail = client.get(url(world, "instrument_detail", interview.pk)).content.decode()
        assert (f"<li>{words}</li>" in detail) is shown, role
        assert client.get(url(world, "triangulation")).context["show_quotes"] is shown, role


@pytest.mark.parametrize("typed", ["1000 = Besar\n1 = Kecil", "2.5 = Setengah\n1 = Satu", "5 =\n1 = Satu"])
def test_a_scale_line_is_refused_never_reinterpreted(typed):
    """ "1000 = Besar" was stored as 100 = "0 = Besar", "2.5" as 2 = "5 = …", "5 =" as 5 = "="."""
    with pytest.raises(ValidationError):
        parse_scale(typed)


def test_an_answered_instruments_respondents_stay(client, world):
    client.force_login(world["users"]["facilitator"])
    questionnaire = world["questionnaire"]
    page = url(world, "instrument_edit", questionnaire.pk)
    from komunitas.testing import form_values

    data = form_values(client.get(page).content.decode())
    data.update({"audience": PersonKind.PARENT, "title": "Angket Guru (baru)"})
    assert client.post(page, data).status_code == 302
    questionnaire.refresh_from_db()
    assert questionnaire.audience == PersonKind.TEACHER and questionnaire.title == "Angket Guru (baru)"


def test_an_aspect_with_answered_items_is_not_deleted(client, world):
    """Deleting it unlinked answered items for good (their instrument is locked): the row lost its evidence."""
    aspect = world["questionnaire"].items.exclude(aspect=None).first().aspect
    client.force_login(world["users"]["facilitator"])
    response = client.post(url(world, "aspect_delete", aspect.pk), follow=True)
    assert "so it stays" in response.content.decode()
    assert aspect.items.count() > 0 and type(aspect).objects.filter(pk=aspect.pk).exists()


def test_observations_are_counted_not_their_ratings(world, facilitator):
    """ "n = 22" for 11 observations: each rated two items of the aspect."""
    program, sheet = world["program"], world["observation"]
    for week in (1, 2, 9, 10):
        day = program.week_range(week)[0]
        services.response_record(instrument=sheet, answers=answer_all(sheet), phase=Phase.WEEKLY, date=day)
    evaluation = next(row for row in program_evaluation(program) if row.aspect.key == "teacher_participation")
    (observed,) = [e for e in evaluation.evidence if e.source == Source.OBSERVATION]
    assert observed.n == 4  # (the world's own observation is dated outside the program's weeks)


def test_a_negative_statement_is_not_shown_as_the_item_that_changed_most(program, teacher):
    """Its score is reversed: "'I teach as I always did': 2.0 → 4.4" read as more teachers teaching the old way."""
    questionnaire = Instrument.objects.create(
        program=program, kind=InstrumentKind.QUESTIONNAIRE, title="Q", audience=PersonKind.TEACHER
    )
    aspect = program.aspects.get(key="teacher_competence")
    plain = Item.objects.create(instrument=questionnaire, text="Saya mencoba metode baru.", aspect=aspect)
    negative = Item.objects.create(
        instrument=questionnaire, text="Saya mengajar seperti biasa.", aspect=aspect, reverse=True
    )
    people = [teacher.person]
    from komunitas.models import Person

    people += [
        Person.objects.create(school=program.school, name=f"Guru {n}", kind=PersonKind.TEACHER) for n in range(2)
    ]
    for person in people:
        for phase, plain_value, negative_value in [(Phase.BASELINE, 3, 4), (Phase.ENDLINE, 4, 1)]:
            services.response_record(
                instrument=questionnaire, phase=phase, date=program.start_date, respondent=person,
                answers=[(plain, float(plain_value), ""), (negative, float(negative_value), "")],
            )  # fmt: skip
    row = next(row for row in program_evaluation(program) if row.aspect == aspect)
    labels = [e.label for e in row.questionnaires]
    assert "“Saya mencoba metode baru”" in labels and not any("biasa" in label for label in labels)


def test_a_session_planned_for_later_is_not_yet_missed(program):
    """This week's "sessions held" fell each time the next session went on the schedule."""
    today = timezone.localdate()
    program.start_date = today - dt.timedelta(days=today.weekday())  # this week is week 1
    program.save()
    SessionFactory(program=program, date=program.start_date, status=SessionStatus.HELD)
    SessionFactory(program=program, date=today + dt.timedelta(days=1), status=SessionStatus.PLANNED)
    week = weekly_held_of_planned(program)[0]
    assert (week.held, week.planned) == (1, 1)
