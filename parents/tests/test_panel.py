"""The program page shows the parent classes' presence and dialogue as server-drawn SVG charts with their tables,
the headline figures, and overdue follow-ups under "Needs attention"."""

import datetime as dt

import pytest
from django.urls import reverse

from komunitas import activities
from komunitas.access import program_access_for
from parents.attention import overdue_follow_ups
from parents.panels import parent_panel
from parents.tests.factories import ContributionFactory, DialogueNoteFactory, FollowUpFactory, class_on


def fill(program, parents, weeks):
    """A class a week, one more parent present each week (up to four), a contribution and a note of each tag per
    class; two follow-ups: one overdue, one done."""
    for week in range(weeks):
        day = program.start_date + dt.timedelta(days=7 * week + 5)
        session = class_on(program, day, present=parents[: 1 + week % 4]).session
        ContributionFactory(program=program, parent=parents[0], session=session, date=day)
        for tag in ["experience", "obstacle", "hope"]:
            DialogueNoteFactory(session=session, tag=tag, parent=parents[0], text=f"Kata {parents[0].name}")
    session = class_on(program, program.start_date + dt.timedelta(days=7 * weeks + 5), status="planned").session
    FollowUpFactory(session=session, what="Grup WhatsApp wali kelas", who="Ibu Sari", due_date=program.start_date)
    FollowUpFactory(session=session, what="Jadwal konsultasi", due_date=program.start_date, done_on=program.start_date)


def test_the_dashboard_shows_the_parent_charts_with_their_numbers(client, program, principal, parents):
    fill(program, parents, 3)
    client.force_login(principal)
    html = client.get(reverse("program_dashboard", args=[program.pk])).content.decode()
    assert 'data-testid="parent-panel"' in html and 'role="img"' in html
    assert '<title id="parent-presence-title">Parents present at parent classes, by week</title>' in html
    assert "Parents present (percent): 1 25; 2 50; 3 75; 4 –" in html  # the description spells the numbers out
    assert 'data-testid="parent-presence-table"' in html and 'data-testid="parent-dialogue-table"' in html
    assert "Experience: 1 1; 2 1; 3 1; 4 –" in html and "Hope: 1 1;" in html
    assert html.count(">3/4<") == 2  # classes held of planned; parents reached of every parent
    assert "classes held / planned" in html and "parents reached at least once" in html
    assert "From 25% at the first class to 75% at the latest." in html
    assert "1 overdue" in html
    assert "1 follow-up of a parent class is overdue (not done by its date)" in html
    assert "Grup WhatsApp wali kelas · by" in html and "Jadwal konsultasi" not in html


def test_the_panel_names_no_parent(client, program, district_officer, parents):
    fill(program, parents, 2)
    client.force_login(district_officer)
    html = client.get(reverse("program_dashboard", args=[program.pk])).content.decode()
    assert 'data-testid="parent-panel"' in html and "is overdue" in html
    for parent in parents:
        assert parent.name not in html  # not the note's text, not the follow-up's who
        for child in parent.guardian_of.all():
            assert child.name not in html


def test_no_panel_without_parent_classes(program, principal, django_assert_num_queries):
    access = program_access_for(principal, program.pk)
    with django_assert_num_queries(1):  # the parent classes
        assert parent_panel(access) is None
    with django_assert_num_queries(1):
        assert overdue_follow_ups(access) == []


@pytest.mark.parametrize("weeks", [1, 8])
def test_the_panel_costs_six_queries(program, principal, parents, weeks, django_assert_num_queries):
    fill(program, parents, weeks)
    access = program_access_for(principal, program.pk)
    # the parent classes, parent_weekly's other four, the follow-ups' counts
    with django_assert_num_queries(6):
        panel = parent_panel(access)
    assert (panel.context["classes_held"], panel.context["contributions"]) == (weeks, weeks)
    assert (panel.context["follow_ups_open"], panel.context["follow_ups_overdue"]) == (1, 1)
    # the overdue follow-ups with their classes
    with django_assert_num_queries(1):
        assert len(overdue_follow_ups(access)[0].items) == 1


@pytest.mark.parametrize("weeks", [1, 8])
def test_the_dashboard_with_the_parent_panel_costs_a_fixed_number_of_queries(
    client, program, principal, parents, weeks, django_assert_num_queries
):
    fill(program, parents, weeks)
    client.force_login(principal)
    # the core's 10, not cached yet (komunitas/tests/test_query_counts.py) + the parent panel's 6 + overdue
    # follow-ups' 1
    with activities.only("komunitas", "parents"), django_assert_num_queries(17):
        assert client.get(reverse("program_dashboard", args=[program.pk])).status_code == 200
