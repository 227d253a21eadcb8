"""Forms of the evaluation: aspects, instruments and their items, questionnaire links, and the answer form that
is built from an instrument's items (the same form on the observation sheet, the interview notes, a teacher's
questionnaire and the public link)."""

from __future__ import annotations

import datetime as dt
import math
import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from komunitas.forms import DATE_INPUT
from komunitas.forms_base import ModelChoiceField, ModelForm, plausible_date
from komunitas.models import Person, Program

from .models import Aspect, Instrument, InstrumentKind, Item, ItemType, Phase, QuestionnaireLink, check_scale

NUMBER_LIMIT = 1_000_000_000  # an answer no school means (and no float arithmetic should meet)


class AspectForm(ModelForm):
    class Meta:
        model = Aspect
        fields = ["name", "initial_condition", "final_condition", "indicator", "order"]
        widgets = {
            "initial_condition": forms.Textarea(attrs={"rows": 2}),
            "final_condition": forms.Textarea(attrs={"rows": 2}),
            "indicator": forms.Textarea(attrs={"rows": 2}),
        }


# --- instruments -----------------------------------------------------------------------------------------------

# "5 = Sangat Setuju (SS)": a whole number, "=" (or ":"), a label. Anything else is refused, never reinterpreted.
SCALE_LINE = re.compile(r"^\s*(-?\d{1,3})\s*[=:]\s*(\S.*?)\s*$")


def scale_as_text(points: list[dict]) -> str:
    return "\n".join(f"{point['value']} = {point['label']}" for point in points)


def parse_scale(text: str) -> list[dict]:
    """One point per line, "5 = Sangat Setuju (SS)", highest first as written."""
    points = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        match = SCALE_LINE.match(line)
        if not match or len(match.group(2)) > 60:
            raise ValidationError(
                _("Line %(n)s: write a whole number, then its label, e.g. “5 = Sangat Setuju (SS)”."),
                params={"n": number},
                code="scale_line",
            )
        points.append({"value": int(match.group(1)), "label": match.group(2)})
    if len(points) > 11:
        raise ValidationError(_("A scale has at most 11 points."), code="scale_size")
    check_scale(points)
    if max(point["value"] for point in points) <= 0:  # the score index is a share of the top score
        raise ValidationError(_("The highest point of a scale must be above zero."), code="scale_top")
    return points


