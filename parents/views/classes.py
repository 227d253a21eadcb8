"""Parent classes: the list, planning and logging one (the core session and its class record in one form), and
its page. Attendance is taken on the core's attendance page (its list: the program's parents and staff), a class
is deleted with the core's session delete."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from komunitas.access import ProgramAccess, program_access
from komunitas.models import Session, SessionStatus
from komunitas.views import atomic_post, render_program
from komunitas.views.sessions import documentation_form

from .. import check_in, services
from ..filters import ClassFilter
from ..forms import ClassSessionForm, ParentClassForm
from ..models import PARENT_CLASS, ParentClass
from ..selectors import class_page, classes_with_counts, parents_in_program
from .base import PAGE_SIZE, get_class_session, may_change_class


@login_required
def class_list(request: HttpRequest, program_id: int) -> HttpResponse:
    access = program_access(request, program_id)
    program = access.program
    filters = ClassFilter(request.GET, queryset=classes_with_counts(program), program=program)
    page = Paginator(filters.qs, PAGE_SIZE).get_page(request.GET.get("page"))
    for session in page.object_list:
        session.program = program  # session.week reads the program; no query per row
    context = {"page": page, "filters": filters, "parents_total": parents_in_program(program)}
    return render_program(request, "parents/class_list.html", access, context)


def _class_form_page(request: HttpRequest, access: ProgramAccess, session: Session, record: ParentClass):
    access.require_personal_data()  # the speaker may be one of the program's parents, chosen by name
    program = access.program
    is_new = session.pk is None
    initial = {}
    if is_new:
        today = timezone.localdate()
        initial = {"title": _("Parent class"), "date": today if program.contains(today) else None}
        initial["status"] = SessionStatus.HELD if initial["date"] else SessionStatus.PLANNED
    data = request.POST if request.method == "POST" else None
    session_form = ClassSessionForm(data, instance=session, program=program, initial=initial)
    class_form = ParentClassForm(data, instance=record, program=program)
    if data is not None:
        if all([session_form.is_valid(), class_form.is_valid()]):  # both checked: every error shows at once
            services.parent_class_log(
                session=session_form.instance, parent_class=class_form.instance, user=request.user
            )
            messages.success(request, _("Parent class saved.") if not is_new else _("Parent class logged."))
            if is_new and session.status == SessionStatus.HELD and access.can_take_attendance(session):
                messages.info(request, _("Now mark who came: the list shows the program's parents and its staff."))
                return redirect(reverse("attendance_edit", args=[program.pk, session.pk]))
            return redirect("parents:detail", program_id=program.pk, pk=session.pk)
        messages.error(request, _("Some fields need attention; nothing was saved yet."))
    context = {
        "session": None if is_new else session,
        "session_form": session_form,
        "class_form": class_form,
        "may_delete": not is_new and access.can_delete_session(session),
    }
    return render_program(request, "parents/class_form.html", access, context)


@login_required
def class_create(request: HttpRequest, program_id: int) -> HttpResponse:
    access = program_access(request, program_id)
    access.require("log")
    session = Session(program=access.program, kind=PARENT_CLASS)
    return _class_form_page(request, access, session, ParentClass())


@login_required
@atomic_post
def class_edit(request: HttpRequest, program_id: int, pk: int) -> HttpResponse:
    access = program_access(request, program_id)
    session = get_class_session(access, pk)
    access.require("log")
    if not may_change_class(access, session):
        raise PermissionDenied
    return _class_form_page(request, access, session, session.class_or_none or ParentClass(session=session))


@login_required
def class_detail(request: HttpRequest, program_id: int, pk: int) -> HttpResponse:
    """A class's page: theme, speaker, materials; the shared session pieces (attendance, documentation, actions);
    its dialogue notes, contributions and follow-ups."""
    access = program_access(request, program_id)
    session = get_class_session(access, pk)
    context = class_page(access, session)
    context["record"] = session.class_or_none
    context["may"]["edit"] = may_change_class(access, session)
    if access.can_log and access.sees_personal_data:  # the form lists the program's students
        context["upload_form"] = documentation_form(access)
    if access.can_log:  # the check-in link, its QR code and the names waiting (parents/check_in.py)
        context["check_in_panel"] = True
        context.update(check_in.check_in_panel(session))
    return render_program(request, "parents/class_detail.html", access, context)
