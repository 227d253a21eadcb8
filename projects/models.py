"""Klub belajar siswa berbasis proyek — student project clubs.

A club belongs to a program: its mentor teachers and its student members (a student may be in several clubs).
A club meeting is a core ``Session`` (kind "club") extended one-to-one by ``ClubMeeting``, as the forum extends
its sessions: attendance and documentation stay the core's. A club works on projects, each with a driving
question and a status from planning to done.
"""

from __future__ import annotations

import datetime as dt
import uuid

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from komunitas.models import AttachmentKind, Person, Program, School, Session

from .consent import ArtifactQuerySet

CLUB = "club"  # the Session.kind of a club meeting (declared in projects/activity.py)


class Club(models.Model):
    """Klub belajar siswa: a group of students working on projects with their mentor teachers."""

    program = models.ForeignKey(Program, on_delete=models.CASCADE, related_name="clubs")
    name = models.CharField(_("name"), max_length=120)
    theme = models.CharField(_("theme"), max_length=200, blank=True)
    mentors = models.ManyToManyField(Person, related_name="mentored_clubs", verbose_name=_("mentor teachers"))
    members = models.ManyToManyField(Person, related_name="clubs", blank=True, verbose_name=_("student members"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("club")
        verbose_name_plural = _("clubs")
        constraints = [models.UniqueConstraint(Lower("name"), "program", name="club_unique_name_in_program")]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("projects:detail", args=[self.program_id, self.pk])


class ClubMeeting(models.Model):
    """Pertemuan klub — what a club meeting adds to the core session."""

    session = models.OneToOneField(Session, on_delete=models.CASCADE, primary_key=True, related_name="club_meeting")
    club = models.ForeignKey(Club, on_delete=models.CASCADE, related_name="meetings")
    activities = models.TextField(_("what the group did"), max_length=4000, blank=True)
    next_steps = models.TextField(_("next steps"), max_length=2000, blank=True)

    class Meta:
        verbose_name = _("club meeting")
        verbose_name_plural = _("club meetings")

    def __str__(self) -> str:
        return str(self.session)


class ProjectStatus(models.TextChoices):
    PLANNING = "planning", _("Planning")
    IN_PROGRESS = "in_progress", _("In progress")
    PRESENTED = "presented", _("Presented")
    DONE = "done", _("Done")


class Project(models.Model):
    """Proyek: what a club works on, led by a driving question (pertanyaan pemantik)."""

    club = models.ForeignKey(Club, on_delete=models.CASCADE, related_name="projects")
    title = models.CharField(_("title"), max_length=200)
    driving_question = models.CharField(_("driving question (pertanyaan pemantik)"), max_length=500, blank=True)
    description = models.TextField(_("description"), max_length=4000, blank=True)
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"))
    status = models.CharField(_("status"), max_length=16, choices=ProjectStatus.choices, default=ProjectStatus.PLANNING)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["start_date", "title", "pk"]
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__gte=models.F("start_date")), name="project_ends_after_it_starts"
            )
        ]

    def __str__(self) -> str:
        return self.title


