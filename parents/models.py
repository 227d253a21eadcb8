"""Kelas inspirasi orang tua — parent inspiration classes.

A class is a core ``Session`` (kind "parent_class") extended one-to-one by ``ParentClass``, as the forum and the
clubs extend theirs: attendance and documentation stay the core's. Parents have no accounts: staff tick the roster,
or parents check themselves in on their phone through a ``CheckInLink`` (a token, expiring, revocable); a parent
not on the roster leaves a ``CheckIn`` with a name and their child's class for the facilitator to confirm or merge.
What parents said is kept as ``DialogueNote`` (experience / obstacle / hope, the study's three), what they did as
``Contribution``, and what the school promised in return as ``FollowUp``.
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from komunitas.models import Person, Program, Session

PARENT_CLASS = "parent_class"  # the Session.kind of a parent class (declared in parents/activity.py)


class Theme(models.TextChoices):
    ROLE_AT_HOME = "role_at_home", _("The parent's role at home")
    MOTIVATION = "motivation", _("Motivating the child")
    SUPERVISING_STUDY = "supervising", _("Supervising study")
    LEARNING_ENVIRONMENT = "environment", _("A conducive learning environment")
    DIGITAL_PARENTING = "digital", _("Parenting in the digital era")
    OTHER = "other", _("Other")


class SpeakerKind(models.TextChoices):
    FACILITATOR = "facilitator", _("The facilitator")
    TEACHER = "teacher", _("A teacher")
    PARENT = "parent", _("A parent")
    GUEST = "guest", _("A guest")


class ParentClass(models.Model):
    """What a parent class adds to the core session: its theme, who spoke, the materials."""

    session = models.OneToOneField(Session, on_delete=models.CASCADE, primary_key=True, related_name="parent_class")
    theme = models.CharField(_("theme"), max_length=16, choices=Theme.choices, default=Theme.ROLE_AT_HOME)
    theme_other = models.CharField(_("other theme"), max_length=200, blank=True)
    speaker_kind = models.CharField(
        _("speaker"), max_length=16, choices=SpeakerKind.choices, default=SpeakerKind.FACILITATOR
    )
    speaker = models.ForeignKey(
        Person,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="parent_classes_spoken",
        verbose_name=_("speaker from the school"),
    )
    speaker_name = models.CharField(_("guest speaker"), max_length=120, blank=True)
    materials = models.TextField(_("materials"), max_length=4000, blank=True)

    class Meta:
        verbose_name = _("parent class")
        verbose_name_plural = _("parent classes")

    def __str__(self) -> str:
        return str(self.session)

    @property
    def theme_label(self) -> str:
        return self.theme_other if self.theme == Theme.OTHER and self.theme_other else self.get_theme_display()


def new_token() -> str:
    return secrets.token_urlsafe(16)


class CheckInLinkQuerySet(models.QuerySet):
    def open(self) -> CheckInLinkQuerySet:
        return self.filter(revoked_at__isnull=True, expires_at__gt=timezone.now())


class CheckInLink(models.Model):
    """A public link (and its QR code, shown in the room) for parents to check themselves in to one class at
    ``/c/<token>/``, until it expires (by default at the end of the class's day) or is revoked."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="check_in_links")
    token = models.CharField(max_length=32, unique=True, default=new_token, editable=False)
    expires_at = models.DateTimeField(_("expires at"))
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = CheckInLinkQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("check-in link")
        verbose_name_plural = _("check-in links")

    def __str__(self) -> str:
        return str(self.session)

    def get_absolute_url(self) -> str:
        return reverse("parent_check_in", args=[self.token])

    @property
    def is_open(self) -> bool:
        return self.revoked_at is None and self.expires_at > timezone.now()


class CheckInStatus(models.TextChoices):
    CHECKED_IN = "checked_in", _("Checked in")  # a parent on the roster: present at once
    PENDING = "pending", _("To confirm")  # a name not on the roster, for the facilitator
    CONFIRMED = "confirmed", _("Confirmed")  # added to the roster as a new parent
    MERGED = "merged", _("Merged")  # found to be a parent already on the roster
    REJECTED = "rejected", _("Rejected")  # not a parent of the school (a test, a prank)


class CheckIn(models.Model):
    """One self check-in through a link: a roster parent (``person``), or a name and a child's class the facilitator
    confirms or merges later. The attendance itself is the core's; this is its trace (and the rate limit's)."""

    link = models.ForeignKey(CheckInLink, on_delete=models.CASCADE, related_name="check_ins")
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="check_ins")
    person = models.ForeignKey(
        Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="check_ins", verbose_name=_("parent")
    )
    name = models.CharField(_("name"), max_length=120, blank=True)
    child_class = models.CharField(_("child's class"), max_length=20, blank=True)
    status = models.CharField(_("status"), max_length=12, choices=CheckInStatus.choices)
    network = models.CharField(max_length=64, blank=True)  # an HMAC of the client's address, for the rate limit
    device = models.CharField(max_length=64, blank=True)  # an HMAC of the phone's cookie: one check-in per phone
    created_at = models.DateTimeField(auto_now_add=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("check-in")
        verbose_name_plural = _("check-ins")
        constraints = [
            models.UniqueConstraint(
                fields=["session", "person"], condition=models.Q(person__isnull=False), name="check_in_once_per_class"
            )
        ]

    def __str__(self) -> str:
        return self.name or str(self.person)


class DialogueTag(models.TextChoices):
    EXPERIENCE = "experience", _("Experience")
    OBSTACLE = "obstacle", _("Obstacle")
    HOPE = "hope", _("Hope")


class DialogueNote(models.Model):
    """Dialog: what parents shared at a class — an experience, an obstacle or a hope — optionally by whom."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="dialogue_notes")
    tag = models.CharField(_("kind"), max_length=12, choices=DialogueTag.choices)
    text = models.TextField(_("what was said"), max_length=2000)
    theme = models.CharField(_("theme"), max_length=16, choices=Theme.choices, blank=True)
    parent = models.ForeignKey(
        Person,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="dialogue_notes",
        verbose_name=_("parent (optional)"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["session__date", "tag", "pk"]
        verbose_name = _("dialogue note")
        verbose_name_plural = _("dialogue notes")

    def __str__(self) -> str:
        return f"{self.get_tag_display()}: {self.text[:60]}"


class ContributionKind(models.TextChoices):
    SHARED_EXPERIENCE = "shared", _("Shared an experience")
    ASKED_QUESTION = "asked", _("Asked a question")
    VOLUNTEERED = "volunteered", _("Volunteered")
    BROUGHT_RESOURCE = "resource", _("Brought a resource")
    LED_SESSION = "led", _("Led a session")


class Contribution(models.Model):
    """What a parent did as a partner: at a class, or between classes (``session`` empty)."""

    program = models.ForeignKey(Program, on_delete=models.CASCADE, related_name="parent_contributions")
    parent = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="contributions", verbose_name=_("parent"))
    session = models.ForeignKey(
        Session,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="contributions",
        verbose_name=_("at the class"),
    )
    kind = models.CharField(_("contribution"), max_length=12, choices=ContributionKind.choices)
    date = models.DateField(_("date"), default=timezone.localdate)
    note = models.CharField(_("note"), max_length=500, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("contribution")
        verbose_name_plural = _("contributions")

    def __str__(self) -> str:
        return f"{self.parent} — {self.get_kind_display()}"


class FollowUp(models.Model):
    """Tindak lanjut: what was agreed at a class — what, who, by when — and when it was done."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="follow_ups")
    what = models.CharField(_("what"), max_length=300)
    who = models.CharField(
        _("who"), max_length=120, help_text=_("A name, a role or a group (e.g. the class teachers).")
    )
    due_date = models.DateField(_("by when"), null=True, blank=True)
    done_on = models.DateField(_("done on"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["due_date", "pk"]
        verbose_name = _("follow-up")
        verbose_name_plural = _("follow-ups")

    def __str__(self) -> str:
        return self.what
