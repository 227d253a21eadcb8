"""The clubs' weekly numbers and 4C summary that the dashboard, the evaluation and the report read."""

import datetime as dt

import pytest

from komunitas.tests.factories import AttendanceFactory, SessionFactory, StudentFactory
from projects.metrics import club_weekly, skill_summary
from projects.models import Phase, Skill
from projects.tests.factories import ClubFactory, ClubMeetingFactory, ProjectFactory
from projects.tests.figures_data import add_artifact, assess

DAY, WEEK = dt.timedelta(days=1), dt.timedelta(days=7)


@pytest.fixture
def club(program, teacher, students):
    return ClubFactory(program=program, mentors=[teacher.person], members=students[:3])


def meeting(club, day, status="held"):
    return ClubMeetingFactory(club=club, session__date=day, session__status=status).session


def test_weekly_numbers(program, club, students, facilitator):
    start = program.start_date
    first, second = meeting(club, start + DAY), meeting(club, start + 3 * DAY)
    meeting(club, start + WEEK, status="planned")  # week 2: planned, not held
    third = meeting(club, start + 2 * WEEK)  # week 3: held, nobody marked present
    AttendanceFactory(session=first, person=students[0])
    AttendanceFactory(session=first, person=students[1])
    AttendanceFactory(session=first, person=students[2], status="absent")
    AttendanceFactory(session=second, person=students[0])  # counted once in the week
    AttendanceFactory(session=second, person=facilitator.person)  # not a student
    AttendanceFactory(session=third, person=StudentFactory(school=program.school))  # not taking part
    forum = SessionFactory(program=program, kind="forum", date=start + 2 * WEEK)  # not a club meeting
    AttendanceFactory(session=forum, person=students[3])
    project = ProjectFactory(club=club)
    add_artifact(project, [students[0]], day=start)
    add_artifact(project, [students[1]], day=start + 6 * DAY)
    add_artifact(project, [], day=start + 2 * WEEK)
    assess(club, students[0], Skill.CRITICAL_THINKING, 1)
    assess(club, students[1], Skill.CRITICAL_THINKING, 2)
    assess(club, students[0], Skill.CREATIVITY, 3, phase=Phase.WEEKLY, week=3)
    assess(club, students[0], Skill.CRITICAL_THINKING, 4, phase=Phase.ENDLINE)

    rows = club_weekly(program)

    assert [row.week for row in rows] == list(range(1, 11))
    one, two, three = rows[:3]
    assert (one.planned, one.held, two.planned, two.held, three.held) == (2, 2, 1, 0, 1)
    assert (one.students_present, one.students_total, one.present_share, one.present_percent) == (2, 4, 0.5, 50)
    assert (two.present_share, two.present_percent) == (None, None)  # no meeting: no figure, not 0
    assert (three.students_present, three.present_percent) == (0, 0)
    assert [row.artifacts for row in rows[:4]] == [2, 0, 1, 0]
    assert one.skill_average == 1.5 and three.skill_average == 3 and rows[9].skill_average == 4
    assert two.skill_average is None


def test_a_program_without_students_has_no_share(program):
    meeting(ClubFactory(program=program), program.start_date)
    assert club_weekly(program)[0].present_share is None


def test_the_4c_summary_pairs_the_change(program, club, students):
    """Baseline and endline averages over everyone assessed then; the change over those assessed at both."""
    for person, score in zip(students[:3], [1, 2, 3]):
        assess(club, person, Skill.COLLABORATION, score)
    assess(club, students[0], Skill.COLLABORATION, 3, phase=Phase.ENDLINE)
    assess(club, students[1], Skill.COLLABORATION, 3, phase=Phase.ENDLINE)
    assess(club, students[3], Skill.COLLABORATION, 4, phase=Phase.ENDLINE)  # joined late: no baseline
    assess(club, students[0], Skill.COLLABORATION, 4, phase=Phase.WEEKLY, week=2)  # not in the summary

    summary = {row.skill: row for row in skill_summary(program)}

    assert list(summary) == list(Skill.values)
    row = summary[Skill.COLLABORATION]
    assert (row.baseline, row.baseline_n, row.endline, row.endline_n) == (2, 3, pytest.approx(10 / 3), 3)
    assert (row.paired_n, row.change) == (2, 1.5)  # (3 − 1 + 3 − 2) / 2
    empty = summary[Skill.CREATIVITY]
    assert (empty.baseline, empty.endline, empty.change, empty.paired_n) == (None, None, None, 0)


def test_another_programs_clubs_are_not_counted(program, club, students, outsider):
    from komunitas.models import Program

    other = ClubFactory(program=Program.objects.get(name="Program lain"))
    assess(other, students[0], Skill.CREATIVITY, 4)
    add_artifact(ProjectFactory(club=other), day=program.start_date)
    assert all(row.skill_average is None and row.artifacts == 0 for row in club_weekly(program))
    assert skill_summary(program)[1].baseline is None


@pytest.mark.parametrize("size", [1, 8])
def test_it_costs_a_fixed_number_of_queries(program, club, students, size, django_assert_num_queries):
    project = ProjectFactory(club=club)
    for index in range(size):
        session = meeting(club, program.start_date + index * DAY)
        for person in students:
            AttendanceFactory(session=session, person=person)
        add_artifact(project, students[:1], day=program.start_date + index * DAY)
        assess(club, students[index % 4], list(Skill)[index // 4 % 4], 2, phase=Phase.WEEKLY, week=1 + index)
    assess(club, students[0], Skill.CREATIVITY, 1)
    assess(club, students[0], Skill.CREATIVITY, 3, phase=Phase.ENDLINE)
    # club meetings, participating students, students present, artifacts' upload times, 4C sums by phase and week
    with django_assert_num_queries(5):
        rows = club_weekly(program)
    # baseline and endline scores
    with django_assert_num_queries(1):
        summary = skill_summary(program)
    assert sum(row.held for row in rows) == size and sum(row.artifacts for row in rows) == size
    assert summary[1].change == 2


def test_the_evaluation_reads_three_weekly_indicators(program, club, students, django_assert_num_queries):
    """Student engagement (Table 1): students present in %, artifacts added, the 4C average; one read of
    ``club_weekly`` for the three."""
    from komunitas import activities

    session = meeting(club, program.start_date + DAY)
    AttendanceFactory(session=session, person=students[0])
    add_artifact(ProjectFactory(club=club), [students[0]], day=program.start_date + DAY)
    assess(club, students[0], Skill.CREATIVITY, 2)
    assess(club, students[1], Skill.CREATIVITY, 3)
    with activities.only("projects"), django_assert_num_queries(5):
        values = {
            indicator.key: (indicator.aspect, weekly) for indicator, weekly in activities.weekly_indicators(program)
        }
    assert values == {
        "projects.students_present": ("student_engagement", [25] + [None] * 9),
        "projects.artifacts": ("student_engagement", [1] + [None] * 9),
        "projects.skills_4c": ("student_engagement", [2.5] + [None] * 9),
    }
