"""The core domain: schools, programs and their stages, people, sessions, attendance and documentation.

Activity apps (forums, projects, parents, lessonstudy) extend ``Session`` with a one-to-one model of their
own; nothing here imports them, so the dashboard, the schedule and the exports read one table.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from . import registry


class District(models.Model):
    """Kabupaten/kota — the district a pengawas (district officer) oversees."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    province = models.CharField(_("province"), max_length=120, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("district")
        verbose_name_plural = _("districts")

    def __str__(self) -> str:
        return self.name


class School(models.Model):
    """Sekolah."""

    name = models.CharField(_("name"), max_length=160)
    npsn = models.CharField(_("NPSN"), max_length=16, blank=True, help_text=_("National school number, optional."))
    district = models.ForeignKey(District, on_delete=models.PROTECT, related_name="schools", verbose_name=_("district"))
    address = models.CharField(_("address"), max_length=255, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("school")
        verbose_name_plural = _("schools")
        constraints = [models.UniqueConstraint(fields=["district", "name"], name="school_unique_name_in_district")]

    def __str__(self) -> str:
        return self.name


class Role(models.TextChoices):
    PRINCIPAL = "principal", _("Principal")
    FACILITATOR = "facilitator", _("Facilitator")
    TEACHER = "teacher", _("Teacher")


class Membership(models.Model):
    """A user's role at one school. A user may hold different roles at different schools."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("school"))
    role = models.CharField(_("role"), max_length=16, choices=Role.choices)

    class Meta:
        verbose_name = _("school role")
        verbose_name_plural = _("school roles")
        constraints = [models.UniqueConstraint(fields=["user", "school"], name="membership_one_role_per_school")]

    def __str__(self) -> str:
        return f"{self.user} — {self.get_role_display()} @ {self.school}"


class DistrictOfficer(models.Model):
    """Pengawas / dinas: reads, never edits, every school of a district."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="district_roles")
    district = models.ForeignKey(
        District, on_delete=models.CASCADE, related_name="officers", verbose_name=_("district")
    )

    class Meta:
        verbose_name = _("district officer")
        verbose_name_plural = _("district officers")
        constraints = [models.UniqueConstraint(fields=["user", "district"], name="district_officer_unique")]

    def __str__(self) -> str:
        return f"{self.user} @ {self.district}"


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
    description = models.TextField(_("goals and background"), blank=True)
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

    def week_param(self, value: str | None) -> int | None:
        """A week number from a query string (``?week=3``), or None when it is not a week of the program."""
        if value and value.isdigit() and int(value) in self.week_numbers():
            return int(value)
        return None

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


class PersonKind(models.TextChoices):
    TEACHER = "teacher", _("Teacher")
    STUDENT = "student", _("Student")
    PARENT = "parent", _("Parent")
    FACILITATOR = "facilitator", _("Facilitator")
    PRINCIPAL = "principal", _("Principal")


# Grade 1–12 (arabic or roman) followed by an optional section: 7A, 8 B, VIII-A, 9.1
CLASS_PATTERN = re.compile(r"^(1[0-2]|[1-9]|VIII|VII|IX|XII|XI|X)[\s\-.]?([A-Z]{1,2}|[0-9]{1,2})?$")
ROMAN_GRADES = {"VII": "7", "VIII": "8", "IX": "9", "X": "10", "XI": "11", "XII": "12"}


def normalize_class_name(text: str) -> str | None:
    """ "8 b", "VIII-B" → "8B"; None when it is not a grade and section."""
    match = CLASS_PATTERN.match(" ".join(text.upper().split()))
    if not match:
        return None
    grade = ROMAN_GRADES.get(match.group(1), match.group(1))
    return grade + (match.group(2) or "")


class PersonQuerySet(models.QuerySet):
    def active(self) -> PersonQuerySet:
        return self.filter(archived_at__isnull=True)

    def principal_of(self, school_id: int) -> Person | None:
        """The school's principal, who signs off printed lists and reports ("Mengetahui")."""
        return self.active().filter(school_id=school_id, kind=PersonKind.PRINCIPAL).order_by("pk").first()

    def participants_of(self, program: Program, roles: list[str] | None = None) -> PersonQuerySet:
        """Active participants of ``program`` (in one of ``roles``, when given), in roster order."""
        people = self.active().filter(participations__program=program)
        if roles:
            people = people.filter(participations__role__in=roles)
        return people.order_by("kind", "class_name", "name")

    def search(self, text: str) -> PersonQuerySet:
        if not text:
            return self
        return self.filter(
            Q(name__icontains=text)
            | Q(class_name__icontains=text)
            | Q(subject__icontains=text)
            | Q(identifier__icontains=text)
        )


class Person(models.Model):
    """Someone in the school community. Students and parents have no account; staff may link one."""

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="people", verbose_name=_("school"))
    name = models.CharField(_("name"), max_length=120)
    kind = models.CharField(_("kind"), max_length=16, choices=PersonKind.choices)
    identifier = models.CharField(
        _("NIS / NIP"),
        max_length=32,
        blank=True,
        help_text=_("Student or staff number, optional; used to recognise the same person on re-import."),
    )
    class_name = models.CharField(_("class"), max_length=16, blank=True, help_text=_("For students, e.g. 7A."))
    subject = models.CharField(_("subject taught"), max_length=80, blank=True)
    phone = models.CharField(_("phone"), max_length=32, blank=True)
    guardian_of = models.ManyToManyField(
        "self", symmetrical=False, blank=True, related_name="guardians", verbose_name=_("parent of")
    )
    photo_consent = models.BooleanField(
        _("photo consent"),
        default=False,
        help_text=_("For students: a parent or guardian agreed that photos showing this student may be shared."),
    )
    photo_consent_by = models.CharField(_("consent given by"), max_length=120, blank=True)
    photo_consent_date = models.DateField(_("consent date"), null=True, blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="person",
        verbose_name=_("user account"),
    )
    archived_at = models.DateTimeField(_("archived at"), null=True, blank=True)

    objects = PersonQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("person")
        verbose_name_plural = _("people")
        indexes = [models.Index(fields=["school", "kind", "name"])]

    def __str__(self) -> str:
        return f"{self.name} ({self.class_name})" if self.class_name else self.name

    @property
    def needs_consent(self) -> bool:
        return self.kind == PersonKind.STUDENT and not self.photo_consent

    @property
    def archived(self) -> bool:
        return self.archived_at is not None


