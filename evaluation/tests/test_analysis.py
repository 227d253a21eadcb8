"""The analysis on recorded answers: one instrument's results (item means with a reversed item, scales per
aspect, baseline → endline comparisons, texts, yes/no shares), the program's evidence per aspect from every
source (observations, questionnaires, interviews, the activities' weekly indicators), and the summary table
on the demo program. Expected figures are worked out by hand in the comments."""

import datetime as dt
import re

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from evaluation import services
from evaluation.analysis import Source, instrument_results, program_evaluation
from evaluation.models import Instrument, InstrumentKind, Item, ItemType, Phase, QuestionnaireLink
from evaluation.starter import OBSERVATION_SCALE, TABLE_1
from forums.tests.factories import ForumSessionFactory
from komunitas.activities import StandardAspect
from komunitas.models import Participant, Person, PersonKind, Program
from komunitas.tests.factories import AttendanceFactory, SessionFactory

L1 = "Saya hadir secara rutin dalam kegiatan komunitas belajar."
L2 = "Saya jarang ikut berdiskusi."  # a negative statement: scored in reverse
L3 = "Saya mencoba metode pembelajaran baru di kelas."
YN = "Saya pernah menjadi pemateri."
TEXT = "Hal yang paling bermanfaat:"

# Answers of three teachers A, B, C: L1, L2 (raw, before reversal), L3, yes/no, text.
BASELINE = {"A": (2, 4, 3, 0, "awal A"), "B": (3, 3, 2, 1, ""), "C": (2, 5, 3, 0, "")}
ENDLINE = {"A": (4, 2, 4, 1, "akhir A"), "B": (5, 1, 4, 1, "akhir B"), "C": (5, 3, 5, 0, "")}


@pytest.fixture
def teachers(program, teacher, other_teacher):
    third = Person.objects.create(school=program.school, name="Rina Marlina", kind=PersonKind.TEACHER)
    Participant.objects.create(program=program, person=third, role=PersonKind.TEACHER)
    return {"A": teacher.person, "B": other_teacher.person, "C": third}


def aspect(program: Program, key: str):
    return program.aspects.get(key=key)


@pytest.fixture
def questionnaire(program, facilitator, teachers):
    """A teachers' questionnaire on the default 5–1 scale, answered at baseline and at endline by the same three
    teachers (so the comparisons are paired)."""
    instrument = Instrument.objects.create(
        program=program, kind=InstrumentKind.QUESTIONNAIRE, title="Angket Guru", audience=PersonKind.TEACHER
    )
    participation = aspect(program, StandardAspect.TEACHER_PARTICIPATION)
    competence = aspect(program, StandardAspect.TEACHER_COMPETENCE)
    items = [
        Item.objects.create(instrument=instrument, order=1, text=L1, aspect=participation),
        Item.objects.create(instrument=instrument, order=2, text=L2, aspect=participation, reverse=True),
        Item.objects.create(instrument=instrument, order=3, text=L3, aspect=competence),
        Item.objects.create(instrument=instrument, order=4, text=YN, type=ItemType.YES_NO),
        Item.objects.create(instrument=instrument, order=5, text=TEXT, type=ItemType.LONG_TEXT, required=False),
    ]
    for phase, day, table in (
        (Phase.BASELINE, program.start_date, BASELINE),
        (Phase.ENDLINE, program.end_date, ENDLINE),
    ):
        for key, values in table.items():
            answers = [(item, float(value), "") for item, value in zip(items[:4], values[:4], strict=True)]
            if values[4]:
                answers.append((items[4], None, values[4]))
            services.response_record(
                instrument=instrument, answers=answers, phase=phase, date=day, respondent=teachers[key],
                user=facilitator,
            )  # fmt: skip
    instrument.items_by_text = {item.text: item for item in items}
    return instrument


def results_by_text(instrument):
    results = instrument_results(instrument)
    return results, {result.item.text: result for result in results.items}


# --- one instrument ---------------------------------------------------------------------------------------------


