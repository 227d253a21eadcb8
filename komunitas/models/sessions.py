"""Sessions of every activity, their attendance and their documentation."""

from __future__ import annotations

import datetime as dt
import uuid

from django.conf import settings
from django.db import models
from django.db.models import Count, Q
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .. import activities
from .people import ConsentPurpose, Person, PersonKind, PhotoConsent
from .programs import Program


class SessionStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    HELD = "held", _("Held")
    CANCELLED = "cancelled", _("Cancelled")


class SessionQuerySet(models.QuerySet):
    def held(self) -> SessionQuerySet:
        return self.filter(status=SessionStatus.HELD)

    def planned(self) -> SessionQuerySet:
        return self.filter(status=SessionStatus.PLANNED)

    def between(self, start: dt.date, end: dt.date) -> SessionQuerySet:
        return self.filter(date__gte=start, date__lte=end)

    def with_creator_role(self) -> SessionQuerySet:
        """Annotate ``creator_role``: the role at the program's school of whoever planned the session (a
        superuser counts as a facilitator), for ``ProgramAccess.can_fill_in``."""
        from .schools import Membership, Role

        role = Membership.objects.filter(user=models.OuterRef("created_by"), school=models.OuterRef("program__school"))
        superuser = models.Case(models.When(created_by__is_superuser=True, then=models.Value(Role.FACILITATOR.value)))
        return self.annotate(creator_role=Coalesce(superuser, models.Subquery(role.values("role")[:1])))

    def with_attendance_counts(self) -> SessionQuerySet:
        # The annotation groups rows, and grouped queries drop Meta.ordering: restate it.
        return self.annotate(
            present_count=Count("attendance", filter=Q(attendance__status="present"), distinct=True),
        ).order_by("date", "start_time", "pk")