class Participant(models.Model):
    """A person taking part in one program (the study's purposive sample) and the role they play in it."""

    program = models.ForeignKey(Program, on_delete=models.CASCADE, related_name="participants")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="participations")
    role = models.CharField(_("role in program"), max_length=16, choices=PersonKind.choices)
    joined_on = models.DateField(_("joined on"), default=timezone.localdate)

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        constraints = [models.UniqueConstraint(fields=["program", "person"], name="participant_once_per_program")]

    def __str__(self) -> str:
        return f"{self.person} — {self.get_role_display()}"


class SessionKind(models.TextChoices):
    FORUM = "forum", _("Teacher forum")
    CLUB = "club", _("Project club")
    PARENT_CLASS = "parent_class", _("Parent class")
    OPEN_LESSON = "open_lesson", _("Open lesson (lesson study)")
    REFLECTION = "reflection", _("Reflection")
    OTHER = "other", _("Other")


class SessionStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    HELD = "held", _("Held")
    CANCELLED = "cancelled", _("Cancelled")


# Whose attendance a session of each kind takes first; kinds not listed show every participant.
SESSION_AUDIENCE: dict[str, list[str]] = {
    SessionKind.FORUM: [PersonKind.TEACHER, PersonKind.FACILITATOR, PersonKind.PRINCIPAL],
    SessionKind.OPEN_LESSON: [PersonKind.TEACHER, PersonKind.FACILITATOR, PersonKind.PRINCIPAL],
    SessionKind.REFLECTION: [PersonKind.TEACHER, PersonKind.FACILITATOR, PersonKind.PRINCIPAL],
    SessionKind.CLUB: [PersonKind.STUDENT, PersonKind.TEACHER],
    SessionKind.PARENT_CLASS: [PersonKind.PARENT, PersonKind.TEACHER, PersonKind.FACILITATOR],
}


