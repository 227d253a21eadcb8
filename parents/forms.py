"""Forms of the parent classes. They check; ``parents.services`` writes (docs/architecture.md, "Where code goes")."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from komunitas.forms import DATE_INPUT, SessionForm
from komunitas.forms_base import ModelChoiceField, ModelForm
from komunitas.models import STAFF_KINDS, Person, PersonKind, Program, SessionStatus

from .models import PARENT_CLASS, Contribution, DialogueNote, FollowUp, ParentClass, SpeakerKind, Theme


def program_parents(program: Program, *, keep: list[int | None] = ()):
    """The program's parents, by name — and anyone already chosen (``keep``), so an edit never drops a parent who
    has since left the program unasked."""
    chosen = Q(pk__in=Person.objects.participants_of(program, [PersonKind.PARENT]).values("pk"))
    keep = [pk for pk in keep if pk]
    if keep:
        chosen |= Q(pk__in=keep)
    return Person.objects.filter(chosen).order_by("name")


def program_classes(program: Program):
    return program.sessions.filter(kind=PARENT_CLASS).order_by("-date", "-pk")


class ClassSessionForm(SessionForm):
    """The core session of a parent class: inside the program, not held before its day."""

    class Meta(SessionForm.Meta):
        fields = ["title", "date", "start_time", "end_time", "place", "facilitator", "status"]

    def __init__(self, *args, program: Program, **kwargs):
        super().__init__(*args, program=program, **kwargs)
        self.fields["facilitator"].label = _("Facilitator of the class")
        self.fields["facilitator"].queryset = Person.objects.staff_of(program.school_id)

    def clean(self):
        data = super().clean()
        day = data.get("date")
        if day and data.get("status") == SessionStatus.HELD and day > timezone.localdate():
            self.add_error("status", _("A class in the future cannot be held yet; choose “planned”."))
        return data


class ParentClassForm(ModelForm):
    """What a class adds: its theme, who spoke (a staff member, a parent of the program, or a guest by name) and
    the materials."""

    class Meta:
        model = ParentClass
        fields = ["theme", "theme_other", "speaker_kind", "speaker", "speaker_name", "materials"]
        widgets = {"materials": forms.Textarea(attrs={"rows": 3})}
        help_texts = {
            "theme_other": _("Only when the theme is “Other”."),
            "speaker": _("For a teacher or a parent (or the facilitator, when not the one leading the class)."),
            "speaker_name": _("Only for a guest: their name and, if you like, what they do."),
        }

    def __init__(self, *args, program: Program, **kwargs):
        super().__init__(*args, **kwargs)
        staff = Q(school_id=program.school_id, kind__in=STAFF_KINDS, archived_at__isnull=True)
        parents = Q(pk__in=program_parents(program, keep=[self.instance.speaker_id]).values("pk"))
        self.fields["speaker"].queryset = Person.objects.filter(staff | parents).order_by("kind", "name")
        self.fields["speaker"].label_from_instance = lambda p: f"{p.name} ({p.get_kind_display()})"

    def clean(self):
        data = super().clean()
        if data.get("theme") == Theme.OTHER:
            if not (data.get("theme_other") or "").strip():
                self.add_error("theme_other", _("Say what the theme is."))
        else:
            data["theme_other"] = ""
        kind, speaker = data.get("speaker_kind"), data.get("speaker")
        if kind == SpeakerKind.GUEST:
            data["speaker"] = None
            if not (data.get("speaker_name") or "").strip():
                self.add_error("speaker_name", _("Give the guest speaker's name."))
        elif kind:
            data["speaker_name"] = ""
            if kind == SpeakerKind.PARENT and (speaker is None or speaker.kind != PersonKind.PARENT):
                self.add_error("speaker", _("Choose the parent who spoke."))
            elif kind == SpeakerKind.TEACHER and (speaker is None or speaker.kind not in STAFF_KINDS):
                self.add_error("speaker", _("Choose the teacher who spoke."))
            elif kind == SpeakerKind.FACILITATOR and speaker is not None and speaker.kind not in STAFF_KINDS:
                self.add_error("speaker", _("The facilitator is a member of staff, not a parent."))
        return data


class DialogueNoteForm(ModelForm):
    """What parents shared. The parent is offered only to those who may see parents' names (``parent=False``
    leaves it out, and a note's parent as it was)."""

    class Meta:
        model = DialogueNote
        fields = ["tag", "text", "theme", "parent"]
        widgets = {"text": forms.Textarea(attrs={"rows": 4}), "tag": forms.RadioSelect}

    def __init__(self, *args, program: Program, parent: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["theme"].choices = [("", _("No theme")), *Theme.choices]
        if parent:
            self.fields["parent"].queryset = program_parents(program, keep=[self.instance.parent_id])
        else:
            del self.fields["parent"]


class ContributionForm(ModelForm):
    """A contribution by a parent of the program, at one of its classes (dated on that class's day) or between
    classes (a day of the program, not in the future)."""

    class Meta:
        model = Contribution
        fields = ["parent", "kind", "session", "date", "note"]
        widgets = {"date": DATE_INPUT}

    def __init__(self, *args, program: Program, **kwargs):
        super().__init__(*args, **kwargs)
        self.program = program
        self.instance.program = program
        self.fields["parent"].queryset = program_parents(program, keep=[self.instance.parent_id])
        self.fields["session"] = ModelChoiceField(
            queryset=program_classes(program),
            required=False,
            label=_("At the class"),
            empty_label=_("Between classes"),
        )
        self.fields["session"].label_from_instance = lambda s: f"{s.date:%d/%m/%Y} · {s.title}"
        self.fields["date"].required = False
        self.fields["date"].help_text = _("A contribution at a class is dated on the class's day.")

    def clean(self):
        data = super().clean()
        session, day = data.get("session"), data.get("date")
        if session is not None:
            if session.date > timezone.localdate():
                self.add_error("session", _("This class has not happened yet."))
            data["date"] = self.instance.date = session.date
        elif day is None:
            if not self.has_error("date"):
                self.add_error("date", _("Give the date, or choose the class it was at."))
        elif not self.program.contains(day):
            try:
                self.program.check_date(day)
            except ValidationError as error:
                self.add_error("date", error)
        elif day > timezone.localdate():
            self.add_error("date", _("The date cannot be in the future."))
        return data


class FollowUpForm(ModelForm):
    """A follow-up agreed at a class: due on or after the class, done on a day that has come."""

    class Meta:
        model = FollowUp
        fields = ["what", "who", "due_date", "done_on"]
        widgets = {"due_date": DATE_INPUT, "done_on": DATE_INPUT}
        help_texts = {"done_on": _("Leave empty while it is still to do.")}

    def __init__(self, *args, session, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.session = session
        self.session = session

    def clean_due_date(self):
        day = self.cleaned_data["due_date"]
        if day and day < self.session.date:
            raise ValidationError(_("It cannot be due before the class it was agreed at."))
        return day

    def clean_done_on(self):
        day = self.cleaned_data["done_on"]
        if day and day > timezone.localdate():
            raise ValidationError(_("It cannot be done on a day still to come."))
        return day
