"""Writes of a project's work: milestones and artifacts. Keyword-only, one transaction each
(docs/architecture.md, "Where code goes"); the forms of ``projects.work_forms`` have checked the input."""

from __future__ import annotations

from django.core.files.base import ContentFile
from django.db import transaction

from komunitas.models import AttachmentKind, Person
from komunitas.uploads import Upload

from .models import Artifact, Milestone, Project


@transaction.atomic
def milestone_save(*, milestone: Milestone, user) -> Milestone:
    if milestone.pk is None:
        milestone.created_by = user
    milestone.save()
    return milestone


@transaction.atomic
def milestone_delete(*, milestone: Milestone) -> None:
    milestone.delete()


@transaction.atomic
def artifact_add(*, project: Project, upload: Upload, caption: str, people: list[Person], user) -> Artifact:
    """Store a checked upload (re-encoded when a photo) under a random name, with its caption and students."""
    clean = upload.clean
    artifact = Artifact(
        project=project,
        kind=AttachmentKind.PHOTO if clean.content_type.startswith("image/") else AttachmentKind.FILE,
        original_name=upload.original_name[:255],
        content_type=clean.content_type,
        size=len(clean.content),
        caption=caption,
        created_by=user,
    )
    artifact.file.save(f"upload.{clean.extension}", ContentFile(clean.content), save=False)
    artifact.save()
    artifact.people.set(people)
    return artifact


@transaction.atomic
def artifact_save(*, artifact: Artifact, people: list[Person]) -> Artifact:
    """Its caption (already on ``artifact``) and its students."""
    artifact.save()
    artifact.people.set(people)
    return artifact


@transaction.atomic
def artifact_delete(*, artifact: Artifact) -> None:
    artifact.delete()  # its file goes once the transaction commits (komunitas.uploads.remove_files_of)
