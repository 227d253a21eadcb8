"""The evaluation's pages that list or aggregate cost the same number of queries with little or much data (each
query named): more responses of every kind, more instruments, more aspects, more photos."""

import datetime as dt

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from evaluation import services
from evaluation.models import Aspect, Instrument, InstrumentKind, Item, ItemType, Phase
from evaluation.tests.conftest import answer_all
from komunitas import services as core
from komunitas.models import Participant, Person, PersonKind
from komunitas.testing import jpeg_bytes
from komunitas.tests.factories import SessionFactory, StudentFactory
from komunitas.uploads import CleanFile

# Every page starts with 3: the session, the user, the program with the user's role. (url name, kwargs → world
# keys, role, queries)
PAGES = {
    # + the instruments with their response and item counts, the aspects with their item counts
    "index": ("evaluation:index", {}, "facilitator", 5),
    # + the aspects with their item counts
    "aspect_list": ("evaluation:aspect_list", {}, "facilitator", 4),
    # + the instrument with its response count, its items with their aspects, the answers, the responses per
    # phase, its recent links (managers)
    "instrument_detail": ("evaluation:instrument_detail", {"pk": "questionnaire"}, "facilitator", 8),
    "observation_detail": ("evaluation:instrument_detail", {"pk": "observation"}, "facilitator", 8),
    # + no links for a reader who does not manage
    "instrument_detail_teacher": ("evaluation:instrument_detail", {"pk": "questionnaire"}, "teacher", 7),
    # + the count, the filter's instruments, the page of responses with instrument, respondent, session, recorder
    "response_list": ("evaluation:response_list", {}, "facilitator", 6),
    "response_list_teacher": ("evaluation:response_list", {}, "teacher", 6),  # their own only, the same queries
    # + the aspects; the activities' weekly indicators: the forum's sessions with feedback and reflection counts,
    # its participants, its attendance, its practice logs (forums.selectors), the sessions held of planned (the
    # core), club_weekly (5: meetings, students, attendance, artifacts, 4C), parent_weekly (5), lesson_weekly (5);
    # then the instruments, the items with their aspects, the answers, the school's principal
    "triangulation": ("evaluation:triangulation", {}, "facilitator", 28),
    "summary": ("evaluation:summary", {}, "facilitator", 28),
    "summary_district": ("evaluation:summary", {}, "district_officer", 28),  # no quotes, the same queries
    # + the aspects (the filter), the count, the page of attachments with their consent flags and sessions
    "gallery": ("evaluation:gallery", {}, "facilitator", 6),
    # + the instruments, their items (prefetched), the responses with respondents and sessions, the answers
    "export_xlsx": ("evaluation:export_xlsx", {}, "facilitator", 7),
    "export_csv": ("evaluation:export_csv", {}, "facilitator", 7),
}


