"""Forms of the core app. They validate; services write (docs/architecture.md, "Where code goes")."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from . import uploads
from .forms_base import ModelChoiceField, ModelForm, ModelMultipleChoiceField, VersionField, plausible_date
from .models import (
    STAFF_KINDS,
    AttendanceStatus,
    ConsentPurpose,
    CycleTemplate,
    Membership,
    Person,
    PersonKind,
    Program,
    Role,
    School,
    Session,
    SessionStatus,
    Stage,
    normalize_class_name,
)

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TIME_INPUT = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


class ProgramCreateForm(ModelForm):
    cycle = forms.ChoiceField(
        label=_("Stages of the cycle"),
        choices=CycleTemplate.choices,
        initial=CycleTemplate.STUDY,
        widget=forms.RadioSelect,
        help_text=_("Stage names and dates can be changed afterwards."),
    )

    class Meta:
        model = Program
        fields = ["school", "name", "description", "start_date", "weeks"]
        widgets = {"start_date": DATE_INPUT, "description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, schools, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["school"].queryset = schools
        if len(schools) == 1:
            self.fields["school"].initial = schools[0].pk
            self.fields["school"].empty_label = None
        self.fields["weeks"].min_value = 1
        self.fields["weeks"].widget.attrs.update(min=1, max=52)

    def clean_weeks(self):
        weeks = self.cleaned_data["weeks"]
        if not 1 <= weeks <= 52:
            raise ValidationError(_("A program lasts between 1 and 52 weeks."))
        return weeks


class ProgramSettingsForm(ModelForm):
    class Meta:
        model = Program
        fields = ["name", "description", "start_date", "weeks"]
        widgets = {"start_date": DATE_INPUT, "description": forms.Textarea(attrs={"rows": 3})}

    clean_weeks = ProgramCreateForm.clean_weeks

    def clean(self):
        """Moving or shortening the program must not strand sessions or stages outside it."""
        data = super().clean()
        start, weeks = data.get("start_date"), data.get("weeks")
        if not (start and weeks) or self.errors:
            return data
        end = start + dt.timedelta(days=7 * weeks - 1)
        outside = self.instance.sessions.exclude(date__range=(start, end)).order_by("date")
        if outside.exists():
            first = outside.first()
            self.add_error(
                "weeks",
                _(
                    "%(count)s sessions would fall outside the program, the first on %(date)s (“%(title)s”). "
                    "Move or delete them first."
                )
                % {"count": outside.count(), "date": date_format(first.date), "title": first.title},
            )
        stages = [s.name for s in self.instance.stages.all() if s.start_date < start or s.end_date > end]
        if stages:
            self.add_error(
                "weeks",
                _("These stages would end outside the program: %(stages)s. Change their dates first.")
                % {"stages": ", ".join(stages)},
            )
        return data


class StageForm(ModelForm):
    class Meta:
        model = Stage
        fields = ["order", "name", "start_date", "end_date"]
        widgets = {"start_date": DATE_INPUT, "end_date": DATE_INPUT}

    def clean(self):
        data = super().clean()
        start, end = data.get("start_date"), data.get("end_date")
        program = self.instance.program
        if start and end and end < start:
            self.add_error("end_date", _("The stage cannot end before it starts."))
        for name in ("start_date", "end_date"):
            day = data.get(name)
            if day:
                try:
                    program.check_date(day)
                except ValidationError as error:
                    self.add_error(name, error)
        return data


class ChecklistItemForm(forms.Form):
    text = forms.CharField(label=_("New task"), max_length=200)


class PersonForm(ModelForm):
    is_participant = forms.BooleanField(
        label=_("Takes part in this program"),
        required=False,
        initial=True,
        help_text=_("The program's participants (the study's purposive sample)."),
    )

    class Meta:
        model = Person
        fields = [
            "name",
            "kind",
            "identifier",
            "class_name",
            "subject",
            "phone",
            "email",
            "guardian_of",
            "user",
        ]
        widgets = {"guardian_of": forms.SelectMultiple(attrs={"size": 6})}

    # A student's photo consent, one tick per purpose (``PhotoConsent``); the guardian's name and the date go
    # with the purposes ticked now. Unticking withdraws.
    consent_purposes = forms.MultipleChoiceField(
        label=_("Photo consent: photos showing this student may appear on"),
        choices=ConsentPurpose.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("For students. A photo shows only where every student in it has consent."),
    )
    consent_given_by = forms.CharField(label=_("Consent given by"), max_length=120, required=False)
    consent_given_on = forms.DateField(
        label=_("Consent date"), required=False, widget=DATE_INPUT, validators=[plausible_date]
    )

    def __init__(self, *args, school: School, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.school = school
        if self.instance.pk:
            consents = list(self.instance.photo_consents.active())
            self.initial.setdefault("consent_purposes", [consent.purpose for consent in consents])
            if consents:
                self.initial.setdefault("consent_given_by", consents[0].given_by)
                self.initial.setdefault("consent_given_on", consents[0].given_on)
        students = Person.objects.active().filter(school=school, kind=PersonKind.STUDENT)
        self.fields["guardian_of"].queryset = students
        self.fields["guardian_of"].help_text = _("For parents: their children at this school.")
        # Staff accounts of this school not yet linked to someone else: linking tells the app who a user is.
        self.fields["user"].queryset = (
            get_user_model()
            .objects.filter(memberships__school=school)
            .filter(Q(person__isnull=True) | Q(person=self.instance.pk or 0))
            .order_by("username")
        )
        self.fields["user"].help_text = _("For staff with an account: lets the app know which person they are.")

    def clean(self):
        data = super().clean()
        kind = data.get("kind")
        class_name = data.get("class_name") or ""
        if class_name:
            data["class_name"] = normalize_class_name(class_name) or ""
            if not data["class_name"]:
                self.add_error("class_name", _("Use the grade and section, e.g. 7A."))
        elif kind == PersonKind.STUDENT:
            self.add_error("class_name", _("A student needs a class, e.g. 7A."))
        if data.get("guardian_of") and kind != PersonKind.PARENT:
            self.add_error("guardian_of", _("Only a parent can be linked to children."))
        if data.get("email") and kind not in STAFF_KINDS:
            # Students' and parents' e-mail addresses are not needed by the app (data minimisation).
            self.add_error("email", _("Only staff need an e-mail address here (for their account invitation)."))
        if kind != PersonKind.STUDENT:
            data["consent_purposes"] = []
        elif self._new_purposes(data) and not data.get("consent_given_by"):
            self.add_error("consent_given_by", _("Name the parent or guardian who gave consent."))
        identifier = data.get("identifier")
        if identifier:
            clash = Person.objects.filter(school=self.instance.school, identifier=identifier)
            if self.instance.pk:
                clash = clash.exclude(pk=self.instance.pk)
            if clash.exists():
                self.add_error("identifier", _("Another person at this school has this number."))
        return data

    def version_extra(self):
        return sorted(self.instance.photo_consents.active().values_list("purpose", "given_by", "given_on"))

    def _new_purposes(self, data) -> set[str]:
        return set(data.get("consent_purposes") or []) - set(self.initial.get("consent_purposes") or [])


class SessionForm(ModelForm):
    """A session of any activity. On create, ``repeat_weeks`` > 1 plans the same slot weekly."""

    repeat_weeks = forms.IntegerField(
        label=_("Repeat weekly for"),
        min_value=1,
        max_value=52,
        initial=1,
        required=False,
        help_text=_(
            "Number of weeks, e.g. 10 for “every Tuesday for 10 weeks”. Dates after the program ends are skipped."
        ),
    )

    class Meta:
        model = Session
        fields = ["kind", "title", "date", "start_time", "end_time", "place", "facilitator", "status", "notes"]
        widgets = {
            "date": DATE_INPUT,
            "start_time": TIME_INPUT,
            "end_time": TIME_INPUT,
            "notes": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, program: Program, repeat: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.program = program
        self.instance.program = program
        self.fields["facilitator"].queryset = Person.objects.active().filter(
            school_id=program.school_id, kind__in=[PersonKind.TEACHER, PersonKind.FACILITATOR, PersonKind.PRINCIPAL]
        )
        if not repeat:
            del self.fields["repeat_weeks"]

    def clean_date(self):
        day = self.cleaned_data["date"]
        self.program.check_date(day)
        return day

    def clean(self):
        data = super().clean()
        start, end = data.get("start_time"), data.get("end_time")
        if start and end and end <= start:
            self.add_error("end_time", _("The session must end after it starts."))
        if (data.get("repeat_weeks") or 1) > 1 and data.get("status") == SessionStatus.HELD:
            self.add_error("status", _("Sessions planned ahead cannot already be held; choose “planned”."))
        return data


class AttendanceForm(forms.Form):
    """One radio row per participant: present / absent / excused (blank = not recorded). Saving it with anyone
    present marks a planned session held; with nobody present, only ``held_without_marks`` does."""

    held_without_marks = forms.BooleanField(
        label=_("It was held, though nobody is marked present here"),
        help_text=_("For example, when the list was kept on paper. Unticked, the session stays planned."),
        required=False,
        widget=forms.CheckboxInput(attrs={"class": "form-check-input"}),
    )

    def __init__(self, *args, people: list[Person], current: dict[int, str], version: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.people = people
        # The list's version when opened (``services.attendance_version``): a list saved by someone else since is
        # refused, the marks typed here kept (optimistic locking, as ``forms_base.ModelForm`` does for records).
        self.version = version
        self.fields["sheet_version"] = VersionField(required=False, initial=version)
        choices = [("", _("—")), *AttendanceStatus.choices]
        for person in people:
            self.fields[f"p{person.pk}"] = forms.ChoiceField(
                label=str(person),
                choices=choices,
                required=False,
                initial=current.get(person.pk, ""),
                widget=forms.RadioSelect,
            )

    def clean(self):
        data = super().clean()
        sent = data.get("sheet_version")
        if sent and self.version and sent != self.version:
            self.refuse_stale(self.version)
        return data

    def refuse_stale(self, current: str) -> None:
        """Someone saved this list since it was opened: say so; the next save, knowing it, goes through."""
        self.add_error(
            None,
            _(
                "Someone else saved this attendance list while you were filling it in. Your marks are still "
                "below: check them against the session page (open it in another tab) and save again to keep yours."
            ),
        )
        self.data = self.data.copy()
        self.data[self.add_prefix("sheet_version")] = current

    def statuses(self) -> dict[int, str]:
        return {person.pk: self.cleaned_data.get(f"p{person.pk}", "") for person in self.people}

    def rows(self):
        """(person, bound field) pairs for the template."""
        return [(person, self[f"p{person.pk}"]) for person in self.people]


class StudentChoiceField(ModelMultipleChoiceField):
    """Students annotated by ``PersonQuerySet.with_consents``, their consents in the label."""

    def label_from_instance(self, obj: Person) -> str:
        if not obj.consent_staff:
            return _("%(student)s — no photo consent") % {"student": obj}
        if not obj.consent_report:
            return _("%(student)s — photos not in the report") % {"student": obj}
        return str(obj)


class AttachmentForm(forms.Form):
    file = forms.FileField(
        label=_("Photo or file"), help_text=_("Photos (JPEG, PNG, WebP) or PDF/Office files, at most 10 MB.")
    )
    caption = forms.CharField(label=_("Caption"), max_length=255, required=False)
    people = StudentChoiceField(
        label=_("Students in the photo"),
        queryset=Person.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Students without photo consent are marked: a photo showing them is seen only by the facilitator and "
            "the principal."
        ),
    )

    def __init__(self, *args, students, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["people"].queryset = students

    def clean_file(self):
        upload = self.cleaned_data["file"]
        return uploads.Upload(uploads.clean_document_or_image(upload), upload.name)


class RosterImportForm(forms.Form):
    file = forms.FileField(label=_("Roster file (CSV or XLSX)"))


class StaffInviteForm(forms.Form):
    """Access for a member of staff: who, their e-mail (where the link to choose a password goes), their role.
    An e-mail that already has an account (revoked, or at another school) gives that account access again."""

    full_name = forms.CharField(label=_("Name"), max_length=120)
    email = forms.EmailField(
        label=_("E-mail"), help_text=_("The invitation, with a link to choose a password, goes here.")
    )
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices, initial=Role.TEACHER)
    person = ModelChoiceField(
        label=_("On the roster as"),
        queryset=Person.objects.none(),
        required=False,
        empty_label=_("— add them to the roster —"),
        help_text=_(
            "A member of staff on the roster without access (or whose access was revoked); leave empty to add them."
        ),
    )
    is_participant = forms.BooleanField(label=_("Takes part in this program"), required=False, initial=True)

    def __init__(self, *args, school: School, roles: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.school = school
        self.fields["role"].choices = [(value, label) for value, label in Role.choices if value in roles]
        self.fields["person"].queryset = (
            Person.objects.filter(school=school, kind__in=STAFF_KINDS)
            .exclude(user__memberships__school=school)
            .order_by("name")
        )

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        if Membership.objects.filter(school=self.school, user__email__iexact=email).exists():
            raise ValidationError(_("An account with this e-mail has access to this school already."))
        return email


class StaffRoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)

    def __init__(self, *args, roles: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = [(value, label) for value, label in Role.choices if value in roles]


class ParticipantsForm(forms.Form):
    """The roster's bulk action: the ticked people join the program, or leave it."""

    person = ModelMultipleChoiceField(queryset=Person.objects.none())
    action = forms.ChoiceField(choices=[("add", "add"), ("remove", "remove")])

    def __init__(self, *args, school: School, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = Person.objects.active().filter(school=school)
