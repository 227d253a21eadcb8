"""Writes of the lesson-study cycles and their plans that touch several rows. Keyword-only, one transaction each
(docs/architecture.md, "Where code goes"); the forms of ``lessonstudy.forms`` have checked the input.

A plan is never edited: every save adds a ``PlanVersion`` numbered one more than the version it was based on. Two
people who started from the same version cannot both save: the second is refused (``PlanConflict``) and keeps their
text on the form to compare and save again."""

from __future__ import annotations

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from komunitas.models import Person
from komunitas.uploads import Upload

from .models import Cycle, PlanFile, PlanVersion, Reflection

PLAN_FIELDS = ("objectives", "steps", "materials", "observer_guidance")


class PlanConflict(Exception):
    """Someone saved a newer version than the one the form started from."""

    def __init__(self, latest: int):
        super().__init__(latest)
        self.latest = latest


class PlanUnchanged(Exception):
    """The form holds exactly the newest version: nothing to save."""


@transaction.atomic
def cycle_save(*, cycle: Cycle, team: list[Person], user) -> Cycle:
    """Create or update a cycle with its team; its model teacher is always on the team."""
    if cycle.pk is None:
        cycle.created_by = user
    cycle.save()
    cycle.team.set({*team, cycle.model_teacher})
    return cycle


@transaction.atomic
def cycle_delete(*, cycle: Cycle) -> None:
    """The cycle, its plan versions and files (removed from disk on commit) and its seating chart go; its open
    lessons' and reflections' sessions stay on the schedule with their attendance and notes."""
    cycle.delete()


@transaction.atomic
def cycle_close(*, cycle: Cycle, done: bool) -> Cycle:
    """Close the cycle (Done) or reopen it."""
    cycle.done_at = timezone.now() if done else None
    cycle.save(update_fields=["done_at", "updated_at"])
    return cycle


def _latest_number(cycle: Cycle) -> int:
    return cycle.plan_versions.aggregate(n=Max("number"))["n"] or 0


@transaction.atomic
def plan_save(*, cycle: Cycle, base: int, content: dict, user) -> PlanVersion:
    """A new version of the cycle's plan from ``content`` (``PlanVersion`` fields), made from version ``base`` (0:
    the first). Raises ``PlanConflict`` when ``base`` is no longer the newest, ``PlanUnchanged`` when the content is
    the newest version's."""
    # The cycle's row is the plan's lock (PostgreSQL): a second save waits here and then sees the first's version.
    Cycle.objects.select_for_update().filter(pk=cycle.pk).values_list("pk", flat=True).first()
    latest = _latest_number(cycle)
    if base != latest:
        raise PlanConflict(latest)
    if latest:
        newest = cycle.plan_versions.get(number=latest)
        if all(getattr(newest, name) == content[name] for name in PLAN_FIELDS):
            raise PlanUnchanged
    try:
        # Where rows are not locked (SQLite), the unique (cycle, number) refuses the second of two saves made at
        # the same moment from the same version; that is the same conflict.
        with transaction.atomic():
            return PlanVersion.objects.create(cycle=cycle, number=base + 1, saved_by=user, **content)
    except IntegrityError:
        raise PlanConflict(_latest_number(cycle)) from None


@transaction.atomic
def plan_file_add(*, cycle: Cycle, upload: Upload, caption: str, user) -> PlanFile:
    """Store a checked upload (re-encoded when a photo) under a random name."""
    clean = upload.clean
    plan_file = PlanFile(
        cycle=cycle,
        original_name=upload.original_name[:255],
        content_type=clean.content_type,
        size=len(clean.content),
        caption=caption,
        uploaded_by=user,
    )
    plan_file.file.save(f"upload.{clean.extension}", ContentFile(clean.content), save=False)
    plan_file.save()
    return plan_file


@transaction.atomic
def plan_file_delete(*, plan_file: PlanFile) -> None:
    plan_file.delete()  # its file goes once the transaction commits (komunitas.uploads.remove_files_of)


def _next_title(title: str) -> str:
    """ "Siklus 1" → "Siklus 2"; a title without a number at its end gets " 2"."""
    head, _space, tail = title.rpartition(" ")
    if head and tail.isdigit() and len(tail) < 4:
        return f"{head} {int(tail) + 1}"[:200]
    return f"{title[:197]} 2"


def revisions_text(cycle: Cycle) -> str:
    """The revisions the cycle's reflection meetings decided, in meeting order: one query."""
    found = (
        Reflection.objects.filter(cycle=cycle)
        .exclude(revisions="")
        .order_by("session__date", "pk")
        .values_list("revisions", flat=True)
    )
    return "\n\n".join(text.strip() for text in found)


@transaction.atomic
def cycle_start_next(*, cycle: Cycle, user) -> Cycle:
    """A new cycle for the same subject, class, topic, model teacher and team, started from ``cycle``; its plan's
    version 1 is ``cycle``'s newest version. The revisions the reflection decided head "what observers should
    watch": the team sees them while revising the design, and the observers check whether they worked."""
    following = Cycle.objects.create(
        program_id=cycle.program_id,
        title=_next_title(cycle.title),
        subject=cycle.subject,
        class_name=cycle.class_name,
        topic=cycle.topic,
        model_teacher_id=cycle.model_teacher_id,
        research_theme=cycle.research_theme,
        goals=cycle.goals,
        rows=cycle.rows,
        columns=cycle.columns,
        previous=cycle,
        created_by=user,
    )
    following.team.set(cycle.team.all())
    latest = cycle.plan_versions.order_by("-number").first()
    content = {name: getattr(latest, name) for name in PLAN_FIELDS} if latest else {"steps": []}
    revisions = revisions_text(cycle)
    guidance = content.get("observer_guidance", "")
    if revisions:
        heading = _("Revisions from the reflection of “%(title)s” (check whether they worked):") % {
            "title": cycle.title
        }
        guidance = f"{heading}\n{revisions}" + (f"\n\n{guidance}" if guidance else "")
    content["observer_guidance"] = guidance
    if latest:
        note = _("From “%(title)s”, version %(n)s.") % {"title": cycle.title, "n": latest.number}
    else:
        note = _("From “%(title)s”.") % {"title": cycle.title}
    if revisions:
        note += " " + _("Its reflection's revisions are under what observers should watch.")
    PlanVersion.objects.create(cycle=following, number=1, saved_by=user, note=note[:300], **content)
    return following
