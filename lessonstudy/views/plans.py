"""A cycle's lesson plan: writing a new version, the history, two versions side by side, and its files."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from komunitas.access import program_access
from komunitas.uploads import serve_private
from komunitas.views import render_program

from .. import services
from ..forms import PlanFileForm, PlanForm, StepFormSet, step_initial
from ..models import Cycle, PlanFile
from ..plan_diff import compare_versions
from ..selectors import latest_version, plan_history
from .base import get_cycle

CONFLICT = gettext_lazy(
    "Someone saved a newer version of this plan (version %(latest)s) while you were editing version %(base)s. "
    "Nothing was saved and nothing was overwritten: your text is still below. Compare the versions, then save "
    "again to make yours the newest version (theirs stays in the history)."
)


@login_required
def plan_edit(request: HttpRequest, program_id: int, pk: int) -> HttpResponse:
    access = program_access(request, program_id)
    access.require("log")
    cycle = get_cycle(access, pk)
    if cycle.done_at:  # a closed cycle's plan is the record of what was taught: reopen it to revise
        messages.info(request, _("This cycle is closed: reopen it to revise its plan."))
        return redirect(cycle.get_absolute_url())
    latest = latest_version(cycle)
    conflict = None
    if request.method == "POST":
        form = PlanForm(request.POST)
        steps = StepFormSet(request.POST, prefix="steps")
        if form.is_valid() and steps.is_valid():
            base = form.cleaned_data["base"]
            try:
                version = services.plan_save(
                    cycle=cycle, base=base, content=form.content(steps.steps()), user=request.user
                )
            except services.PlanConflict as refused:
                form.add_error(None, CONFLICT % {"latest": refused.latest, "base": base})
                conflict = {"base": base, "latest": refused.latest}
                form.data = form.data.copy()
                form.data["base"] = refused.latest  # saving again, knowing theirs, goes through
            except services.PlanUnchanged:
                form.add_error(None, _("Nothing changed since version %(n)s: nothing was saved.") % {"n": base})
            else:
                messages.success(request, _("Plan saved as version %(n)s.") % {"n": version.number})
                return redirect(cycle.get_absolute_url())
    else:
        initial = {"base": latest.number if latest else 0}
        if latest:
            initial |= {
                "objectives": latest.objectives,
                "materials": latest.materials,
                "observer_guidance": latest.observer_guidance,
            }
        form = PlanForm(initial=initial)
        steps = StepFormSet(initial=step_initial(latest.steps if latest else []), prefix="steps")
    context = {"cycle": cycle, "form": form, "steps": steps, "latest": latest, "conflict": conflict}
    return render_program(request, "lessonstudy/plan_form.html", access, context)


@login_required
def plan_versions(request: HttpRequest, program_id: int, pk: int) -> HttpResponse:
    access = program_access(request, program_id)
    cycle = get_cycle(access, pk)
    versions = plan_history(cycle)
    return render_program(request, "lessonstudy/plan_history.html", access, {"cycle": cycle, "versions": versions})


def _number(value: str | None) -> int | None:
    value = (value or "").strip()
    return int(value) if value.isdigit() and len(value) < 10 else None


@login_required
def plan_compare(request: HttpRequest, program_id: int, pk: int) -> HttpResponse:
    """``?a=1&b=3``: version a on the left, b on the right; without them, the two newest."""
    access = program_access(request, program_id)
    cycle = get_cycle(access, pk)
    versions = {version.number: version for version in plan_history(cycle)}
    if not versions:
        raise Http404
    numbers = sorted(versions)
    b = _number(request.GET.get("b")) or numbers[-1]
    a = _number(request.GET.get("a")) or (numbers[-2] if len(numbers) > 1 else numbers[-1])
    if a not in versions or b not in versions:
        raise Http404
    context = {
        "cycle": cycle,
        "old": versions[a],
        "new": versions[b],
        "numbers": numbers,
        **compare_versions(versions[a], versions[b]),
    }
    return render_program(request, "lessonstudy/plan_diff.html", access, context)


def _plan_file(cycle: Cycle, file_pk: int) -> PlanFile:
    plan_file = get_object_or_404(cycle.plan_files.all(), pk=file_pk)
    plan_file.cycle = cycle
    return plan_file


@login_required
def plan_file_create(request: HttpRequest, program_id: int, pk: int) -> HttpResponse:
    access = program_access(request, program_id)
    access.require("log")
    cycle = get_cycle(access, pk)
    form = PlanFileForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        services.plan_file_add(
            cycle=cycle, upload=form.cleaned_data["file"], caption=form.cleaned_data["caption"], user=request.user
        )
        messages.success(request, _("File attached to the plan."))
        return redirect(cycle.get_absolute_url())
    return render_program(request, "lessonstudy/plan_file_form.html", access, {"cycle": cycle, "form": form})


@login_required
def plan_file_download(request: HttpRequest, program_id: int, pk: int, file_pk: int):
    access = program_access(request, program_id)
    plan_file = _plan_file(get_cycle(access, pk), file_pk)
    return serve_private(
        plan_file.file,
        content_type=plan_file.content_type,
        filename=plan_file.original_name,
        inline=plan_file.content_type.startswith("image/"),
    )


@login_required
def plan_file_delete(request: HttpRequest, program_id: int, pk: int, file_pk: int) -> HttpResponse:
    access = program_access(request, program_id)
    cycle = get_cycle(access, pk)
    plan_file = _plan_file(cycle, file_pk)
    if not access.can_edit(plan_file.uploaded_by_id):
        raise PermissionDenied
    if request.method == "POST":
        services.plan_file_delete(plan_file=plan_file)
        messages.success(request, _("File removed from the plan."))
        return redirect(cycle.get_absolute_url())
    context = {"object": plan_file, "cancel_url": cycle.get_absolute_url(), "warning": _("Its file is removed too.")}
    return render_program(request, "komunitas/confirm_delete.html", access, context)
