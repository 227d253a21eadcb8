"""Open lessons: logging one for a cycle (the core session, kind "open_lesson", and its cycle record, in one form),
editing it, its page, and its observers' focus. Attendance is taken on the core's attendance page, whose list is the
cycle's team and observers (``lessons.lesson_audience``); a lesson is deleted with the core's session delete."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from komunitas.access import ProgramAccess, program_access
from komunitas.models import Session, SessionStatus
from komunitas.views import atomic_post, render_program
from komunitas.views.sessions import documentation_form

from .. import lessons
from ..lesson_forms import LessonCycleForm, LessonSessionForm, ObserverFocusForm
from ..models import OPEN_LESSON, Cycle
from ..notes import lesson_page


def _lesson_form_page(request: HttpRequest, access: ProgramAccess, session: Session, cycle: Cycle | None):
    """``cycle`` given: logged from its cycle's page; None: a lesson planned on the schedule chooses its cycle."""
    program = access.program
    is_new = session.pk is None
    initial = {}
    if is_new:
        today = timezone.localdate()
        initial = {
            "title": _("Open lesson: %(topic)s") % {"topic": cycle.topic},
            "date": today if program.contains(today) else None,
            "status": SessionStatus.PLANNED,
            "place": _("Class %(name)s") % {"name": cycle.class_name},
        }
    data = request.POST if request.method == "POST" else None
    session_form = LessonSessionForm(data, instance=session, program=program, initial=initial)
    cycle_form = LessonCycleForm(data, program=program) if cycle is None else None
    if data is not None:
        if all([session_form.is_valid(), cycle_form is None or cycle_form.is_valid()]):  # every error at once
            cycle = cycle or cycle_form.cleaned_data["cycle"]
            lessons.open_lesson_log(session=session_form.instance, cycle=cycle, user=request.user)
            messages.success(request, _("Open lesson logged.") if is_new else _("Open lesson saved."))
            return redirect("lessonstudy:lesson", program_id=program.pk, session_pk=session.pk)
        messages.error(request, _("Some fields need attention; nothing was saved yet."))
    context = {
        "cycle": cycle,
        "session": None if is_new else session,
        "session_form": session_form,
        "cycle_form": cycle_form,
        "may_delete": not is_new and access.can_delete_session(session),
    }
    return render_program(request, "lessonstudy/lesson_form.html", access, context)


@login_required
def lesson_create(request: HttpRequest, program_id: int, pk: int) -> HttpResponse:
    access = program_access(request, program_id)
    cycle = lessons.get_cycle(access, pk)
    access.require("log")
    return _lesson_form_page(request, access, Session(program=access.program, kind=OPEN_LESSON), cycle)


@login_required
@atomic_post
def lesson_edit(request: HttpRequest, program_id: int, session_pk: int) -> HttpResponse:
    access = program_access(request, program_id)
    session = lessons.get_lesson(access, session_pk)
    access.require("log")
    if not lessons.may_change_lesson(access, session):
        raise PermissionDenied
    return _lesson_form_page(request, access, session, session.cycle)


@login_required
def lesson_detail(request: HttpRequest, program_id: int, session_pk: int) -> HttpResponse:
    """An open lesson's page: its cycle, the shared session pieces (attendance, documentation, actions), the
    observers and their focus, the notes so far and where they fell on the seating chart."""
    access = program_access(request, program_id)
    session = lessons.get_lesson(access, session_pk)
    context = lesson_page(access, session)
    context["may"]["edit"] = lessons.may_change_lesson(access, session)
    if access.can_log and access.sees_personal_data:  # the form lists the program's students
        context["upload_form"] = documentation_form(access)
    return render_program(request, "lessonstudy/lesson_detail.html", access, context)


@login_required
def observers(request: HttpRequest, program_id: int, session_pk: int) -> HttpResponse:
    """Each observer of the lesson (the cycle's team, the model teacher aside) is given a group or students."""
    access = program_access(request, program_id)
    session = lessons.get_lesson(access, session_pk)
    access.require("log")
    access.require_personal_data()  # students by name
    cycle = session.cycle
    if cycle is None:
        messages.info(request, _("Choose this lesson's cycle first: its team are the observers."))
        return redirect("lessonstudy:lesson_edit", program_id=program_id, session_pk=session.pk)
    team = [person for person in cycle.team.order_by("name") if person.pk != cycle.model_teacher_id]
    existing = {focus.observer_id: focus for focus in lessons.focuses_of(session)}
    observers = team + [focus.observer for focus in existing.values() if focus.observer not in team]
    chart = lessons.seating_chart(cycle)
    form = ObserverFocusForm(
        request.POST if request.method == "POST" else None, observers=observers, chart=chart, focuses=existing
    )
    if request.method == "POST":
        if form.is_valid():
            lessons.observer_focus_set(session=session, focuses=form.focuses())
            messages.success(request, _("The observers' focus is saved."))
            return redirect("lessonstudy:lesson", program_id=program_id, session_pk=session.pk)
        messages.error(request, _("Some fields need attention; nothing was saved yet."))
    context = {"session": session, "cycle": cycle, "form": form, "chart": chart}
    context["seating_url"] = reverse("lessonstudy:seating", args=[program_id, cycle.pk])
    return render_program(request, "lessonstudy/observers.html", access, context)
