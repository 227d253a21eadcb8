"""Contributions of parents: the list (by kind and parent), and adding, editing and deleting one. Each is by a
parent of the program, at one of its classes or between classes."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from komunitas.access import ProgramAccess, program_access
from komunitas.views import atomic_post, render_program

from .. import services
from ..filters import ContributionFilter
from ..forms import ContributionForm, program_parents
from ..models import Contribution
from ..selectors import program_contributions
from .base import PAGE_SIZE


@login_required
def contribution_list(request: HttpRequest, program_id: int) -> HttpResponse:
    access = program_access(request, program_id)
    program = access.program
    parents = list(program_parents(program)) if access.sees_personal_data else None
    filters = ContributionFilter(request.GET, queryset=program_contributions(program), parents=parents)
    page = Paginator(filters.qs, PAGE_SIZE).get_page(request.GET.get("page"))
    for contribution in page.object_list:
        contribution.may_change = access.can_log and access.can_change(contribution)
    return render_program(request, "parents/contribution_list.html", access, {"page": page, "filters": filters})


def _after(access: ProgramAccess, contribution: Contribution) -> str:
    """Back to its class when it was at one, else to the list."""
    if contribution.session_id:
        return reverse("parents:detail", args=[access.program.pk, contribution.session_id])
    return reverse("parents:contributions", args=[access.program.pk])


def _contribution_form_page(request: HttpRequest, access: ProgramAccess, contribution: Contribution):
    access.require_personal_data()  # the form lists the program's parents by name
    is_new = contribution.pk is None
    initial = {"session": request.GET.get("class")} if is_new else {}
    form = ContributionForm(request.POST or None, instance=contribution, program=access.program, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.contribution_save(contribution=form.instance, user=request.user)
        messages.success(request, _("Contribution recorded.") if is_new else _("Contribution saved."))
        return redirect(_after(access, form.instance))
    context = {"form": form, "contribution": None if is_new else contribution}
    return render_program(request, "parents/contribution_form.html", access, context)


def _get_contribution(access: ProgramAccess, pk: int) -> Contribution:
    contribution = get_object_or_404(access.program.parent_contributions.all(), pk=pk)
    if not access.can_change(contribution):
        raise PermissionDenied
    return contribution


@login_required
def contribution_create(request: HttpRequest, program_id: int) -> HttpResponse:
    access = program_access(request, program_id)
    access.require("log")
    return _contribution_form_page(request, access, Contribution(program=access.program))


@login_required
@atomic_post
def contribution_edit(request: HttpRequest, program_id: int, contribution_pk: int) -> HttpResponse:
    access = program_access(request, program_id)
    return _contribution_form_page(request, access, _get_contribution(access, contribution_pk))


@login_required
def contribution_delete(request: HttpRequest, program_id: int, contribution_pk: int) -> HttpResponse:
    access = program_access(request, program_id)
    contribution = _get_contribution(access, contribution_pk)
    access.require_personal_data()  # the confirmation names the parent
    after = _after(access, contribution)
    if request.method == "POST":
        services.contribution_delete(contribution=contribution)
        messages.success(request, _("Contribution deleted."))
        return redirect(after)
    return render_program(
        request, "komunitas/confirm_delete.html", access, {"object": contribution, "cancel_url": after}
    )
