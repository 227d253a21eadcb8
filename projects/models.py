"""Klub belajar siswa berbasis proyek — student project clubs.

A club belongs to a program: its mentor teachers and its student members (a student may be in several clubs).
A club meeting is a core ``Session`` (kind "club") extended one-to-one by ``ClubMeeting``, as the forum extends
its sessions: attendance and documentation stay the core's. A club works on projects, each with a driving
question and a status from planning to done.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from komunitas.models import Person, Program, Session

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
