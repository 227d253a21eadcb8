"""Forms of the reflection meeting (See). They check; ``lessonstudy.reflections`` writes."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from komunitas.forms import SessionForm
from komunitas.forms_base import ModelForm
from komunitas.models import Person, Program, SessionStatus

from .models import Cycle, Reflection
from .reflections import first_held_lesson


class ReflectionSessionForm(SessionForm):
    """The core session of a reflection meeting: inside the program, not held before its day, and not before the
    cycle's open lesson when one was held (the meeting reflects on it). ``cycle`` None: not known yet (a meeting
    planned on the schedule whose cycle is chosen in the same post), so not checked against a lesson."""

    class Meta(SessionForm.Meta):
        fields = ["date", "start_time", "end_time", "place", "facilitator", "status"]

    def __init__(self, *args, program: Program, cycle: Cycle | None, **kwargs):
        super().__init__(*args, program=program, **kwargs)
        self.cycle = cycle
        self.fields["facilitator"].label = _("Moderator of the meeting")
        self.fields["facilitator"].queryset = Person.objects.staff_of(program.school_id)
        self.fields["facilitator"].help_text = _("Who leads the discussion (often the facilitator).")

    def clean(self):
        data = super().clean()
        day = data.get("date")
        if day and data.get("status") == SessionStatus.HELD and day > timezone.localdate():
            self.add_error("status", _("A meeting in the future cannot be held yet; choose “planned”."))
        lesson = first_held_lesson(self.cycle) if day and self.cycle is not None else None
        if lesson is not None:
            start = data.get("start_time")
            before = day < lesson.date or (
                day == lesson.date and start and lesson.start_time and start < lesson.start_time
            )
            if before:
                self.add_error(
                    "date",
                    _("The reflection cannot come before the open lesson it reflects on (held on %(date)s).")
                    % {"date": date_format(lesson.date)},
                )
        return data


class ReflectionForm(ModelForm):
    """What the meeting said, in its order: the model teacher first, then what the observers saw (facts about
    students, not the teacher), what the group found, and the revisions for the next cycle. A meeting planned on
    the schedule (no cycle yet) chooses its cycle among the program's."""

    class Meta:
        model = Reflection
        fields = ["cycle", "model_teacher_view", "observers_view", "findings", "revisions"]
        widgets = {
            "model_teacher_view": forms.Textarea(attrs={"rows": 4}),
            "observers_view": forms.Textarea(attrs={"rows": 6}),
            "findings": forms.Textarea(attrs={"rows": 4}),
            "revisions": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {
            "model_teacher_view": _("The model teacher speaks first: how the lesson went, what they noticed."),
            "observers_view": _("Facts about students: what they did and said, when — not a verdict on the teacher."),
            "findings": _("What the group learnt about the students' learning."),
            "revisions": _("What changes in the plan for the next cycle."),
        }

    def __init__(self, *args, program: Program, choose_cycle: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if choose_cycle:
            self.fields["cycle"].queryset = program.lesson_cycles.order_by("-created_at", "-pk")
            self.fields["cycle"].help_text = _("The cycle whose open lesson this meeting reflects on.")
        else:
            del self.fields["cycle"]


def reflection_forms(
    data, *, program: Program, session, reflection: Reflection, cycle: Cycle | None, initial: dict | None = None
):
    """The meeting's two forms. ``cycle`` given: the meeting's (the form does not ask); None: chosen in the form,
    and the session is checked against the cycle chosen."""
    reflection_form = ReflectionForm(data, instance=reflection, program=program, choose_cycle=cycle is None)
    if cycle is None and data is not None and reflection_form.is_valid():
        cycle = reflection_form.cleaned_data["cycle"]
    session_form = ReflectionSessionForm(data, instance=session, program=program, cycle=cycle, initial=initial)
    return session_form, reflection_form
