"""Builders for the clubs' figures tests (metrics, panel, report, export, showcase): artifacts with a real small
JPEG, and 4C assessments. Deterministic: the same arguments build the same rows."""

from __future__ import annotations

import datetime as dt
import io

from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image

from komunitas import services
from komunitas.models import AttachmentKind
from komunitas.uploads import CleanFile
from projects.models import Artifact, Phase, RubricScale, SkillAssessment
from projects.rubric import level_for


def jpeg(seed: int = 0, size=(40, 30)) -> bytes:
    image = Image.new("RGB", size, (seed * 40 % 256, 120, 200))
    out = io.BytesIO()
    image.save(out, format="JPEG")
    return out.getvalue()


def add_artifact(project, people=(), *, day: dt.date | None = None, caption="Karya", kind=AttachmentKind.PHOTO, seed=0):
    """An artifact of ``project`` showing ``people``, uploaded on ``day`` (noon, local time)."""
    data = jpeg(seed) if kind == AttachmentKind.PHOTO else b"%PDF-1.4\n"
    artifact = Artifact.objects.create(
        project=project,
        kind=kind,
        file=ContentFile(data, name="karya.jpg" if kind == AttachmentKind.PHOTO else "karya.pdf"),
        original_name="karya.jpg",
        content_type="image/jpeg" if kind == AttachmentKind.PHOTO else "application/pdf",
        size=len(data),
        caption=caption,
    )
    artifact.people.set(people)
    if day is not None:
        noon = timezone.make_aware(dt.datetime.combine(day, dt.time(12)))
        Artifact.objects.filter(pk=artifact.pk).update(uploaded_at=noon)
        artifact.uploaded_at = noon
    return artifact


def assess(club, person, skill, score, *, phase=Phase.BASELINE, week=0, scale=RubricScale.P5):
    level = level_for(scale, score)
    return SkillAssessment.objects.create(
        club=club,
        person=person,
        phase=phase,
        week=week,
        skill=skill,
        score=score,
        scale=scale,
        level_code=level.code,
        level_label=level.label,
    )


def meeting_photo(session, people, seed=0):
    """A photo of a club meeting (a core attachment) showing ``people``."""
    clean = CleanFile(jpeg(seed), "image/jpeg", "jpg")
    return services.attachment_add(
        session=session, clean=clean, original_name="foto.jpg", caption=f"Foto {seed}", people=people, user=None
    )
