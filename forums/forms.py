"""Forms of the forum. They validate; ``forums.services`` writes (docs/architecture.md, "Where code goes")."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from komunitas import uploads
from komunitas.forms import DATE_INPUT, SessionForm
from komunitas.forms_base import ModelForm, plausible_date
from komunitas.models import AttendanceStatus, Person, Program, SessionStatus, normalize_class_name
from komunitas.uploads import Upload

from .models import ForumSession, Method, PeerFeedback, PracticeLog, Reflection
from .services import FollowUpData

MAX_FILES = 10
DOCUMENT_ACCEPT = ".pdf,.doc,.docx,.ppt,.pptx,.xls,.xlsx,.odt,.odp,.ods,image/*"


class ForumSessionForm(SessionForm):
    """The core session part: the date must lie inside the program (``SessionForm.clean_date``)."""

    class Meta(SessionForm.Meta):
        fields = ["title", "date", "start_time", "end_time", "place", "facilitator", "status"]

    def __init__(self, *args, program: Program, **kwargs):
        super().__init__(*args, program=program, **kwargs)
        self.fields["title"].label = _("Topic (nama kegiatan)")
        self.fields["title"].widget.attrs["placeholder"] = _("e.g. Formative assessment with exit tickets")
        self.fields["facilitator"].label = _("Moderator / guide (pemandu)")
        self.fields["facilitator"].queryset = Person.objects.staff_of(program.school_id)

    def clean(self):
        data = super().clean()
        day = data.get("date")
        if day and data.get("status") == SessionStatus.HELD and day > timezone.localdate():
            self.add_error("status", _("A session in the future cannot be held yet; choose “planned”."))
        return data


class ForumDetailsForm(ModelForm):
    class Meta:
        model = ForumSession
        fields = [
            "format",
            "topic_category",
            "presenters",
            "notetaker",
            "agenda",
            "opening",
            "practice",
            "discussion_notes",
            "conclusion",
        ]
        widgets = {
            "format": forms.RadioSelect,
            "presenters": forms.CheckboxSelectMultiple,
            "agenda": forms.Textarea(attrs={"rows": 2}),
            "opening": forms.Textarea(attrs={"rows": 2}),
            "practice": forms.Textarea(attrs={"rows": 6}),
            "discussion_notes": forms.Textarea(attrs={"rows": 5}),
            "conclusion": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "opening": _("Who opened the session and how, e.g. “Opened by the principal with a short reflection”."),
            "practice": _(
                "What the presenters showed and how it works in class. Leave a blank line between paragraphs; "
                "start lines with “- ” for a list."
            ),
        }

    def __init__(self, *args, program: Program, **kwargs):
        super().__init__(*args, **kwargs)
        self.program = program
        presenters = self.fields["presenters"]
        # Today's teachers, and whoever presented already (an edit must not drop a presenter who left since).
        chosen = self.instance.presenters.values("pk") if self.instance.pk else Person.objects.none()
        presenters.queryset = (
            Person.objects.filter(Q(pk__in=Person.objects.teachers_of(program).values("pk")) | Q(pk__in=chosen))
            .distinct()
            .order_by("name")
        )
        presenters.help_text = _("One or more teachers taking part in this program.")
        presenters.error_messages["invalid_choice"] = _(
            "Choose presenters among the teachers taking part in this program."
        )
        presenters.error_messages["required"] = _("Choose at least one presenting teacher.")
        staff = Person.objects.staff_of(program.school_id).values("pk")
        self.fields["notetaker"].queryset = Person.objects.filter(
            Q(pk__in=staff) | Q(pk=self.instance.notetaker_id or 0)
        ).order_by("name")
        self.fields["topic_category"].choices = self.fields["topic_category"].choices[1:]  # no empty choice

    def check_practice(self, status: str | None) -> None:
        """A held session records what was shared; a planned one may still be empty."""
        if status == SessionStatus.HELD and self.is_bound and not (self.cleaned_data.get("practice") or "").strip():
            self.add_error("practice", _("Describe the practice that was shared in this session."))


class FollowUpForm(forms.Form):
    """One row of the rencana tindak lanjut. A row left empty is ignored."""

    action = forms.CharField(label=_("Action"), max_length=255, required=False)
    responsible = forms.CharField(label=_("Who"), max_length=120, required=False)
    due_date = forms.DateField(label=_("By when"), required=False, widget=DATE_INPUT, validators=[plausible_date])
    done = forms.BooleanField(label=_("Done"), required=False)

    def clean(self):
        data = super().clean()
        if not data.get("action") and (data.get("responsible") or data.get("due_date") or data.get("done")):
            self.add_error("action", _("Write the action, or clear the row."))
        return data


def follow_up_formset(data=None, *, initial: list[dict] | None = None, extra: int = 2) -> forms.BaseFormSet:
    formset_class = forms.formset_factory(FollowUpForm, extra=extra, max_num=30, absolute_max=30)
    return formset_class(data, initial=initial or [], prefix="rtl")


def follow_ups_from(formset) -> list[FollowUpData]:
    return [
        FollowUpData(
            action=form.cleaned_data["action"],
            responsible=form.cleaned_data.get("responsible") or "",
            due_date=form.cleaned_data.get("due_date"),
            done=bool(form.cleaned_data.get("done")),
        )
        for form in formset.forms
        if form.cleaned_data.get("action")
    ]


class MultipleFileInput(forms.FileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one field; each checked by ``cleaner`` (size and content, never the extension)."""

    widget = MultipleFileInput

    def __init__(self, *args, cleaner=uploads.clean_document_or_image, **kwargs):
        self.cleaner = cleaner
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = [item for item in (data if isinstance(data, list | tuple) else [data]) if item]
        if len(files) > MAX_FILES:
            raise ValidationError(_("At most %(n)s files at a time.") % {"n": MAX_FILES})
        errors, cleaned = [], []
        for upload in files:
            single = super().clean(upload, initial)
            try:
                cleaned.append(Upload(self.cleaner(single), single.name))
            except ValidationError as error:
                errors.extend(f"{single.name}: {message}" for message in error.messages)
        if errors:
            errors.append(_("Nothing was saved; choose the files again after fixing this."))
            raise ValidationError(errors)
        return cleaned


