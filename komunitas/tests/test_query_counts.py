"""Pages that list or aggregate cost the same number of queries with little or much data."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from komunitas import activities, audit
from komunitas.models import Attendance, Participant, Person, Session
from komunitas.tests.factories import START


def grow(program, size):
    """``size`` students and teachers, ``size`` sessions spread over the weeks, attendance for each."""
    people = Person.objects.bulk_create(
        [Person(school=program.school, name=f"Siswa {i}", kind="student", class_name="7A") for i in range(size)]
        + [Person(school=program.school, name=f"Guru {i}", kind="teacher") for i in range(size)]
    )
    Participant.objects.bulk_create(Participant(program=program, person=p, role=p.kind) for p in people)
    guardians = Person.objects.create(school=program.school, name=f"Wali {size}", kind="parent")
    guardians.guardian_of.add(*people[:size])
    sessions = Session.objects.bulk_create(
        Session(
            program=program,
            kind=["other", "reflection"][i % 2],  # the core's own kinds
            title=f"S{i}",
            status="held",
            date=START + dt.timedelta(days=(i * 3) % 70),
        )
        for i in range(size)
    )
    marks = Attendance.objects.bulk_create(
        Attendance(session=s, person=p, status="present") for s in sessions for p in people[:5]
    )
    audit.log_bulk(marks, audit.CREATE, {"status": [None, "present"]})  # the audit log grows too
    audit.record("sign_in_failed", None, username=f"guru{size}")
    return sessions


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


# Every page starts with 3 queries: the session, the user, the program with the user's role (one query).
PAGES = {
    # + stages, their checklists; the panels (komunitas/dashboard.py, not cached yet): sessions with attendance
    # counts, attendance marks of held sessions, participation periods, photos, photos lacking consent; whether
    # the program has a first-run guide (komunitas/setup_guide.py; none here)
    "program_dashboard": (lambda p, s: reverse("program_dashboard", args=[p.pk]), 11),
    # + count, the page of people (with "participant" flag), their children, the class filter's options
    "people_list": (lambda p, s: reverse("people_list", args=[p.pk]), 7),
    # + all sessions with their facilitators
    "schedule": (lambda p, s: reverse("schedule", args=[p.pk]), 4),
    # + the session, attendance with people, attachments with consent flag, the students for the upload form
    "session_detail": (lambda p, s: reverse("session_detail", args=[p.pk, s[0].pk]), 7),
    # + the session, current marks, participants (everyone recorded is on the list: no query for others)
    "attendance_edit": (lambda p, s: reverse("attendance_edit", args=[p.pk, s[0].pk]), 6),
    # + the session, marks, participants, the principal who signs
    "attendance_print": (lambda p, s: reverse("attendance_print", args=[p.pk, s[0].pk]), 7),
    # + all sessions (the feed)
    "schedule_ics": (lambda p, s: reverse("schedule_ics", args=[p.pk]), 4),
    # + count, the page of entries with their actors and content types
    "audit_log": (lambda p, s: reverse("audit_log", args=[p.pk]), 5),
    # + count, the page of sign-ins and refusals of the school's accounts
    "audit_log_access": (lambda p, s: reverse("audit_log", args=[p.pk]) + "?show=access", 5),
}


@pytest.mark.parametrize("name", PAGES)
def test_query_count_does_not_grow_with_data(client, facilitator, program, name):
    url_for, expected = PAGES[name]
    client.force_login(facilitator)
    # The core's own cost: dashboard panels of activity apps are counted by those apps' tests.
    with activities.only("komunitas"):
        sessions = grow(program, 3)
        small = count_queries(client, url_for(program, sessions))
        sessions = grow(program, 60) + sessions
        large = count_queries(client, url_for(program, sessions))
    assert (small, large) == (expected, expected), name


def test_a_persons_data_page_costs_the_same_however_much_they_did(client, facilitator, program):
    client.force_login(facilitator)
    student = Person.objects.create(school=program.school, name="Ani", kind="student", class_name="7A")
    url = reverse("person_data", args=[program.pk, student.pk])
    counts = []
    for size in (3, 60):
        sessions = grow(program, size)
        Attendance.objects.bulk_create(Attendance(session=s, person=student, status="present") for s in sessions)
        counts.append(count_queries(client, url))
    assert counts[0] == counts[1]
