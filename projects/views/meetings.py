"""Club meetings: logging one (the core session, kind "club", and what the group did, in one form), its page, and
editing it. Its attendance is taken on the core's attendance page, whose list is the club's
(``selectors.club_audience``)."""

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
from komunitas.selectors import session_page
from komunitas.views import atomic_post, render_program
from komunitas.views.sessions import documentation_form, get_session

from .. import services
from ..forms import ClubMeetingForm, ClubSessionForm
from ..models import CLUB, Club, ClubMeeting
from .base import get_club


def _get_meeting_session(access: ProgramAccess, pk: int) -> Session:
    """A club session of the program, with its club record when it has one (``session.meeting_or_none``)."""
    sessions = access.program.sessions.filter(kind=CLUB).select_related("club_meeting__club", "created_by")
    session = get_session(access, pk, sessions.with_creator_role())
    session.meeting_or_none = getattr(session, "club_meeting", None)
    return session


def _may_change(access: ProgramAccess, session: Session) -> bool:
    """Its creator and facilitators; a meeting planned for anyone, with no club record yet, any teacher fills in."""
    return access.can_change(session) or access.can_fill_in(session, has_record=session.meeting_or_none is not None)


def _meeting_form_page(
    request: HttpRequest, access: ProgramAccess, session: Session, meeting: ClubMeeting, club: Club | None
) -> HttpResponse:
    """``club`` given: logged from that club's page (the form does not ask which club)."""
    program = access.program
    is_new = session.pk is None
    initial = {}
    if is_new:
        today = timezone.localdate()
        initial = {
            "title": _("%(club)s meeting") % {"club": club.name},
            "date": today if program.contains(today) else None,
            "status": SessionStatus.HELD,
            "facilitator": club.mentors.order_by("name").first(),
        }
    data = request.POST if request.method == "POST" else None
    session_form = ClubSessionForm(data, instance=session, program=program, initial=initial)
    meeting_form = ClubMeetingForm(data, instance=meeting, program=program, choose_club=club is None)
    if data is not None:
        if all([session_form.is_valid(), meeting_form.is_valid()]):  # both checked: every error shows at once
            meeting = services.club_meeting_log(
                session=session_form.instance,
                meeting=meeting_form.instance,
                club=club or meeting_form.cleaned_data["club"],
                user=request.user,
            )
            messages.success(request, _("Club meeting logged.") if is_new else _("Club meeting saved."))
            if is_new and session.status == SessionStatus.HELD and access.can_take_attendance(session):
                messages.info(request, _("Now mark who came: the list shows the club's members and mentors."))
                return redirect(reverse("attendance_edit", args=[program.pk, session.pk]))
            return redirect("projects:meeting", program_id=program.pk, pk=session.pk)
        messages.error(request, _("Some fields need attention; nothing was saved yet."))
    context = {
        "club": club or (meeting.club if meeting.club_id else None),
        "session": None if is_new else session,
        "session_form": session_form,
        "meeting_form": meeting_form,
    }
    return render_program(request, "projects/meeting_form.html", access, context)


@login_required
def meeting_create(request: HttpRequest, program_id: int, pk: int) -> HttpResponse:
    access = program_access(request, program_id)
    access.require("log")
    club = get_club(access, pk)
    session = Session(program=access.program, kind=CLUB)
    return _meeting_form_page(request, access, session, ClubMeeting(club=club), club)


@login_required
@atomic_post
def meeting_edit(request: HttpRequest, program_id: int, pk: int) -> HttpResponse:
    access = program_access(request, program_id)
    session = _get_meeting_session(access, pk)
    access.require("log")
    if not _may_change(access, session):
        raise PermissionDenied
    meeting = session.meeting_or_none or ClubMeeting(session=session)
    return _meeting_form_page(request, access, session, meeting, None)


@login_required
def meeting_detail(request: HttpRequest, program_id: int, pk: int) -> HttpResponse:
    """A club meeting's page: its club, what the group did and what comes next, then the shared pieces of every
    session page (attendance, documentation, actions)."""
    access = program_access(request, program_id)
    session = _get_meeting_session(access, pk)
    context = session_page(access, session)
    context["meeting"] = session.meeting_or_none
    context["may"]["edit"] = access.can_log and _may_change(access, session)
    if access.can_log and access.sees_personal_data:  # the form lists the program's students
        context["upload_form"] = documentation_form(access)
    return render_program(request, "projects/meeting_detail.html", access, context)
