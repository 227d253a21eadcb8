"""The clubs' panel on the program page: students present at club meetings week by week and the 4C baseline and
endline per skill, as server-drawn SVG charts with their numbers as tables, and the headline figures.

The dashboard caches a panel per role, and district officers see it: it holds counts, never a child's name."""

from __future__ import annotations

from django.db.models import Count
from django.utils.translation import gettext as _

from komunitas.activities import Panel
from komunitas.charts import grouped_bar_chart, line_chart

from .metrics import club_weekly, skill_summary
from .models import Project, ProjectStatus
from .rubric import AXIS_LABELS


def presence_chart(program, rows):
    """Students present at club meetings, in % of the participating students, week by week: the dashboard's
    chart and the report's (no query). A week without a held meeting has no point."""
    return line_chart(
        [str(row.week) for row in rows],
        [(_("Students present (%)"), [row.present_percent for row in rows])],
        title=_("Students present at club meetings, by week"),
        description=_("Distinct participating students present at a held club meeting, in percent."),
        max_value=100,
        label_header=_("Week"),
        chart_id="club-presence",
    )


def skills_chart(summary):
    """The 4C averages at baseline and at endline, skill by skill (no query)."""
    top = summary[0].levels if summary else 4
    return grouped_bar_chart(
        [row.label for row in summary],
        [
            (_("Baseline"), [_rounded(row.baseline) for row in summary]),
            (_("Endline"), [_rounded(row.endline) for row in summary]),
        ],
        title=_("4C skills: average score at baseline and endline"),
        description=_("Average rubric score of the students assessed, from 1 to %(top)s.") % {"top": top},
        max_value=top,
        label_header=_("Skill"),
        axis_labels=[AXIS_LABELS[row.skill] for row in summary],
        chart_id="club-skills",
    )


def club_totals(program) -> dict:
    """The program's clubs and their student members, each counted once. One query."""
    return program.clubs.aggregate(clubs=Count("pk", distinct=True), members=Count("members", distinct=True))


def headline(program, rows, totals: dict) -> dict:
    """Clubs, student members, meetings held, artifacts and projects by status. One query (projects by status);
    the rest from ``rows`` and ``totals`` (``club_totals``)."""
    by_status = dict(
        Project.objects.filter(club__program=program)
        .values("status")
        .annotate(n=Count("pk"))
        .values_list("status", "n")
    )
    return {
        "clubs": totals["clubs"],
        "members": totals["members"],
        "meetings_held": sum(row.held for row in rows),
        "meetings_planned": sum(row.planned for row in rows),
        "artifacts": sum(row.artifacts for row in rows),
        "projects": [(status.label, by_status.get(status.value, 0)) for status in ProjectStatus],
        "project_count": sum(by_status.values()),
    }


def club_panel(access) -> Panel | None:
    """Eight queries: the clubs' totals, ``club_weekly``'s five, ``skill_summary``'s one, projects by status.
    No panel (after the first) for a program without clubs."""
    program = access.program
    totals = club_totals(program)
    if not totals["clubs"]:
        return None
    rows = club_weekly(program)
    summary = skill_summary(program)
    shown = [row.present_percent for row in rows if row.present_percent is not None]
    return Panel(
        template="projects/_panel.html",
        context={
            "chart": presence_chart(program, rows),
            "skills_chart": skills_chart(summary),
            "has_skills": any(row.baseline is not None or row.endline is not None for row in summary),
            "last_present": shown[-1] if shown else None,
            **headline(program, rows, totals),
        },
        order=20,
    )


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 2)
