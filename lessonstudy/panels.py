"""Lesson study's panel on the program page: the observers' notes week by week as a server-drawn SVG chart (its
table adds the open lessons held and the observers present), and the headline figures — cycles by stage, open
lessons held, observers, notes, plan revisions.

The dashboard caches a panel per role, and district officers see it: it holds counts, never a student's name."""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext as _

from komunitas.activities import Panel
from komunitas.charts import bar_chart

from .metrics import CycleDates, WeekRow, cycle_dates, lesson_weekly, observers_reached, stages_on
from .models import Stage


def notes_chart(rows: list[WeekRow]):
    """Observation notes per week, with the open lessons held and the observers present in its table: the
    dashboard's chart and the report's (no query). A week with neither a lesson nor a note has no bar."""
    return bar_chart(
        [str(row.week) for row in rows],
        [row.notes if row.notes or row.lessons_held else None for row in rows],
        title=_("Observation notes of open lessons, by week"),
        description=_("Notes the observers took about students during the open lessons of each week."),
        label_header=_("Week"),
        value_header=_("Notes"),
        extra_columns=[
            (_("Open lessons held"), [row.lessons_held for row in rows]),
            (_("Observers present"), [row.observers for row in rows]),
        ],
        chart_id="lessonstudy-notes",
    )


def headline(cycles: list[CycleDates], rows: list[WeekRow]) -> dict:
    """Cycles by stage today (every stage, with its label), open lessons held, observers who came at least once,
    notes and revisions: from ``cycles`` and ``rows``, no query."""
    now = stages_on(cycles, timezone.localdate())
    return {
        "cycle_count": sum(now.values()),
        "stages": [(stage.value, stage.label, now[stage.value]) for stage in Stage],
        "lessons_held": sum(row.lessons_held for row in rows),
        "observers": observers_reached(rows),
        "notes": sum(row.notes for row in rows),
        "revisions": sum(row.revisions for row in rows),
    }


def lesson_panel(access) -> Panel | None:
    """Five queries: the cycles with their stage dates, ``lesson_weekly``'s other four. No panel (after the
    first) for a program without cycles."""
    program = access.program
    cycles = cycle_dates(program)
    if not cycles:
        return None
    rows = lesson_weekly(program, cycles=cycles)
    return Panel(
        template="lessonstudy/_panel.html",
        context={"chart": notes_chart(rows), **headline(cycles, rows)},
        order=40,
    )
