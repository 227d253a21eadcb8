"""People of a school community, and who takes part in which program."""

from __future__ import annotations

import datetime as dt
import re

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .programs import Program
from .schools import Role, School


class PersonKind(models.TextChoices):
    TEACHER = "teacher", _("Teacher")
    STUDENT = "student", _("Student")
    PARENT = "parent", _("Parent")
    FACILITATOR = "facilitator", _("Facilitator")
    PRINCIPAL = "principal", _("Principal")


STAFF_KINDS = [PersonKind.TEACHER, PersonKind.FACILITATOR, PersonKind.PRINCIPAL]
# The roster's kind of person for each role a staff account holds (an invited account gets a person of it).
STAFF_KIND_OF_ROLE = {
    Role.TEACHER: PersonKind.TEACHER,
    Role.FACILITATOR: PersonKind.FACILITATOR,
    Role.PRINCIPAL: PersonKind.PRINCIPAL,
}

# Grade 1–12 (arabic or roman) followed by an optional section: 7A, 8 B, VIII-A, 9.1, and a senior high
# school's stream with its number (X IPA 1, XI-MIPA-2). Dapodik's rombel names may start with "Kelas".
CLASS_PATTERN = re.compile(
    r"^(?:KELAS\s?)?(1[0-2]|[1-9]|VIII|VII|IX|XII|XI|X)[\s\-.]?([A-Z]{2,6}[\s\-.]?[0-9]{1,2}|[A-Z]{1,2}|[0-9]{1,2})?$"
)
ROMAN_GRADES = {"VII": "7", "VIII": "8", "IX": "9", "X": "10", "XI": "11", "XII": "12"}


def normalize_class_name(text: str) -> str | None:
    """ "8 b", "VIII-B", "Kelas VII A", "7.A" → "7A"/"8B"; "X IPA 1" → "10IPA1"; None when it is not a grade
    and section."""
    match = CLASS_PATTERN.match(" ".join(text.upper().split()))
    if not match:
        return None
    grade = ROMAN_GRADES.get(match.group(1), match.group(1))
    return grade + re.sub(r"[\s\-.]", "", match.group(2) or "")


class PersonQuerySet(models.QuerySet):
    def active(self) -> PersonQuerySet:
        return self.filter(archived_at__isnull=True)

    def principal_of(self, school_id: int) -> Person | None:
        """The school's principal, who signs off printed lists and reports ("Mengetahui")."""
        return self.active().filter(school_id=school_id, kind=PersonKind.PRINCIPAL).order_by("pk").first()

    def participants_of(
        self, program: Program, roles: list[str] | None = None, *, on: dt.date | None = None
    ) -> PersonQuerySet:
        """Participants of ``program`` (in one of ``roles``, when given), in roster order: those taking part now
        (not archived, not left), or, ``on`` a past day, those who took part that day — a past session's list
        stays as it was, whoever joined or left since."""
        # One filter() over participations: conditions in one call apply to the same participation (chained
        # calls would match a role in another program and list someone in two programs twice).
        lookups = {"participations__program": program}
        if roles:
            lookups["participations__role__in"] = roles
        if on is None:
            people = self.active().filter(participations__left_on__isnull=True, **lookups)
        else:  # someone who left and came back the same day has two periods covering it
            people = self.filter(participation_on(on, prefix="participations__"), **lookups).distinct()
        return people.order_by("kind", "class_name", "name")

    def teachers_of(self, program: Program) -> PersonQuerySet:
        """Teachers taking part in ``program`` now, by name (those who may present, be assessed as teachers …)."""
        return self.participants_of(program, [PersonKind.TEACHER]).order_by("name")

    def staff_of(self, school_id: int) -> PersonQuerySet:
        """The school's active staff (teachers, facilitators, the principal), by name: who may lead a session."""
        return self.active().filter(school_id=school_id, kind__in=STAFF_KINDS).order_by("name")

    def with_consents(self) -> PersonQuerySet:
        """Annotate ``consent_<purpose>`` (staff, report, public): the guardian's consent in force for photos
        showing this person, one subquery per purpose."""
        return self.annotate(
            **{
                f"consent_{purpose}": models.Exists(
                    PhotoConsent.objects.active().filter(person=models.OuterRef("pk"), purpose=purpose)
                )
                for purpose in ConsentPurpose.values
            }
        )

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
    email = models.EmailField(
        _("e-mail"), blank=True, help_text=_("Staff only: where their account invitation is sent.")
    )
    guardian_of = models.ManyToManyField(
        "self", symmetrical=False, blank=True, related_name="guardians", verbose_name=_("parent of")
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="person",
        verbose_name=_("user account"),
    )
    archived_at = models.DateTimeField(_("archived at"), null=True, blank=True)
    erased_at = models.DateTimeField(
        _("erased at"), null=True, blank=True, help_text=_("Their personal data was erased (komunitas.privacy).")
    )

    objects = PersonQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("person")
        verbose_name_plural = _("people")
        indexes = [models.Index(fields=["school", "kind", "name"])]
        constraints = [
            # NIS/NIP recognise a person on re-import: one number, one person of the school (blank is allowed).
            models.UniqueConstraint(
                fields=["school", "identifier"], condition=~Q(identifier=""), name="person_identifier_unique_in_school"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.class_name})" if self.class_name else self.name

    @property
    def archived(self) -> bool:
        return self.archived_at is not None


