"""The school's forms: registering a school, and its details (name, NPSN, address, logo) as its reports show them."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext_lazy as _

from . import uploads
from .forms_base import ModelForm
from .models import District, School

LOGO_SIDE = 600  # pixels on the longest side: a cover prints it about 3 cm wide


class SchoolForm(ModelForm):
    district_name = forms.CharField(label=_("District (kabupaten/kota)"), max_length=120)
    province = forms.CharField(label=_("Province"), max_length=120, required=False)

    class Meta:
        model = School
        fields = ["name", "npsn", "address"]

    def clean(self):
        data = super().clean()
        district_name = " ".join((data.get("district_name") or "").split())
        if district_name and data.get("name"):
            district = District.objects.filter(name__iexact=district_name).first()
            if district and district.schools.filter(name__iexact=data["name"]).exists():
                self.add_error("name", _("This district already has a school with this name."))
        return data

    def clean_npsn(self):
        return clean_npsn(self.cleaned_data["npsn"])

    def district(self) -> District:
        name = " ".join(self.cleaned_data["district_name"].split())
        district = District.objects.filter(name__iexact=name).first()
        return district or District.objects.create(name=name, province=self.cleaned_data.get("province", ""))


def clean_npsn(value: str) -> str:
    npsn = value.strip()
    if npsn and not (npsn.isdigit() and len(npsn) == 8):
        raise ValidationError(_("The NPSN has 8 digits."))
    return npsn


class SchoolDetailsForm(ModelForm):
    """The school as its reports show it: name, NPSN, address and its logo (the report's cover)."""

    logo_upload = forms.FileField(
        label=_("Logo"), required=False, help_text=_("An image (PNG, JPEG or WebP), shown on the report's cover.")
    )
    remove_logo = forms.BooleanField(label=_("Remove the logo"), required=False)

    class Meta:
        model = School
        fields = ["name", "npsn", "address"]

    def clean_npsn(self):
        return clean_npsn(self.cleaned_data["npsn"])

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        others = School.objects.filter(district_id=self.instance.district_id, name__iexact=name)
        if others.exclude(pk=self.instance.pk).exists():
            raise ValidationError(_("This district already has a school with this name."))
        return name

    def clean_logo_upload(self):
        upload = self.cleaned_data.get("logo_upload")
        return uploads.clean_image(upload, side=LOGO_SIDE) if upload else None

    def save(self, commit: bool = True) -> School:
        """The details, and the logo replaced or removed (the old file leaves once the save commits)."""
        school = super().save(commit=False)
        logo, remove = self.cleaned_data.get("logo_upload"), self.cleaned_data.get("remove_logo")
        if (logo or remove) and school.logo:
            uploads.delete_files_on_commit([school.logo])
            school.logo = ""
        if logo:
            school.logo.save(f"logo.{logo.extension}", ContentFile(logo.content), save=False)
        if commit:
            school.save()
        return school
