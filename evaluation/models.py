"""The evaluation of a program, as the study ran it (METODE): observation sheets, interview guides and
questionnaires built from items, the answers collected with them, and Table 1's aspects that tie it together.

- ``Aspect``: a row of the summary table (Table 1): the aspect assessed, its initial and final condition and the
  indicator of improvement. ``key`` names the standard row it is (``StandardAspect``), so that the activities'
  weekly indicators, which name those rows, find it.
- ``Instrument`` ──< ``Item``: an observation sheet, an interview guide or a questionnaire. Likert items share
  the instrument's scale (its points' values and labels). Once an instrument has responses its items and scale
  are locked, so a stored answer never changes meaning; an editable copy starts a new version.
- ``Response`` ──< ``Answer``: one filled-in instrument, in a phase (baseline, weekly, endline), by a known
  respondent or anonymous (through a ``QuestionnaireLink``), optionally during a session.
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from komunitas.activities import StandardAspect
from komunitas.models import Person, PersonKind, Program, Session

# SS/S/N/TS/STS scored 5–1: the Likert scale Indonesian schools know.
DEFAULT_SCALE = [
    {"value": 5, "label": "Sangat Setuju (SS)"},
    {"value": 4, "label": "Setuju (S)"},
    {"value": 3, "label": "Netral (N)"},
    {"value": 2, "label": "Tidak Setuju (TS)"},
    {"value": 1, "label": "Sangat Tidak Setuju (STS)"},
]


def default_scale() -> list[dict]:
    return [dict(point) for point in DEFAULT_SCALE]


class Aspect(models.Model):
    """One row of Table 1. The five standard rows come with a program, in the study's wording."""

    program = models.ForeignKey(Program, on_delete=models.CASCADE, related_name="aspects")
    key = models.CharField(
        _("standard aspect"),
        max_length=32,
        choices=StandardAspect.choices,
        blank=True,
        help_text=_("Which of the study's five aspects this row is; activity figures are matched by it."),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    name = models.CharField(_("aspect assessed"), max_length=120)
    initial_condition = models.TextField(_("initial condition"), max_length=1000, blank=True)
    final_condition = models.TextField(_("final condition"), max_length=1000, blank=True)
    indicator = models.TextField(_("indicator of improvement"), max_length=1000, blank=True)

    class Meta:
        ordering = ["program", "order", "pk"]
        verbose_name = _("aspect")
        verbose_name_plural = _("aspects")
        constraints = [
            models.UniqueConstraint(fields=["program", "key"], condition=~Q(key=""), name="aspect_key_once_per_program")
        ]

    def __str__(self) -> str:
        return self.name


class InstrumentKind(models.TextChoices):
    OBSERVATION = "observation", _("Observation sheet (lembar observasi)")
    INTERVIEW = "interview", _("Interview guide (pedoman wawancara)")
    QUESTIONNAIRE = "questionnaire", _("Questionnaire (angket)")


class Instrument(models.Model):
    program = models.ForeignKey(Program, on_delete=models.CASCADE, related_name="instruments")
    kind = models.CharField(_("kind"), max_length=16, choices=InstrumentKind.choices)
    title = models.CharField(_("title"), max_length=200)
    instructions = models.TextField(_("instructions"), max_length=2000, blank=True)
    audience = models.CharField(
        _("respondents"),
        max_length=16,
        choices=[(kind, label) for kind, label in PersonKind.choices if kind != PersonKind.PRINCIPAL],
        help_text=_("Who answers it, or whom the observation or interview is about."),
    )
    scale = models.JSONField(
        _("Likert scale"),
        default=default_scale,
        help_text=_("The points of its Likert items, highest first: a value and a label each."),
    )
    once_per_device = models.BooleanField(
        _("once per device"),
        default=False,
        help_text=_("A public link accepts one answer per phone or computer."),
    )
    copied_from = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+", editable=False
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["program", "kind", "title", "pk"]
        verbose_name = _("instrument")
        verbose_name_plural = _("instruments")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("evaluation:instrument_detail", args=[self.program_id, self.pk])

    # The scale, read the ways the forms and the analysis need it.
    @property
    def scale_values(self) -> list[int]:
        return [point["value"] for point in self.scale]

    @property
    def scale_choices(self) -> list[tuple[int, str]]:
        return [(point["value"], point["label"]) for point in self.scale]

    def scale_label(self, value) -> str:
        return next((point["label"] for point in self.scale if point["value"] == value), str(value))

    @property
    def scale_bounds(self) -> tuple[int, int]:
        values = self.scale_values
        return min(values), max(values)

    @property
    def locked(self) -> bool:
        """Has responses: its items and scale may no longer change (``response_count`` when annotated)."""
        count = getattr(self, "response_count", None)
        return bool(count) if count is not None else self.responses.exists()


def check_scale(points) -> None:
    """A scale is a list of at least two points with distinct whole values and a label each."""
    if not isinstance(points, list) or len(points) < 2:
        raise ValidationError(_("A scale needs at least two points."))
    values = []
    for point in points:
        if not isinstance(point, dict) or not isinstance(point.get("value"), int) or not str(point.get("label", "")):
            raise ValidationError(_("Each point of a scale needs a whole number and a label."))
        values.append(point["value"])
    if len(set(values)) != len(values):
        raise ValidationError(_("Two points of the scale have the same value."))


class ItemType(models.TextChoices):
    LIKERT = "likert", _("Likert scale")
    YES_NO = "yes_no", _("Yes / no")
    NUMBER = "number", _("Number")
    SHORT_TEXT = "short_text", _("Short text")
    LONG_TEXT = "long_text", _("Long text")


NUMERIC_TYPES = {ItemType.LIKERT, ItemType.YES_NO, ItemType.NUMBER}


class Item(models.Model):
    instrument = models.ForeignKey(Instrument, on_delete=models.CASCADE, related_name="items")
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    text = models.TextField(_("question or statement"), max_length=1000)
    type = models.CharField(_("answer type"), max_length=16, choices=ItemType.choices, default=ItemType.LIKERT)
    required = models.BooleanField(_("required"), default=True)
    reverse = models.BooleanField(
        _("negative statement"),
        default=False,
        help_text=_("Scored in reverse: agreeing strongly scores lowest."),
    )
    aspect = models.ForeignKey(
        Aspect,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="items",
        verbose_name=_("aspect (Table 1)"),
    )

    class Meta:
        ordering = ["instrument", "order", "pk"]
        verbose_name = _("item")
        verbose_name_plural = _("items")

    def __str__(self) -> str:
        return self.text[:80]


class Phase(models.TextChoices):
    BASELINE = "baseline", _("Baseline (start)")
    WEEKLY = "weekly", _("During the program")
    ENDLINE = "endline", _("Endline (end)")


def new_token() -> str:
    return secrets.token_urlsafe(16)


class QuestionnaireLinkQuerySet(models.QuerySet):
    def open(self) -> QuestionnaireLinkQuerySet:
        return self.filter(revoked_at__isnull=True, expires_at__gt=timezone.now())


class QuestionnaireLink(models.Model):
    """A public link (and its QR code) for answering a questionnaire without an account, at ``/q/<token>/``."""

    instrument = models.ForeignKey(Instrument, on_delete=models.CASCADE, related_name="links")
    phase = models.CharField(_("phase"), max_length=16, choices=Phase.choices)
    token = models.CharField(max_length=32, unique=True, default=new_token, editable=False)
    expires_at = models.DateTimeField(_("expires at"))
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = QuestionnaireLinkQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("questionnaire link")
        verbose_name_plural = _("questionnaire links")

    def __str__(self) -> str:
        return f"{self.instrument} — {self.get_phase_display()}"

    def get_absolute_url(self) -> str:
        return reverse("questionnaire_public", args=[self.token])

    @property
    def is_open(self) -> bool:
        return self.revoked_at is None and self.expires_at > timezone.now()


class Response(models.Model):
    """One filled-in instrument: an observation, an interview's notes, or a questionnaire's answers."""

    # CASCADE, so that a program can be deleted; the pages refuse to delete an instrument that has responses.
    instrument = models.ForeignKey(Instrument, on_delete=models.CASCADE, related_name="responses")
    phase = models.CharField(_("phase"), max_length=16, choices=Phase.choices, default=Phase.WEEKLY)
    date = models.DateField(_("date"), default=timezone.localdate)
    respondent = models.ForeignKey(
        Person,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="evaluation_responses",
        verbose_name=_("respondent or person observed"),
    )
    session = models.ForeignKey(
        Session,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="evaluation_responses",
        verbose_name=_("session"),
    )
    link = models.ForeignKey(
        QuestionnaireLink, on_delete=models.SET_NULL, null=True, blank=True, related_name="responses"
    )
    device = models.CharField(max_length=64, blank=True, editable=False)  # a cookie's digest: once per device
    network = models.CharField(max_length=64, blank=True, editable=False)  # a keyed digest of the address: rate limit
    notes = models.TextField(_("notes"), max_length=4000, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-date", "-created_at", "-pk"]
        verbose_name = _("response")
        verbose_name_plural = _("responses")
        indexes = [models.Index(fields=["instrument", "phase"]), models.Index(fields=["link", "created_at"])]

    def __str__(self) -> str:
        return f"{self.instrument} — {self.get_phase_display()} — {self.date}"

    def get_absolute_url(self) -> str:
        return reverse("evaluation:response_detail", args=[self.instrument.program_id, self.pk])


class Answer(models.Model):
    """The answer to one item: ``value`` for Likert (the scale point's value, as stored when answered), yes/no
    (1/0) and number items; ``text`` for text items. An item left blank has no answer (never a zero)."""

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="answers")  # items lock with answers
    value = models.FloatField(null=True, blank=True)
    text = models.TextField(max_length=4000, blank=True)

    class Meta:
        ordering = ["response", "item__order", "item_id"]
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [models.UniqueConstraint(fields=["response", "item"], name="answer_once_per_item")]

    def __str__(self) -> str:
        return self.text or ("" if self.value is None else f"{self.value:g}")
