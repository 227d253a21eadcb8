"""Forms of a project's work: its milestones and its artifacts. They check; ``projects.work_services`` writes."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from komunitas import uploads
from komunitas.forms import DATE_INPUT, StudentChoiceField
from komunitas.forms_base import ModelForm
from komunitas.models import Person

from .models import Artifact, Milestone, Project


class MilestoneForm(ModelForm):
    """A milestone of a project: due within the project's dates; done on a day that has come, not before the
    project started (it may be done after the project's end: late work is still work)."""

    class Meta:
        model = Milestone
        fields = ["title", "due_date", "done_on", "evidence"]
        widgets = {"due_date": DATE_INPUT, "done_on": DATE_INPUT, "evidence": forms.Textarea(attrs={"rows": 3})}
        help_texts = {"done_on": _("Leave empty until it is done.")}

    def __init__(self, *args, project: Project, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.project = project
        self.project = project
        self.fields["title"].widget.attrs["placeholder"] = _("e.g. Prototype tested")

    def clean_due_date(self):
        day = self.cleaned_data["due_date"]
        start, end = self.project.start_date, self.project.end_date
        if not start <= day <= end:
            raise ValidationError(
                _("A milestone is due within its project's dates: %(start)s to %(end)s.")
                % {"start": date_format(start), "end": date_format(end)},
                code="outside_project",
            )
        return day

    def clean_done_on(self):
        day = self.cleaned_data["done_on"]
        if day is None:
            return day
        if day > timezone.localdate():
            raise ValidationError(_("It cannot be done on a day still to come."), code="future")
        if day < self.project.start_date:
            raise ValidationError(
                _("It cannot be done before the project starts (%(start)s).")
                % {"start": date_format(self.project.start_date)},
                code="before_project",
            )
        return day


class ArtifactForm(ModelForm):
    """An artifact: its file (new ones only; a file is replaced by deleting and adding), caption and the students
    who made it or are shown — the club's members. Anyone already linked stays choosable, so that editing never
    drops a student who has since left the club unasked."""

    file = forms.FileField(
        label=_("Photo or file"), help_text=_("Photos (JPEG, PNG, WebP) or PDF/Office files, at most 10 MB.")
    )
    people = StudentChoiceField(
        label=_("Students who made it or are shown"),
        queryset=Person.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Students without photo consent are marked: a photo showing them is seen only by the facilitator and "
            "the principal."
        ),
        error_messages={"invalid_choice": _("Only the club's members can be linked to its artifacts.")},
    )

    field_order = ["file", "caption", "people"]

    class Meta:
        model = Artifact
        fields = ["caption", "people"]  # the file is checked here and stored by the service

    def __init__(self, *args, project: Project, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.project = project
        members = Q(pk__in=project.club.members.values("pk"))
        if self.instance.pk:
            members |= Q(pk__in=self.instance.people.values("pk"))
            del self.fields["file"]
        self.fields["people"].queryset = Person.objects.filter(members).with_consents().order_by("class_name", "name")

    def clean_file(self):
        # As the core's session documentation: judged by content, photos re-encoded without EXIF, bounded in pixels.
        upload = self.cleaned_data["file"]
        return uploads.Upload(uploads.clean_document_or_image(upload), upload.name)
