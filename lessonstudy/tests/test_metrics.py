"""Lesson study's weekly numbers that the dashboard, the evaluation and the report read: cycles by stage at the end
of each week, open lessons held, observers present, notes, revisions."""

import datetime as dt

import pytest

from komunitas import activities
from komunitas.models import PersonKind, Program
from komunitas.tests.factories import AttendanceFactory, PersonFactory, SessionFactory
from lessonstudy.metrics import cycle_dates, lesson_weekly, observers_reached, stages_on
from lessonstudy.tests.figures_data import at, cycle_on, lesson_on, note_on, reflection_on, version_on

DAY = dt.timedelta(days=1)


def stage_counts(row) -> tuple:
    return tuple(row.stages[stage] for stage in ["plan", "do", "see", "done"])


@pytest.fixture
def staff(program, teacher):
    """The model teacher (``teacher``) and three more teachers of the school."""
    others = [PersonFactory(school=program.school, kind=PersonKind.TEACHER, name=f"Guru {n}") for n in (2, 3, 4)]
    return [teacher.person, *others]


@pytest.fixture
def cycles(program, staff):
    """A: started in week 1, open lesson in week 2, reflection in week 3, closed in week 4. B: started in week 2,
    an open lesson planned in week 3 (not held), held in week 5, taught by the third teacher. C: started before
    the program, still planning."""
    start = program.start_date
    teacher, second, third, fourth = staff
    a = cycle_on(program, start + DAY, done=start + 22 * DAY, model_teacher=teacher)
    lesson = lesson_on(a, start + 9 * DAY, present=[teacher, second, third], absent=[fourth])
    reflection_on(a, start + 15 * DAY)
    b = cycle_on(program, start + 8 * DAY, model_teacher=third)
    lesson_on(b, start + 16 * DAY, status="planned")
    lesson_on(b, start + 30 * DAY, present=[second, third])
    reflection_on(b, start + 40 * DAY, status="planned")
    c = cycle_on(program, start - 3 * DAY)
    note_on(lesson, second, at(start + 9 * DAY, 8, 15))
    note_on(lesson, third, at(start + 9 * DAY, 8, 40), tag="misconception")
    note_on(lesson, third, at(start + 14 * DAY, 0, 30), late=True)  # typed in week 3: counts in its lesson's week 2
    version_on(a, 1, start + DAY)  # the first version is no revision
    version_on(a, 2, start + 16 * DAY)
    version_on(a, 3, start + 17 * DAY)
    version_on(b, 2, start + 29 * DAY)
    forum = SessionFactory(program=program, kind="forum", date=start + 9 * DAY)  # not an open lesson
    AttendanceFactory(session=forum, person=fourth)
    return a, b, c


def test_weekly_numbers(program, staff, cycles):
    rows = lesson_weekly(program)
    assert [row.week for row in rows] == list(range(1, 11))
    assert [stage_counts(row) for row in rows[:6]] == [
        (2, 0, 0, 0),  # A and C planning; B not started yet
        (2, 1, 0, 0),  # A's open lesson held
        (2, 0, 1, 0),  # A reflected; B's lesson only planned
        (2, 0, 0, 1),  # A closed
        (1, 1, 0, 1),  # B's open lesson held
        (1, 1, 0, 1),  # B's reflection is planned, not held
    ]
    assert [row.cycles for row in rows[:3]] == [2, 3, 3] and rows[4].active == 2
    assert [row.lessons_held for row in rows[:6]] == [0, 1, 0, 0, 1, 0]
    # The model teacher is not an observer; the absent teacher and the forum's attendance are not counted.
    assert rows[1].observer_ids == {staff[1].pk, staff[2].pk} and rows[4].observer_ids == {staff[1].pk}
    assert [row.observers for row in rows[:6]] == [0, 2, 0, 0, 1, 0]
    assert observers_reached(rows) == 2
    assert [row.notes for row in rows[:4]] == [0, 3, 0, 0]
    assert [row.revisions for row in rows[:6]] == [0, 0, 2, 0, 1, 0]


def test_stages_on_any_day(program, cycles):
    dates = cycle_dates(program)
    start = program.start_date
    assert stages_on(dates, start - 5 * DAY) == {"plan": 0, "do": 0, "see": 0, "done": 0}
    assert stages_on(dates, start + 9 * DAY) == {"plan": 2, "do": 1, "see": 0, "done": 0}
    assert stages_on(dates, start + 60 * DAY) == {"plan": 1, "do": 1, "see": 0, "done": 1}


def test_another_programs_records_are_not_counted(program, staff, outsider):
    other = Program.objects.get(name="Program lain")
    cycle = cycle_on(other, other.start_date + DAY)
    session = lesson_on(cycle, other.start_date + DAY, present=[PersonFactory(school=other.school)])
    note_on(session, PersonFactory(school=other.school), at(other.start_date + DAY))
    version_on(cycle, 2, other.start_date + DAY)
    rows = lesson_weekly(program)
    assert all(row.cycles == row.lessons_held == row.observers == row.notes == row.revisions == 0 for row in rows)


@pytest.mark.parametrize("size", [1, 6])
def test_it_costs_a_fixed_number_of_queries(program, staff, size, django_assert_num_queries):
    start = program.start_date
    for index in range(size):
        cycle = cycle_on(program, start + index * DAY, model_teacher=staff[index % 4])
        session = lesson_on(cycle, start + (index + 7) * DAY, present=staff)
        reflection_on(cycle, start + (index + 9) * DAY)
        note_on(session, staff[(index + 1) % 4], at(session.date, 8, 10))
        version_on(cycle, 2, start + (index + 10) * DAY)
    # the cycles with their stage dates, the open lessons held, who was present, the notes, the revisions
    with django_assert_num_queries(5):
        rows = lesson_weekly(program)
    assert sum(row.lessons_held for row in rows) == size == sum(row.notes for row in rows)
    assert sum(row.revisions for row in rows) == size and rows[-1].stages["see"] == size


def test_the_evaluation_reads_three_weekly_indicators(program, staff, cycles, django_assert_num_queries):
    """Observers present (teacher participation), notes (learning community), revisions (teacher competence); one
    read of ``lesson_weekly`` for the three."""
    with activities.only("lessonstudy"), django_assert_num_queries(5):
        values = {
            indicator.key: (indicator.aspect, weekly) for indicator, weekly in activities.weekly_indicators(program)
        }
    assert values == {
        "lessonstudy.observers_present": ("teacher_participation", [None, 2, None, None, 1] + [None] * 5),
        "lessonstudy.observation_notes": ("learning_community", [None, 3, None, None, 0] + [None] * 5),
        # every week has a cycle under way (C never closes)
        "lessonstudy.plan_revisions": ("teacher_competence", [0, 0, 2, 0, 1] + [0] * 5),
    }
