"""Planning a schedule from templates: the pure rules (komunitas/planning.py, no database) and the service."""

import datetime as dt
from types import SimpleNamespace

import pytest
from auditlog.models import LogEntry
from django.utils import translation

from komunitas import activities, planning
from komunitas.activities import PlannedSlot, ScheduleTemplate
from komunitas.models import Session
from komunitas.planning import PAST, TAKEN, SlotOption, TemplateOption

MONDAY = dt.date(2026, 2, 2)
WEDNESDAY = dt.date(2026, 2, 4)
TUESDAY_SLOT = SlotOption("forum", "Forum", 1, dt.time(13, 30), dt.time(15))


def option(*slots, from_week=1, to_week=10, every=1, key="t"):
    return TemplateOption(key, from_week, to_week, every, slots or (TUESDAY_SLOT,))


def plan(*options, start=MONDAY, weeks=10, today=dt.date(2000, 1, 1), taken=()):
    return planning.plan(start_date=start, weeks=weeks, options=options, today=today, taken=taken)


# --- the pure rules ---------------------------------------------------------------------------------------------


def test_each_week_gets_the_slots_weekday():
    rows = plan(option())
    assert [row.date for row in rows] == [MONDAY + dt.timedelta(days=1, weeks=w) for w in range(10)]
    assert {row.date.weekday() for row in rows} == {1}
    assert [row.week for row in rows] == list(range(1, 11))


def test_a_program_starting_midweek_keeps_every_date_inside_its_weeks():
    rows = plan(option(SlotOption("forum", "F", 0, dt.time(8), dt.time(9))), start=WEDNESDAY, weeks=3)
    # Its weeks run Wednesday to Tuesday: each Monday is the one inside that week, never before the start.
    assert [row.date for row in rows] == [dt.date(2026, 2, 9), dt.date(2026, 2, 16), dt.date(2026, 2, 23)]
    assert all(WEDNESDAY <= row.date <= WEDNESDAY + dt.timedelta(days=20) for row in rows)


def test_every_n_weeks_from_the_first_week():
    assert [row.week for row in plan(option(every=2))] == [1, 3, 5, 7, 9]
    assert [row.week for row in plan(option(every=3, from_week=3))] == [3, 6, 9]
    assert [row.week for row in plan(option(from_week=4, to_week=6))] == [4, 5, 6]


def test_weeks_beyond_the_program_are_not_planned():
    assert [row.week for row in plan(option(from_week=8, to_week=52), weeks=9)] == [8, 9]
    assert plan(option(from_week=11, to_week=12)) == []


def test_two_slots_a_week_in_date_order():
    monday = SlotOption("club", "Club", 0, dt.time(14), dt.time(15, 30))
    thursday = SlotOption("club", "Club", 3, dt.time(14), dt.time(15, 30))
    rows = plan(option(thursday, monday, to_week=2))
    assert [(row.week, row.date.weekday()) for row in rows] == [(1, 0), (1, 3), (2, 0), (2, 3)]


def test_dates_before_today_are_skipped_today_is_not():
    today = MONDAY + dt.timedelta(weeks=2, days=1)  # the Tuesday of week 3
    rows = plan(option(), today=today)
    assert [row.skip for row in rows[:3]] == [PAST, PAST, ""]
    assert len(planning.to_create(rows)) == 8


def test_a_kind_already_on_that_day_is_skipped_another_kind_is_not():
    tuesday = MONDAY + dt.timedelta(days=1)
    rows = plan(option(to_week=2), taken={("forum", tuesday), ("club", tuesday + dt.timedelta(weeks=1))})
    assert [row.skip for row in rows] == [TAKEN, ""]


def test_two_slots_of_one_kind_on_one_day_plan_one_session():
    lesson = SlotOption("open_lesson", "Lesson", 2, dt.time(8), dt.time(9))
    again = SlotOption("open_lesson", "Again", 2, dt.time(10), dt.time(11))
    reflection = SlotOption("ls_reflection", "Reflection", 2, dt.time(10), dt.time(11))
    rows = plan(option(lesson, again, reflection, to_week=1))
    assert [(row.title, row.skip) for row in rows] == [("Lesson", ""), ("Again", TAKEN), ("Reflection", "")]


def test_rows_by_week():
    grouped = planning.by_week(plan(option(every=4)))
    assert [(week, len(rows)) for week, rows in grouped] == [(1, 1), (5, 1), (9, 1)]


