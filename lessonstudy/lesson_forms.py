"""Forms of the Do stage: an open lesson's session, the seating chart, the observers' focus and the notes. They
check; ``lessonstudy.lessons`` and ``lessonstudy.notes`` write (docs/architecture.md, "Where code goes")."""

from __future__ import annotations

import uuid

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from komunitas import uploads
from komunitas.forms import SessionForm
from komunitas.forms_base import ModelChoiceField, ModelForm, ModelMultipleChoiceField
from komunitas.models import Person, Program, SessionStatus

from .lessons import Chart
from .models import Cycle, NoteTag, ObservationNote

NOT_IN_CLASS = _("Only students of the cycle's class can be tagged.")
NOT_SEATED_HERE = _("Only students of the cycle's class sit in its chart.")


def seat_label(seat) -> str:
    """How a seat reads in a list: its place, and its student or code."""
    who = seat.person.name if seat.person_id else seat.label
    return _("Row %(row)s, seat %(column)s: %(who)s") % {"row": seat.row, "column": seat.column, "who": who}


class LessonSessionForm(SessionForm):
    """The core session of an open lesson: inside the program, not held before its day. Its cycle is given, and
    with it who leads the lesson (the model teacher: ``lessons.open_lesson_log``)."""

    class Meta(SessionForm.Meta):
        fields = ["title", "date", "start_time", "end_time", "place", "facilitator", "status"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["facilitator"]  # the core form sets its choices; the lesson's is the model teacher

    def clean(self):
        data = super().clean()
        day = data.get("date")
        if day and data.get("status") == SessionStatus.HELD and day > timezone.localdate():
            self.add_error("status", _("A lesson in the future cannot be held yet; choose “planned”."))
        return data


class LessonCycleForm(forms.Form):
    """Only for an open lesson planned on the schedule, which belongs to no cycle yet: which cycle it is."""

    cycle = ModelChoiceField(label=_("Lesson study cycle"), queryset=Cycle.objects.none())

    def __init__(self, *args, program: Program, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cycle"].queryset = program.lesson_cycles.order_by("-created_at")


class SeatingForm(forms.Form):
    """The whole chart in one form: for each seat a student of the cycle's class, or a code, and a group. A student
    sits in one seat only."""

    def __init__(self, *args, cycle: Cycle, chart: Chart, students, **kwargs):
        super().__init__(*args, **kwargs)
        self.cycle = cycle
        # The class read once for every seat's list (a model choice field would read it again for each seat).
        self.students = {student.pk: student for student in students}
        choices = [("", _("— empty or a code —")), *[(pk, s.name) for pk, s in self.students.items()]]
        self.rows = []
        for row in chart.rows:
            keys = []
            for cell in row:
                seat, key = cell.seat, cell.key
                self.fields[f"s{key}-person"] = forms.TypedChoiceField(
                    label=_("Student"),
                    choices=choices,
                    coerce=lambda value: self.students[int(value)],
                    empty_value=None,
                    required=False,
                    initial=seat.person_id if seat else None,
                    error_messages={"invalid_choice": NOT_SEATED_HERE},
                )
                self.fields[f"s{key}-label"] = forms.CharField(
                    label=_("Code"), max_length=20, required=False, initial=seat.label if seat else ""
                )
                self.fields[f"s{key}-group"] = forms.CharField(
                    label=_("Group"), max_length=40, required=False, initial=seat.group if seat else ""
                )
                keys.append((cell, key))
            self.rows.append(keys)

    def seat_fields(self):
        """Rows of (cell, student field, code field, group field) for the template."""
        return [[(cell, *(self[f"s{key}-{part}"] for part in ("person", "label", "group"))) for cell, key in row]
                for row in self.rows]  # fmt: skip

    def clean(self):
        data = super().clean()
        taken: dict[int, str] = {}
        for row in self.rows:
            for cell, key in row:
                person = data.get(f"s{key}-person")
                if person is None:
                    continue
                if person.pk in taken:
                    message = _("%(student)s already sits in row %(place)s.")
                    self.add_error(f"s{key}-person", message % {"student": person.name, "place": taken[person.pk]})
                else:
                    taken[person.pk] = _("%(row)s, seat %(column)s") % {"row": cell.row, "column": cell.column}
        return data

    def places(self) -> dict:
        data = self.cleaned_data
        return {
            (cell.row, cell.column): (
                data.get(f"s{key}-person"),
                data.get(f"s{key}-label", "").strip(),
                " ".join(data.get(f"s{key}-group", "").split()),
            )
            for row in self.rows
            for cell, key in row
        }


class ObserverFocusForm(forms.Form):
    """For each observer (the cycle's team, the model teacher aside), a group of the chart or students by seat."""

    def __init__(self, *args, observers: list[Person], chart: Chart, focuses: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.observers = observers
        groups = [("", _("No group")), *[(group, group) for group in chart.groups]]
        seats = [seat for seat in chart.seats if seat.person_id]
        self.students = {seat.person_id: seat.person for seat in seats}
        for observer in observers:
            focus = focuses.get(observer.pk)
            self.fields[f"o{observer.pk}-group"] = forms.ChoiceField(
                label=_("Group"), choices=groups, required=False, initial=focus.group if focus else ""
            )
            self.fields[f"o{observer.pk}-students"] = forms.TypedMultipleChoiceField(
                label=_("Students, by seat"),
                choices=[(seat.person_id, seat_label(seat)) for seat in seats],
                coerce=int,
                required=False,
                widget=forms.CheckboxSelectMultiple,
                initial=[student.pk for student in focus.students.all()] if focus else [],
            )

    def observer_fields(self):
        return [(o, self[f"o{o.pk}-group"], self[f"o{o.pk}-students"]) for o in self.observers]

    def focuses(self) -> dict:
        data = self.cleaned_data
        return {
            observer: (
                data.get(f"o{observer.pk}-group") or "",
                [self.students[pk] for pk in data.get(f"o{observer.pk}-students") or []],
            )
            for observer in self.observers
        }


class NoteForm(forms.Form):
    """A note from the observer's phone (sent by notes.js, or posted as a plain form without JavaScript)."""

    client_id = forms.UUIDField(required=False, widget=forms.HiddenInput)
    noted_at = forms.DateTimeField(required=False, widget=forms.HiddenInput)
    text = forms.CharField(
        label=_("What did you see?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("The note is empty: write what you saw.")},
    )
    tag = forms.ChoiceField(label=_("What it shows"), choices=NoteTag.choices, required=False)
    students = ModelMultipleChoiceField(
        label=_("Students"),
        queryset=Person.objects.none(),
        required=False,
        error_messages={"invalid_choice": NOT_IN_CLASS, "invalid_pk_value": NOT_IN_CLASS},
    )
    group = forms.ChoiceField(label=_("Group"), choices=[], required=False)
    photo = forms.FileField(
        label=_("Photo"), required=False, help_text=_("A photo of the students' work, at most 10 MB.")
    )

    def __init__(self, *args, students, groups: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["students"].queryset = students
        self.fields["group"].choices = [("", _("No group")), *[(group, group) for group in groups]]
        self.fields["client_id"].initial = uuid.uuid4()  # a double-submitted plain form is stored once too

    def clean_client_id(self):
        # The view has returned a resend of the observer's own note already: this id is someone else's.
        client_id = self.cleaned_data["client_id"]
        if client_id and ObservationNote.objects.filter(client_id=client_id).exists():
            raise ValidationError(_("This note's id is already used by another note."), code="clash")
        return client_id

    def clean_text(self):
        text = self.cleaned_data["text"].strip()
        if not text:
            raise ValidationError(_("The note is empty: write what you saw."), code="required")
        return text

    def clean_photo(self):
        upload = self.cleaned_data.get("photo")
        if not upload:
            return None
        return uploads.clean_image(upload)


class NoteEditForm(ModelForm):
    """A note's text, tag, students and group, changed by its author afterwards (its time and photo stay)."""

    class Meta:
        model = ObservationNote
        fields = ["text", "tag", "students", "group"]
        widgets = {"text": forms.Textarea(attrs={"rows": 4}), "students": forms.CheckboxSelectMultiple}

    def __init__(self, *args, students, groups: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["students"].queryset = students
        self.fields["students"].error_messages["invalid_choice"] = NOT_IN_CLASS
        current = [self.instance.group] if self.instance.group and self.instance.group not in groups else []
        self.fields["group"] = forms.ChoiceField(
            label=_("Group"), choices=[("", _("No group")), *[(g, g) for g in [*groups, *current]]], required=False
        )

    def clean_text(self):
        text = self.cleaned_data["text"].strip()
        if not text:
            raise ValidationError(_("The note is empty: write what you saw."), code="required")
        return text