class Session(models.Model):
    """One activity meeting of any kind. Its week is derived from its date (``program.week_of``)."""

    program = models.ForeignKey(Program, on_delete=models.CASCADE, related_name="sessions")
    # The kinds are declared by the apps (komunitas/activities.py): a callable, so adding one needs no migration.
    kind = models.CharField(
        _("activity"), max_length=activities.KIND_MAX_LENGTH, choices=activities.session_type_choices
    )
    title = models.CharField(_("title"), max_length=200)
    date = models.DateField(_("date"))
    start_time = models.TimeField(_("start time"), null=True, blank=True)
    end_time = models.TimeField(_("end time"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=120, blank=True)
    facilitator = models.ForeignKey(
        Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("facilitator")
    )
    status = models.CharField(_("status"), max_length=16, choices=SessionStatus.choices, default=SessionStatus.PLANNED)
    notes = models.TextField(_("notes"), max_length=2000, blank=True)
    series = models.UUIDField(
        null=True,
        blank=True,
        editable=False,
        help_text="Sessions created together by one recurring plan share this id.",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = SessionQuerySet.as_manager()

    class Meta:
        ordering = ["date", "start_time", "pk"]
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        indexes = [models.Index(fields=["program", "date"])]

    def __str__(self) -> str:
        return f"{self.title} ({self.date:%Y-%m-%d})"

    def get_absolute_url(self) -> str:
        return reverse("session_detail", args=[self.program_id, self.pk])

    @property
    def type(self) -> activities.SessionType | None:
        """The registered type of this session's kind (None when the app that owned it is gone)."""
        try:
            return activities.session_type(self.kind)
        except LookupError:
            return None

    @property
    def page_url(self) -> str:
        """Where lists link to: the activity app's own page for this kind when it has one."""
        url_name = self.type.page if self.type else None
        return reverse(url_name, args=[self.program_id, self.pk]) if url_name else self.get_absolute_url()

    def attendance_people(self, recorded: set[int], *, everyone: bool = False) -> list[Person]:
        """Who its attendance list shows: the usual audience of its kind (or every participant), plus anyone
        already recorded, so no mark is ever hidden."""
        audience = self.type.audience if self.type and not everyone else activities.participants_in()
        people = list(audience(self))
        missing = recorded - {person.pk for person in people}
        if missing:
            people += list(Person.objects.filter(pk__in=missing).order_by("name"))
        return people

    @property
    def week(self) -> int | None:
        return self.program.week_of(self.date)

    @property
    def in_future(self) -> bool:
        """Not happened yet: it cannot have attendance or be marked held."""
        return self.date > timezone.localdate()


class AttendanceStatus(models.TextChoices):
    PRESENT = "present", _("Present")
    ABSENT = "absent", _("Absent")
    EXCUSED = "excused", _("Excused")


class Attendance(models.Model):
    """Kehadiran. ``person`` is protected: a person with attendance history is archived, not deleted."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="attendance")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="attendance")
    status = models.CharField(_("status"), max_length=16, choices=AttendanceStatus.choices)

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [models.UniqueConstraint(fields=["session", "person"], name="attendance_once_per_session")]

    def __str__(self) -> str:
        return f"{self.person} — {self.get_status_display()}"


def attachment_path(instance: Attachment, filename: str) -> str:
    # Random names: the original name is kept in the model, never used on disk.
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"private/program-{instance.session.program_id}/{uuid.uuid4().hex}.{extension}"


class AttachmentKind(models.TextChoices):
    PHOTO = "photo", _("Photo")
    FILE = "file", _("File")


def keep_their_photos_to_staff(sender, instance: Person, **kwargs) -> None:
    """``pre_delete`` receiver for Person (connected in ``KomunitasConfig.ready``): a removed student's consent
    goes with them, so the photos they were in stay on staff pages — however the person is deleted (the roster,
    the admin, a cascade). Nothing becomes more visible because a record went away."""
    instance.photos.update(staff_only=True)


class AttachmentQuerySet(models.QuerySet):
    def with_consent(self) -> AttachmentQuerySet:
        """Annotate ``consent_<purpose>`` (staff, report, public): whether every student tagged in it has a
        guardian's consent in force for that purpose. Beyond staff pages consent fails closed: a photo kept to
        staff (``staff_only``, it showed a student since removed), an untagged photo and a document are in no
        report and nothing public."""
        flags = {}
        for purpose in ConsentPurpose.values:
            consented = PhotoConsent.objects.active().filter(person=models.OuterRef("pk"), purpose=purpose)
            lacking = Person.objects.filter(photos=models.OuterRef("pk"), kind=PersonKind.STUDENT).exclude(
                models.Exists(consented)
            )
            allowed = ~models.Exists(lacking)
            if purpose != ConsentPurpose.STAFF:
                # Beyond staff pages, only a photo whose students are known and all agreed: an untagged photo
                # (who is in it?) or a document (a list of names?) stays on the school's staff pages.
                tagged = Person.objects.filter(photos=models.OuterRef("pk"), kind=PersonKind.STUDENT)
                allowed &= models.Q(staff_only=False, kind=AttachmentKind.PHOTO) & models.Exists(tagged)
            flags[f"consent_{purpose}"] = models.ExpressionWrapper(allowed, output_field=models.BooleanField())
        return self.annotate(**flags)

    def shown_for(self, purpose: str) -> AttachmentQuerySet:
        """The documentation a purpose may show: ``report`` for the report and district officers, ``public``
        for anything public."""
        return self.with_consent().filter(**{f"consent_{purpose}": True})


class Attachment(models.Model):
    """Documentation of a session: a photo or a file, with a caption. Served only through a checked view.

    Consent is read live from the pictured students' consents in force (``with_consent``), never copied here,
    so withdrawing consent hides a photo everywhere at once.
    """

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="attachments")
    kind = models.CharField(_("kind"), max_length=8, choices=AttachmentKind.choices)
    file = models.FileField(_("file"), upload_to=attachment_path, max_length=255)
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField(default=0)
    caption = models.CharField(_("caption"), max_length=255, blank=True)
    people = models.ManyToManyField(Person, blank=True, related_name="photos", verbose_name=_("students in the photo"))
    staff_only = models.BooleanField(
        _("staff only"),
        default=False,
        help_text=_("It showed a student who has since been removed: it stays on the school's staff pages."),
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    objects = AttachmentQuerySet.as_manager()

    class Meta:
        ordering = ["uploaded_at", "pk"]
        verbose_name = _("documentation")
        verbose_name_plural = _("documentation")

    def __str__(self) -> str:
        return self.caption or self.original_name

    def get_absolute_url(self) -> str:
        return reverse("attachment_download", args=[self.session.program_id, self.pk])

    @property
    def thumb_url(self) -> str:
        """A small copy of a photo, for lists of photos (``print_images.thumb_copy``), behind the same checks."""
        return f"{self.get_absolute_url()}?size=thumb"

    @property
    def extension(self) -> str:
        return self.file.name.rsplit(".", 1)[-1] if "." in self.file.name else ""
