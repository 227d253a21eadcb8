"""Lesson study berbasis komunitas — community lesson study: Plan – Do – See cycles.

A ``Cycle`` belongs to a program: a subject, a class, a topic, the model teacher and the team, the research theme.
Plan: the lesson plan is written together and every saved revision is kept (``PlanVersion``: objectives, the design
table, materials, what observers watch), with the school's own files attached (``PlanFile``). Do: the open lesson is
a core ``Session`` (kind "open_lesson") extended one-to-one by ``OpenLesson``; each observer has a focus
(``ObserverFocus``: a group or students, by seat on the class's ``Seat`` chart) and writes time-stamped
``ObservationNote``s from a phone. See: the reflection meeting is a core ``Session`` (kind "ls_reflection") extended by
``Reflection``: the model teacher first, then observers, facts about students; the findings and the revisions for the
next cycle. Attendance and documentation stay the core's.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from komunitas.models import Person, Program, Session

OPEN_LESSON = "open_lesson"  # the Session.kind of an open lesson (declared in lessonstudy/activity.py)
LS_REFLECTION = "ls_reflection"  # the Session.kind of a cycle's reflection meeting


class Stage(models.TextChoices):
    PLAN = "plan", _("Plan")
    DO = "do", _("Do")
    SEE = "see", _("See")
    DONE = "done", _("Done")


class Cycle(models.Model):
    """Siklus lesson study: one lesson planned together, taught openly, observed and reflected on."""

    program = models.ForeignKey(Program, on_delete=models.CASCADE, related_name="lesson_cycles")
    title = models.CharField(_("title"), max_length=200)
    subject = models.CharField(_("subject"), max_length=100)
    class_name = models.CharField(
        _("class"), max_length=20, help_text=_("The class the open lesson is taught in, e.g. 8A.")
    )
    topic = models.CharField(_("topic"), max_length=200)
    model_teacher = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="model_lessons", verbose_name=_("model teacher")
    )
    team = models.ManyToManyField(Person, related_name="lesson_study_teams", blank=True, verbose_name=_("team"))
    research_theme = models.TextField(_("research theme"), max_length=1000, blank=True)
    goals = models.TextField(_("learning goals of the cycle"), max_length=2000, blank=True)
    # The seating chart's size; its seats are ``Seat`` rows.
    rows = models.PositiveSmallIntegerField(_("rows of seats"), default=5)
    columns = models.PositiveSmallIntegerField(_("seats per row"), default=6)
    previous = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="next_cycles",
        verbose_name=_("started from"),
    )  # fmt: skip
    done_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("lesson study cycle")
        verbose_name_plural = _("lesson study cycles")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(rows__gte=1, rows__lte=12, columns__gte=1, columns__lte=12),
                name="cycle_seating_chart_1_12",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("lessonstudy:detail", args=[self.program_id, self.pk])


class PlanVersion(models.Model):
    """One saved revision of a cycle's lesson plan; none is ever changed or deleted (compare any two).

    ``steps`` is the design table, a list of rows ``{"activity", "minutes", "anticipated", "observe"}``: learning
    activities with timings | anticipated student responses and the teacher's response | points to observe."""

    cycle = models.ForeignKey(Cycle, on_delete=models.CASCADE, related_name="plan_versions")
    number = models.PositiveIntegerField(_("version"))
    objectives = models.TextField(_("learning objectives"), max_length=4000, blank=True)
    steps = models.JSONField(_("design table"), default=list, blank=True)
    materials = models.TextField(_("materials"), max_length=4000, blank=True)
    observer_guidance = models.TextField(_("what observers should watch"), max_length=2000, blank=True)
    note = models.CharField(_("what changed"), max_length=300, blank=True)
    saved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    saved_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["cycle", "number"]
        verbose_name = _("lesson plan version")
        verbose_name_plural = _("lesson plan versions")
        constraints = [models.UniqueConstraint(fields=["cycle", "number"], name="plan_version_once")]

    def __str__(self) -> str:
        return f"{self.cycle} — v{self.number}"


def plan_file_path(instance: PlanFile, filename: str) -> str:
    # Random names, as the core's documentation: the original name is kept in the model, never used on disk.
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"private/program-{instance.cycle.program_id}/lessonstudy/{uuid.uuid4().hex}.{extension}"


