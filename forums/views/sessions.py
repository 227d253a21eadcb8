"""Forum sessions: the list, logging and editing one (with attendance, minutes, RTL and files in one form),
its page, and its minutes (notulen)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _

from komunitas import services as komunitas_services
from komunitas.access import ProgramAccess, program_access
from komunitas.forms import AttendanceForm
from komunitas.models import Person, Session, SessionStatus
from komunitas.selectors import attendance_sheet
from komunitas.views import atomic_post, render_program
from komunitas.views.sessions import documentation_form

from .. import services
from ..filters import ForumSessionFilter
from ..forms import (
    ForumDetailsForm,
    ForumFilesForm,
    ForumSessionForm,
    check_held_if_anyone_came,
    check_presenters_attended,
    follow_up_formset,
    follow_ups_from,
)
from ..models import FORUM, ForumSession
from ..selectors import forum_session_page, forum_teachers, may_fill_in_or_change
from .base import PAGE_SIZE, forum_sessions, get_forum_session


@login_required
def session_list(request: HttpRequest, program_id: int) -> HttpResponse:
    access = program_access(request, program_id)
    program = access.program
    sessions = (
        forum_sessions(access)
        .select_related("forum")
        .prefetch_related(Prefetch("forum__presenters", queryset=Person.objects.order_by("name")))
        .with_attendance_counts()
        .order_by("-date", "-start_time", "-pk")
    )
    filters = ForumSessionFilter(request.GET, queryset=sessions, program=program, teachers=forum_teachers(program))
    page = Paginator(filters.qs, PAGE_SIZE).get_page(request.GET.get("page"))
    for session in page.object_list:
        session.program = program  # session.week reads the program; no query per row
    return render_program(request, "forums/session_list.html", access, {"page": page, "filters": filters})


def _session_form_page(request: HttpRequest, access: ProgramAccess, session: Session, forum: ForumSession):
    program = access.program
    is_new = session.pk is None
    current = dict(session.attendance.values_list("person_id", "status")) if not is_new else {}
    data = request.POST if request.method == "POST" else None
    initial = {}
    if is_new:
        today = timezone.localdate()
        initial = {"date": today if program.contains(today) else None, "status": SessionStatus.HELD}
    session_form = ForumSessionForm(data, instance=session, program=program, initial=initial)
    # Nothing is chosen for anyone: presenters are whoever the user ticks.
    details_form = ForumDetailsForm(data, instance=forum, program=program)
    attendance_form = AttendanceForm(
        data,
        people=session.attendance_people(set(current)),
        current=current,
        prefix="att",
        version=komunitas_services.attendance_version(session, marks=current) if not is_new else "",
    )
    existing = list(forum.follow_ups.all()) if forum.pk else []
    rtl = follow_up_formset(
        data,
        initial=[
            {"action": f.action, "responsible": f.responsible, "due_date": f.due_date, "done": f.done} for f in existing
        ],
        extra=2 if not existing else 1,
    )
    files_form = ForumFilesForm(data, request.FILES if data is not None else None)
    if data is not None:
        # Validate every part, so that all errors show at once.
        results = [form.is_valid() for form in (session_form, details_form, attendance_form, rtl, files_form)]
        valid = all(results)
        if session_form.is_valid():
            details_form.check_practice(session_form.cleaned_data.get("status"))
        check_presenters_attended(details_form, attendance_form)
        check_held_if_anyone_came(session_form, attendance_form)
        if valid and not details_form.errors and not session_form.errors:
            forum = services.forum_session_save(
                session=session_form.instance,
                forum=details_form.instance,
                presenters=list(details_form.cleaned_data["presenters"]),
                follow_ups=follow_ups_from(rtl),
                statuses=attendance_form.statuses(),
                uploads=files_form.uploads(),
                user=request.user,
            )
            messages.success(request, _("Forum session saved.") if not is_new else _("Forum session logged."))
            return redirect(forum.get_absolute_url())
        messages.error(request, _("Some fields need attention; nothing was saved yet."))
        if request.FILES:
            # Browsers cannot refill file inputs (good ones included): say so, rather than let files vanish.
            files_form.add_error(None, _("The files you chose were not saved; choose them again before saving."))
    return render_program(
        request,
        "forums/session_form.html",
        access,
        {
            "session": None if is_new else session,
            "may_delete": not is_new and access.can_delete_session(session),
            "session_form": session_form,
            "details_form": details_form,
            "attendance_form": attendance_form,
            "rtl": rtl,
            "files_form": files_form,
            "attachments": list(session.attachments.all()) if not is_new else [],
        },
    )


@login_required
def session_create(request: HttpRequest, program_id: int) -> HttpResponse:
    access = program_access(request, program_id)
    access.require("log")
    session = Session(program=access.program, kind=FORUM)
    return _session_form_page(request, access, session, ForumSession())


@login_required
@atomic_post
def session_edit(request: HttpRequest, program_id: int, pk: int) -> HttpResponse:
    access = program_access(request, program_id)
    session = get_forum_session(access, pk)
    access.require("log")
    if not may_fill_in_or_change(access, session):
        raise PermissionDenied
    forum = session.forum_or_none or ForumSession(session=session)
    return _session_form_page(request, access, session, forum)


@login_required
def session_detail(request: HttpRequest, program_id: int, pk: int) -> HttpResponse:
    access = program_access(request, program_id)
    session = get_forum_session(access, pk)
    context = forum_session_page(access, session)
    if access.can_log and access.sees_personal_data:  # the form lists the program's students
        context["upload_form"] = documentation_form(access)
    return render_program(request, "forums/session_detail.html", access, context)


@login_required
def notulen(request: HttpRequest, program_id: int, pk: int) -> HttpResponse:
    """Notulen in the format schools keep, followed by the core's daftar hadir (the same selector and template)."""
    access = program_access(request, program_id)
    session = get_forum_session(access, pk)
    forum = session.forum_or_none
    context = attendance_sheet(access, session)
    context.update(
        forum=forum,
        presenters=list(forum.presenters.order_by("name")) if forum else [],
        follow_ups=list(forum.follow_ups.all()) if forum else [],
    )
    return render_program(request, "forums/notulen.html", access, context)
