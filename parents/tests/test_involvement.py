"""The parent involvement page and its levels: not yet attended → attended → active partner, and the change from
the first half of the program to the second."""

import datetime as dt

import pytest
from django.urls import reverse

from komunitas.models import Participant, PersonKind
from parents.involvement import Level, level_of, parent_involvement
from parents.tests.factories import ContributionFactory, DialogueNoteFactory, ParentFactory, class_on

DAY, WEEK = dt.timedelta(days=1), dt.timedelta(days=7)


@pytest.mark.parametrize(
    ("attended", "held", "contributions", "spoke", "level"),
    [
        (0, 4, 0, 0, Level.NOT_YET),
        (0, 0, 0, 0, Level.NOT_YET),
        (1, 4, 0, 0, Level.ATTENDED),
        (2, 4, 0, 0, Level.ATTENDED),  # half the classes but silent
        (1, 4, 0, 1, Level.ATTENDED),  # spoke once but came to a quarter
        (2, 4, 0, 1, Level.ACTIVE),  # half the classes and spoke
        (0, 4, 1, 0, Level.ACTIVE),  # a contribution between classes
    ],
)
def test_the_levels(attended, held, contributions, spoke, level):
    assert level_of(attended=attended, held=held, contributions=contributions, spoke=spoke) == level


def build(program, parents):
    """Week 1 and 2 (first half), week 7 and 8 (second half). Sari: attends all and contributes late → attended
    then, active now. Joko: attends the first two and speaks → active then, not yet now. Rina: never comes. Hasan:
    contributes between classes in week 9 only."""
    sari, joko, rina, hasan = parents
    start = program.start_date
    first = class_on(program, start + DAY, present=[sari, joko], absent=[rina]).session
    class_on(program, start + WEEK + DAY, present=[sari, joko])
    late = class_on(program, start + 6 * WEEK + DAY, present=[sari]).session
    class_on(program, start + 7 * WEEK + DAY, present=[sari])
    class_on(program, start + 8 * WEEK + DAY, status="planned", present=[rina])  # not held: not counted
    DialogueNoteFactory(session=first, parent=joko, tag="obstacle")
    ContributionFactory(program=program, parent=sari, session=late, date=late.date, kind="shared")
    ContributionFactory(program=program, parent=sari, session=late, date=late.date, kind="asked")
    ContributionFactory(program=program, parent=hasan, date=start + 8 * WEEK, kind="volunteered")


def test_each_parent_has_their_level_and_change(program, parents):
    build(program, parents)
    table = parent_involvement(program)
    rows = {row.person.name: row for row in table.parents}
    assert (table.held, table.held_then, table.held_now) == (4, 2, 2)
    sari, joko, rina, hasan = (rows[name] for name in ["Ibu Sari", "Bapak Joko", "Ibu Rina", "Bapak Hasan"])
    assert (sari.attended, sari.contribution_count, sari.level, sari.level_then, sari.level_now) == (
        4, 2, "active", "attended", "active"
    )  # fmt: skip
    assert sari.rose and sari.contribution_list == [("Shared an experience", 1), ("Asked a question", 1)]
    assert (joko.attended, joko.spoke, joko.level, joko.level_then, joko.level_now) == (
        2,
        1,
        "active",
        "active",
        "not_yet",
    )
    assert joko.changed and not joko.rose
    assert (rina.attended, rina.level, rina.level_then, rina.level_now) == (0, "not_yet", "not_yet", "not_yet")
    assert (hasan.level, hasan.level_then, hasan.level_now) == ("active", "not_yet", "active")
    assert table.counts == {"not_yet": 1, "attended": 0, "active": 3}
    assert table.counts_then == {"not_yet": 2, "attended": 1, "active": 1}
    assert table.counts_now == {"not_yet": 2, "attended": 0, "active": 2}
    counted = parent_involvement(program, names=False)  # the report's: the same counts, no names read
    assert counted.counts == table.counts and counted.parents[0].person is None


def test_no_change_before_a_class_is_held_in_each_half(program, parents):
    class_on(program, program.start_date + DAY, present=parents[:1])
    table = parent_involvement(program)
    assert table.counts_then == {"not_yet": 3, "attended": 1, "active": 0} and table.counts_now == {}
    assert all(row.level_now is None and not row.changed for row in table.parents)
    assert [row[4] for row in table.level_rows] == [None, None, None]


def test_the_page_lists_parents_with_counts_sorted_and_filtered(client, program, parents, facilitator):
    build(program, parents)
    client.force_login(facilitator)
    url = reverse("parents:involvement", args=[program.pk])
    page = client.get(url).content.decode()
    assert 'data-testid="involvement-counts"' in page and "first half 1 → second half 2" in page
    assert "Ani Lestari (7A)" in page and "4 of 4" in page and "Attended → Active partner" in page
    sorted_rows = client.get(url, {"sort": "contributions"}).context["rows"]
    assert [row.person.name for row in sorted_rows] == ["Ibu Sari", "Bapak Hasan", "Bapak Joko", "Ibu Rina"]
    by_level = client.get(url, {"sort": "level"}).context["rows"]
    assert [row.person.name for row in by_level][-1] == "Ibu Rina"
    active = client.get(url, {"level": "active"})
    assert {row.person.name for row in active.context["rows"]} == {"Ibu Sari", "Bapak Joko", "Bapak Hasan"}
    none = client.get(url, {"level": "attended"}).content.decode()
    assert "No parent is at this level." in none and "Show every parent" in none


@pytest.mark.parametrize("query", [{"level": "x<script>"}, {"sort": "'; drop"}, {"level": ["active", "x"]}])
def test_bad_filter_values_are_ignored(client, program, parents, facilitator, query):
    build(program, parents)
    client.force_login(facilitator)
    response = client.get(reverse("parents:involvement", args=[program.pk]), query)
    assert response.status_code == 200 and len(response.context["rows"]) in (3, 4)


def test_an_empty_program_says_what_to_do(client, program, facilitator):
    client.force_login(facilitator)
    page = client.get(reverse("parents:involvement", args=[program.pk])).content.decode()
    assert "No parents take part in this program yet." in page


def test_district_officers_may_not_open_it(client, program, parents, district_officer):
    client.force_login(district_officer)
    assert client.get(reverse("parents:involvement", args=[program.pk])).status_code == 403


@pytest.mark.parametrize("size", [1, 6])
def test_the_page_costs_a_fixed_number_of_queries(
    client, program, parents, facilitator, size, django_assert_num_queries
):
    for index in range(size):
        parent = ParentFactory(school=program.school, guardian_of=parents[0].guardian_of.all())
        Participant.objects.create(program=program, person=parent, role=PersonKind.PARENT)
        session = class_on(program, program.start_date + index * WEEK, present=[*parents, parent]).session
        ContributionFactory(program=program, parent=parent, session=session, date=session.date)
        DialogueNoteFactory(session=session, parent=parents[index % 4])
    client.force_login(facilitator)
    # the session, the user, the program with the role; held classes, the parents, their children, presence,
    # contributions, dialogue notes linked to a parent
    with django_assert_num_queries(9):
        response = client.get(reverse("parents:involvement", args=[program.pk]), {"sort": "level"})
    assert len(response.context["rows"]) == 4 + size
