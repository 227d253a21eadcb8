"""What the clubs put on the dashboard's "Needs attention" (the plug-in contract's ``attention``): milestones of
the program's projects that are late — not done, their due day past."""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import ngettext

from komunitas.access import ProgramAccess
from komunitas.activities import Attention

from .work_selectors import late_milestones, project_url

SHOWN = 3  # links under the sentence; the count says how many in all


def late_project_milestones(access: ProgramAccess) -> list[Attention]:
    """One sentence with the number of late milestones and links to the projects of the first few (the longest
    overdue first). One query (the late milestones with their projects). Titles of milestones and projects name no
    student, so every role sees it (the dashboard caches it per role)."""
    program = access.program
    late = list(
        late_milestones(timezone.localdate())
        .filter(project__club__program=program)
        .select_related("project")
        .order_by("due_date", "pk")
    )
    if not late:
        return []
    text = ngettext(
        "%(n)s project milestone is late (not done by its due date)",
        "%(n)s project milestones are late (not done by their due date)",
        len(late),
    ) % {"n": len(late)}
    links = [
        (f"{milestone.title} ({milestone.project.title})", project_url(milestone.project, program.pk))
        for milestone in late[:SHOWN]
    ]
    return [Attention(text, links)]