class Milestone(models.Model):
    """Tonggak: a step of a project with its due date; late while it is not done after its due day."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="milestones")
    title = models.CharField(_("title"), max_length=200)
    due_date = models.DateField(_("due date"))
    done_on = models.DateField(_("done on"), null=True, blank=True)
    evidence = models.TextField(
        _("evidence"), max_length=2000, blank=True, help_text=_("What shows it is done: a product, a link, a note.")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["due_date", "pk"]
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")

    def __str__(self) -> str:
        return self.title

    def is_late(self, today: dt.date) -> bool:
        """Not done and its due day has passed."""
        return self.done_on is None and self.due_date < today

    @property
    def done_late(self) -> bool:
        return self.done_on is not None and self.done_on > self.due_date


def artifact_path(instance: Artifact, filename: str) -> str:
    # Random names, as the core's documentation: the original name is kept in the model, never used on disk.
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"private/program-{instance.project.club.program_id}/artifacts/{uuid.uuid4().hex}.{extension}"


class Artifact(models.Model):
    """Karya siswa: a photo or a file of what students made, linked to a project and to the students who made it
    or are shown. Consent is read live from their consents in force (``ArtifactQuerySet.with_consent``), never
    copied here: a photo of a student without consent stays on the staff's pages, marked as such."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="artifacts")
    kind = models.CharField(_("kind"), max_length=8, choices=AttachmentKind.choices)
    file = models.FileField(_("file"), upload_to=artifact_path, max_length=255)
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField(default=0)
    caption = models.CharField(_("caption"), max_length=255, blank=True)
    people = models.ManyToManyField(
        Person, blank=True, related_name="artifacts", verbose_name=_("students who made it or are shown")
    )
    staff_only = models.BooleanField(
        _("staff only"),
        default=False,
        help_text=_("It showed a student who has since been removed: it stays on the school's staff pages."),
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    objects = ArtifactQuerySet.as_manager()

    class Meta:
        ordering = ["uploaded_at", "pk"]
        verbose_name = _("artifact")
        verbose_name_plural = _("artifacts")

    def __str__(self) -> str:
        return self.caption or self.original_name


class RubricScale(models.TextChoices):
    """The rubric levels a school scores the 4C with (DESIGN: local conventions); levels in projects/rubric.py."""

    P5 = "p5", _("P5: BB / MB / BSH / SB")
    CO_CURRICULAR_2025 = "k2025", _("Co-curricular 2025: Berkembang / Cakap / Mahir")


class ClubRubric(models.Model):
    """The school's choice of rubric levels; without a row, P5's. It can change until the first assessment, so
    that a program's averages never mix two scales."""

    school = models.OneToOneField(School, on_delete=models.CASCADE, related_name="club_rubric")
    scale = models.CharField(_("rubric levels"), max_length=8, choices=RubricScale.choices, default=RubricScale.P5)

    class Meta:
        verbose_name = _("club rubric")
        verbose_name_plural = _("club rubrics")

    def __str__(self) -> str:
        return self.get_scale_display()


class Skill(models.TextChoices):
    """The four 21st-century skills (4C), which map onto four 2025 graduate-profile dimensions."""

    CRITICAL_THINKING = "critical_thinking", _("Critical thinking")
    CREATIVITY = "creativity", _("Creativity")
    COMMUNICATION = "communication", _("Communication")
    COLLABORATION = "collaboration", _("Collaboration")


class Phase(models.TextChoices):
    BASELINE = "baseline", _("Baseline")
    WEEKLY = "weekly", _("Weekly")
    ENDLINE = "endline", _("Endline")


class SkillAssessment(models.Model):
    """One skill of one student, scored by a club's mentor at a phase (baseline, a week, endline). The level's code
    and label are stored as scored, so the record stays true if the school's wording changes later."""

    club = models.ForeignKey(Club, on_delete=models.CASCADE, related_name="assessments")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="skill_assessments")
    phase = models.CharField(_("phase"), max_length=8, choices=Phase.choices)
    week = models.PositiveSmallIntegerField(_("week"), default=0, help_text=_("0 unless the phase is weekly."))
    skill = models.CharField(_("skill"), max_length=20, choices=Skill.choices)
    score = models.PositiveSmallIntegerField(_("score"))
    scale = models.CharField(max_length=8, choices=RubricScale.choices)
    level_code = models.CharField(max_length=8)
    level_label = models.CharField(max_length=60)
    assessed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    assessed_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["club", "person", "phase", "week", "skill"]
        verbose_name = _("4C assessment")
        verbose_name_plural = _("4C assessments")
        constraints = [
            models.UniqueConstraint(
                fields=["club", "person", "phase", "week", "skill"], name="skill_assessment_once_per_phase"
            ),
            models.CheckConstraint(condition=models.Q(score__gte=1, score__lte=4), name="skill_score_1_4"),
            models.CheckConstraint(
                condition=models.Q(phase="weekly", week__gte=1) | (~models.Q(phase="weekly") & models.Q(week=0)),
                name="skill_assessment_week_only_when_weekly",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} · {self.get_skill_display()} · {self.level_code}"
