"""The final report's forms: an obstacle met during the program, and the report's texts."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from .forms import DATE_INPUT
from .forms_base import ModelForm
from .models import Obstacle, ReportText


class ObstacleForm(ModelForm):
    class Meta:
        model = Obstacle
        fields = ["noted_on", "category", "description", "handling"]
        widgets = {
            "noted_on": DATE_INPUT,
            "description": forms.Textarea(attrs={"rows": 3}),
            "handling": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {"handling": _("What was done about it, and whether it helped. It may be added later.")}

    def clean_noted_on(self):
        day = self.cleaned_data["noted_on"]
        self.instance.program.check_date(day)  # an obstacle of this program, met while it ran
        return day


class ReportTextForm(ModelForm):
    """The report's texts, pre-filled with what the data says. A text left as proposed (or emptied) is stored
    empty and written again from the data at every print, so its figures stay current; an edited one is kept."""

    class Meta:
        model = ReportText
        fields = ["foreword", "background", "conclusions", "recommendations"]
        widgets = {name: forms.Textarea(attrs={"rows": 5}) for name in fields}
        help_texts = {
            "conclusions": _("Proposed from the program's figures; it follows them until you change it."),
            "recommendations": _("Proposed from the obstacles recorded; it follows them until you change it."),
        }

    def __init__(self, *args, defaults: dict[str, str] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.defaults = defaults or {}
        for name, text in self.defaults.items():
            if name in self.fields and not getattr(self.instance, name):
                self.initial[name] = text

    def clean(self):
        data = super().clean()
        for name, text in self.defaults.items():
            if _same(data.get(name) or "", text):
                data[name] = ""  # as proposed: keep following the data
        return data


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()) == " ".join(b.split())
