"""A club's projects: add, edit, delete (they are listed on the club's page)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from komunitas.access import ProgramAccess, program_access
from komunitas.views import atomic_post, render_program

from .. import services
from ..forms import ProjectForm
from ..models import Club, Project
from ..work_selectors import project_url
from .base import get_club, get_project


def _project_form_page(request: HttpRequest, access: ProgramAccess, club: Club, project: Project) -> HttpResponse:
    initial = {} if project.pk else {"start_date": access.program.start_date, "end_date": access.program.end_date}
    form = ProjectForm(request.POST or None, instance=project, club=club, program=access.program, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.project_save(project=form.instance, user=request.user)
        messages.success(request, _("Project saved."))
        return redirect(project_url(form.instance, access.program.pk))  # its page, to plan its milestones
    context = {"form": form, "club": club, "project": project if project.pk else None}
    return render_program(request, "projects/project_form.html", access, context)


@login_required
def project_create(request: HttpRequest, program_id: int, pk: int) -> HttpResponse:
    access = program_access(request, program_id)
    access.require("log")
    club = get_club(access, pk)
    return _project_form_page(request, access, club, Project(club=club))


@login_required
@atomic_post
def project_edit(request: HttpRequest, program_id: int, pk: int, project_pk: int) -> HttpResponse:
    access = program_access(request, program_id)
    club = get_club(access, pk)
    project = get_project(access, club, project_pk)
    if not access.can_change(project):
        raise PermissionDenied
    return _project_form_page(request, access, club, project)


@login_required
def project_delete(request: HttpRequest, program_id: int, pk: int, project_pk: int) -> HttpResponse:
    access = program_access(request, program_id)
    club = get_club(access, pk)
    project = get_project(access, club, project_pk)
    if not access.can_change(project):
        raise PermissionDenied
    if request.method == "POST":
        services.project_delete(project=project)
        messages.success(request, _("Project “%(title)s” deleted.") % {"title": project.title})
        return redirect(club.get_absolute_url())
    context = {"object": project, "cancel_url": club.get_absolute_url()}
    return render_program(request, "komunitas/confirm_delete.html", access, context)