def test_item_means_and_the_paired_comparison(questionnaire):
    results, items = results_by_text(questionnaire)
    assert results.counts == {Phase.BASELINE: 3, Phase.ENDLINE: 3}
    first = items[L1]
    # baseline 2, 3, 2 → 7 / 3 = 2.333; endline 4, 5, 5 → 14 / 3 = 4.667
    assert first.phases[Phase.BASELINE].mean == pytest.approx(7 / 3)
    assert first.phases[Phase.ENDLINE].mean == pytest.approx(14 / 3)
    assert first.phases[Phase.WEEKLY].n == 0
    # endline index 4.667 / 5 · 100 = 93.3 → very good; baseline 2.333 / 5 · 100 = 46.7 → fair
    assert first.phases[Phase.ENDLINE].index == pytest.approx(280 / 3)
    assert first.phases[Phase.ENDLINE].band == "very good"
    assert first.phases[Phase.BASELINE].band == "fair"
    assert first.labels == [(5, "Sangat Setuju (SS)"), (4, "Setuju (S)"), (3, "Netral (N)"),
                            (2, "Tidak Setuju (TS)"), (1, "Sangat Tidak Setuju (STS)")]  # fmt: skip
    c = first.comparison
    # the same teachers both times: paired. Changes 2, 2, 3: mean 7 / 3; deviations -1/3, -1/3, 2/3;
    # variance (1/9 + 1/9 + 4/9) / 2 = 1/3; sd = 0.57735. d_z = 2.3333 / 0.57735 = 4.0415;
    # t = 2.3333 / (0.57735 / √3) = 2.3333 / 0.3333 = 7.0, df = 2
    assert c.paired and c.df == 2
    assert c.change == pytest.approx(7 / 3)
    assert c.effect == pytest.approx(4.041452, abs=1e-6)
    assert c.t == pytest.approx(7.0)


def test_a_negative_statement_is_reversed(questionnaire):
    _, items = results_by_text(questionnaire)
    reversed_item = items[L2]
    # raw baseline answers 4, 3, 5 (mean 4) are scored 6 - value: 2, 3, 1 → mean 2
    assert reversed_item.phases[Phase.BASELINE].mean == pytest.approx(2.0)
    assert reversed_item.phases[Phase.BASELINE].distribution == {3: 1, 2: 1, 1: 1}
    # raw endline 2, 1, 3 → scored 4, 5, 3 → mean 4
    assert reversed_item.phases[Phase.ENDLINE].mean == pytest.approx(4.0)
    # the changes 2, 2, 2 have no spread: no effect size and no t (never a division by zero)
    assert reversed_item.comparison.change == pytest.approx(2.0)
    assert reversed_item.comparison.effect is None and reversed_item.comparison.t is None


def test_the_scale_of_each_aspect(questionnaire, program):
    results, _ = results_by_text(questionnaire)
    scales = {scale.aspect.key if scale.aspect else None: scale for scale in results.scales}
    assert list(scales) == [StandardAspect.TEACHER_PARTICIPATION, StandardAspect.TEACHER_COMPETENCE]  # by order
    participation = scales[StandardAspect.TEACHER_PARTICIPATION]
    assert participation.items == 2
    # each teacher's mean of L1 and (reversed) L2 — baseline: A (2 + 2) / 2 = 2, B (3 + 3) / 2 = 3,
    # C (2 + 1) / 2 = 1.5 → mean 6.5 / 3 = 2.1667; endline: A (4 + 4) / 2 = 4, B (5 + 5) / 2 = 5,
    # C (5 + 3) / 2 = 4 → mean 13 / 3 = 4.3333
    assert participation.phases[Phase.BASELINE].n == 3
    assert participation.phases[Phase.BASELINE].mean == pytest.approx(6.5 / 3)
    assert participation.phases[Phase.ENDLINE].mean == pytest.approx(13 / 3)
    # index 4.3333 / 5 · 100 = 86.7 → very good; 2.1667 / 5 · 100 = 43.3 → fair
    assert participation.phases[Phase.ENDLINE].band == "very good"
    assert participation.phases[Phase.BASELINE].band == "fair"
    c = participation.comparison
    # changes 2, 2, 2.5: mean 6.5 / 3 = 2.1667; deviations -1/6, -1/6, 1/3; variance (1/36 + 1/36 + 4/36) / 2
    # = 1/12; sd = 0.288675; d_z = 2.1667 / 0.288675 = 7.5055; t = 2.1667 / (0.288675 / √3) = 13.0
    assert c.paired and c.df == 2
    assert c.effect == pytest.approx(7.505553, abs=1e-6)
    assert c.t == pytest.approx(13.0)
    competence = scales[StandardAspect.TEACHER_COMPETENCE]
    # L3 alone: 3, 2, 3 → 8 / 3; 4, 4, 5 → 13 / 3; changes 1, 2, 2: mean 5 / 3, sd 0.57735,
    # t = (5 / 3) / (0.57735 / √3) = 5.0; d_z = 1.6667 / 0.57735 = 2.8868
    assert competence.items == 1
    assert competence.phases[Phase.BASELINE].mean == pytest.approx(8 / 3)
    assert competence.comparison.t == pytest.approx(5.0)
    assert competence.comparison.effect == pytest.approx(2.886751, abs=1e-6)