class PlanFile(models.Model):
    """The school's own RPP / modul ajar attached to a cycle's plan (a document or a photo, checked by content)."""

    cycle = models.ForeignKey(Cycle, on_delete=models.CASCADE, related_name="plan_files")
    file = models.FileField(_("file"), upload_to=plan_file_path, max_length=255)
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField(default=0)
    caption = models.CharField(_("caption"), max_length=255, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["uploaded_at", "pk"]
        verbose_name = _("plan file")
        verbose_name_plural = _("plan files")

    def __str__(self) -> str:
        return self.caption or self.original_name


class Seat(models.Model):
    """A seat of the cycle's class: who sits there (a student, or a code when not on the roster) and their group."""

    cycle = models.ForeignKey(Cycle, on_delete=models.CASCADE, related_name="seats")
    row = models.PositiveSmallIntegerField(_("row"))
    column = models.PositiveSmallIntegerField(_("seat"))
    person = models.ForeignKey(
        Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="lesson_seats", verbose_name=_("student")
    )
    label = models.CharField(
        _("code"), max_length=20, blank=True, help_text=_("A code when no name is used, e.g. S12.")
    )
    group = models.CharField(_("group"), max_length=40, blank=True)

    class Meta:
        ordering = ["cycle", "row", "column"]
        verbose_name = _("seat")
        verbose_name_plural = _("seats")
        constraints = [
            models.UniqueConstraint(fields=["cycle", "row", "column"], name="seat_once"),
            models.UniqueConstraint(
                fields=["cycle", "person"], condition=models.Q(person__isnull=False), name="seat_one_per_student"
            ),
        ]

    def __str__(self) -> str:
        return self.label or str(self.person or f"{self.row}-{self.column}")


class OpenLesson(models.Model):
    """What an open lesson adds to the core session: its cycle (and through it the plan being taught)."""

    session = models.OneToOneField(Session, on_delete=models.CASCADE, primary_key=True, related_name="open_lesson")
    cycle = models.ForeignKey(Cycle, on_delete=models.CASCADE, related_name="open_lessons")

    class Meta:
        verbose_name = _("open lesson")
        verbose_name_plural = _("open lessons")

    def __str__(self) -> str:
        return str(self.session)


class ObserverFocus(models.Model):
    """What one observer watches during an open lesson: a group of students, or students by seat."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="observer_focuses")
    observer = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="observer_focuses", verbose_name=_("observer")
    )
    group = models.CharField(_("group"), max_length=40, blank=True)
    students = models.ManyToManyField(Person, blank=True, related_name="watched_in", verbose_name=_("students"))
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("observer focus")
        verbose_name_plural = _("observer focuses")
        constraints = [models.UniqueConstraint(fields=["session", "observer"], name="observer_focus_once")]

    def __str__(self) -> str:
        return f"{self.observer} — {self.group or self.note}"


class NoteTag(models.TextChoices):
    ENGAGEMENT = "engagement", _("Engagement")
    COLLABORATION = "collaboration", _("Collaboration")
    MISCONCEPTION = "misconception", _("Misconception")
    QUESTION = "question", _("Question")
    INSIGHT = "insight", _("Insight")


def note_photo_path(instance: ObservationNote, filename: str) -> str:
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"private/program-{instance.session.program_id}/lessonstudy/notes/{uuid.uuid4().hex}.{extension}"


class ObservationNote(models.Model):
    """A time-stamped note an observer took during an open lesson, about students (never the teacher).

    ``client_id`` is made by the observer's phone when the note is typed: a note sent again after a dropped
    connection is recognised and stored once. ``noted_at`` is the phone's clock when the note was typed; a note
    typed before the lesson started or long after it ended is kept, flagged ``late``. Its photo, if any, stays on the
    staff's pages (it shows students; it is no documentation for the report)."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="observation_notes")
    observer = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="observation_notes", verbose_name=_("observer")
    )
    client_id = models.UUIDField(unique=True, default=uuid.uuid4, editable=False)
    noted_at = models.DateTimeField(_("noted at"))
    received_at = models.DateTimeField(auto_now_add=True)
    text = models.TextField(_("note"), max_length=2000)
    tag = models.CharField(_("what it shows"), max_length=16, choices=NoteTag.choices, blank=True)
    students = models.ManyToManyField(Person, blank=True, related_name="observed_in_notes", verbose_name=_("students"))
    group = models.CharField(_("group"), max_length=40, blank=True)
    photo = models.FileField(_("photo"), upload_to=note_photo_path, max_length=255, blank=True)
    late = models.BooleanField(_("late"), default=False)

    class Meta:
        ordering = ["session", "noted_at", "pk"]
        verbose_name = _("observation note")
        verbose_name_plural = _("observation notes")

    def __str__(self) -> str:
        return self.text[:60]


class Reflection(models.Model):
    """The reflection meeting of a cycle (See): the model teacher speaks first, then the observers, with facts about
    students; what the group found, and the revisions for the next cycle."""

    session = models.OneToOneField(
        Session, on_delete=models.CASCADE, primary_key=True, related_name="lesson_reflection"
    )
    cycle = models.ForeignKey(Cycle, on_delete=models.CASCADE, related_name="reflections")
    model_teacher_view = models.TextField(_("the model teacher's reflection"), max_length=4000, blank=True)
    observers_view = models.TextField(_("what the observers saw"), max_length=6000, blank=True)
    findings = models.TextField(_("findings"), max_length=4000, blank=True)
    revisions = models.TextField(_("revisions for the next cycle"), max_length=4000, blank=True)

    class Meta:
        verbose_name = _("lesson study reflection")
        verbose_name_plural = _("lesson study reflections")

    def __str__(self) -> str:
        return str(self.session)