class ForumFilesForm(forms.Form):
    materials = MultipleFileField(
        label=_("Materials"),
        help_text=_("PDF, slides, documents or images, at most 10 MB each and 50 MB for all files together."),
        widget=MultipleFileInput(attrs={"accept": DOCUMENT_ACCEPT}),
    )
    photos = MultipleFileField(
        label=_("Photos"),
        cleaner=uploads.clean_image,
        help_text=_("JPEG, PNG or WebP, at most 10 MB each. Location data is removed."),
        widget=MultipleFileInput(attrs={"accept": "image/*"}),
    )

    def uploads(self) -> list[Upload]:
        return [*self.cleaned_data.get("materials", []), *self.cleaned_data.get("photos", [])]


def check_held_if_anyone_came(session_form: ForumSessionForm, attendance) -> None:
    """Someone present means the session was held (komunitas.services.attendance_record would mark it so):
    ask for "held", so that the minutes a held session needs are asked for too."""
    if not (session_form.is_valid() and attendance.is_valid()):
        return
    if session_form.cleaned_data.get("status") == SessionStatus.PLANNED and (
        AttendanceStatus.PRESENT in attendance.statuses().values()
    ):
        session_form.add_error("status", _("People are marked present, so the session was held: choose “held”."))


def check_presenters_attended(details: ForumDetailsForm, attendance) -> None:
    """A presenter marked absent or excused cannot have presented."""
    if not (details.is_valid() and attendance.is_valid()):
        return
    statuses = attendance.statuses()
    missing = [
        person.name
        for person in details.cleaned_data["presenters"]
        if statuses.get(person.pk) in (AttendanceStatus.ABSENT, AttendanceStatus.EXCUSED)
    ]
    if missing:
        details.add_error(
            "presenters",
            _("A presenter must be present; check the attendance of: %(names)s.") % {"names": ", ".join(missing)},
        )


class FeedbackForm(ModelForm):
    """Sampaikan – Tanyakan – Berikan."""

    class Meta:
        model = PeerFeedback
        fields = ["presenter", "went_well", "question", "suggestion", "anonymous"]
        widgets = {
            "went_well": forms.Textarea(attrs={"rows": 3}),
            "question": forms.Textarea(attrs={"rows": 2}),
            "suggestion": forms.Textarea(attrs={"rows": 2}),
        }
        help_texts = {
            "went_well": _("Sampaikan — state what you saw that worked."),
            "question": _("Tanyakan — ask something you want to understand better."),
            "suggestion": _("Berikan — give one suggestion."),
            "anonymous": _("The presenter will not see your name. The facilitator always does."),
        }

    def __init__(self, *args, presenters, author: Person, **kwargs):
        super().__init__(*args, **kwargs)
        self.author = author
        self.fields["presenter"].queryset = presenters
        self.fields["presenter"].empty_label = None
        self.fields["presenter"].error_messages["invalid_choice"] = _("Choose one of this session's presenters.")

    def clean(self):
        data = super().clean()
        presenter = data.get("presenter")
        if presenter and self.author and presenter.pk == self.author.pk:
            self.add_error("presenter", _("Feedback is for colleagues; you cannot give it to yourself."))
        elif presenter and self.instance.forum_id:
            clash = PeerFeedback.objects.filter(
                forum_id=self.instance.forum_id, presenter=presenter, author=self.author
            )
            if self.instance.pk:
                clash = clash.exclude(pk=self.instance.pk)
            if clash.exists():
                self.add_error("presenter", _("You already gave feedback to this presenter; edit it instead."))
        if not any((data.get(name) or "").strip() for name in ("went_well", "question", "suggestion")):
            self.add_error("went_well", _("Write at least what you saw that worked."))
        return data


