"""Forms of the project clubs. They check; ``projects.services`` writes (docs/architecture.md, "Where code goes")."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from komunitas.forms import DATE_INPUT, SessionForm
from komunitas.forms_base import ModelForm
from komunitas.models import Person, PersonKind, Program, SessionStatus

from .models import Club, ClubMeeting, Project


def _with_class(person: Person) -> str:
    return f"{person.name} ({person.class_name})" if person.class_name else person.name


class ClubForm(ModelForm):
    """A club: its mentors are the program's teachers, its members the program's students. Anyone already in the
    club stays choosable, so that editing a club never drops someone who has since left the program unasked."""

    class Meta:
        model = Club
        fields = ["name", "theme", "mentors", "members"]
        # Ticks, not a multi-select: thirty names read better as a list on a phone.
        widgets = {"mentors": forms.CheckboxSelectMultiple, "members": forms.CheckboxSelectMultiple}

    def __init__(self, *args, program: Program, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.program = program
        mentors = Q(pk__in=Person.objects.teachers_of(program).values("pk"))
        members = Q(pk__in=Person.objects.participants_of(program, [PersonKind.STUDENT]).values("pk"))
        if self.instance.pk:
            mentors |= Q(pk__in=self.instance.mentors.values("pk"))
            members |= Q(pk__in=self.instance.members.values("pk"))
        self.fields["mentors"].queryset = Person.objects.filter(mentors).order_by("name")
        self.fields["members"].queryset = Person.objects.filter(members).order_by("class_name", "name")
        self.fields["members"].label_from_instance = _with_class
        self.fields["members"].help_text = _("A student may be a member of several clubs.")
        self.fields["name"].widget.attrs["placeholder"] = _("e.g. Klub Sains Terapan")

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        clash = Club.objects.filter(program=self.instance.program, name__iexact=name)
        if self.instance.pk:
            clash = clash.exclude(pk=self.instance.pk)
        if clash.exists():
            raise ValidationError(_("This program already has a club of that name."))
        return name


class ProjectForm(ModelForm):
    """A club's project; it runs inside the program, and ends on or after the day it starts."""

    class Meta:
        model = Project
        fields = ["title", "driving_question", "description", "start_date", "end_date", "status"]
        widgets = {
            "start_date": DATE_INPUT,
            "end_date": DATE_INPUT,
            "description": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {"driving_question": _("The open question the students set out to answer.")}

    def __init__(self, *args, club: Club, program: Program, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.club = club
        self.program = program

    def clean_start_date(self):
        day = self.cleaned_data["start_date"]
        self.program.check_date(day)
        return day

    def clean_end_date(self):
        day = self.cleaned_data["end_date"]
        self.program.check_date(day)
        return day

    def clean(self):
        data = super().clean()
        start, end = data.get("start_date"), data.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("The project cannot end before it starts."))
        return data


class ClubSessionForm(SessionForm):
    """The core session of a club meeting: inside the program, not held before its day."""

    class Meta(SessionForm.Meta):
        fields = ["title", "date", "start_time", "end_time", "place", "facilitator", "status"]

    def __init__(self, *args, program: Program, **kwargs):
        super().__init__(*args, program=program, **kwargs)
        self.fields["facilitator"].label = _("Mentor leading the meeting")
        self.fields["facilitator"].queryset = Person.objects.staff_of(program.school_id)

    def clean(self):
        data = super().clean()
        day = data.get("date")
        if day and data.get("status") == SessionStatus.HELD and day > timezone.localdate():
            self.add_error("status", _("A meeting in the future cannot be held yet; choose “planned”."))
        return data


class ClubMeetingForm(ModelForm):
    """What the group did and what comes next. Logged from a club's page the club is given; a meeting planned on
    the schedule (no club yet), or one logged for the wrong club, chooses it among the program's clubs."""

    class Meta:
        model = ClubMeeting
        fields = ["club", "activities", "next_steps"]
        widgets = {"activities": forms.Textarea(attrs={"rows": 4}), "next_steps": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, program: Program, choose_club: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if choose_club:
            self.fields["club"].queryset = program.clubs.order_by("name")
        else:
            del self.fields["club"]
