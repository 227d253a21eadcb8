"""The program page shows lesson study's notes week by week as a server-drawn SVG chart with its table, the
cycles by stage and the headline figures, and cycles waiting too long for their reflection under "Needs
attention"."""

import datetime as dt

import pytest
from django.urls import reverse

from komunitas import activities
from komunitas.access import program_access_for
from lessonstudy.attention import reflections_due
from lessonstudy.panels import lesson_panel
from lessonstudy.tests.figures_data import at, cycle_on, lesson_on, note_on, reflection_on, version_on

DAY = dt.timedelta(days=1)


def fill(program, teacher, students, cycles):
    """``cycles`` cycles, one a week: each taught by ``teacher``, observed by the next cycle's model teacher, with
    a note naming a student, a reflection two days later and a revision; the last one waits for its reflection."""
    from komunitas.models import PersonKind
    from komunitas.tests.factories import PersonFactory

    observers = [PersonFactory(school=program.school, kind=PersonKind.TEACHER) for _ in range(2)]
    for index in range(cycles):
        day = program.start_date + (7 * index + 1) * DAY
        cycle = cycle_on(program, day - DAY, model_teacher=teacher.person, title=f"Siklus {index + 1}")
        session = lesson_on(cycle, day, present=[teacher.person, *observers])
        note_on(session, observers[0], at(day, 8, 10), students=students[:1], text=f"{students[0].name} bertanya.")
        note_on(session, observers[1], at(day, 8, 30), tag="insight")
        if index < cycles - 1:
            reflection_on(cycle, day + 2 * DAY)
            version_on(cycle, 2, day + 3 * DAY)


def test_the_dashboard_shows_the_lesson_study_chart_with_its_numbers(client, program, principal, teacher, students):
    fill(program, teacher, students, 3)
    client.force_login(principal)
    html = client.get(reverse("program_dashboard", args=[program.pk])).content.decode()
    assert 'data-testid="lessonstudy-panel"' in html and 'role="img"' in html
    assert '<title id="lessonstudy-notes-title">Observation notes of open lessons, by week</title>' in html
    assert "1: 2; 2: 2; 3: 2; 4: –" in html  # the description spells the numbers out
    assert 'data-testid="lessonstudy-notes-table"' in html
    assert "3 cycles:</span>" in html and "Plan 0 · Do 1 · See 2 · Done 0" in html
    assert "open lessons held" in html and "observers, at least once" in html and "plan revisions" in html
    # the last cycle's lesson (week 3) was held long ago: the program's weeks are in the past
    assert "1 lesson study cycle had its open lesson over two weeks ago and no reflection yet" in html
    assert ">Siklus 3</a>" in html and ">Siklus 2</a>" not in html


def test_the_panel_names_no_student(client, program, district_officer, teacher, students):
    fill(program, teacher, students, 2)
    client.force_login(district_officer)
    html = client.get(reverse("program_dashboard", args=[program.pk])).content.decode()
    assert 'data-testid="lessonstudy-panel"' in html
    for student in students:
        assert student.name not in html and student.name.split()[0] not in html


def test_no_panel_without_cycles(program, principal, django_assert_num_queries):
    access = program_access_for(principal, program.pk)
    with django_assert_num_queries(1):  # the cycles
        assert lesson_panel(access) is None
    with django_assert_num_queries(1):
        assert reflections_due(access) == []


def test_a_recent_open_lesson_is_no_reflection_due(program, principal, teacher):
    from django.utils import timezone

    today = timezone.localdate()
    cycle = cycle_on(program, today - 20 * DAY, model_teacher=teacher.person)
    lesson_on(cycle, today - 13 * DAY)
    assert reflections_due(program_access_for(principal, program.pk)) == []
    lesson_on(cycle_on(program, today - 20 * DAY, done=today), today - 15 * DAY)  # closed: nothing due
    assert reflections_due(program_access_for(principal, program.pk)) == []


def test_a_cycle_waiting_for_its_reflection_links_to_its_page(program, principal, teacher):
    from django.utils import timezone

    today = timezone.localdate()
    cycle = cycle_on(program, today - 30 * DAY, model_teacher=teacher.person)
    lesson_on(cycle, today - 15 * DAY)
    [item] = reflections_due(program_access_for(principal, program.pk))
    assert "1 lesson study cycle" in str(item.text)
    assert list(item.items) == [(cycle.title, reverse("lessonstudy:detail", args=[program.pk, cycle.pk]))]


@pytest.mark.parametrize("cycles", [1, 6])
def test_the_panel_costs_five_queries(program, principal, teacher, students, cycles, django_assert_num_queries):
    fill(program, teacher, students, cycles)
    access = program_access_for(principal, program.pk)
    # the cycles with their stage dates, the open lessons held, who was present, the notes, the revisions
    with django_assert_num_queries(5):
        panel = lesson_panel(access)
    assert (panel.context["lessons_held"], panel.context["notes"], panel.context["observers"]) == (
        cycles, 2 * cycles, 2
    )  # fmt: skip
    assert panel.context["revisions"] == cycles - 1
    # the cycles with their stage dates
    with django_assert_num_queries(1):
        assert len(reflections_due(access)[0].items) == 1


@pytest.mark.parametrize("cycles", [1, 6])
def test_the_dashboard_with_the_lesson_study_panel_costs_a_fixed_number_of_queries(
    client, program, principal, teacher, students, cycles, django_assert_num_queries
):
    fill(program, teacher, students, cycles)
    client.force_login(principal)
    # the core's 10, not cached yet (komunitas/tests/test_query_counts.py) + the panel's 5 + the reflections due 1
    with activities.only("komunitas", "lessonstudy"), django_assert_num_queries(16):
        assert client.get(reverse("program_dashboard", args=[program.pk])).status_code == 200
