"""The cycles' pages cost the same number of queries with little or much data (each query named)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from komunitas.tests.factories import AttendanceFactory
from lessonstudy.tests.factories import (
    CycleFactory,
    OpenLessonFactory,
    PlanFileFactory,
    PlanVersionFactory,
    ReflectionFactory,
)

# Every page starts with 3: the session, the user, the program with the user's role.
PAGES = {
    # + the cycles with stage, model teacher and counts (a page of them), the paginator's count
    "index": (lambda p, c: reverse("lessonstudy:index", args=[p.pk]), 5),
    # + the cycle with its stage; its team, newest plan version (with the number of versions), files, open
    # lessons with present counts, reflections, next cycles
    "detail": (lambda p, c: reverse("lessonstudy:detail", args=[p.pk, c.pk]), 10),
    # + the cycle with its stage, its versions with who saved them
    "plan_versions": (lambda p, c: reverse("lessonstudy:plan_versions", args=[p.pk, c.pk]), 5),
    # + the cycle with its stage, its versions (both compared ones among them)
    "plan_compare": (lambda p, c: reverse("lessonstudy:plan_compare", args=[p.pk, c.pk]), 5),
}


def _grow(program, people, size):
    """``size`` cycles with a team of ``size``, ``size`` plan versions, files, open lessons (attendance marked)
    and reflections each."""
    first = None
    for _ in range(size):
        cycle = CycleFactory(program=program, model_teacher=people[0], team=people[:size])
        first = first or cycle
        for number in range(1, size + 1):
            PlanVersionFactory(cycle=cycle, number=number, saved_by=people[0].user)
            PlanFileFactory(cycle=cycle)
            session = OpenLessonFactory(cycle=cycle).session
            for person in people[:size]:
                AttendanceFactory(session=session, person=person)
            ReflectionFactory(cycle=cycle)
        CycleFactory(program=program, model_teacher=people[0], previous=cycle)
    return first


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("role", ["facilitator", "district_officer"])
def test_query_count_is_flat(client, program, users, teacher, other_teacher, facilitator, page, role):
    from komunitas.models import Person

    people = [teacher.person, other_teacher.person, facilitator.person]
    people += [Person.objects.create(school=program.school, name=f"Guru {n}", kind="teacher") for n in range(4)]
    url_of, expected = PAGES[page]
    counts = []
    for size in (2, 6):
        cycle = _grow(program, people, size)
        client.force_login(users[role])
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url_of(program, cycle)).status_code == 200
        counts.append(len(queries))
    assert counts == [expected, expected], "\n".join(q["sql"] for q in queries.captured_queries)
