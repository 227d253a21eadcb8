"""The 4C assessment: a whole club scored on one screen for a phase (baseline, a week, endline), and the school's
rubric scale (P5 or 2025), which can change until its first assessment."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from komunitas.access import program_access
from komunitas.views import render_program

from .. import assessments
from ..assessment_forms import ClubAssessmentForm, RubricForm, chosen_phase, score_field_name
from ..models import Phase, RubricScale, Skill
from ..rubric import descriptors, levels, scale_of
from .base import get_club


def _legend(scale: str) -> dict:
    """The levels of a scale and, per skill, what each level looks like (shown while scoring)."""
    return {
        "levels": levels(scale),
        "skills": [(label, descriptors(scale, skill)) for skill, label in Skill.choices],
    }


def _saved(request: HttpRequest, club, form: ClubAssessmentForm, scale: str) -> bool:
    """Save the club's scores; False when a second mentor saved a first score of the same cell at the same moment
    (the unique constraint refused ours, all of which rolled back: the form keeps them to save again)."""
    data = form.cleaned_data
    try:
        assessments.club_assessments_save(
            club=club, phase=data["phase"], week=data["week"], scores=form.scores(), scale=scale, user=request.user
        )
    except IntegrityError:
        return False
    return True


@login_required
def assess(request: HttpRequest, program_id: int, pk: int) -> HttpResponse:
    access = program_access(request, program_id)
    access.require("log")
    access.require_personal_data()  # the screen lists the club's students by name
    club = get_club(access, pk)
    if not assessments.may_assess(access, club, list(club.mentors.all())):
        raise PermissionDenied
    program = access.program
    scale = scale_of(program.school_id)
    members = list(assessments.club_members(club))
    phase, week, warning = chosen_phase(request.GET, program)
    if request.method == "POST":
        form = ClubAssessmentForm(request.POST, members=members, scale=scale, program=program)
        if form.is_valid() and _saved(request, club, form, scale):
            phase, week = form.cleaned_data["phase"], form.cleaned_data["week"]
            label = Phase(phase).label if phase != Phase.WEEKLY else _("Week %(n)s") % {"n": week}
            messages.success(request, _("4C scores saved: %(phase)s.") % {"phase": label})
            return redirect(club.get_absolute_url())
        if not form.errors:
            messages.error(
                request,
                _(
                    "Another mentor saved scores of this club at the same moment; nothing of "
                    "yours was saved yet. Check the scores below and save again."
                ),
            )
        else:
            messages.error(request, _("Some scores need attention; nothing was saved yet."))
        phase, week, _warning = chosen_phase(request.POST, program)  # the tabs show what was being scored
    else:
        scores = assessments.club_scores(club, phase, week)
        initial = {"phase": phase, "week": week}
        for (person_id, skill), score in scores.items():
            initial[score_field_name(person_id, skill)] = str(score)
        form = ClubAssessmentForm(initial=initial, members=members, scale=scale, program=program)
    context = {
        "club": club,
        "form": form,
        "phase": phase,
        "week": week,
        "warning": warning,
        "phases": Phase.choices,
        "weeks": list(program.week_numbers()),
        "skills": Skill.choices,
        "scale_label": RubricScale(scale).label,
        "legend": _legend(scale),
        "may_set_rubric": access.can_settings,
    }
    return render_program(request, "projects/assess_form.html", access, context)


@login_required
def rubric(request: HttpRequest, program_id: int) -> HttpResponse:
    access = program_access(request, program_id)
    access.require("settings")
    school_id = access.program.school_id
    locked = assessments.rubric_locked(school_id)
    current = scale_of(school_id)
    form = RubricForm(request.POST or None, initial={"scale": current}, locked=locked)
    if request.method == "POST":
        if form.is_valid():
            assessments.rubric_set(school_id=school_id, scale=form.cleaned_data["scale"])
            messages.success(request, _("The school's rubric levels are saved."))
            return redirect(reverse("projects:rubric", args=[program_id]))
        messages.error(request, _("The rubric levels were not changed."))
    scales = [
        {"value": value, "label": label, "current": value == current, **_legend(value)}
        for value, label in RubricScale.choices
    ]
    context = {"form": form, "locked": locked, "scales": scales, "current": RubricScale(current).label}
    return render_program(request, "projects/rubric_form.html", access, context)
