"""The forum's panel on the program page: participation for each week as a server-drawn SVG chart."""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext as _

from komunitas.activities import Panel
from komunitas.charts import bar_chart, line_chart

from .metrics import forum_weekly


def participation_chart(program, rows):
    """Teachers present at the forum, week by week: the dashboard's chart, and the report's (no query)."""
    total = rows[0].teachers_total if rows else 0
    current = program.current_week()
    return bar_chart(
        [str(row.week) for row in rows],
        [row.teachers_present if row.held else None for row in rows],
        title=_("Teachers present at the forum, by week"),
        description=_("Distinct participating teachers present at a held forum session, out of %(total)s.")
        % {"total": total},
        value_labels=[f"{row.teachers_present}/{total}" if row.held else "–" for row in rows],
        max_value=max(total, 1),
        label_header=_("Week"),
        value_header=_("Teachers present"),
        extra_columns=[
            (
                _("Share"),
                [f"{row.present_percent}%" if row.held and row.present_percent is not None else "–" for row in rows],
            ),
            (_("Sessions held / planned"), [f"{row.held}/{row.planned}" for row in rows]),
            (_("Feedback"), [row.feedback for row in rows]),
            (_("Reflections"), [row.reflections for row in rows]),
            (_("Methods per teacher so far"), [f"{row.methods_to_date_per_teacher:.1f}" for row in rows]),
        ],
        highlight=current - 1 if current else None,
        chart_id="forum-participation",
    )


def methods_chart(program, rows):
    """Variasi metode (Table 1, teacher competence): distinct teaching methods tried per participating teacher,
    in each week and so far; weeks still to come have no point (no query)."""
    today = timezone.localdate()
    last_week = program.current_week(today) or (program.weeks if today > program.end_date else 0)
    shown = [row.week <= last_week for row in rows]
    return line_chart(
        [str(row.week) for row in rows],
        [
            (_("In the week"), [round(row.methods_per_teacher, 1) if ok else None for row, ok in zip(rows, shown)]),
            (_("So far"), [round(row.methods_to_date_per_teacher, 1) if ok else None for row, ok in zip(rows, shown)]),
        ],
        title=_("Distinct teaching methods tried per teacher, by week"),
        description=_("From the teachers' practice log: methods tried in each week, and all tried so far."),
        label_header=_("Week"),
        chart_id="forum-methods",
    )


def forum_panel(access) -> Panel:
    """Teachers present at the forum, week by week (four queries, see ``forum_weekly``)."""
    program = access.program
    rows = forum_weekly(program)
    chart = participation_chart(program, rows)
    return Panel(
        template="forums/includes/_dashboard_panel.html",
        context={
            "chart": chart,
            "methods_chart": methods_chart(program, rows),
            "sessions_held": sum(row.held for row in rows),
            "sessions_planned": sum(row.planned for row in rows),
            "feedback": sum(row.feedback for row in rows),
            "reflections": sum(row.reflections for row in rows),
            "methods_per_teacher": rows[-1].methods_to_date_per_teacher if rows else 0,
        },
        order=10,
    )
