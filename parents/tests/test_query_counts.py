"""The parent classes' pages cost the same number of queries with little or much data (each query named)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from komunitas.models import Participant, PersonKind
from komunitas.tests.factories import AttendanceFactory
from parents.models import Contribution
from parents.tests.factories import DialogueNoteFactory, FollowUpFactory, ParentClassFactory, ParentFactory

# Every page starts with 3: the session, the user, the program with the user's role.
PAGES = {
    # + the classes' count (paginator), the classes with their record, speaker and four counts, the parents in the
    # program
    "index": (lambda p, s: reverse("parents:index", args=[p.pk]), {"facilitator": 6, "district_officer": 6}),
    # + the class with its record and creator's role, attendance with people, attachments, the parents in the
    # program, notes, contributions, follow-ups (+ for those who log: the students of the upload form, the check-in
    # links with their counts, the names waiting)
    "detail": (lambda p, s: reverse("parents:detail", args=[p.pk, s.pk]), {"facilitator": 13, "district_officer": 10}),
    # + the classes (the filter's choices), the notes with their class and parent
    "dialogue": (lambda p, s: reverse("parents:dialogue", args=[p.pk]), {"facilitator": 5, "district_officer": 5}),
    # + the parents (the filter's choices, for those who see names), the count, the page of contributions
    "contributions": (
        lambda p, s: reverse("parents:contributions", args=[p.pk]),
        {"facilitator": 6, "district_officer": 5},
    ),
    # + the count, the page of follow-ups with their class
    "follow_ups": (lambda p, s: reverse("parents:follow_ups", args=[p.pk]), {"facilitator": 5, "district_officer": 5}),
}


def _grow(program, users, size):
    """``size`` parents joining the program, and ``size`` classes each with every parent present, and ``size``
    notes, contributions and follow-ups (by the facilitator and the teacher in turn)."""
    parents = [ParentFactory(school=program.school) for _ in range(size)]
    Participant.objects.bulk_create(Participant(program=program, person=p, role=PersonKind.PARENT) for p in parents)
    first = None
    for index in range(size):
        speaker = parents[0] if index % 2 else None
        session = ParentClassFactory(session__program=program, speaker_kind="parent", speaker=speaker).session
        first = first or session
        author = users["facilitator"] if index % 2 else users["teacher"]
        for number, parent in enumerate(parents):
            AttendanceFactory(session=session, person=parent)
            DialogueNoteFactory(session=session, parent=parent, tag=["hope", "obstacle"][number % 2], created_by=author)
            Contribution.objects.create(
                program=program, parent=parent, session=session, kind="shared", date=session.date, created_by=author
            )
            FollowUpFactory(session=session, created_by=author)
    return first


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("role", ["facilitator", "district_officer"])
def test_query_count_is_flat(client, program, users, page, role):
    url_of, expected = PAGES[page]
    counts = []
    for size in (2, 6):
        session = _grow(program, users, size)
        client.force_login(users[role])
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url_of(program, session)).status_code == 200
        counts.append(len(queries))
    assert counts == [expected[role], expected[role]], "\n".join(q["sql"] for q in queries.captured_queries)
