"""The forum's section of the final report (the plug-in contract's ``report_sections``): participation week by
week (the dashboard's chart), its figures, the topics discussed, and a few photos of forum sessions that every
pictured student's guardian allowed in the report."""

from __future__ import annotations

from django.db.models import Count
from django.utils.translation import gettext as _

from komunitas.activities import REPORT_PHOTOS_PER_SECTION, ReportPart, ReportSection
from komunitas.models import Attachment
from komunitas.print_images import print_photos

from .metrics import forum_weekly
from .models import FORUM, ForumSession
from .panels import participation_chart


def forum_report_section(access) -> ReportSection | None:
    """Six queries: ``forum_weekly``'s four, the topics, the photos. None when no forum session was held."""
    program = access.program
    rows = forum_weekly(program)
    held = sum(row.held for row in rows)
    if not held:
        return None
    topics = (
        ForumSession.objects.filter(session__program=program, session__status="held")
        .values("topic_category")
        .annotate(n=Count("pk"))
        .order_by("-n", "topic_category")
    )
    labels = dict(ForumSession._meta.get_field("topic_category").choices)
    attachments = (
        Attachment.objects.filter(session__program=program, session__kind=FORUM)
        .shown_for("report")
        .select_related("session")
        .order_by("session__date", "pk")[:REPORT_PHOTOS_PER_SECTION]
    )
    present = [row.present_percent for row in rows if row.held and row.present_percent is not None]
    return ReportSection(
        key="forums",
        title=_("Teacher forum"),
        template="forums/includes/_report_section.html",
        context={
            "chart": participation_chart(program, rows),
            "held": held,
            "planned": sum(row.planned for row in rows),
            "feedback": sum(row.feedback for row in rows),
            "reflections": sum(row.reflections for row in rows),
            "methods_per_teacher": rows[-1].methods_to_date_per_teacher if rows else 0,
            "first_present": present[0] if present else None,
            "last_present": present[-1] if present else None,
            "topics": [(labels.get(row["topic_category"], row["topic_category"]), row["n"]) for row in topics],
            "photos": print_photos(attachments),
        },
        order=10,
        part=ReportPart.RESULTS,
    )