class ReflectionForm(ModelForm):
    class Meta:
        model = Reflection
        fields = ["learned", "will_try", "try_by"]
        widgets = {
            "learned": forms.Textarea(attrs={"rows": 3}),
            "will_try": forms.Textarea(attrs={"rows": 3}),
            "try_by": DATE_INPUT,
        }

    def __init__(self, *args, session_date, **kwargs):
        super().__init__(*args, **kwargs)
        self.session_date = session_date

    def clean_try_by(self):
        day = self.cleaned_data.get("try_by")
        if day and day < self.session_date:
            raise ValidationError(
                _("Pick a date after the session (%(date)s).") % {"date": f"{self.session_date:%d-%m-%Y}"}
            )
        return day


def _forum_label(forum: ForumSession) -> str:
    return f"{forum.session.date:%d-%m-%Y} · {forum.session.title}"


class PracticeLogForm(ModelForm):
    new_method = forms.CharField(
        label=_("…or a method not on the list"),
        max_length=120,
        required=False,
        help_text=_("It is added to the program's list of methods."),
    )
    evidence_file = forms.FileField(
        label=_("Evidence (photo or file)"),
        required=False,
        help_text=_(
            "Optional. A photo of the lesson or a worksheet, at most 10 MB. Do not upload photos of students' "
            "faces unless their guardians agreed."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": DOCUMENT_ACCEPT}),
    )

    class Meta:
        model = PracticeLog
        fields = ["teacher", "date", "class_name", "method", "new_method", "forum", "how_it_went", "evidence_file"]
        widgets = {"date": DATE_INPUT, "how_it_went": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, program: Program, choose_teacher: bool, forums, **kwargs):
        super().__init__(*args, **kwargs)
        self.program = program
        self.instance.program = program
        if choose_teacher:  # today's teachers, and the entry's own (who may have left since)
            teachers = Person.objects.teachers_of(program).values("pk")
            self.fields["teacher"].queryset = Person.objects.filter(
                Q(pk__in=teachers) | Q(pk=self.instance.teacher_id or 0)
            ).order_by("name")
            self.fields["teacher"].error_messages["invalid_choice"] = _("Choose a teacher taking part in this program.")
        else:
            del self.fields["teacher"]
        methods = program.methods.active()
        if self.instance.method_id:
            methods = program.methods.filter(pk=self.instance.method_id) | methods
        self.fields["method"].queryset = methods.order_by("name")
        self.fields["method"].required = False
        self.fields["forum"].queryset = forums
        self.fields["forum"].label_from_instance = _forum_label

    def clean_date(self):
        day = self.cleaned_data["date"]
        self.program.check_date(day)
        if day > timezone.localdate():
            raise ValidationError(_("Log a lesson once you have taught it; this date is in the future."))
        return day

    def clean_class_name(self):
        class_name = self.cleaned_data["class_name"]
        if not class_name:
            return class_name
        normalized = normalize_class_name(class_name)
        if normalized is None:
            raise ValidationError(_("Use the grade and section, e.g. 7A."))
        return normalized

    def clean_new_method(self):
        return " ".join(self.cleaned_data.get("new_method", "").split())

    def clean_evidence_file(self):
        upload = self.cleaned_data.get("evidence_file")
        if not upload:
            return None
        return Upload(uploads.clean_document_or_image(upload), upload.name)

    def clean(self):
        data = super().clean()
        if not data.get("method") and not data.get("new_method") and "method" not in self.errors:
            self.add_error("method", _("Choose the method you tried, or type a new one below."))
        if data.get("method") and data.get("new_method"):
            self.add_error("new_method", _("Choose a method from the list or type a new one, not both."))
        forum, day = data.get("forum"), data.get("date")
        if forum and day and day < forum.session.date:
            self.add_error(
                "date",
                _("This lesson comes before the forum session that inspired it (%(date)s).")
                % {"date": date_format(forum.session.date)},
            )
        return data


class MethodForm(ModelForm):
    class Meta:
        model = Method
        fields = ["name", "active"]

    def __init__(self, *args, program: Program, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.program = program
        if not self.instance.pk:
            del self.fields["active"]

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        clash = self.instance.program.methods.filter(name__iexact=name)
        if self.instance.pk:
            clash = clash.exclude(pk=self.instance.pk)
        if clash.exists():
            raise ValidationError(_("This method is already on the list."))
        return name