def test_text_items_list_their_answers_and_yes_no_is_a_share(questionnaire):
    _, items = results_by_text(questionnaire)
    # newest first: the endline answers (B's after A's), then the baseline one; teachers who left it blank add none
    assert items[TEXT].texts == ["akhir B", "akhir A", "awal A"]
    assert items[TEXT].phases == {}
    yes_no = items[YN]
    # baseline: no, yes, no → 1 / 3 said yes (index 33.3 %); endline: yes, yes, no → 2 / 3 (66.7 %)
    assert yes_no.phases[Phase.BASELINE].n == 3
    assert yes_no.phases[Phase.BASELINE].mean == pytest.approx(1 / 3)
    assert yes_no.phases[Phase.BASELINE].index == pytest.approx(100 / 3)
    assert yes_no.phases[Phase.ENDLINE].index == pytest.approx(200 / 3)
    assert yes_no.comparison is None and yes_no.texts == []


def test_anonymous_answers_count_in_the_phase_but_never_pair(questionnaire, program):
    link = QuestionnaireLink.objects.create(
        instrument=questionnaire, phase=Phase.ENDLINE, expires_at=timezone.now() + dt.timedelta(days=1)
    )
    first = questionnaire.items_by_text[L1]
    services.response_record(
        instrument=questionnaire, answers=[(first, 1.0, "")], phase=Phase.ENDLINE, date=program.end_date, link=link
    )
    _, items = results_by_text(questionnaire)
    endline = items[L1].phases[Phase.ENDLINE]
    # the phase has four answers now: 4, 5, 5, 1 → 15 / 4 = 3.75
    assert endline.n == 4 and endline.mean == pytest.approx(3.75)
    # the comparison stays on the three teachers who answered both times: 14 / 3
    assert items[L1].comparison.paired
    assert items[L1].comparison.after.n == 3
    assert items[L1].comparison.after.mean == pytest.approx(14 / 3)


def test_a_questionnaire_answered_only_anonymously_is_compared_unpaired(program):
    instrument = Instrument.objects.create(
        program=program, kind=InstrumentKind.QUESTIONNAIRE, title="Angket Orang Tua", audience=PersonKind.PARENT
    )
    item = Item.objects.create(instrument=instrument, text="Saya hadir.")
    for phase, values in ((Phase.BASELINE, [2, 3, 4]), (Phase.ENDLINE, [3, 4, 5, 4])):
        link = QuestionnaireLink.objects.create(
            instrument=instrument, phase=phase, expires_at=timezone.now() + dt.timedelta(days=1)
        )
        for value in values:
            services.response_record(
                instrument=instrument, answers=[(item, float(value), "")], phase=phase, date=program.start_date,
                link=link,
            )  # fmt: skip
    c = instrument_results(instrument).items[0].comparison
    # no respondent is known: unpaired; pooled d = (4 - 3) / √((2·1 + 3·0.6667) / 5) = 1.118034
    assert not c.paired and c.t is None
    assert (c.before.n, c.after.n) == (3, 4)
    assert c.effect == pytest.approx(1.118034, abs=1e-6)


# --- the program: evidence per aspect from each source ----------------------------------------------------------


def monday(program, week):
    return program.week_range(week)[0]