class InstrumentForm(ModelForm):
    scale_text = forms.CharField(
        label=_("Likert scale"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("One point per line, a whole number and its label: e.g. “5 = Sangat Setuju (SS)” down to "
                    "“1 = Sangat Tidak Setuju (STS)”, or a 1–4 scale."),
    )  # fmt: skip

    class Meta:
        model = Instrument
        fields = ["kind", "title", "audience", "instructions", "once_per_device"]
        widgets = {"instructions": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["scale_text"].initial = scale_as_text(self.instance.scale)
        if self.instance.pk and self.instance.locked:
            # Stored answers keep their meaning: the scale and the kind no longer change.
            for name in ("scale_text", "kind", "audience"):
                self.fields[name].disabled = True
                self.fields[name].help_text = _("Locked: the instrument has responses. Make a copy to change it.")

    def clean_scale_text(self):
        if self.fields["scale_text"].disabled:
            return scale_as_text(self.instance.scale)
        return self.cleaned_data["scale_text"]

    def clean(self):
        data = super().clean()
        if "scale_text" in data and not self.fields["scale_text"].disabled:
            try:
                self.instance.scale = parse_scale(data["scale_text"])
            except ValidationError as error:
                self.add_error("scale_text", error)
        return data


class ItemForm(ModelForm):
    class Meta:
        model = Item
        fields = ["text", "type", "required", "reverse", "aspect", "order"]
        widgets = {"text": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, program: Program, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["aspect"].queryset = program.aspects.all()

    def clean(self):
        data = super().clean()
        if data.get("reverse") and data.get("type") != ItemType.LIKERT:
            self.add_error("reverse", _("Only a Likert statement can be scored in reverse."))
        return data


class CopyInstrumentForm(forms.Form):
    instrument = ModelChoiceField(queryset=Instrument.objects.none(), label=_("Instrument to copy"))

    def __init__(self, *args, instruments, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["instrument"].queryset = instruments
        self.fields["instrument"].label_from_instance = lambda i: f"{i.program} — {i.title}"


class LinkForm(ModelForm):
    expires_at = forms.DateTimeField(
        label=_("Open until"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%d"],
        help_text=_("After this the link shows that the questionnaire is closed."),
    )

    class Meta:
        model = QuestionnaireLink
        fields = ["phase", "expires_at"]

    def clean_expires_at(self):
        value = self.cleaned_data["expires_at"]
        plausible_date(timezone.localtime(value).date())
        if value <= timezone.now():
            raise ValidationError(_("Choose a time in the future."), code="past")
        if value > timezone.now() + dt.timedelta(days=120):
            raise ValidationError(_("A link stays open for at most 120 days."), code="too_long")
        return value


# --- answering an instrument -----------------------------------------------------------------------------------


CHOOSE_ONE = _("Choose one answer.")


def item_field(item: Item, instrument: Instrument) -> forms.Field:
    label, required = item.text, item.required
    if item.type == ItemType.LIKERT:
        return forms.TypedChoiceField(
            label=label,
            required=required,
            choices=instrument.scale_choices,
            coerce=int,
            widget=forms.RadioSelect,
            error_messages={"required": CHOOSE_ONE},
        )
    if item.type == ItemType.YES_NO:
        return forms.TypedChoiceField(
            label=label, required=required, choices=[(1, _("Yes")), (0, _("No"))], coerce=int,
            widget=forms.RadioSelect, error_messages={"required": CHOOSE_ONE},
        )  # fmt: skip
    if item.type == ItemType.NUMBER:
        return forms.FloatField(
            label=label, required=required, min_value=-NUMBER_LIMIT, max_value=NUMBER_LIMIT,
            widget=forms.NumberInput(attrs={"inputmode": "decimal", "step": "any"}),
        )  # fmt: skip
    if item.type == ItemType.SHORT_TEXT:
        return forms.CharField(label=label, required=required, max_length=200)
    return forms.CharField(label=label, required=required, max_length=4000, widget=forms.Textarea(attrs={"rows": 3}))


def item_field_name(item: Item) -> str:
    return f"item_{item.pk}"


class AnswersForm(forms.Form):
    """The instrument's items as fields (``item_<id>``), in order. ``answers()`` gives what was answered: item →
    (value, text), items left blank omitted."""

    def __init__(self, *args, instrument: Instrument, items: list[Item], **kwargs):
        super().__init__(*args, **kwargs)
        self.instrument, self.items = instrument, items
        for item in items:
            self.fields[item_field_name(item)] = item_field(item, instrument)

    def clean(self):
        data = super().clean()
        for item in self.items:
            value = data.get(item_field_name(item))
            if isinstance(value, float) and not math.isfinite(value):
                self.add_error(item_field_name(item), _("Enter a number."))
            if isinstance(value, str) and "\x00" in value:
                self.add_error(item_field_name(item), _("The text holds a character that cannot be stored."))
        return data

    def answers(self) -> list[tuple[Item, float | None, str]]:
        result = []
        for item in self.items:
            value = self.cleaned_data.get(item_field_name(item))
            if value in (None, ""):
                continue
            if item.type in (ItemType.SHORT_TEXT, ItemType.LONG_TEXT):
                result.append((item, None, value.strip()))
            else:
                result.append((item, float(value), ""))
        return result


class ResponseMetaForm(forms.Form):
    """Who, when and in which phase an observation, interview or teacher's questionnaire was recorded."""

    phase = forms.ChoiceField(label=_("Phase"), choices=Phase.choices, initial=Phase.WEEKLY)
    date = forms.DateField(label=_("Date"), widget=DATE_INPUT, validators=[plausible_date])
    respondent = ModelChoiceField(queryset=Person.objects.none(), required=False)
    notes = forms.CharField(label=_("Notes"), required=False, max_length=4000, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, program: Program, instrument: Instrument, people, fixed_date=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.program = program
        respondent = self.fields["respondent"]
        respondent.queryset = people
        if instrument.kind == InstrumentKind.INTERVIEW:
            respondent.label, respondent.required = _("Person interviewed"), True
        elif instrument.kind == InstrumentKind.QUESTIONNAIRE:
            respondent.label = _("Respondent (optional: leave empty for an anonymous paper form)")
        else:
            respondent.label = _("Person observed (optional)")
        if fixed_date is not None:  # an observation during a session is of the session's day
            del self.fields["date"]
            self.fixed_date = fixed_date

    def clean_date(self):
        day = self.cleaned_data["date"]
        if day > timezone.localdate():
            raise ValidationError(_("The date is in the future."), code="future")
        return day

    @property
    def day(self) -> dt.date:
        return getattr(self, "fixed_date", None) or self.cleaned_data["date"]
