"""Cycles: the list, one cycle's page, starting, editing, closing and deleting a cycle, and starting the next
cycle from one."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from komunitas.access import ProgramAccess, program_access
from komunitas.views import atomic_post, render_program

from .. import services
from ..filters import CycleFilter
from ..forms import CycleForm
from ..models import Cycle, Stage
from ..selectors import cycle_page, cycles_for_list
from .base import get_cycle

PAGE_SIZE = 20


@login_required
def cycle_list(request: HttpRequest, program_id: int) -> HttpResponse:
    access = program_access(request, program_id)
    filters = CycleFilter(request.GET, queryset=cycles_for_list(access.program))
    page = Paginator(filters.qs, PAGE_SIZE).get_page(request.GET.get("page"))
    for cycle in page.object_list:
        cycle.stage_label = Stage(cycle.stage).label
    return render_program(request, "lessonstudy/cycle_list.html", access, {"page": page, "filters": filters})


@login_required
def cycle_detail(request: HttpRequest, program_id: int, pk: int) -> HttpResponse:
    access = program_access(request, program_id)
    return render_program(request, "lessonstudy/cycle_detail.html", access, cycle_page(access, get_cycle(access, pk)))


def _cycle_form_page(request: HttpRequest, access: ProgramAccess, cycle: Cycle) -> HttpResponse:
    form = CycleForm(request.POST or None, instance=cycle, program=access.program)
    if request.method == "POST" and form.is_valid():
        is_new = cycle.pk is None
        services.cycle_save(cycle=form.instance, team=list(form.cleaned_data["team"]), user=request.user)
        if is_new:
            messages.success(request, _("Cycle started. Write its lesson plan together next."))
            return redirect("lessonstudy:plan", program_id=access.program.pk, pk=form.instance.pk)
        messages.success(request, _("Cycle saved."))
        return redirect(form.instance.get_absolute_url())
    context = {"form": form, "cycle": cycle if cycle.pk else None}
    return render_program(request, "lessonstudy/cycle_form.html", access, context)


@login_required
def cycle_create(request: HttpRequest, program_id: int) -> HttpResponse:
    access = program_access(request, program_id)
    access.require("log")
    return _cycle_form_page(request, access, Cycle(program=access.program))


def _changeable_cycle(access: ProgramAccess, pk: int) -> Cycle:
    cycle = get_cycle(access, pk)
    if not access.can_change(cycle):
        raise PermissionDenied
    return cycle


@login_required
@atomic_post
def cycle_edit(request: HttpRequest, program_id: int, pk: int) -> HttpResponse:
    access = program_access(request, program_id)
    return _cycle_form_page(request, access, _changeable_cycle(access, pk))


@login_required
def cycle_delete(request: HttpRequest, program_id: int, pk: int) -> HttpResponse:
    access = program_access(request, program_id)
    cycle = _changeable_cycle(access, pk)
    if request.method == "POST":
        services.cycle_delete(cycle=cycle)
        messages.success(request, _("Cycle “%(title)s” deleted.") % {"title": cycle.title})
        return redirect("lessonstudy:index", program_id=program_id)
    warning = _(
        "Every version of its lesson plan, its files and its seating chart go with it. Its open lessons and "
        "reflection meetings stay on the schedule with their attendance, no longer attached to a cycle."
    )
    context = {"object": cycle, "cancel_url": cycle.get_absolute_url(), "warning": warning}
    return render_program(request, "komunitas/confirm_delete.html", access, context)


@login_required
@require_POST
def cycle_close(request: HttpRequest, program_id: int, pk: int) -> HttpResponse:
    access = program_access(request, program_id)
    cycle = _changeable_cycle(access, pk)
    services.cycle_close(cycle=cycle, done=True)
    messages.success(request, _("Cycle closed: it shows as done."))
    return redirect(cycle.get_absolute_url())


@login_required
@require_POST
def cycle_reopen(request: HttpRequest, program_id: int, pk: int) -> HttpResponse:
    access = program_access(request, program_id)
    cycle = _changeable_cycle(access, pk)
    services.cycle_close(cycle=cycle, done=False)
    messages.success(request, _("Cycle reopened."))
    return redirect(cycle.get_absolute_url())


@login_required
@require_POST
def cycle_next(request: HttpRequest, program_id: int, pk: int) -> HttpResponse:
    access = program_access(request, program_id)
    access.require("log")
    cycle = get_cycle(access, pk)
    started = cycle.next_cycles.first()
    if started:  # a second click, or a second teacher: the team goes on with the one already started
        messages.info(request, _("The next cycle was already started from this one: “%(title)s”.") % {"title": started})
        return redirect(started.get_absolute_url())
    following = services.cycle_start_next(cycle=cycle, user=request.user)
    messages.success(
        request,
        _("Next cycle started, its plan copied from this one with the reflection's revisions. Revise it together."),
    )
    return redirect("lessonstudy:plan", program_id=program_id, pk=following.pk)
