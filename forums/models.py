"""The teacher best-practice forum (forum berbagi praktik baik guru, in the spirit of KKG/MGMP).

A forum session is a core ``Session`` (kind "forum") extended one-to-one by ``ForumSession``; its attendance
and documentation are the core's. Around it: the agreed follow-ups (rencana tindak lanjut), peer feedback in
the kombel form Sampaikan – Tanyakan – Berikan, personal reflections, and the practice log that turns forum talk
into the study's indicator "variasi metode pembelajaran" (distinct methods each teacher uses, week by week).
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from komunitas.models import Person, Program, Session

FORUM = "forum"  # the Session.kind of a forum session (declared in forums/activity.py)


class ForumFormat(models.TextChoices):
    SMALL_GROUP = "small_group", _("Small-group discussion")
    PLENARY = "plenary", _("Plenary presentation")


class TopicCategory(models.TextChoices):
    TEACHING_MODULE = "teaching_module", _("Teaching module (modul ajar)")
    STRATEGY = "strategy", _("Teaching strategy")
    ASSESSMENT = "assessment", _("Assessment and evaluation")
    MEDIA = "media", _("Learning media and technology")
    CLASSROOM = "classroom", _("Classroom management")
    OTHER = "other", _("Other")


class ForumSession(models.Model):
    """Forum berbagi praktik baik — what a forum session adds to the core session.

    The core session holds the notulen's nama kegiatan (title), hari/tanggal, waktu, tempat and
    moderator/pemandu (``session.facilitator``); the presenters are the narasumber.
    """

    session = models.OneToOneField(Session, on_delete=models.CASCADE, primary_key=True, related_name="forum")
    format = models.CharField(_("format"), max_length=16, choices=ForumFormat.choices, default=ForumFormat.SMALL_GROUP)
    topic_category = models.CharField(_("topic category"), max_length=24, choices=TopicCategory.choices)
    presenters = models.ManyToManyField(
        Person, related_name="forum_presentations", verbose_name=_("presenting teachers (narasumber)")
    )
    notetaker = models.ForeignKey(
        Person,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("note-taker (notulis)"),
    )
    agenda = models.TextField(_("agenda"), max_length=2000, blank=True)
    opening = models.TextField(_("opening (pembuka)"), max_length=2000, blank=True)
    practice = models.TextField(_("practice shared"), max_length=10000, blank=True)
    discussion_notes = models.TextField(_("discussion notes"), max_length=10000, blank=True)
    conclusion = models.TextField(_("conclusion (kesimpulan)"), max_length=4000, blank=True)

    class Meta:
        verbose_name = _("forum session")
        verbose_name_plural = _("forum sessions")

    def __str__(self) -> str:
        return str(self.session)

    def get_absolute_url(self) -> str:
        return reverse("forums:detail", args=[self.session.program_id, self.session_id])


class FollowUp(models.Model):
    """One row of the rencana tindak lanjut (RTL): action, person responsible, deadline, done."""

    forum = models.ForeignKey(ForumSession, on_delete=models.CASCADE, related_name="follow_ups")
    order = models.PositiveSmallIntegerField(default=0)
    action = models.CharField(_("action"), max_length=255)
    responsible = models.CharField(_("person responsible"), max_length=120, blank=True)
    due_date = models.DateField(_("deadline"), null=True, blank=True)
    done = models.BooleanField(_("done"), default=False)

    class Meta:
        ordering = ["forum", "order", "pk"]
        verbose_name = _("follow-up (RTL)")
        verbose_name_plural = _("follow-ups (RTL)")

    def __str__(self) -> str:
        return self.action


class PeerFeedback(models.Model):
    """Umpan balik sejawat in the kombel form Sampaikan – Tanyakan – Berikan.

    ``author`` is always stored: "anonymous" hides it from the presenter and other readers, never from the
    facilitator (see ``forums.views._show_authors``).
    """

    forum = models.ForeignKey(ForumSession, on_delete=models.CASCADE, related_name="feedback")
    presenter = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="feedback_received", verbose_name=_("presenter")
    )
    author = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="feedback_given")
    went_well = models.TextField(_("Share: what I saw that worked"), max_length=2000)
    question = models.TextField(_("Ask: a question"), max_length=2000, blank=True)
    suggestion = models.TextField(_("Give: a suggestion"), max_length=2000, blank=True)
    anonymous = models.BooleanField(_("anonymous to the presenter"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["forum", "created_at", "pk"]
        verbose_name = _("peer feedback")
        verbose_name_plural = _("peer feedback")
        constraints = [
            models.UniqueConstraint(fields=["forum", "presenter", "author"], name="feedback_once_per_presenter"),
        ]

    def __str__(self) -> str:
        return f"{self.author} → {self.presenter}"


class Reflection(models.Model):
    """Refleksi pribadi after a session: what I learned, what I will try in my class, by when."""

    forum = models.ForeignKey(ForumSession, on_delete=models.CASCADE, related_name="reflections")
    author = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="forum_reflections")
    learned = models.TextField(_("What I learned"), max_length=2000)
    will_try = models.TextField(_("What I will try in my class"), max_length=2000)
    try_by = models.DateField(_("By when"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["forum", "created_at", "pk"]
        verbose_name = _("reflection")
        verbose_name_plural = _("reflections")
        constraints = [models.UniqueConstraint(fields=["forum", "author"], name="reflection_once_per_session")]

    def __str__(self) -> str:
        return f"{self.author} — {self.forum}"


# The list a new program starts with; each program extends and renames its own copy.
DEFAULT_METHODS = [
    _("Lecture with questions and answers"),
    _("Small-group discussion"),
    _("Problem-based learning"),
    _("Project-based learning"),
    _("Discovery learning"),
    _("Inquiry learning"),
    _("Cooperative learning: jigsaw"),
    _("Think-pair-share"),
    _("Demonstration or experiment"),
    _("Role play"),
    _("Differentiated instruction"),
    _("Game-based learning"),
    _("Outdoor learning / field study"),
    _("Peer tutoring"),
    _("Gallery walk"),
]


class MethodQuerySet(models.QuerySet):
    def active(self) -> MethodQuerySet:
        return self.filter(active=True)


class Method(models.Model):
    """A teaching method (metode pembelajaran) on the program's list."""

    program = models.ForeignKey(Program, on_delete=models.CASCADE, related_name="methods")
    name = models.CharField(_("name"), max_length=120)
    active = models.BooleanField(_("offered in the practice log"), default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = MethodQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("teaching method")
        verbose_name_plural = _("teaching methods")
        constraints = [models.UniqueConstraint(Lower("name"), "program", name="method_unique_name_in_program")]

    def __str__(self) -> str:
        return self.name


def evidence_path(instance: PracticeLog, filename: str) -> str:
    # Random names, like the core's attachments: the original name is kept in the model only.
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"private/program-{instance.program_id}/practice/{uuid.uuid4().hex}.{extension}"


class PracticeLog(models.Model):
    """ "I tried this method in my class": one entry of a teacher's practice log."""

    program = models.ForeignKey(Program, on_delete=models.CASCADE, related_name="practice_logs")
    teacher = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="practice_logs", verbose_name=_("teacher")
    )
    date = models.DateField(_("date"))
    class_name = models.CharField(_("class"), max_length=16, help_text=_("For example 7A."))
    method = models.ForeignKey(Method, on_delete=models.PROTECT, related_name="logs", verbose_name=_("method"))
    forum = models.ForeignKey(
        ForumSession,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="practice_logs",
        verbose_name=_("inspired by forum session"),
    )
    how_it_went = models.TextField(_("how it went"), max_length=4000)
    evidence = models.FileField(_("evidence"), upload_to=evidence_path, max_length=255, blank=True)
    evidence_name = models.CharField(max_length=255, blank=True)
    evidence_type = models.CharField(max_length=100, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("practice log entry")
        verbose_name_plural = _("practice log")
        indexes = [models.Index(fields=["program", "date"])]

    def __str__(self) -> str:
        return f"{self.teacher} — {self.method} ({self.date:%Y-%m-%d})"

    @property
    def evidence_is_image(self) -> bool:
        return self.evidence_type.startswith("image/")
