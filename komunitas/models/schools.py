"""Districts, schools and who holds which role where."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


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


def school_logo_path(instance: School, filename: str) -> str:
    # A random name per upload: a new logo is a new file, so nothing keeps showing the old one.
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "png"
    return f"private/school-{instance.pk}/logo-{uuid.uuid4().hex[:12]}.{extension}"


class School(models.Model):
    """Sekolah."""

    name = models.CharField(_("name"), max_length=160)
    npsn = models.CharField(_("NPSN"), max_length=16, blank=True, help_text=_("National school number, optional."))
    district = models.ForeignKey(District, on_delete=models.PROTECT, related_name="schools", verbose_name=_("district"))
    address = models.CharField(_("address"), max_length=255, blank=True)
    logo = models.FileField(_("logo"), upload_to=school_logo_path, max_length=255, blank=True)

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


class SchoolDataVersion(models.Model):
    """A token that changes with every write to a school's data, in the same transaction as the write
    (``komunitas.freshness``). Pages that cache what they compute from a program (the dashboard's panels) key
    the cache by it, so a save is never followed by a stale figure, whichever process serves the next request.

    ``school_id`` is a plain number, not a foreign key: the token of a school being deleted may be bumped in the
    deleting transaction."""

    school_id = models.BigIntegerField(primary_key=True)
    token = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = _("data version")
        verbose_name_plural = _("data versions")

    def __str__(self) -> str:
        return f"{self.school_id}: {self.token}"