@pytest.fixture
def evaluated(program, facilitator, teachers, questionnaire):
    """Every source: the questionnaire above (teacher participation and competence), an observation sheet
    (student engagement, and one item on teacher participation), interviews (learning community), forum sessions
    with attendance and other sessions (the activities' indicators)."""
    sheet = Instrument.objects.create(
        program=program, kind=InstrumentKind.OBSERVATION, title="Lembar Observasi", audience=PersonKind.STUDENT,
        scale=[dict(point) for point in OBSERVATION_SCALE],
    )  # fmt: skip
    engaged = Item.objects.create(
        instrument=sheet, order=1, text="Siswa aktif.", aspect=aspect(program, StandardAspect.STUDENT_ENGAGEMENT)
    )
    present = Item.objects.create(
        instrument=sheet, order=2, text="Guru hadir.", required=False,
        aspect=aspect(program, StandardAspect.TEACHER_PARTICIPATION),
    )  # fmt: skip
    # (week, engaged 4–1, teachers present 4–1 or None)
    for week, first, second in [(1, 2, 2), (2, 1, None), (2, 3, None), (9, 4, None), (10, 3, 4)]:
        answers = [(engaged, float(first), "")] + ([(present, float(second), "")] if second else [])
        services.response_record(
            instrument=sheet, answers=answers, phase=Phase.WEEKLY, date=monday(program, week) + dt.timedelta(days=2),
            user=facilitator,
        )  # fmt: skip

    guide = Instrument.objects.create(
        program=program, kind=InstrumentKind.INTERVIEW, title="Wawancara", audience=PersonKind.TEACHER
    )
    question = Item.objects.create(
        instrument=guide,
        text="Kendala?",
        type=ItemType.LONG_TEXT,
        aspect=aspect(program, StandardAspect.LEARNING_COMMUNITY),
    )
    for number, person in enumerate([*teachers.values(), teachers["A"]], start=1):
        services.response_record(
            instrument=guide, answers=[(question, None, f"Jawaban {number}")], phase=Phase.ENDLINE,
            date=program.end_date - dt.timedelta(days=number), respondent=person, user=facilitator,
        )  # fmt: skip

    # Forum sessions in weeks 1, 2, 9 and 10 with 1, 2, 3 and 3 of the 3 teachers present; in week 1 another
    # session is planned but not held and one is cancelled; in week 10 another is held.
    people = list(teachers.values())
    for week, how_many in [(1, 1), (2, 2), (9, 3), (10, 3)]:
        forum = ForumSessionFactory(
            session__program=program, session__date=monday(program, week) + dt.timedelta(days=1)
        )
        for person in people[:how_many]:
            AttendanceFactory(session=forum.session, person=person, status="present")
    SessionFactory(program=program, date=monday(program, 1) + dt.timedelta(days=3), status="planned")
    SessionFactory(program=program, date=monday(program, 1) + dt.timedelta(days=4), status="cancelled")
    SessionFactory(program=program, date=monday(program, 10) + dt.timedelta(days=3), status="held")
    return {evaluation.aspect.key: evaluation for evaluation in program_evaluation(program)}


def test_observations_give_early_and_late_weeks(evaluated):
    engagement = evaluated[StandardAspect.STUDENT_ENGAGEMENT]
    [observed] = engagement.observations
    # index per answer = score / 4 · 100. Week 1: 2 → 50; week 2: 1 and 3 → 25 and 75, mean 50; week 9: 4 → 100;
    # week 10: 3 → 75. Early: weeks 1–2, (50 + 50) / 2 = 50; late: weeks 9–10, (100 + 75) / 2 = 87.5; n = 5
    assert (observed.before, observed.after, observed.unit, observed.n) == (50.0, 87.5, "%", 5)
    assert (observed.before_label, observed.after_label) == ("weeks 1–2", "weeks 9–10")
    assert observed.source == Source.OBSERVATION and observed.label == "Lembar Observasi"
    assert observed.change == 37.5
    # the only source for this row: flagged, not triangulated
    assert engagement.sources == [Source.OBSERVATION]
    assert engagement.single_source


def test_an_observation_item_answered_in_two_weeks_compares_one_week_each(evaluated):
    [observed] = evaluated[StandardAspect.TEACHER_PARTICIPATION].observations
    # answered in week 1 (2 of 4 → 50 %) and week 10 (4 of 4 → 100 %) only: span 1, one week each end
    assert (observed.before, observed.after, observed.n) == (50.0, 100.0, 2)
    assert (observed.before_label, observed.after_label) == ("week 1", "week 10")


def test_questionnaires_give_baseline_and_endline_with_the_item_that_changed_most(evaluated):
    participation = evaluated[StandardAspect.TEACHER_PARTICIPATION]
    scale, best = participation.questionnaires
    # the scale (see test_the_scale_of_each_aspect): 6.5 / 3 → 13 / 3, paired, n = 3
    assert scale.label == "Angket Guru"
    assert scale.before == pytest.approx(6.5 / 3) and scale.after == pytest.approx(13 / 3)
    assert (scale.unit, scale.n, scale.note) == ("of 5", 3, "paired")
    assert (scale.before_label, scale.after_label) == ("baseline", "endline")
    # L1 rose by 7 / 3, the reversed L2 by 2: L1 is the item that changed most
    assert best.label == f"“{L1.rstrip('.')}”"  # the quote without its full stop (no "belajar.”:")
    assert best.before == pytest.approx(7 / 3) and best.after == pytest.approx(14 / 3)