def took_part(joined_on: dt.date | None, left_on: dt.date | None, start: dt.date, end: dt.date) -> bool:
    """Whether a period of participation covers any day from ``start`` to ``end`` (a week, say)."""
    return (joined_on is None or joined_on <= end) and (left_on is None or left_on >= start)


def participation_on(day: dt.date, *, prefix: str = "") -> Q:
    """Taking part on ``day`` (``took_part`` as a query): joined by then (or from the start), not left before."""
    return (Q(**{f"{prefix}joined_on__isnull": True}) | Q(**{f"{prefix}joined_on__lte": day})) & (
        Q(**{f"{prefix}left_on__isnull": True}) | Q(**{f"{prefix}left_on__gte": day})
    )


class ParticipantQuerySet(models.QuerySet):
    def current(self) -> ParticipantQuerySet:
        """Taking part now: not left, and not archived."""
        return self.filter(left_on__isnull=True, person__archived_at__isnull=True)


class Participant(models.Model):
    """A period in which a person takes part in one program (the study's purposive sample), in a role.

    ``joined_on`` is empty for those who took part from the start; ``left_on`` is set when they stop (taken out
    of the program, or archived). Someone who comes back gets a new period, so the weeks they were away stay as
    they were. Weekly figures count who took part in each week."""

    program = models.ForeignKey(Program, on_delete=models.CASCADE, related_name="participants")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="participations")
    role = models.CharField(_("role in program"), max_length=16, choices=PersonKind.choices)
    joined_on = models.DateField(_("joined on"), null=True, blank=True, help_text=_("Empty: from the start."))
    left_on = models.DateField(_("left on"), null=True, blank=True)

    objects = ParticipantQuerySet.as_manager()

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        constraints = [
            # One open period per person and program; someone who left and came back has a closed one too.
            models.UniqueConstraint(
                fields=["program", "person"],
                condition=Q(left_on__isnull=True),
                name="participant_open_once_per_program",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} — {self.get_role_display()}"


class ConsentPurpose(models.TextChoices):
    """What a guardian may agree to, each on its own (UU PDP: consent is specific to a purpose)."""

    STAFF = "staff", _("the school's staff pages")
    REPORT = "report", _("the program's report (also read by the district)")
    PUBLIC = "public", _("anything public")


class PhotoConsentQuerySet(models.QuerySet):
    def active(self) -> PhotoConsentQuerySet:
        return self.filter(withdrawn_at__isnull=True)


class PhotoConsent(models.Model):
    """A guardian's consent to photos showing a student, for one purpose: who gave it, who recorded it and when,
    and when it was withdrawn. Withdrawn consents stay as the record of what was allowed when. Photos read the
    consents in force live (``AttachmentQuerySet.with_consent``), so a withdrawal takes them out of every output
    at once."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="photo_consents")
    purpose = models.CharField(_("purpose"), max_length=8, choices=ConsentPurpose.choices)
    given_by = models.CharField(
        _("given by"), max_length=120, blank=True, help_text=_("The parent or guardian (not named by an import).")
    )
    given_on = models.DateField(_("given on"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    recorded_at = models.DateTimeField(_("recorded at"), default=timezone.now)
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = PhotoConsentQuerySet.as_manager()

    class Meta:
        ordering = ["-recorded_at", "pk"]
        verbose_name = _("photo consent")
        verbose_name_plural = _("photo consents")
        constraints = [
            models.UniqueConstraint(
                fields=["person", "purpose"],
                condition=Q(withdrawn_at__isnull=True),
                name="photo_consent_one_in_force_per_purpose",
            )
        ]

    def __str__(self) -> str:
        return f"{self.person} — {self.get_purpose_display()}"
