"""A project's artifacts: add one (a photo or a file, checked by content as the core checks documentation),
download it (only what ``ProgramAccess.may_see_photo`` allows), edit its caption and students, delete it."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.files.storage import default_storage
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _

from komunitas import print_images
from komunitas.access import ProgramAccess, program_access
from komunitas.models import AttachmentKind
from komunitas.uploads import serve_private
from komunitas.views import atomic_post, render_program

from .. import work_services
from ..models import Artifact, Project
from ..work_forms import ArtifactForm
from ..work_selectors import project_url
from .work import club_project


def _get_artifact(access: ProgramAccess, project: Project, artifact_pk: int) -> Artifact:
    """An artifact of the project with its consent flags; one the viewer may not see is not found (404), as the
    core's documentation."""
    artifact = get_object_or_404(project.artifacts.with_consent(), pk=artifact_pk)
    if not access.may_see_photo(artifact):
        raise Http404
    artifact.project = project
    return artifact


def _artifact_form_page(request: HttpRequest, access: ProgramAccess, artifact: Artifact) -> HttpResponse:
    access.require_personal_data()  # the form lists the club's students by name
    project = artifact.project
    back = project_url(project, access.program.pk)
    form = ArtifactForm(request.POST or None, request.FILES or None, instance=artifact, project=project)
    if request.method == "POST" and form.is_valid():
        people = list(form.cleaned_data["people"])
        if artifact.pk is None:
            work_services.artifact_add(
                project=project,
                upload=form.cleaned_data["file"],
                caption=form.cleaned_data["caption"],
                people=people,
                user=request.user,
            )
            messages.success(request, _("Artifact added."))
        else:
            work_services.artifact_save(artifact=form.instance, people=people)
            messages.success(request, _("Artifact saved."))
        if any(not person.consent_staff for person in people):  # annotated by the form's choices
            messages.warning(
                request,
                _("It shows a student without photo consent: only the facilitator and the principal will see it."),
            )
        return redirect(back)
    context = {
        "form": form,
        "club": project.club,
        "project": project,
        "project_url": back,
        "artifact": artifact if artifact.pk else None,
    }
    return render_program(request, "projects/artifact_form.html", access, context)


@login_required
def artifact_create(request: HttpRequest, program_id: int, pk: int, project_pk: int) -> HttpResponse:
    access = program_access(request, program_id)
    access.require("log")
    project = club_project(access, pk, project_pk)
    return _artifact_form_page(request, access, Artifact(project=project))


@login_required
def artifact_download(request: HttpRequest, program_id: int, pk: int, project_pk: int, artifact_pk: int):
    access = program_access(request, program_id)
    artifact = _get_artifact(access, club_project(access, pk, project_pk), artifact_pk)
    if request.GET.get("size") == "thumb" and artifact.kind == AttachmentKind.PHOTO:
        thumb = print_images.thumb_copy(artifact)  # tens of kilobytes for a page of photos on a slow connection
        if thumb:
            return serve_private(
                default_storage.open(thumb), content_type="image/jpeg", filename="thumb.jpg", inline=True
            )
    return serve_private(
        artifact.file,
        content_type=artifact.content_type,
        filename=artifact.original_name,
        inline=artifact.kind == AttachmentKind.PHOTO,
    )


@login_required
@atomic_post
def artifact_edit(request: HttpRequest, program_id: int, pk: int, project_pk: int, artifact_pk: int) -> HttpResponse:
    access = program_access(request, program_id)
    artifact = _get_artifact(access, club_project(access, pk, project_pk), artifact_pk)
    if not access.can_change(artifact):
        raise PermissionDenied
    return _artifact_form_page(request, access, artifact)


@login_required
def artifact_delete(request: HttpRequest, program_id: int, pk: int, project_pk: int, artifact_pk: int) -> HttpResponse:
    access = program_access(request, program_id)
    project = club_project(access, pk, project_pk)
    artifact = _get_artifact(access, project, artifact_pk)
    if not access.can_change(artifact):
        raise PermissionDenied
    back = project_url(project, program_id)
    if request.method == "POST":
        work_services.artifact_delete(artifact=artifact)
        messages.success(request, _("Artifact deleted."))
        return redirect(back)
    context = {"object": artifact, "cancel_url": back, "warning": _("Its file is removed too.")}
    return render_program(request, "komunitas/confirm_delete.html", access, context)