def test_activity_indicators_come_through_the_plug_in_contract(evaluated):
    participation = evaluated[StandardAspect.TEACHER_PARTICIPATION]
    attendance = next(e for e in participation.activity if e.label == "Teachers present at the forum")
    # forums.teachers_present: week 1: 1 of 3 → 33 %, week 2: 2 of 3 → 67 %, weeks 9 and 10: 3 of 3 → 100 %.
    # early (33 + 67) / 2 = 50; late (100 + 100) / 2 = 100
    assert (attendance.before, attendance.after, attendance.unit) == (50.0, 100.0, "%")
    assert (attendance.before_label, attendance.after_label) == ("weeks 1–2", "weeks 9–10")
    # observations, questionnaire and activity records: triangulated
    assert participation.sources == [Source.OBSERVATION, Source.QUESTIONNAIRE, Source.ACTIVITY]
    assert not participation.single_source

    community = evaluated[StandardAspect.LEARNING_COMMUNITY]
    [held] = community.activity
    # komunitas.sessions_held, all activities: week 1: 1 held of 2 planned (the cancelled one is not planned)
    # → 50 %; week 2: 1 of 1 → 100 %; week 9: 1 of 1; week 10: 2 of 2 → 100 %. Early (50 + 100) / 2 = 75
    assert held.label == "Planned sessions held, all activities"
    assert (held.before, held.after) == (75.0, 100.0)


def test_interviews_count_as_a_source_with_their_quotes(evaluated):
    community = evaluated[StandardAspect.LEARNING_COMMUNITY]
    # four answers about it; the three newest (dated end - 1, - 2, - 3 days) are quoted, newest first
    assert community.interviews == 4
    assert community.quotes == ["Jawaban 1", "Jawaban 2", "Jawaban 3"]
    assert community.sources == [Source.INTERVIEW, Source.ACTIVITY]
    assert not community.single_source
    assert community.evidence == community.activity  # interviews are quoted, not measured


def test_an_aspect_without_any_source_is_flagged(evaluated):
    parents = evaluated[StandardAspect.PARENT_INVOLVEMENT]
    assert parents.evidence == [] and parents.sources == [] and parents.single_source


def test_every_aspect_is_evaluated_in_order(evaluated, program):
    assert list(evaluated) == [key for key, *_rest in TABLE_1]


# --- the summary page on the demo program -----------------------------------------------------------------------


@pytest.fixture
def demo(db):
    from komunitas.demo import seed

    [result] = seed(today=timezone.localdate())
    return result.program


def summary_rows(html: str) -> list[str]:
    body = html[html.index("<tbody>") : html.index("</tbody>")]
    return re.findall(r"<tr>(.*?)</tr>", body, flags=re.S)


def test_the_summary_table_of_the_demo_has_the_papers_rows_with_evidence(client, demo):
    client.force_login(get_user_model().objects.get(username="kepsek"))
    response = client.get(reverse("evaluation:summary", args=[demo.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    rows = summary_rows(html)
    assert len(rows) == 5
    for row, (_key, name, initial, final, indicator) in zip(rows, TABLE_1, strict=True):
        text = row.replace("&amp;", "&")
        for wording in (name, initial, final, indicator):
            assert wording in text, f"{wording!r} missing from the row of {name}"
        assert 'class="evidence-list"' in row and "No measured evidence yet." not in row, name
    assert "Kehadiran & diskusi meningkat" in html.replace("&amp;", "&")
    assert "Sudah ada namun tidak rutin" in html and "Aktif dan terjadwal" in html
    # in English, decimals have a point
    assert re.search(r"\d\.\d%", html) and not re.search(r"\d,\d%", html)


def test_the_summary_table_writes_decimals_with_a_comma_in_indonesian(client, demo):
    client.force_login(get_user_model().objects.get(username="kepsek"))
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "id"
    html = client.get(reverse("evaluation:summary", args=[demo.pk])).content.decode()
    assert 'lang="id"' in html
    evidence = "".join(re.findall(r'<span class="evidence">(.*?)</span>', html, flags=re.S))
    assert re.search(r"\d,\d%", evidence), evidence[:500]
    assert not re.search(r"\d\.\d", evidence), evidence[:500]
    assert "Partisipasi Guru" in html and "Komunitas Belajar" in html