def _grow(world, size: int) -> None:
    """``size`` more of everything: teachers answering the teachers' questionnaire at baseline and endline, parents
    answering through the link, observations of sessions across the weeks, interviews; an aspect and an
    instrument (with answered items tied to the aspect); photos of sessions, a student tagged in each."""
    program, facilitator = world["program"], world["users"]["facilitator"]
    questionnaire, observation = world["questionnaire"], world["observation"]
    interview, parents = world["interview"], world["parents_questionnaire"]
    start = len(Person.objects.filter(school=program.school))
    aspect = Aspect.objects.create(program=program, name=f"Aspek {start}", order=50 + start)
    extra = Instrument.objects.create(
        program=program, kind=InstrumentKind.QUESTIONNAIRE, title=f"Angket {start}", audience=PersonKind.TEACHER
    )
    for number in range(3):
        Item.objects.create(instrument=extra, order=number, text=f"Butir {number}", type=ItemType.LIKERT, aspect=aspect)
    Item.objects.create(instrument=extra, order=9, text="Komentar", type=ItemType.LONG_TEXT, required=False)
    today = timezone.localdate()
    for index in range(size):
        person = Person.objects.create(school=program.school, name=f"Guru {start + index}", kind=PersonKind.TEACHER)
        Participant.objects.create(program=program, person=person, role=PersonKind.TEACHER)
        for phase, value in [(Phase.BASELINE, 2 + index % 2), (Phase.ENDLINE, 4 + index % 2)]:
            for instrument in (questionnaire, extra):
                services.response_record(
                    instrument=instrument, answers=answer_all(instrument, value), phase=phase, date=today,
                    respondent=person, user=facilitator,
                )  # fmt: skip
        services.response_record(
            instrument=parents, answers=answer_all(parents, 1 + index % 5), phase=world["link"].phase, date=today,
            link=world["link"],
        )  # fmt: skip
        session = SessionFactory(
            program=program, created_by=facilitator, date=program.start_date + dt.timedelta(days=7 * (index % 10))
        )
        services.response_record(
            instrument=observation, answers=answer_all(observation, 1 + index % 4), phase=Phase.WEEKLY,
            date=session.date, session=session, respondent=person, user=facilitator,
        )  # fmt: skip
        services.response_record(
            instrument=interview, answers=answer_all(interview, text=f"Jawaban {index}"), phase=Phase.ENDLINE,
            date=today, respondent=person, user=facilitator,
        )  # fmt: skip
        student = StudentFactory(school=program.school)
        core.attachment_add(
            session=session, clean=CleanFile(jpeg_bytes(), "image/jpeg", "jpg"), original_name="a.jpg",
            caption=f"Foto {index}", people=[student], user=facilitator,
        )  # fmt: skip


def _url(world, name: str) -> str:
    url_name, kwargs, _role, _expected = PAGES[name]
    resolved = {key: world[value].pk for key, value in kwargs.items()}
    return reverse(url_name, kwargs={"program_id": world["program"].pk, **resolved})


def test_the_evaluation_pages_cost_the_same_at_two_sizes(client, world):
    """Every page at two sizes; the data is built once for all pages (building 30 of everything is what takes
    time)."""
    for size in (2, 30):
        _grow(world, size)
        for name, (_url_name, _kwargs, role, expected) in PAGES.items():
            client.force_login(world["users"][role])
            with CaptureQueriesContext(connection) as queries:
                assert client.get(_url(world, name)).status_code == 200, name
            assert len(queries) == expected, f"{name} after growing by {size}: {len(queries)} queries, not {expected}"


def test_the_index_counts_each_instruments_responses_once(client, world):
    """Responses and items are counted over two joins: each count is distinct (before, the responses were
    multiplied by the items)."""
    _grow(world, 3)
    client.force_login(world["users"]["facilitator"])
    response = client.get(_url(world, "index"))
    shown = {instrument.pk: instrument for _kind, _label, group in response.context["groups"] for instrument in group}
    for instrument in Instrument.objects.filter(program=world["program"]):
        assert shown[instrument.pk].response_count == instrument.responses.count(), instrument.title
        assert shown[instrument.pk].item_count == instrument.items.count(), instrument.title
    questionnaire = shown[world["questionnaire"].pk]
    assert (questionnaire.response_count, questionnaire.item_count) == (1 + 2 * 3, 9)


def test_a_persons_data_page_costs_the_same_however_many_answers_they_gave(client, world):
    """Their answers were read response by response (a query each)."""
    teacher, questionnaire = world["users"]["teacher"].person, world["questionnaire"]
    url = reverse("person_data", args=[world["program"].pk, teacher.pk])
    client.force_login(world["users"]["facilitator"])
    counts = []
    for more in (1, 20):
        for _ in range(more):
            services.response_record(
                instrument=questionnaire, answers=answer_all(questionnaire), phase=Phase.WEEKLY,
                date=world["program"].start_date, respondent=teacher,
            )  # fmt: skip
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]
