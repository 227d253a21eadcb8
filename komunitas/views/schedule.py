"""The schedule (planned vs held, week by week) and its iCalendar feed."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core import signing
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.crypto import constant_time_compare

from .. import activities, calendar_feed
from ..access import program_access, program_access_for
from ..filters import ScheduleFilter
from ..selectors import session_counts, session_rows
from . import render_program

ICS_SALT = "komunitas.schedule-ics"
ICS_TOKEN_DAYS = 180


@login_required
def schedule(request: HttpRequest, program_id: int) -> HttpResponse:
    access = program_access(request, program_id)
    program = access.program
    filters = ScheduleFilter(request.GET, queryset=program.sessions.select_related("facilitator"))
    sessions = list(filters.qs.order_by("date", "start_time", "pk"))
    kind = filters.form.cleaned_data.get("kind") if filters.form.is_valid() else ""
    counts = session_counts(program, rows=session_rows(sessions))
    kinds = [choice for choice in activities.session_type_choices() if not kind or choice[0] == kind]
    weeks = []
    for number in program.week_numbers():
        start, end = program.week_range(number)
        weeks.append(
            {
                "number": number,
                "range": (start, end),
                "sessions": [session for session in sessions if start <= session.date <= end],
                "cells": [counts.cell(number, value) for value, _label in kinds],
            }
        )
    token = signing.dumps({"u": request.user.pk, "p": program.pk, "h": _password_stamp(request.user)}, salt=ICS_SALT)
    feed_url = request.build_absolute_uri(reverse("schedule_ics", args=[program.pk]) + f"?token={token}")
    return render_program(
        request,
        "komunitas/schedule.html",
        access,
        {
            "weeks": weeks,
            "kinds": kinds,
            "filters": filters,
            "current_week": program.current_week(),
            "feed_url": feed_url,
            "totals": counts.total(),
            "nothing_planned": not sessions and not kind,  # not merely nothing of the kind filtered for
        },
    )


def _password_stamp(user) -> str:
    """Changes with the user's password: a new password ends every calendar link made before it."""
    return user.get_session_auth_hash()[:16]


def schedule_ics(request: HttpRequest, program_id: int) -> HttpResponse:
    """The schedule as iCalendar. Calendar apps cannot sign in, so a signed, expiring token in the link
    stands for the user who copied it, until their password changes; their rights are checked again on every
    fetch, so losing access ends it too."""
    user = request.user
    token = request.GET.get("token")
    if token:
        try:
            data = signing.loads(token, salt=ICS_SALT, max_age=dt.timedelta(days=ICS_TOKEN_DAYS))
        except signing.BadSignature:
            raise Http404 from None
        if data.get("p") != program_id:
            raise Http404
        user = get_object_or_404(get_user_model(), pk=data.get("u"), is_active=True)
        if not constant_time_compare(str(data.get("h")), _password_stamp(user)):
            raise Http404
    elif not user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    access = program_access_for(user, program_id)
    sessions = access.program.sessions.all()
    body = calendar_feed.build(access.program, sessions, request.build_absolute_uri("/"))
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="jadwal-program-{program_id}.ics"'
    return response
