"""Past figures stay as they were when the roster changes: a teacher who joins mid-program counts from the day
they join, one who leaves until the day they leave, and a past session's printed list shows who took part then."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from forums.metrics import forum_weekly
from forums.tests.factories import ForumSessionFactory, MethodFactory, PracticeLogFactory
from komunitas import services
from komunitas.models import CycleTemplate, Participant, Person, PersonKind
from komunitas.tests.factories import AttendanceFactory


@pytest.fixture
def running(school):
    """A program in its third week, two teachers taking part from the start, forum sessions in weeks 1 and 3."""
    today = timezone.localdate()
    program = services.program_create(
        school=school,
        name="Berjalan",
        start_date=today - dt.timedelta(days=today.weekday(), weeks=2),
        weeks=10,
        cycle=CycleTemplate.STUDY,
    )
    teachers = [Person.objects.create(school=school, name=f"Guru {i}", kind=PersonKind.TEACHER) for i in range(2)]
    Participant.objects.bulk_create(Participant(program=program, person=p, role=PersonKind.TEACHER) for p in teachers)
    week_one = ForumSessionFactory(session__program=program, session__date=program.start_date)
    for person in teachers:
        AttendanceFactory(session=week_one.session, person=person)
    method = MethodFactory(program=program)
    for person in teachers:
        PracticeLogFactory(program=program, teacher=person, method=method, date=program.start_date)
    return program, teachers, week_one


def test_a_teacher_who_joins_in_week_three_leaves_week_one_as_it_was(running):
    program, _teachers, _session = running
    before = forum_weekly(program)[0]
    newcomer = Person.objects.create(school=program.school, name="Guru baru", kind=PersonKind.TEACHER)
    services.participants_set(program=program, people=[newcomer], participating=True)
    week_one, week_three = forum_weekly(program)[0], forum_weekly(program)[2]
    assert (week_one.teachers_present, week_one.teachers_total) == (before.teachers_present, before.teachers_total)
    assert (week_one.teachers_total, week_three.teachers_total) == (2, 3)
    assert week_one.methods_to_date_per_teacher == before.methods_to_date_per_teacher == 1.0


def test_a_teacher_who_leaves_still_counts_in_the_weeks_they_took_part(running):
    program, teachers, _session = running
    services.person_remove(person=teachers[1])  # has history: archived, leaves today
    rows = forum_weekly(program)
    assert (rows[0].teachers_present, rows[0].teachers_total) == (2, 2)
    assert rows[3].teachers_total == 1  # next week: only the one who stays


def test_a_past_sessions_list_shows_who_took_part_on_its_day(client, running, facilitator):
    program, teachers, week_one = running
    newcomer = Person.objects.create(school=program.school, name="Guru baru", kind=PersonKind.TEACHER)
    services.participants_set(program=program, people=[newcomer], participating=True)
    mistake = Person.objects.create(school=program.school, name="Guru salah", kind=PersonKind.TEACHER)
    services.participants_set(program=program, people=[mistake], participating=True)  # joins today …
    assert services.person_remove(person=mistake) == "deleted"  # … and goes without history
    assert services.person_remove(person=teachers[1]) == "archived"  # took part: still on the week-one list
    client.force_login(facilitator)
    for url in [
        reverse("attendance_print", args=[program.pk, week_one.pk]),
        reverse("forums:notulen", args=[program.pk, week_one.pk]),
    ]:
        names = [person.name for person, _record in client.get(url).context["rows"]]
        assert names == ["Guru 0", "Guru 1"], url


def test_someone_who_comes_back_leaves_the_weeks_they_were_away_as_they_were(running):
    """A second period, not a reopened first one: the weeks between stay without them."""
    from komunitas.models import Participant

    program, teachers, _session = running
    row = Participant.objects.get(person=teachers[1])
    row.left_on = program.start_date + dt.timedelta(days=3)  # left in week 1
    row.save()
    assert forum_weekly(program)[1].teachers_total == 1  # week 2: only the other one
    services.participants_set(program=program, people=[teachers[1]], participating=True)  # back, today (week 3)
    rows = forum_weekly(program)
    assert [rows[0].teachers_total, rows[1].teachers_total, rows[2].teachers_total] == [2, 1, 2]
    assert Participant.objects.filter(person=teachers[1]).count() == 2


def test_someone_who_took_part_is_archived_not_deleted(running):
    """Deleting them would shrink past figures: any part in a program on a day gone by is history."""
    program, _teachers, _session = running
    newcomer = Person.objects.create(school=program.school, name="Tanpa hadir", kind=PersonKind.TEACHER)
    Participant.objects.create(program=program, person=newcomer, role=PersonKind.TEACHER)  # from the start
    before = [row.teachers_total for row in forum_weekly(program)]
    assert services.person_remove(person=newcomer) == "archived"
    assert [row.teachers_total for row in forum_weekly(program)][:3] == before[:3]
