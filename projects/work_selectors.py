"""Reads of a project's work — its milestones and artifacts — that pages share, each at a fixed number of queries
(stated in its docstring)."""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, IntegerField, OuterRef, Prefetch, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone

from komunitas.access import ProgramAccess
from komunitas.models import Person

from .models import Artifact, Club, Milestone, Project


def project_url(project: Project, program_id: int) -> str:
    """A project's page (Project has no ``get_absolute_url``: its page sits below its club's)."""
    return reverse("projects:project", args=[program_id, project.club_id, project.pk])


def late_milestones(today: dt.date) -> QuerySet[Milestone]:
    """Milestones not done whose due day has passed (``Milestone.is_late`` as a filter)."""
    return Milestone.objects.filter(done_on__isnull=True, due_date__lt=today)


def projects_with_progress(club: Club, today: dt.date | None = None) -> QuerySet[Project]:
    """The club's projects with ``milestone_count`` and ``late_count``: one query (correlated counts)."""
    today = today or timezone.localdate()

    def counted(milestones):
        counts = milestones.filter(project_id=OuterRef("pk")).order_by().values("project_id").annotate(n=Count("pk"))
        return Coalesce(Subquery(counts.values("n"), output_field=IntegerField()), Value(0))

    return club.projects.annotate(
        milestone_count=counted(Milestone.objects.all()), late_count=counted(late_milestones(today))
    )


def visible_artifacts(access: ProgramAccess, project: Project) -> list[Artifact]:
    """The project's artifacts the viewer may see (``ProgramAccess.photo_filter`` on ``with_consent``: those who
    manage consent see what lacks it, to be marked), each with ``people_count``, its ``extension``, whether the
    viewer may change it (``may_change``) and, for those who see children's data, its students (``students``).
    One query, two for those who see the students."""
    students = Person.objects.filter(artifacts=OuterRef("pk")).order_by().values("artifacts").annotate(n=Count("pk"))
    items = (
        project.artifacts.with_consent()
        .filter(**access.photo_filter())
        .annotate(people_count=Coalesce(Subquery(students.values("n"), output_field=IntegerField()), Value(0)))
        .order_by("-uploaded_at", "-pk")
    )
    if access.sees_personal_data:
        items = items.prefetch_related(Prefetch("people", queryset=Person.objects.order_by("name"), to_attr="students"))
    items = list(items)
    for item in items:
        item.project = project  # the page's project, read once: no query per row
        item.extension = item.file.name.rsplit(".", 1)[-1] if "." in item.file.name else ""
        item.may_change = access.can_change(item)
        if not access.sees_personal_data:
            item.students = []
    return items


def project_page(access: ProgramAccess, project: Project) -> dict:
    """What a project's page shows: its milestones (each marked ``late`` or ``done_late``) and the artifacts the
    viewer may see. Two queries (milestones, artifacts with their counts), three for those who see children's data
    (the artifacts' students)."""
    today = timezone.localdate()
    milestones = list(project.milestones.all())
    for milestone in milestones:
        milestone.late = milestone.is_late(today)
        milestone.may_change = access.can_change(milestone)
    return {
        "club": project.club,
        "project": project,
        "milestones": milestones,
        "late_count": sum(1 for m in milestones if m.late),
        "done_count": sum(1 for m in milestones if m.done_on),
        "artifacts": visible_artifacts(access, project),
        "may_change": access.can_change(project),
    }
