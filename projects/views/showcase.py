"""A club's showcase (pameran proyek): its projects and the photos that may go into the final report, to show and
to print. Every reader sees the same page: photos only ``shown_for("report")``, no student named."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.files.storage import default_storage
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404

from komunitas import print_images
from komunitas.access import ProgramAccess, program_access
from komunitas.models import Attachment, AttachmentKind
from komunitas.uploads import serve_private
from komunitas.views import render_program

from ..models import Artifact, Club
from ..photos import showcase_photo_url
from .base import get_club

PHOTOS_SHOWN = 60  # a printable page: a few sheets of thumbnails


def showcase_page(access: ProgramAccess, club: Club) -> dict:
    """The club's projects with their milestones done of total, and its report-consented photos: artifacts and
    meeting photos. Three queries (projects with counts, artifacts, meeting photos)."""
    projects = list(
        club.projects.annotate(
            milestone_n=Count("milestones", distinct=True),
            milestones_done=Count("milestones", filter=Q(milestones__done_on__isnull=False), distinct=True),
        ).order_by("start_date", "title", "pk")
    )
    artifacts = list(
        Artifact.objects.filter(project__club=club)
        .shown_for("report")
        .select_related("project")
        .order_by("project__start_date", "project_id", "uploaded_at", "pk")[:PHOTOS_SHOWN]
    )
    for artifact in artifacts:
        artifact.photo_url = showcase_photo_url(access.program.pk, club.pk, artifact.pk)
    by_project: dict[int, list[Artifact]] = {}
    for artifact in artifacts:
        by_project.setdefault(artifact.project_id, []).append(artifact)
    for project in projects:
        project.photos = by_project.get(project.pk, [])
    meeting_photos = list(
        Attachment.objects.filter(session__club_meeting__club=club)
        .shown_for("report")
        .select_related("session")
        .order_by("session__date", "pk")[:PHOTOS_SHOWN]
    )
    return {"club": club, "projects": projects, "meeting_photos": meeting_photos, "photo_count": len(artifacts)}


@login_required
def showcase(request: HttpRequest, program_id: int, pk: int) -> HttpResponse:
    access = program_access(request, program_id)
    club = get_club(access, pk)
    return render_program(request, "projects/showcase.html", access, showcase_page(access, club))


@login_required
def showcase_photo(request: HttpRequest, program_id: int, pk: int, artifact_pk: int) -> HttpResponse:
    """An artifact photo of the showcase (and of the report's preview): only one the report may show, so
    whoever reads the program may see it; ``?size=thumb`` for its small copy."""
    access = program_access(request, program_id)
    club = get_club(access, pk)
    artifact = get_object_or_404(
        Artifact.objects.filter(project__club=club, kind=AttachmentKind.PHOTO).shown_for("report"), pk=artifact_pk
    )
    if request.GET.get("size") == "thumb":
        thumb = print_images.thumb_copy(artifact)
        if thumb:
            return serve_private(
                default_storage.open(thumb), content_type="image/jpeg", filename="thumb.jpg", inline=True
            )
    return serve_private(
        artifact.file, content_type=artifact.content_type, filename=artifact.original_name, inline=True
    )
