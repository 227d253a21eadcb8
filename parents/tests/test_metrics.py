"""The parent classes' weekly numbers that the dashboard, the evaluation and the report read."""

import datetime as dt

import pytest

from komunitas.models import Participant, PersonKind, Program
from komunitas.tests.factories import AttendanceFactory, SessionFactory
from parents.metrics import parent_weekly, reach
from parents.tests.factories import ContributionFactory, DialogueNoteFactory, ParentFactory, class_on

DAY, WEEK = dt.timedelta(days=1), dt.timedelta(days=7)


def test_weekly_numbers(program, parents, facilitator):
    start = program.start_date
    first = class_on(program, start + DAY, present=parents[:2], absent=parents[2:3]).session
    class_on(program, start + 3 * DAY, present=[*parents[:1], facilitator.person])  # counted once; not a parent
    class_on(program, start + WEEK, status="planned")  # week 2: planned, not held
    class_on(program, start + WEEK + DAY, status="cancelled")  # not planned any more
    third = class_on(
        program, start + 2 * WEEK, present=[ParentFactory(school=program.school)]
    ).session  # not taking part
    forum = SessionFactory(program=program, kind="forum", date=start + 2 * WEEK)  # not a parent class
    AttendanceFactory(session=forum, person=parents[3])
    ContributionFactory(program=program, parent=parents[0], date=start)
    ContributionFactory(program=program, parent=parents[1], date=start + 6 * DAY, session=first)
    ContributionFactory(program=program, parent=parents[1], date=start + 2 * WEEK)
    ContributionFactory(program=program, parent=parents[1], date=start - DAY)  # before the program: no week
    DialogueNoteFactory(session=first, tag="experience")
    DialogueNoteFactory(session=first, tag="obstacle", parent=parents[0])
    DialogueNoteFactory(session=first, tag="obstacle")
    DialogueNoteFactory(session=third, tag="hope")
    DialogueNoteFactory(session=forum, tag="hope")  # not a parent class

    rows = parent_weekly(program)

    assert [row.week for row in rows] == list(range(1, 11))
    one, two, three = rows[:3]
    assert (one.planned, one.held, two.planned, two.held, three.held) == (2, 2, 1, 0, 1)
    assert (one.parents_present, one.parents_total, one.present_share, one.present_percent) == (2, 4, 0.5, 50)
    assert (two.present_share, two.present_percent) == (None, None)  # no class: no figure, not 0
    assert (three.parents_present, three.present_percent) == (0, 0)
    assert [row.contributions for row in rows[:4]] == [2, 0, 1, 0]
    assert one.notes == {"experience": 1, "obstacle": 2, "hope": 0} and one.note_count == 3
    assert three.notes == {"experience": 0, "obstacle": 0, "hope": 1} and two.note_count == 0
    assert reach(rows) == (2, 4)


def test_each_week_counts_the_parents_taking_part_then(program, parents):
    start = program.start_date
    Participant.objects.filter(person=parents[3]).update(left_on=start + 2 * DAY)
    late = ParentFactory(school=program.school)
    Participant.objects.create(program=program, person=late, role=PersonKind.PARENT, joined_on=start + WEEK)
    class_on(program, start + DAY, present=[parents[0], late])  # late had not joined yet
    class_on(program, start + WEEK + DAY, present=[parents[0], late])
    rows = parent_weekly(program)
    assert (rows[0].parents_present, rows[0].parents_total) == (1, 4)
    assert (rows[1].parents_present, rows[1].parents_total, rows[1].present_percent) == (2, 4, 50)
    assert reach(rows) == (2, 5)


def test_a_program_without_parents_has_no_share(program):
    class_on(program, program.start_date)
    assert parent_weekly(program)[0].present_share is None


def test_another_programs_records_are_not_counted(program, parents, outsider):
    other = Program.objects.get(name="Program lain")
    session = class_on(other, other.start_date + DAY, present=parents[:1]).session
    ContributionFactory(program=other, date=other.start_date + DAY)
    DialogueNoteFactory(session=session)
    rows = parent_weekly(program)
    assert all(row.held == 0 and row.contributions == 0 and row.note_count == 0 for row in rows)


@pytest.mark.parametrize("size", [1, 8])
def test_it_costs_a_fixed_number_of_queries(program, parents, size, django_assert_num_queries):
    for index in range(size):
        session = class_on(program, program.start_date + index * DAY, present=parents).session
        ContributionFactory(program=program, parent=parents[index % 4], date=session.date, session=session)
        DialogueNoteFactory(session=session, parent=parents[index % 4])
    # parent classes, participating parents, parents present, contributions' dates, dialogue notes
    with django_assert_num_queries(5):
        rows = parent_weekly(program)
    assert sum(row.held for row in rows) == size and sum(row.contributions for row in rows) == size
    assert sum(row.note_count for row in rows) == size


def test_the_evaluation_reads_three_weekly_indicators(program, parents, django_assert_num_queries):
    """Parent involvement (Table 1): parents present in %, contributions, dialogue notes; one read of
    ``parent_weekly`` for the three."""
    from komunitas import activities

    session = class_on(program, program.start_date + DAY, present=parents[:3]).session
    ContributionFactory(program=program, parent=parents[0], date=session.date, session=session)
    DialogueNoteFactory(session=session)
    DialogueNoteFactory(session=session, tag="obstacle")
    ContributionFactory(program=program, parent=parents[0], date=program.start_date + 3 * WEEK)  # between classes
    with activities.only("parents"), django_assert_num_queries(5):
        values = {
            indicator.key: (indicator.aspect, weekly) for indicator, weekly in activities.weekly_indicators(program)
        }
    assert values == {
        "parents.parents_present": ("parent_involvement", [75] + [None] * 9),
        "parents.contributions": ("parent_involvement", [1, None, None, 1] + [None] * 6),
        "parents.dialogue_notes": ("parent_involvement", [2] + [None] * 9),
    }
