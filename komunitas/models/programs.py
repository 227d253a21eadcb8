"""A school's learning-community program: its weeks, and the stages of its cycle with their checklists."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from .schools import School


class ProgramQuerySet(models.QuerySet):
    def visible_to(self, user) -> ProgramQuerySet:
        """Programs the user may read: their schools' and their districts' programs."""
        if not user.is_authenticated:
            return self.none()
        if user.is_superuser:
            return self.all()
        return self.filter(Q(school__memberships__user=user) | Q(school__district__officers__user=user)).distinct()


class Program(models.Model):
    """A learning-community program of one school, N weeks long (the study ran 10)."""

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="programs", verbose_name=_("school"))
    name = models.CharField(_("name"), max_length=160)
    description = models.TextField(_("goals and background"), max_length=4000, blank=True)
    start_date = models.DateField(_("start date"))
    weeks = models.PositiveSmallIntegerField(_("number of weeks"), default=10)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ProgramQuerySet.as_manager()

    class Meta:
        ordering = ["-start_date", "name"]
        verbose_name = _("program")
        verbose_name_plural = _("programs")
        constraints = [models.CheckConstraint(condition=Q(weeks__gte=1) & Q(weeks__lte=52), name="program_weeks_1_52")]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("program_dashboard", args=[self.pk])

    @property
    def end_date(self) -> dt.date:
        return self.start_date + dt.timedelta(days=7 * self.weeks - 1)

    def contains(self, day: dt.date) -> bool:
        return self.start_date <= day <= self.end_date

    def check_date(self, day: dt.date) -> None:
        """ValidationError, in words a user understands, when ``day`` is outside the program."""
        if not self.contains(day):
            raise ValidationError(
                _("The date is outside the program (%(start)s – %(end)s).")
                % {"start": date_format(self.start_date), "end": date_format(self.end_date)},
                code="outside_program",
            )

    def week_of(self, day: dt.date) -> int | None:
        """Week number 1..N of a date, or None outside the program."""
        if not self.contains(day):
            return None
        return (day - self.start_date).days // 7 + 1

    def week_range(self, week: int) -> tuple[dt.date, dt.date]:
        start = self.start_date + dt.timedelta(days=7 * (week - 1))
        return start, start + dt.timedelta(days=6)

    def week_numbers(self) -> range:
        return range(1, self.weeks + 1)

    def current_week(self, today: dt.date | None = None) -> int | None:
        return self.week_of(today or timezone.localdate())

    def stage_on(self, day: dt.date, stages=None) -> Stage | None:
        """The stage whose date range holds ``day``; pass prefetched ``stages`` to save a query."""
        for stage in stages if stages is not None else self.stages.all():
            if stage.start_date <= day <= stage.end_date:
                return stage
        return None


class CycleTemplate(models.TextChoices):
    """Stage presets offered when a program is created; the stages themselves are data."""

    STUDY = (
        "study",
        _("Community of practice (study): planning → implementation → observation & evaluation → reflection"),
    )
    KOMBEL = "kombel", _("Ministry kombel cycle: initial reflection → planning → implementation → evaluation")


# Name, share of the program's weeks, checklist. Names are stored in the program's language of creation.
CYCLE_PRESETS: dict[str, list[tuple[str, float, list[str]]]] = {
    CycleTemplate.STUDY: [
        (_("Planning"), 0.2, [_("Needs identification"), _("Coordination with the school"), _("Program schedule")]),
        (
            _("Implementation"),
            0.5,
            [
                _("Teacher forum running"),
                _("Student project clubs running"),
                _("Parent inspiration classes held"),
                _("Lesson study cycle held"),
            ],
        ),
        (
            _("Observation & evaluation"),
            0.2,
            [_("Observation sheets filled"), _("Interviews held"), _("Questionnaires collected")],
        ),
        (_("Reflection"), 0.1, [_("Results analysed"), _("Report written")]),
    ],
    CycleTemplate.KOMBEL: [
        (_("Initial reflection"), 0.2, [_("Learning needs identified"), _("Community goal agreed")]),
        (_("Planning"), 0.2, [_("Activity plan and schedule"), _("Roles agreed")]),
        (_("Implementation"), 0.4, [_("Activities held as planned"), _("Documentation collected")]),
        (_("Evaluation"), 0.2, [_("Impact evaluated"), _("Follow-up plan (RTL) written")]),
    ],
}


class Stage(models.Model):
    """A stage of the program's cycle (tahap), as a date range with a checklist."""

    program = models.ForeignKey(Program, on_delete=models.CASCADE, related_name="stages")
    order = models.PositiveSmallIntegerField(_("order"))
    name = models.CharField(_("name"), max_length=120)
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"))

    class Meta:
        ordering = ["program", "order"]
        verbose_name = _("stage")
        verbose_name_plural = _("stages")
        constraints = [
            models.CheckConstraint(condition=Q(end_date__gte=models.F("start_date")), name="stage_end_after_start"),
        ]

    def __str__(self) -> str:
        return self.name


class ChecklistItem(models.Model):
    """One thing to do in a stage (e.g. "needs identification")."""

    stage = models.ForeignKey(Stage, on_delete=models.CASCADE, related_name="checklist")
    order = models.PositiveSmallIntegerField(default=0)
    text = models.CharField(_("task"), max_length=200)
    done_at = models.DateTimeField(_("done at"), null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["stage", "order", "pk"]
        verbose_name = _("checklist item")
        verbose_name_plural = _("checklist items")

    def __str__(self) -> str:
        return self.text

    @property
    def done(self) -> bool:
        return self.done_at is not None


class ProgramSetup(models.Model):
    """A new program's first run (the setup guide): which steps the facilitator skipped, and when the guide was
    finished. Programs made before the guide existed have none, and show no guide."""

    program = models.OneToOneField(Program, on_delete=models.CASCADE, primary_key=True, related_name="setup")
    skipped = models.JSONField(_("skipped steps"), default=list, blank=True)  # SetupStep keys
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        verbose_name = _("program setup")
        verbose_name_plural = _("program setups")

    def __str__(self) -> str:
        return str(self.program)
