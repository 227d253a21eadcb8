"""A project's page, with its milestones and artifacts, and its milestones: add, edit, delete."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _

from komunitas.access import ProgramAccess, program_access
from komunitas.views import atomic_post, render_program

from .. import work_services
from ..models import Milestone, Project
from ..work_forms import MilestoneForm
from ..work_selectors import project_page, project_url
from .base import get_club, get_project


def club_project(access: ProgramAccess, pk: int, project_pk: int) -> Project:
    """A project of a club of the program (tenant first: two queries, the club and the project)."""
    return get_project(access, get_club(access, pk), project_pk)


@login_required
def project_detail(request: HttpRequest, program_id: int, pk: int, project_pk: int) -> HttpResponse:
    access = program_access(request, program_id)
    project = club_project(access, pk, project_pk)
    return render_program(request, "projects/project_detail.html", access, project_page(access, project))


def _get_milestone(project: Project, milestone_pk: int) -> Milestone:
    milestone = get_object_or_404(project.milestones.all(), pk=milestone_pk)
    milestone.project = project
    return milestone


def _milestone_form_page(request: HttpRequest, access: ProgramAccess, milestone: Milestone) -> HttpResponse:
    project = milestone.project
    form = MilestoneForm(request.POST or None, instance=milestone, project=project)
    if request.method == "POST" and form.is_valid():
        is_new = milestone.pk is None
        work_services.milestone_save(milestone=form.instance, user=request.user)
        messages.success(request, _("Milestone added.") if is_new else _("Milestone saved."))
        return redirect(project_url(project, access.program.pk))
    context = {
        "form": form,
        "club": project.club,
        "project": project,
        "project_url": project_url(project, access.program.pk),
        "milestone": milestone if milestone.pk else None,
    }
    return render_program(request, "projects/milestone_form.html", access, context)


@login_required
def milestone_create(request: HttpRequest, program_id: int, pk: int, project_pk: int) -> HttpResponse:
    access = program_access(request, program_id)
    access.require("log")
    project = club_project(access, pk, project_pk)
    return _milestone_form_page(request, access, Milestone(project=project))


@login_required
@atomic_post
def milestone_edit(request: HttpRequest, program_id: int, pk: int, project_pk: int, milestone_pk: int) -> HttpResponse:
    access = program_access(request, program_id)
    milestone = _get_milestone(club_project(access, pk, project_pk), milestone_pk)
    if not access.can_change(milestone):
        raise PermissionDenied
    return _milestone_form_page(request, access, milestone)


@login_required
def milestone_delete(
    request: HttpRequest, program_id: int, pk: int, project_pk: int, milestone_pk: int
) -> HttpResponse:
    access = program_access(request, program_id)
    project = club_project(access, pk, project_pk)
    milestone = _get_milestone(project, milestone_pk)
    if not access.can_change(milestone):
        raise PermissionDenied
    back = project_url(project, program_id)
    if request.method == "POST":
        work_services.milestone_delete(milestone=milestone)
        messages.success(request, _("Milestone “%(title)s” deleted.") % {"title": milestone.title})
        return redirect(back)
    return render_program(request, "komunitas/confirm_delete.html", access, {"object": milestone, "cancel_url": back})
