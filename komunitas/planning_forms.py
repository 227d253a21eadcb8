"""The form of the "plan from templates" page: per template, whether to plan it, its weeks, how often, and each
slot's weekday and times; one place for all. It checks; ``komunitas/planning.py`` plans and writes."""

from __future__ import annotations

from collections.abc import Sequence

from django import forms
from django.utils.dates import WEEKDAYS
from django.utils.translation import gettext_lazy as _

from .contract import ScheduleTemplate
from .forms import TIME_INPUT
from .planning import SlotOption, TemplateOption, default_option

WEEKDAY_CHOICES = sorted(WEEKDAYS.items())  # 0 = Monday, as date.weekday()


class TemplateForm(forms.Form):
    """One template, adjusted. Its fields are prefixed with the template's key; a slot's are ``slot<N>_…``."""

    include = forms.BooleanField(required=False)
    from_week = forms.TypedChoiceField(label=_("From week"), coerce=int)
    to_week = forms.TypedChoiceField(label=_("To week"), coerce=int)
    every = forms.IntegerField(label=_("Every … weeks"), min_value=1, max_value=52)

    def __init__(self, data=None, *, template: ScheduleTemplate, weeks: Sequence[tuple[int, str]]):
        self.template = template
        default = default_option(template, len(weeks))
        initial = {"include": True, "from_week": default.from_week, "to_week": default.to_week}
        initial["every"] = default.every
        for index, slot in enumerate(default.slots):
            initial |= {f"slot{index}_weekday": slot.weekday, f"slot{index}_start": slot.start}
            initial[f"slot{index}_end"] = slot.end
        super().__init__(data, prefix=template.key.replace(".", "_"), initial=initial)
        self.fields["include"].label = template.label
        self.fields["include"].help_text = template.help
        self.fields["from_week"].choices = self.fields["to_week"].choices = list(weeks)
        for index, _slot in enumerate(template.slots):
            self.fields[f"slot{index}_weekday"] = forms.TypedChoiceField(
                label=_("Day"), choices=WEEKDAY_CHOICES, coerce=int
            )
            self.fields[f"slot{index}_start"] = forms.TimeField(label=_("Starts"), widget=TIME_INPUT)
            self.fields[f"slot{index}_end"] = forms.TimeField(label=_("Ends"), widget=TIME_INPUT)

    def slots(self) -> list[tuple[object, list[forms.BoundField]]]:
        """Each slot of the template with its three fields, for the page."""
        return [
            (slot, [self[f"slot{index}_{name}"] for name in ("weekday", "start", "end")])
            for index, slot in enumerate(self.template.slots)
        ]

    def clean(self):
        data = super().clean()
        first, last = data.get("from_week"), data.get("to_week")
        if first and last and last < first:
            self.add_error("to_week", _("The last week cannot come before the first."))
        for index in range(len(self.template.slots)):
            start, end = data.get(f"slot{index}_start"), data.get(f"slot{index}_end")
            if start and end and end <= start:
                self.add_error(f"slot{index}_end", _("The session must end after it starts."))
        return data

    @property
    def included(self) -> bool:
        return bool(self.cleaned_data.get("include"))

    def option(self) -> TemplateOption:
        """The template as adjusted (a valid form only)."""
        data = self.cleaned_data
        slots = [
            SlotOption(
                slot.kind,
                str(slot.title),  # stored in the language active when planning, like stage names
                data[f"slot{index}_weekday"],
                data[f"slot{index}_start"],
                data[f"slot{index}_end"],
            )
            for index, slot in enumerate(self.template.slots)
        ]
        return TemplateOption(self.template.key, data["from_week"], data["to_week"], data["every"], slots)


class SchedulePlanForm(forms.Form):
    """The whole page: one ``TemplateForm`` per template (``parts``) and the place for every session."""

    place = forms.CharField(
        label=_("Place"),
        max_length=120,
        required=False,
        help_text=_("Optional, for every session planned, e.g. “Ruang guru”. Each session can be changed later."),
    )

    def __init__(self, data=None, *, templates: Sequence[ScheduleTemplate], weeks: Sequence[tuple[int, str]]):
        super().__init__(data)
        self.parts = [TemplateForm(data, template=template, weeks=weeks) for template in templates]

    def is_valid(self) -> bool:
        valid = [super().is_valid()] + [part.is_valid() for part in self.parts]  # every part's errors, not the first
        if not all(valid):
            return False
        if self.parts and not any(part.included for part in self.parts):
            self.parts[0].add_error("include", _("Tick at least one template to plan."))
            return False
        return bool(self.parts)

    def options(self) -> list[TemplateOption]:
        return [part.option() for part in self.parts if part.included]
