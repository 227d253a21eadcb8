"""The clubs' section of the final report (the plug-in contract's ``report_sections``): participation week by week
(the dashboard's chart), the 4C table baseline → endline with its chart, the clubs with their projects, and a few
photos — of what students made (artifacts) and of club meetings — that every pictured student's guardian allowed in
the report. It names clubs, projects and staff, never a student: one stored report serves every reader."""

from __future__ import annotations

from django.db.models import Prefetch
from django.utils.translation import gettext as _

from komunitas.activities import REPORT_PHOTOS_PER_SECTION, ReportPart, ReportSection
from komunitas.models import Attachment, Person
from komunitas.print_images import print_photos

from .metrics import club_weekly, skill_summary
from .models import CLUB, Artifact, Project
from .panels import club_totals, presence_chart, skills_chart
from .photos import print_artifact_photos
from .selectors import clubs_with_counts


def report_photos(program) -> list:
    """Up to ``REPORT_PHOTOS_PER_SECTION`` photos, artifacts and club meetings in turn (two queries), report
    consent only. Print copies are made for those read, at most that many of each."""
    artifacts = (
        Artifact.objects.filter(project__club__program=program)
        .shown_for("report")
        .select_related("project")
        .order_by("uploaded_at", "pk")[:REPORT_PHOTOS_PER_SECTION]
    )
    attachments = (
        Attachment.objects.filter(session__program=program, session__kind=CLUB)
        .shown_for("report")
        .select_related("session")
        .order_by("session__date", "pk")[:REPORT_PHOTOS_PER_SECTION]
    )
    made, meetings = print_artifact_photos(artifacts, program.pk), print_photos(attachments)
    mixed = [photo for pair in zip(made, meetings) for photo in pair]
    shorter = min(len(made), len(meetings))
    mixed += made[shorter:] + meetings[shorter:]
    return mixed[:REPORT_PHOTOS_PER_SECTION]


def club_report_section(access) -> ReportSection | None:
    """Twelve queries: the clubs with their counts, their mentors and projects, the distinct members,
    ``club_weekly``'s five, ``skill_summary``'s one, the two kinds of photos. None (after the first) for a
    program without clubs."""
    program = access.program
    clubs = list(
        clubs_with_counts(program).prefetch_related(
            Prefetch("mentors", queryset=Person.objects.order_by("name")),
            Prefetch("projects", queryset=Project.objects.order_by("start_date", "title", "pk")),
        )
    )
    if not clubs:
        return None
    rows = club_weekly(program)
    summary = skill_summary(program)
    present = [row.present_percent for row in rows if row.present_percent is not None]
    assessed = [row for row in summary if row.baseline is not None or row.endline is not None]
    return ReportSection(
        key="projects",
        title=_("Student project clubs"),
        template="projects/_report_section.html",
        context={
            "clubs": clubs,
            "members": club_totals(program)["members"],  # a student in two clubs counts once
            "projects": sum(club.project_count for club in clubs),
            "held": sum(row.held for row in rows),
            "planned": sum(row.planned for row in rows),
            "artifacts": sum(row.artifacts for row in rows),
            "first_present": present[0] if present else None,
            "last_present": present[-1] if present else None,
            "chart": presence_chart(program, rows),
            "skills": assessed,
            "skills_chart": skills_chart(summary) if assessed else None,
            "levels": summary[0].levels if summary else 4,
            "photos": report_photos(program),
        },
        order=20,
        part=ReportPart.RESULTS,
    )
