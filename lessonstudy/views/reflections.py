"""See: logging a cycle's reflection meeting (the core session and its record in one form), its page with the
agenda built from the observers' notes, and the agenda on its own to print. Attendance is taken on the core's
attendance page (its list: ``reflections.reflection_audience``); a meeting is deleted with the core's session
delete."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from komunitas.access import ProgramAccess, program_access
from komunitas.models import Session, SessionStatus
from komunitas.views import atomic_post, render_program
from komunitas.views.sessions import documentation_form, get_session

from ..models import LS_REFLECTION, Cycle, Reflection
from ..reflection_forms import reflection_forms
from ..reflections import may_change_reflection, reflection_agenda, reflection_log, reflection_page


def get_reflection_session(access: ProgramAccess, pk: int) -> Session:
    """A reflection meeting of the program (anything else is a 404), with its record, cycle and model teacher
    when it has one (``session.reflection_or_none``): one planned on the schedule has none until filled in. One
    query."""
    sessions = (
        access.program.sessions.filter(kind=LS_REFLECTION)
        .select_related("lesson_reflection__cycle__model_teacher", "created_by")
        .with_creator_role()
    )
    session = get_session(access, pk, sessions)
    session.reflection_or_none = getattr(session, "lesson_reflection", None)
    return session


def _form_page(
    request: HttpRequest, access: ProgramAccess, session: Session, record: Reflection, cycle: Cycle | None
) -> HttpResponse:
    """``cycle`` given: logged from the cycle's page, or the meeting's own (the form does not ask which)."""
    program = access.program
    is_new = session.pk is None
    initial = {}
    if is_new:
        today = timezone.localdate()
        day = today if program.contains(today) else None
        initial = {"date": day, "status": SessionStatus.HELD if day else SessionStatus.PLANNED}
    data = request.POST if request.method == "POST" else None
    session_form, reflection_form = reflection_forms(
        data, program=program, session=session, reflection=record, cycle=cycle, initial=initial
    )
    if data is not None:
        if all([session_form.is_valid(), reflection_form.is_valid()]):  # both checked: every error shows at once
            reflection_log(
                session=session_form.instance,
                reflection=reflection_form.instance,
                cycle=cycle or reflection_form.cleaned_data["cycle"],
                user=request.user,
            )
            messages.success(request, _("Reflection meeting logged.") if is_new else _("Reflection meeting saved."))
            if is_new and session.status == SessionStatus.HELD and access.can_take_attendance(session):
                messages.info(request, _("Now mark who came: the list shows the cycle's team and its observers."))
                return redirect(reverse("attendance_edit", args=[program.pk, session.pk]))
            return redirect("lessonstudy:reflection", program_id=program.pk, session_pk=session.pk)
        messages.error(request, _("Some fields need attention; nothing was saved yet."))
    context = {
        "cycle": cycle,
        "session": None if is_new else session,
        "session_form": session_form,
        "reflection_form": reflection_form,
        "may_delete": not is_new and access.can_delete_session(session),
    }
    return render_program(request, "lessonstudy/reflection_form.html", access, context)


@login_required
def reflection_create(request: HttpRequest, program_id: int, pk: int) -> HttpResponse:
    access = program_access(request, program_id)
    access.require("log")
    cycle = get_object_or_404(access.program.lesson_cycles.select_related("model_teacher"), pk=pk)
    session = Session(program=access.program, kind=LS_REFLECTION)
    return _form_page(request, access, session, Reflection(cycle=cycle), cycle)


@login_required
@atomic_post
def reflection_edit(request: HttpRequest, program_id: int, session_pk: int) -> HttpResponse:
    access = program_access(request, program_id)
    session = get_reflection_session(access, session_pk)
    access.require("log")
    if not may_change_reflection(access, session):
        raise PermissionDenied
    record = session.reflection_or_none
    if record is None:  # planned on the schedule: its cycle is chosen in the form
        return _form_page(request, access, session, Reflection(session=session), None)
    return _form_page(request, access, session, record, record.cycle)


@login_required
def reflection_detail(request: HttpRequest, program_id: int, session_pk: int) -> HttpResponse:
    """A reflection meeting's page: the discussion in the meeting's order, the agenda, then the shared pieces
    of every session page (attendance, documentation, actions)."""
    access = program_access(request, program_id)
    session = get_reflection_session(access, session_pk)
    context = reflection_page(access, session)
    if access.can_log and access.sees_personal_data:  # the form lists the program's students
        context["upload_form"] = documentation_form(access)
    return render_program(request, "lessonstudy/reflection_detail.html", access, context)


@login_required
def agenda(request: HttpRequest, program_id: int, session_pk: int) -> HttpResponse:
    """The meeting's agenda on its own, to print and hand round."""
    access = program_access(request, program_id)
    session = get_reflection_session(access, session_pk)
    record = session.reflection_or_none
    context = {
        "session": session,
        "cycle": record.cycle if record else None,
        "agenda": reflection_agenda(access, record.cycle) if record else None,
    }
    return render_program(request, "lessonstudy/agenda.html", access, context)
