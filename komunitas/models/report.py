"""What the final report (laporan akhir, ``/programs/<id>/report.pdf``) keeps besides the program's records: the
obstacles met along the way, and the texts the facilitator writes (or accepts as pre-filled from the data)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .programs import Program


class ObstacleCategory(models.TextChoices):
    """The obstacles the reference study names (teachers' limited time, differing motivation, limited
    facilities), and anything else."""

    TIME = "time", _("Teachers' limited time")
    MOTIVATION = "motivation", _("Differing motivation")
    FACILITIES = "facilities", _("Limited facilities")
    OTHER = "other", _("Other")


class Obstacle(models.Model):
    """Kendala — an obstacle met during the program, recorded as it arises, and how it was handled (the report's
    "masalah dan solusi")."""

    program = models.ForeignKey(Program, on_delete=models.CASCADE, related_name="obstacles")
    noted_on = models.DateField(_("noted on"))
    category = models.CharField(_("kind of obstacle"), max_length=16, choices=ObstacleCategory.choices)
    description = models.TextField(_("what happened"), max_length=2000)
    handling = models.TextField(_("how it was handled"), max_length=2000, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["noted_on", "pk"]
        verbose_name = _("obstacle")
        verbose_name_plural = _("obstacles")

    def __str__(self) -> str:
        return f"{self.noted_on}: {self.get_category_display()}"


class ReportText(models.Model):
    """The report's written parts for one program. An empty text is filled from the data when the report is
    printed (``komunitas.report.default_texts``), so a report reads whole before anyone writes a word."""

    program = models.OneToOneField(Program, on_delete=models.CASCADE, related_name="report_text")
    foreword = models.TextField(_("foreword"), max_length=4000, blank=True)
    background = models.TextField(_("background"), max_length=6000, blank=True)
    conclusions = models.TextField(_("conclusions"), max_length=6000, blank=True)
    recommendations = models.TextField(_("recommendations"), max_length=4000, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("report texts")
        verbose_name_plural = _("report texts")

    def __str__(self) -> str:
        return str(self.program)
