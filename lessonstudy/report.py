"""Lesson study's section of the final report (the plug-in contract's ``report_sections``): the figures, the notes
week by week (the dashboard's chart), each cycle — subject, class, topic, model teacher, stage — with what its
reflections found and would revise, quoted, and up to ``REPORT_PHOTOS_PER_SECTION`` photos of open lessons that
every pictured student's guardian allowed in the report (the core's documentation; observers' note photos never:
they are working notes on the staff's pages).

It names cycles and staff, never a student: one stored report serves every reader, district officers too, so the
quotes go through ``NameBlanker`` (a reflection speaks of students, and may name one)."""

from __future__ import annotations

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _

from komunitas.activities import REPORT_PHOTOS_PER_SECTION, ReportPart, ReportSection
from komunitas.models import Attachment
from komunitas.print_images import print_photos

from .metrics import dates_of, lesson_weekly, with_stage_dates
from .models import OPEN_LESSON, Cycle, Reflection, Stage
from .panels import headline, notes_chart
from .privacy import NameBlanker


def report_photos(program) -> list:
    """Up to ``REPORT_PHOTOS_PER_SECTION`` photos of open lessons with report consent (one query); print copies
    are made for those read."""
    attachments = (
        Attachment.objects.filter(session__program=program, session__kind=OPEN_LESSON)
        .shown_for("report")
        .select_related("session")
        .order_by("session__date", "pk")[:REPORT_PHOTOS_PER_SECTION]
    )
    return print_photos(attachments)


def report_cycles(program) -> list[Cycle]:
    """The cycles with their stage dates and model teachers, their reflections prefetched in date order. Two
    queries (none for the reflections when there is no cycle)."""
    reflections = Reflection.objects.select_related("session").order_by("session__date", "pk")
    return list(
        with_stage_dates(
            Cycle.objects.filter(program=program)
            .select_related("model_teacher")
            .prefetch_related(Prefetch("reflections", queryset=reflections))
        )
    )


def cycle_items(cycles: list[Cycle], blank) -> list[dict]:
    """Each cycle with its stage today and its reflections' findings and revisions, names blanked by ``blank``
    (reflections with neither are left out). No query."""
    today = timezone.localdate()
    labels = dict(Stage.choices)
    return [
        {
            "cycle": cycle,
            "stage": labels[dates_of(cycle).stage_on(today) or Stage.PLAN],
            "reflections": [
                {"date": r.session.date, "findings": blank(r.findings), "revisions": blank(r.revisions)}
                for r in cycle.reflections.all()
                if r.findings.strip() or r.revisions.strip()
            ],
        }
        for cycle in cycles
    ]


def lesson_report_section(access) -> ReportSection | None:
    """Eight queries: the cycles with their stage dates and model teachers, their reflections, ``lesson_weekly``'s
    other four, the students' names (to blank them), the photos. None (after the first) for a program without
    cycles."""
    program = access.program
    cycles = report_cycles(program)
    if not cycles:
        return None
    dates = [dates_of(cycle) for cycle in cycles]
    rows = lesson_weekly(program, cycles=dates)
    return ReportSection(
        key="lessonstudy",
        title=_("Community lesson study"),
        template="lessonstudy/_report_section.html",
        context={
            **headline(dates, rows),
            "chart": notes_chart(rows),
            "cycles": cycle_items(cycles, NameBlanker(program)),
            "photos": report_photos(program),
        },
        order=40,
        part=ReportPart.RESULTS,
    )
