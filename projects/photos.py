"""Artifact photos beyond the staff's pages: in the final report and on a club's showcase page, only those every
linked student's guardian allowed in the report (``Artifact.objects.shown_for("report")``).

The core's print and thumbnail copies (komunitas/print_images.py) are named after a file and read only its
``file``, so an artifact gets them the same way as a session photo. The core removes the copies of a deleted
``Attachment``; ``forget_copies`` does it for a deleted artifact (connected in ``ProjectsConfig.ready``), with the
program's stored reports that may embed it: a photo deleted because consent was withdrawn survives nowhere."""

from __future__ import annotations

from django.core.files.storage import default_storage
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from komunitas import print_images
from komunitas.print_images import PrintPhoto


def showcase_photo_url(program_id: int, club_id: int, artifact_id: int) -> str:
    return reverse("projects:showcase_photo", args=[program_id, club_id, artifact_id])


def print_artifact_photos(artifacts, program_id: int) -> list[PrintPhoto]:
    """The report's photos from ``artifacts`` (already ``shown_for("report")``, with ``project__club``
    selected): print copies made where missing, the project's title as the photo's "session". No query."""
    photos = []
    for artifact in artifacts:
        name = print_images.print_copy(artifact)
        if name is None:
            continue
        photos.append(
            PrintPhoto(
                media_url=f"/media/{name}",
                preview_url=showcase_photo_url(program_id, artifact.project.club_id, artifact.pk),
                caption=artifact.caption,
                session_title=artifact.project.title,
                date=timezone.localdate(artifact.uploaded_at),
            )
        )
    return photos


def forget_copies(sender, instance, **kwargs) -> None:
    """``post_delete`` receiver for Artifact: once the delete commits, its print copy and thumbnail go, and every
    stored report of its program. The program is read before the project may be gone (cascades delete the
    artifacts first)."""
    from komunitas import report_render

    from .models import Project

    names = [print_images.print_name(instance), print_images.thumb_name(instance)]
    program_id = Project.objects.filter(pk=instance.project_id).values_list("club__program_id", flat=True).first()

    def forget() -> None:
        for name in names:
            default_storage.delete(name)
        if program_id is not None:
            report_render.forget(program_id)

    transaction.on_commit(forget)