def attendance_people(program: Program, kind: str, recorded: set[int], *, everyone: bool = False) -> list[Person]:
    """Who an attendance list of a session shows: the kind's usual audience among the participants (or every
    participant), plus anyone already recorded, so no mark is ever hidden."""
    roles = None if everyone else SESSION_AUDIENCE.get(kind)
    people = list(Person.objects.participants_of(program, roles))
    missing = recorded - {person.pk for person in people}
    if missing:
        people += list(Person.objects.filter(pk__in=missing).order_by("name"))
    return people


class SessionQuerySet(models.QuerySet):
    def held(self) -> SessionQuerySet:
        return self.filter(status=SessionStatus.HELD)

    def planned(self) -> SessionQuerySet:
        return self.filter(status=SessionStatus.PLANNED)

    def between(self, start: dt.date, end: dt.date) -> SessionQuerySet:
        return self.filter(date__gte=start, date__lte=end)

    def with_attendance_counts(self) -> SessionQuerySet:
        # The annotation groups rows, and grouped queries drop Meta.ordering: restate it.
        return self.annotate(
            present_count=Count("attendance", filter=Q(attendance__status="present"), distinct=True),
        ).order_by("date", "start_time", "pk")


class Session(models.Model):
    """One activity meeting of any kind. Its week is derived from its date (``program.week_of``)."""

    program = models.ForeignKey(Program, on_delete=models.CASCADE, related_name="sessions")
    kind = models.CharField(_("activity"), max_length=16, choices=SessionKind.choices)
    title = models.CharField(_("title"), max_length=200)
    date = models.DateField(_("date"))
    start_time = models.TimeField(_("start time"), null=True, blank=True)
    end_time = models.TimeField(_("end time"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=120, blank=True)
    facilitator = models.ForeignKey(
        Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("facilitator")
    )
    status = models.CharField(_("status"), max_length=16, choices=SessionStatus.choices, default=SessionStatus.PLANNED)
    notes = models.TextField(_("notes"), blank=True)
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
    def page_url(self) -> str:
        """Where lists link to: the activity app's own page for this kind when it has one."""
        url_name = registry.session_pages.get(self.kind)
        return reverse(url_name, args=[self.program_id, self.pk]) if url_name else self.get_absolute_url()

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


class AttachmentQuerySet(models.QuerySet):
    def with_consent_flag(self) -> AttachmentQuerySet:
        """Annotate ``lacks_consent``: the photo shows a student whose guardian has not agreed."""
        missing = Person.objects.filter(photos=models.OuterRef("pk"), kind=PersonKind.STUDENT, photo_consent=False)
        return self.annotate(lacks_consent=models.Exists(missing))

    def shareable(self) -> AttachmentQuerySet:
        """Documentation that may be shown beyond staff pages (reports for outsiders, public links)."""
        return self.with_consent_flag().filter(lacks_consent=False)


class Attachment(models.Model):
    """Documentation of a session: a photo or a file, with a caption. Served only through a checked view.

    Consent is read live from the pictured students, never copied here, so withdrawing consent hides a
    photo at once.
    """

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="attachments")
    kind = models.CharField(_("kind"), max_length=8, choices=AttachmentKind.choices)
    file = models.FileField(_("file"), upload_to=attachment_path, max_length=255)
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField(default=0)
    caption = models.CharField(_("caption"), max_length=255, blank=True)
    people = models.ManyToManyField(Person, blank=True, related_name="photos", verbose_name=_("students in the photo"))
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
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
    def extension(self) -> str:
        return self.file.name.rsplit(".", 1)[-1] if "." in self.file.name else ""
