"""Forms of the 4C assessment: a whole club's scores for one phase on one screen, and the school's rubric scale.
They check; ``projects.assessments`` writes."""

from __future__ import annotations

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from komunitas.models import Person, Program

from .models import Phase, RubricScale, Skill
from .rubric import levels

SCORE_FIELD = re.compile(r"^s-(?P<person>[^-]*)-(?P<skill>.*)$")


def score_field_name(person_id: int, skill: str) -> str:
    return f"s-{person_id}-{skill}"


def chosen_phase(query, program: Program) -> tuple[str, int, str]:
    """The phase and week a GET asks for (``?phase=weekly&week=3``), with a warning when it asked for something
    that does not exist; by default the baseline, and for weekly the program's current week (or its first)."""
    phase = query.get("phase") or Phase.BASELINE
    warning = ""
    if phase not in Phase.values:
        phase, warning = Phase.BASELINE, _("There is no such phase; showing the baseline.")
    if phase != Phase.WEEKLY:
        return phase, 0, warning
    default = program.current_week() or 1
    week = query.get("week") or str(default)
    if not week.isdigit() or not 1 <= int(week) <= program.weeks:
        warning = _("The program has weeks 1 to %(n)s; showing week %(week)s.") % {"n": program.weeks, "week": default}
        week = default
    return phase, int(week), str(warning)


class ClubAssessmentForm(forms.Form):
    """One choice of the school's levels per member and skill (``s-<person>-<skill>``); empty means not scored
    (a score shown before and cleared to "—" is removed). Refused as a whole: a score outside the scale, a field
    of someone not in the club, a field posted twice, a week outside the program."""

    phase = forms.ChoiceField(choices=Phase.choices, widget=forms.HiddenInput)
    week = forms.IntegerField(required=False, min_value=0, widget=forms.HiddenInput)

    def __init__(self, *args, members: list[Person], scale: str, program: Program, **kwargs):
        super().__init__(*args, **kwargs)
        self.members, self.program = members, program
        scale_levels = levels(scale)
        self.top = len(scale_levels)
        choices = [("", "—")] + [(str(level.score), f"{level.code} · {level.label}") for level in scale_levels]
        invalid = _("Choose one of the school's levels (1 to %(n)s) or “—”.") % {"n": self.top}
        skill_labels = dict(Skill.choices)
        for person in members:
            for skill in Skill.values:
                self.fields[score_field_name(person.pk, skill)] = forms.TypedChoiceField(
                    choices=choices,
                    coerce=int,
                    required=False,
                    empty_value=None,
                    label=f"{person.name}: {skill_labels[skill]}",
                    error_messages={"invalid_choice": invalid},
                    widget=forms.Select(attrs={"class": "form-select form-select-sm"}),
                )

    def clean_week(self):
        return self.cleaned_data.get("week") or 0

    def clean(self):
        data = super().clean()
        phase, week = data.get("phase"), data.get("week") or 0
        if phase == Phase.WEEKLY and not 1 <= week <= self.program.weeks:
            raise ValidationError(
                _("Choose a week of the program, 1 to %(n)s.") % {"n": self.program.weeks}, code="week"
            )
        if phase and phase != Phase.WEEKLY:
            data["week"] = 0
        for name in self.data:
            if SCORE_FIELD.match(name) and name not in self.fields:
                raise ValidationError(
                    _("Scores were sent for someone who is not a member of this club; nothing was saved."),
                    code="not_member",
                )
        posted = self.data.getlist if hasattr(self.data, "getlist") else lambda name: [self.data.get(name)]
        for name in self.fields:
            if name.startswith("s-") and len(posted(name)) > 1:
                raise ValidationError(
                    _("A student's skill was scored twice in one form (%(field)s); nothing was saved.")
                    % {"field": self.fields[name].label},
                    code="twice",
                )
        return data

    def scores(self) -> dict[tuple[int, str], int | None]:
        return {
            (person.pk, skill): self.cleaned_data.get(score_field_name(person.pk, skill))
            for person in self.members
            for skill in Skill.values
        }

    def rows(self) -> list[tuple[Person, list[forms.BoundField]]]:
        """The grid: each member with their four fields (marked invalid where they have an error)."""
        rows = []
        for person in self.members:
            cells = []
            for skill in Skill.values:
                bound = self[score_field_name(person.pk, skill)]
                if bound.errors:
                    bound.field.widget.attrs["class"] = "form-select form-select-sm is-invalid"
                cells.append(bound)
            rows.append((person, cells))
        return rows

    @property
    def hidden_errors(self) -> list[str]:
        return [*self.errors.get("phase", []), *self.errors.get("week", [])]


class RubricForm(forms.Form):
    """The school's rubric levels; disabled once the school has assessments (``assessments.rubric_locked``)."""

    scale = forms.ChoiceField(label=_("Rubric levels"), choices=RubricScale.choices, widget=forms.RadioSelect)

    def __init__(self, *args, locked: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.locked = locked
        if locked:
            self.fields["scale"].disabled = True

    def clean(self):
        data = super().clean()
        if self.locked:
            raise ValidationError(
                _(
                    "The school's clubs have assessments already: the rubric levels can no longer change, so that "
                    "averages never mix two scales."
                ),
                code="locked",
            )
        return data
