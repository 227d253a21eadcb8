"""Follow-ups (tindak lanjut) agreed at a class: adding, editing and deleting them on the class, and the list of
every class's follow-ups, open ones first, overdue ones said so."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _

from komunitas.access import ProgramAccess, program_access
from komunitas.models import Session
from komunitas.views import atomic_post, render_program

from .. import services
from ..forms import FollowUpForm
from ..models import FollowUp
from ..selectors import mark_overdue, open_first, program_follow_ups
from .base import PAGE_SIZE, get_class_session


@login_required
def follow_up_list(request: HttpRequest, program_id: int) -> HttpResponse:
    access = program_access(request, program_id)
    page = Paginator(open_first(program_follow_ups(access.program)), PAGE_SIZE).get_page(request.GET.get("page"))
    page.object_list = mark_overdue(page.object_list)
    for follow_up in page.object_list:
        follow_up.may_change = access.can_log and access.can_change(follow_up)
    return render_program(request, "parents/follow_up_list.html", access, {"page": page})


def _follow_up_form_page(request: HttpRequest, access: ProgramAccess, session: Session, follow_up: FollowUp):
    is_new = follow_up.pk is None
    form = FollowUpForm(request.POST or None, instance=follow_up, session=session)
    if request.method == "POST" and form.is_valid():
        services.follow_up_save(follow_up=form.instance, user=request.user)
        messages.success(request, _("Follow-up added.") if is_new else _("Follow-up saved."))
        return redirect("parents:detail", program_id=access.program.pk, pk=session.pk)
    context = {"form": form, "session": session, "follow_up": None if is_new else follow_up}
    return render_program(request, "parents/follow_up_form.html", access, context)


def _get_follow_up(access: ProgramAccess, pk: int, follow_up_pk: int) -> tuple[Session, FollowUp]:
    session = get_class_session(access, pk)
    follow_up = get_object_or_404(session.follow_ups.all(), pk=follow_up_pk)
    if not access.can_change(follow_up):
        raise PermissionDenied
    return session, follow_up


@login_required
def follow_up_create(request: HttpRequest, program_id: int, pk: int) -> HttpResponse:
    access = program_access(request, program_id)
    access.require("log")
    session = get_class_session(access, pk)
    return _follow_up_form_page(request, access, session, FollowUp(session=session))


@login_required
@atomic_post
def follow_up_edit(request: HttpRequest, program_id: int, pk: int, follow_up_pk: int) -> HttpResponse:
    access = program_access(request, program_id)
    session, follow_up = _get_follow_up(access, pk, follow_up_pk)
    return _follow_up_form_page(request, access, session, follow_up)


@login_required
def follow_up_delete(request: HttpRequest, program_id: int, pk: int, follow_up_pk: int) -> HttpResponse:
    access = program_access(request, program_id)
    session, follow_up = _get_follow_up(access, pk, follow_up_pk)
    if request.method == "POST":
        services.follow_up_delete(follow_up=follow_up)
        messages.success(request, _("Follow-up deleted."))
        return redirect("parents:detail", program_id=program_id, pk=session.pk)
    context = {"object": follow_up, "cancel_url": session.page_url}
    return render_program(request, "komunitas/confirm_delete.html", access, context)
