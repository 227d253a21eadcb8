"""Logging a club meeting: the core session (kind "club") and what the group did, in one form. Its page is the
core's session page, whose attendance list is the club's (``selectors.club_audience``)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from komunitas.access import program_access
from komunitas.models import Session, SessionStatus
from komunitas.views import render_program

from .. import services
from ..forms import ClubMeetingForm, ClubSessionForm
from ..models import CLUB, ClubMeeting
from .base import get_club


@login_required
def meeting_create(request: HttpRequest, program_id: int, pk: int) -> HttpResponse:
    access = program_access(request, program_id)
    access.require("log")
    program = access.program
    club = get_club(access, pk)
    session = Session(program=program, kind=CLUB)
    today = timezone.localdate()
    initial = {
        "title": _("%(club)s meeting") % {"club": club.name},
        "date": today if program.contains(today) else None,
        "status": SessionStatus.HELD,
        "facilitator": club.mentors.order_by("name").first(),
    }
    data = request.POST if request.method == "POST" else None
    session_form = ClubSessionForm(data, instance=session, program=program, initial=initial)
    meeting_form = ClubMeetingForm(data, instance=ClubMeeting(club=club))
    if data is not None:
        if all([session_form.is_valid(), meeting_form.is_valid()]):  # both checked: every error shows at once
            services.club_meeting_log(
                session=session_form.instance, meeting=meeting_form.instance, club=club, user=request.user
            )
            messages.success(request, _("Club meeting logged."))
            if session.status == SessionStatus.HELD and access.can_take_attendance(session):
                messages.info(request, _("Now mark who came: the list shows the club's members and mentors."))
                return redirect(reverse("attendance_edit", args=[program.pk, session.pk]))
            return redirect(club.get_absolute_url())
        messages.error(request, _("Some fields need attention; nothing was saved yet."))
    context = {"club": club, "session_form": session_form, "meeting_form": meeting_form}
    return render_program(request, "projects/meeting_form.html", access, context)