def test_defaults_are_clipped_to_the_program():
    template = ScheduleTemplate("x.y", "X", "", [PlannedSlot("forum", "F", 1, dt.time(8), dt.time(9))], 3, 3)
    weeks = lambda option: (option.from_week, option.to_week, option.every)  # noqa: E731
    assert weeks(planning.default_option(template, 10)) == (3, 10, 3)
    assert weeks(planning.default_option(template, 2)) == (2, 2, 2)


def test_week_labels_show_dates_and_stages(english):
    stages = [
        SimpleNamespace(name="Planning", start_date=MONDAY, end_date=MONDAY + dt.timedelta(days=13)),
        SimpleNamespace(name="Implementation", start_date=MONDAY + dt.timedelta(days=14), end_date=dt.date(2026, 4, 1)),
    ]
    program = SimpleNamespace(
        week_numbers=lambda: range(1, 6),
        week_range=lambda w: (MONDAY + dt.timedelta(weeks=w - 1), MONDAY + dt.timedelta(weeks=w - 1, days=6)),
    )
    labels = dict(planning.week_choices(program, stages))
    assert labels[1] == "Week 1 · 2–8 Feb · Planning"
    assert labels[3] == "Week 3 · 16–22 Feb · Implementation"
    assert labels[4] == "Week 4 · 23 Feb – 1 Mar · Implementation"  # across months
    assert planning.week_label(2, MONDAY, MONDAY, ["Planning", "Implementation"]).endswith("Planning → Implementation")
    assert planning.week_label(9, MONDAY, MONDAY, []) == "Week 9 · 2–2 Feb"


def test_the_registered_templates_plan_only_their_own_apps_kinds():
    own = {activity.app: {kind.value for kind in activity.session_types} for activity in activities.activities()}
    declared = {
        activity.app: {slot.kind for template in activity.schedule_templates for slot in template.slots}
        for activity in activities.activities()
    }
    assert {app for app, kinds in declared.items() if kinds} == {"forums", "projects", "parents", "lessonstudy"}
    for app, kinds in declared.items():
        assert kinds <= own[app], app
    keys = [template.key for template in activities.schedule_templates()]
    assert keys == ["forums.weekly", "projects.twice_weekly", "parents.fortnightly", "lessonstudy.cycles"]
    for template in activities.schedule_templates():
        assert template.key.startswith(next(a.app for a in activities.activities() if template in a.schedule_templates))
        assert all(slot.end > slot.start for slot in template.slots)


# --- the service ------------------------------------------------------------------------------------------------


def _rows(program, today):
    options = [planning.default_option(t, program.weeks) for t in activities.schedule_templates()]
    return planning.plan(
        start_date=program.start_date,
        weeks=program.weeks,
        options=options,
        today=today,
        taken=planning.days_taken(program, today),
    )


@pytest.mark.django_db
def test_it_creates_the_planned_sessions_once_and_logs_them(program, facilitator):
    today = program.start_date
    rows = _rows(program, today)
    # forum 10, clubs 20, parent classes 5 (weeks 1, 3, 5, 7, 9), lesson study 3 cycles × 2
    assert len(planning.to_create(rows)) == 10 + 20 + 5 + 6
    created = planning.schedule_from_templates(program=program, rows=rows, place="Aula", user=facilitator, today=today)
    assert len(created) == 41 == program.sessions.count()
    assert set(program.sessions.values_list("status", "place", "created_by")) == {("planned", "Aula", facilitator.pk)}
    assert program.sessions.values("series").distinct().count() == 4  # one series per template
    logged = LogEntry.objects.filter(content_type__model="session", action=LogEntry.Action.CREATE)
    assert sorted(int(pk) for pk in logged.values_list("object_pk", flat=True)) == sorted(s.pk for s in created)
    assert logged.first().additional_data["school"] == program.school_id
    # Planning again, or submitting the same preview twice: nothing doubles.
    assert planning.to_create(_rows(program, today)) == []
    again = planning.schedule_from_templates(program=program, rows=rows, place="", user=facilitator, today=today)
    assert again == [] and program.sessions.count() == 41


@pytest.mark.django_db
def test_it_skips_past_dates_even_when_the_rows_are_old(program, facilitator):
    rows = _rows(program, program.start_date)
    later = program.start_date + dt.timedelta(weeks=5)
    created = planning.schedule_from_templates(program=program, rows=rows, user=facilitator, today=later)
    assert created and min(session.date for session in created) >= later


@pytest.mark.django_db
def test_titles_are_stored_in_the_language_of_planning(program, facilitator):
    with translation.override("en"):
        rows = _rows(program, program.start_date)
    planning.schedule_from_templates(program=program, rows=rows, user=facilitator, today=program.start_date)
    assert Session.objects.filter(kind="forum").first().title == "Teacher forum"
