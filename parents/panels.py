"""The parent classes' panel on the program page: parents present week by week and the dialogue notes by tag, as
server-drawn SVG charts with their numbers as tables, and the headline figures (classes held of planned, parents
reached at least once, contributions, open follow-ups).

The dashboard caches a panel per role, and district officers see it: it holds counts, never a parent's name."""

from __future__ import annotations

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from komunitas.activities import Panel
from komunitas.charts import grouped_bar_chart, line_chart

from .metrics import class_rows, parent_weekly, reach
from .models import DialogueTag, FollowUp


def presence_chart(rows):
    """Parents present at parent classes, in % of the participating parents, week by week: the dashboard's chart
    and the report's (no query). A week without a held class has no point."""
    return line_chart(
        [str(row.week) for row in rows],
        [(_("Parents present (percent)"), [row.present_percent for row in rows])],
        title=_("Parents present at parent classes, by week"),
        description=_("Distinct participating parents present at a held parent class, in percent."),
        max_value=100,
        label_header=_("Week"),
        chart_id="parent-presence",
    )


def dialogue_chart(rows):
    """The dialogue notes of each week's classes by tag — experience, obstacle, hope — as grouped bars (no query).
    A week without a held class has no bars."""
    return grouped_bar_chart(
        [str(row.week) for row in rows],
        [(str(tag.label), [row.notes[tag.value] if row.held else None for row in rows]) for tag in DialogueTag],
        title=_("Dialogue notes of parent classes, by week"),
        description=_("Notes of what parents shared at the week's classes: experiences, obstacles and hopes."),
        label_header=_("Week"),
        chart_id="parent-dialogue",
    )


def follow_up_counts(program) -> dict:
    """Open follow-ups of the program's parent classes, and how many of them are overdue. One query."""
    today = timezone.localdate()
    return FollowUp.objects.filter(session__program=program, done_on__isnull=True).aggregate(
        open=Count("pk"), overdue=Count("pk", filter=Q(due_date__lt=today))
    )


def headline(rows, follow_ups: dict) -> dict:
    """Classes held of planned, parents reached at least once of every parent who took part, contributions, open
    and overdue follow-ups: from ``rows`` (``parent_weekly``) and ``follow_ups`` (``follow_up_counts``), no query."""
    reached, everyone = reach(rows)
    return {
        "classes_held": sum(row.held for row in rows),
        "classes_planned": sum(row.planned for row in rows),
        "reached": reached,
        "parents": everyone,
        "contributions": sum(row.contributions for row in rows),
        "notes": sum(row.note_count for row in rows),
        "follow_ups_open": follow_ups["open"],
        "follow_ups_overdue": follow_ups["overdue"],
    }


def parent_panel(access) -> Panel | None:
    """Six queries: the parent classes, ``parent_weekly``'s other four, the follow-ups' counts. No panel (after
    the first) for a program without parent classes."""
    program = access.program
    sessions = class_rows(program)
    if not sessions:
        return None
    rows = parent_weekly(program, sessions=sessions)
    shown = [row.present_percent for row in rows if row.present_percent is not None]
    return Panel(
        template="parents/_panel.html",
        context={
            "chart": presence_chart(rows),
            "dialogue_chart": dialogue_chart(rows),
            "has_notes": any(row.note_count for row in rows),
            "first_present": shown[0] if shown else None,
            "last_present": shown[-1] if shown else None,
            **headline(rows, follow_up_counts(program)),
        },
        order=30,
    )
