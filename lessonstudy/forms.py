"""Forms of the lesson-study cycles and their plans. They check; ``lessonstudy.services`` writes
(docs/architecture.md, "Where code goes")."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from komunitas import uploads
from komunitas.forms_base import ModelForm
from komunitas.models import Person, Program, normalize_class_name

from .models import Cycle
from .selectors import team_choices

MAX_STEPS = 30  # rows of the design table; a 2 × 40-minute lesson rarely has more than ten
EMPTY_STEPS = 3  # blank rows under the plan's, to add more without JavaScript
CHART_SIZE = {"min_value": 1, "max_value": 12}
DOCUMENT_ACCEPT = ".pdf,.doc,.docx,.ppt,.pptx,.xls,.xlsx,.odt,.odp,.ods,image/*"


class CycleForm(ModelForm):
    """A cycle: its model teacher is a teacher of the program, its team the program's teachers and its
    facilitators. Whoever is already chosen stays choosable, so that editing a cycle never drops someone who has
    since left the program unasked."""

    class Meta:
        model = Cycle
        fields = [
            "title", "subject", "class_name", "topic", "model_teacher", "team", "research_theme", "goals",
            "rows", "columns",
        ]  # fmt: skip
        widgets = {
            "team": forms.CheckboxSelectMultiple,
            "research_theme": forms.Textarea(attrs={"rows": 2}),
            "goals": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "team": _("The teachers and the facilitator who plan, observe and reflect together. The model teacher "
                      "is always on the team."),
            "research_theme": _("What the community wants to learn about its students across cycles."),
            "rows": _("The seating chart of the class: 1 to 12 rows."),
            "columns": _("1 to 12 seats in each row."),
        }  # fmt: skip
        error_messages = {
            "model_teacher": {"invalid_choice": _("Choose one of the program's teachers.")},
            "team": {"invalid_choice": _("Only the program's teachers and facilitators can be on the team.")},
        }

    def __init__(self, *args, program: Program, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.program = program
        teachers = Q(pk__in=Person.objects.teachers_of(program).values("pk"))
        if self.instance.pk:
            teachers |= Q(pk=self.instance.model_teacher_id)
        self.fields["model_teacher"].queryset = Person.objects.filter(teachers).order_by("name")
        self.fields["team"].queryset = team_choices(program, self.instance)
        for name in ("rows", "columns"):
            self.fields[name] = forms.IntegerField(
                label=self.fields[name].label, help_text=self.fields[name].help_text, **CHART_SIZE
            )
            self.fields[name].initial = getattr(self.instance, name)
        self.fields["title"].widget.attrs["placeholder"] = _("e.g. Siklus 1: persamaan linear")
        self.fields["class_name"].widget.attrs["placeholder"] = "8A"

    def clean_title(self):
        return " ".join(self.cleaned_data["title"].split())

    def clean_class_name(self):
        normalized = normalize_class_name(self.cleaned_data["class_name"])
        if normalized is None:
            raise ValidationError(_("Use the grade and section, e.g. 7A."))
        return normalized

    def clean(self):
        data = super().clean()
        rows, columns = data.get("rows"), data.get("columns")
        if self.instance.pk and rows and columns:
            outside = self.instance.seats.filter(Q(row__gt=rows) | Q(column__gt=columns)).count()
            if outside:
                self.add_error(
                    None,
                    _("%(n)s seats of the seating chart lie outside %(rows)s × %(columns)s: move them first.")
                    % {"n": outside, "rows": rows, "columns": columns},
                )
        return data


class PlanForm(forms.Form):
    """The plan's texts; its design table is ``StepFormSet``. ``base`` is the version the person started from:
    the save is refused if someone saved a newer one meanwhile (``services.plan_save``)."""

    objectives = forms.CharField(
        label=_("Learning objectives"),
        max_length=4000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    materials = forms.CharField(
        label=_("Materials and media"), max_length=4000, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    observer_guidance = forms.CharField(
        label=_("What observers should watch"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Observers watch the students, not the teacher: who, what, when."),
    )
    note = forms.CharField(
        label=_("What changed in this version"),
        max_length=300,
        required=False,
        help_text=_("A line for the history, e.g. “More time for the group discussion”."),
    )
    base = forms.IntegerField(min_value=0, max_value=2**31 - 1, widget=forms.HiddenInput)

    def content(self, steps: list[dict]) -> dict:
        """The version to store, as ``PlanVersion`` fields."""
        data = self.cleaned_data
        return {
            "objectives": data["objectives"].strip(),
            "steps": steps,
            "materials": data["materials"].strip(),
            "observer_guidance": data["observer_guidance"].strip(),
            "note": " ".join(data["note"].split()),
        }


class StepForm(forms.Form):
    """One row of the design table. A row left empty is dropped; a row with anything in it needs its activity."""

    activity = forms.CharField(
        label=_("Learning activity"), max_length=1000, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    minutes = forms.IntegerField(
        label=pgettext_lazy("length of a lesson step", "Minutes"), min_value=0, max_value=600, required=False
    )
    anticipated = forms.CharField(
        label=_("Anticipated student responses and the teacher's response"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    observe = forms.CharField(
        label=_("Points to observe"), max_length=1000, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def clean(self):
        data = super().clean()
        filled = any(data.get(name) not in (None, "") for name in ("minutes", "anticipated", "observe"))
        if filled and not (data.get("activity") or "").strip():
            self.add_error("activity", _("Describe the activity of this row (or empty the whole row)."))
        return data

    def step(self) -> dict | None:
        data = getattr(self, "cleaned_data", {})
        activity = (data.get("activity") or "").strip()
        if not activity:
            return None
        return {
            "activity": activity,
            "minutes": data.get("minutes"),
            "anticipated": (data.get("anticipated") or "").strip(),
            "observe": (data.get("observe") or "").strip(),
        }


class BaseStepFormSet(forms.BaseFormSet):
    def steps(self) -> list[dict]:
        return [step for form in self.forms if (step := form.step())]


StepFormSet = forms.formset_factory(
    StepForm,
    formset=BaseStepFormSet,
    extra=EMPTY_STEPS,
    max_num=MAX_STEPS + EMPTY_STEPS,
    validate_max=True,
    absolute_max=MAX_STEPS + EMPTY_STEPS,
)


def step_initial(steps) -> list[dict]:
    """A stored design table as the formset's initial rows (anything malformed in the JSON is read as text)."""
    rows = []
    for step in steps if isinstance(steps, list) else []:
        step = step if isinstance(step, dict) else {"activity": str(step)}
        rows.append({name: step.get(name) or "" for name in ("activity", "minutes", "anticipated", "observe")})
    return rows


class PlanFileForm(forms.Form):
    """A file of the plan (the school's RPP / modul ajar), judged by content as the core judges documentation."""

    file = forms.FileField(
        label=_("File"),
        help_text=_("A PDF, Word, PowerPoint, Excel or OpenDocument file, or a photo; at most 10 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": DOCUMENT_ACCEPT}),
    )
    caption = forms.CharField(label=_("Caption"), max_length=255, required=False)

    def clean_file(self):
        upload = self.cleaned_data["file"]
        return uploads.Upload(uploads.clean_document_or_image(upload), upload.name)
