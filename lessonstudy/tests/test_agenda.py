"""The reflection meeting's agenda, built from the observers' notes: by tag (NoteTag's order, untagged last), within
each by group of students (the note's, else its students' seats'; "no group" last), each in time order; its
printable page; and the pages' query counts at two sizes."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from komunitas.access import program_access_for
from komunitas.models import Participant, PersonKind
from komunitas.tests.factories import StudentFactory
from lessonstudy.models import NoteTag, ObservationNote, Seat
from lessonstudy.reflections import reflection_agenda
from lessonstudy.tests.factories import CycleFactory, ObservationNoteFactory, OpenLessonFactory, ReflectionFactory

M, Q, E = NoteTag.MISCONCEPTION, NoteTag.QUESTION, NoteTag.ENGAGEMENT


@pytest.fixture
def lesson_cycle(program, teacher, students):
    """A cycle whose open lesson starts at 08:00; Ani and Budi sit in Kelompok 10, Citra in Kelompok 2, Dodi has a
    seat without a group."""
    cycle = CycleFactory(program=program, model_teacher=teacher.person, team=[teacher.person])
    lesson = OpenLessonFactory(cycle=cycle, session__start_time=dt.time(8), session__end_time=dt.time(9, 20)).session
    for column, (student, group) in enumerate(zip(students, ["Kelompok 10", "Kelompok 10", "Kelompok 2", ""]), 1):
        Seat.objects.create(cycle=cycle, row=1, column=column, person=student, group=group)
    return cycle, lesson


def _note(lesson, observer, minute, tag, *, group="", students=(), late=False, text=None):
    start = timezone.make_aware(dt.datetime.combine(lesson.date, dt.time(8)))
    note = ObservationNoteFactory(
        session=lesson,
        observer=observer,
        noted_at=start + dt.timedelta(minutes=minute),
        tag=tag,
        group=group,
        late=late,
        text=text or f"{tag or 'none'}-{group or 'seat'}-{minute}",
    )
    note.students.set(students)
    return note


def _shape(agenda):
    return [
        (section.tag, section.count, [(group.label, [note.text for note in group.notes]) for group in section.groups])
        for section in agenda.sections
    ]


def test_notes_are_grouped_by_tag_then_group_in_time_order(lesson_cycle, teacher, other_teacher, students):
    cycle, lesson = lesson_cycle
    ani, budi, citra, dodi = students
    observer, other = teacher.person, other_teacher.person
    # Typed out of order, across tags × groups × times.
    _note(lesson, other, 40, Q, group="Kelompok 2", text="q-k2-40")
    _note(lesson, observer, 5, M, students=[citra], text="m-citra-5")  # Citra's seat: Kelompok 2
    _note(lesson, observer, 30, "", text="none-30")
    _note(lesson, other, 25, M, group="Kelompok 10", text="m-k10-25")
    _note(lesson, observer, 10, M, students=[ani, budi], text="m-ani-budi-10")  # both of Kelompok 10
    _note(lesson, observer, 15, M, students=[dodi], text="m-dodi-15")  # a seat without a group
    _note(lesson, other, 20, Q, students=[ani, citra], text="q-two-groups-20")  # two groups, named both
    _note(lesson, observer, 2, M, text="m-nogroup-2")
    _note(lesson, other, 3, E, group="Kelompok 2", text="e-k2-3", late=True)
    agenda = reflection_agenda(program_access_for(teacher, cycle.program_id), cycle)
    assert _shape(agenda) == [
        ("engagement", 1, [("Kelompok 2", ["e-k2-3"])]),
        (
            "misconception",
            5,
            [
                ("Kelompok 2", ["m-citra-5"]),
                ("Kelompok 10", ["m-ani-budi-10", "m-k10-25"]),  # naturally sorted: 2 before 10
                ("", ["m-nogroup-2", "m-dodi-15"]),  # no group last, in time order
            ],
        ),
        ("question", 2, [("Kelompok 2", ["q-k2-40"]), ("Kelompok 2, Kelompok 10", ["q-two-groups-20"])]),
        ("", 1, [("", ["none-30"])]),  # untagged notes last
    ]
    assert agenda.note_count == 9 and agenda.names and not agenda.several_lessons
    two = agenda.sections[2].groups[1].notes[0]
    assert (two.student_names, two.student_count) == (["Ani Lestari", "Citra Dewi"], 2)


def test_the_question_section_sorts_groups_naturally(lesson_cycle, teacher):
    cycle, lesson = lesson_cycle
    for group in ["Kelompok 10", "kelompok 3", "Kelompok 2", ""]:
        _note(lesson, teacher.person, 1, Q, group=group)
    agenda = reflection_agenda(program_access_for(teacher, cycle.program_id), cycle)
    assert [group.label for group in agenda.sections[0].groups] == ["Kelompok 2", "kelompok 3", "Kelompok 10", ""]


def test_only_this_cycles_lessons_count(lesson_cycle, teacher, program):
    cycle, lesson = lesson_cycle
    _note(lesson, teacher.person, 1, Q, text="mine")
    other = OpenLessonFactory(cycle=CycleFactory(program=program, model_teacher=teacher.person)).session
    _note(other, teacher.person, 1, Q, text="another cycle's")
    second = OpenLessonFactory(cycle=cycle, session__date=lesson.date + dt.timedelta(days=7)).session
    _note(second, teacher.person, 1, Q, text="second lesson")
    agenda = reflection_agenda(program_access_for(teacher, cycle.program_id), cycle)
    assert _shape(agenda) == [("question", 2, [("", ["mine", "second lesson"])])] and agenda.several_lessons


def test_those_who_may_not_see_children_read_a_student(lesson_cycle, teacher, district_officer, students):
    cycle, lesson = lesson_cycle
    _note(lesson, teacher.person, 1, Q, students=students[:2])
    agenda = reflection_agenda(program_access_for(district_officer, cycle.program_id), cycle)
    note = agenda.sections[0].groups[0].notes[0]
    assert (note.student_names, note.student_count, agenda.names) == ([], 2, False)
    assert agenda.sections[0].groups[0].label == "Kelompok 10"  # groups are not personal


def test_district_officers_read_the_agendas_counts_not_what_the_notes_say(
    client, lesson_cycle, teacher, district_officer, students
):
    """A note's words may name a child ("Citra menjumlah penyebut."): the district reads how many notes, by tag and
    group, on the meeting's page and on its printed agenda — the lesson's page shows them no notes either."""
    cycle, lesson = lesson_cycle
    session = ReflectionFactory(cycle=cycle).session
    _note(lesson, teacher.person, 5, M, students=[students[2]], text="Citra menjumlah penyebut.")
    client.force_login(district_officer)
    for name in ["lessonstudy:reflection", "lessonstudy:agenda"]:
        page = client.get(reverse(name, args=[cycle.program_id, session.pk])).content.decode()
        assert "Misconception" in page and "Citra" not in page, name
    client.force_login(teacher)
    page = client.get(reverse("lessonstudy:agenda", args=[cycle.program_id, session.pk])).content.decode()
    assert "Citra menjumlah penyebut." in page


def test_the_printable_agenda(client, lesson_cycle, teacher, students):
    cycle, lesson = lesson_cycle
    session = ReflectionFactory(cycle=cycle).session
    _note(lesson, teacher.person, 5, M, students=[students[2]], text="Citra menjumlah penyebut.")
    _note(lesson, teacher.person, 90, Q, text="Bertanya setelah pelajaran.", late=True)
    client.force_login(teacher)
    page = client.get(reverse("lessonstudy:agenda", args=[cycle.program_id, session.pk])).content.decode()
    order = ["The model teacher speaks first", teacher.person.name, "Misconception", "Kelompok 2", "08:05"]
    order += ["Citra menjumlah penyebut.", "Citra Dewi", "Question", "No group", "09:30", ">late<", "Findings"]
    positions = [page.index(text) for text in order]
    assert positions == sorted(positions)
    assert "from 2 notes" in page and "data-print" in page


def test_an_agenda_without_notes_says_so(client, lesson_cycle, teacher):
    cycle, _lesson = lesson_cycle
    session = ReflectionFactory(cycle=cycle).session
    client.force_login(teacher)
    for name in ["lessonstudy:agenda", "lessonstudy:reflection"]:
        page = client.get(reverse(name, args=[cycle.program_id, session.pk])).content.decode()
        assert "The model teacher speaks first" in page and 'data-testid="agenda-empty"' in page


# --- query counts -------------------------------------------------------------------------------------------------


def _grow(cycle, lesson, observers, size):
    """``size`` students seated in groups, and ``size`` notes by each observer about them, in every tag."""
    students = [StudentFactory(school=cycle.program.school) for _ in range(size)]
    Participant.objects.bulk_create(
        Participant(program=cycle.program, person=s, role=PersonKind.STUDENT) for s in students
    )
    taken = Seat.objects.filter(cycle=cycle).count()
    for index, student in enumerate(students, taken):
        row, column = 1 + index // 12, 1 + index % 12
        Seat.objects.create(cycle=cycle, row=row, column=column, person=student, group=f"K{index % 3}")
    tags = [*NoteTag.values, ""]
    for observer in observers:
        for index in range(size):
            note = _note(lesson, observer, index, tags[index % len(tags)], group="K9" if index % 4 == 0 else "")
            note.students.set(students[index % size : index % size + 2])


# Every page starts with 3: the session, the user, the program with the user's role.
# + the meeting with its cycle and model teacher, attendance with people, attachments with consent flags, the notes
# with their observers, their students, the seats' groups (+ the students of the upload form, for those who log).
PAGES = {"lessonstudy:reflection": {"facilitator": 10, "district_officer": 9}, "lessonstudy:agenda": 7}


@pytest.mark.parametrize("name", PAGES)
@pytest.mark.parametrize("role", ["facilitator", "district_officer"])
def test_query_count_is_flat(client, users, lesson_cycle, teacher, other_teacher, name, role):
    cycle, lesson = lesson_cycle
    session = ReflectionFactory(cycle=cycle).session
    expected = PAGES[name][role] if isinstance(PAGES[name], dict) else PAGES[name]
    client.force_login(users[role])
    counts = []
    for size in (2, 6):
        _grow(cycle, lesson, [teacher.person, other_teacher.person], size)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse(name, args=[cycle.program_id, session.pk])).status_code == 200
        counts.append(len(queries))
    assert ObservationNote.objects.count() == 16
    assert counts == [expected, expected], "\n".join(q["sql"] for q in queries.captured_queries)
