"""seed_demo gives the forum ten weeks of plausible data: participation, feedback and methods growing."""

import datetime as dt
import io

import pytest
from django.core.management import call_command

from forums.metrics import forum_weekly
from forums.models import ForumSession, PeerFeedback, PracticeLog, Reflection
from komunitas import demo
from komunitas.models import Program

TODAY = dt.date(2026, 11, 28)


@pytest.fixture
def seeded(db):
    demo.seed(today=TODAY)
    return Program.objects.get()


def test_every_forum_session_gets_its_record(seeded):
    forums = ForumSession.objects.filter(session__program=seeded)
    assert forums.count() == 10
    held = forums.filter(session__status="held")
    assert all(forum.presenters.exists() and forum.practice and forum.follow_ups.exists() for forum in held)
    # Presenters of a held session were there.
    for forum in held:
        present = set(forum.session.attendance.filter(status="present").values_list("person_id", flat=True))
        assert set(forum.presenters.values_list("pk", flat=True)) <= present


def test_the_numbers_grow_over_the_weeks(seeded):
    rows = forum_weekly(seeded)
    first, last = rows[:3], rows[-3:]
    assert sum(r.teachers_present for r in last) > sum(r.teachers_present for r in first)
    assert sum(r.feedback for r in last) > sum(r.feedback for r in first)
    assert sum(r.reflections for r in last) > sum(r.reflections for r in first)
    assert rows[-1].methods_to_date_per_teacher > rows[0].methods_to_date_per_teacher + 2
    assert PeerFeedback.objects.filter(anonymous=True).exists()
    assert Reflection.objects.exists() and PracticeLog.objects.filter(forum__isnull=False).exists()


def test_a_second_run_changes_nothing(seeded):
    counts = (PeerFeedback.objects.count(), Reflection.objects.count(), PracticeLog.objects.count())
    call_command("seed_demo", stdout=io.StringIO())
    assert (PeerFeedback.objects.count(), Reflection.objects.count(), PracticeLog.objects.count()) == counts
