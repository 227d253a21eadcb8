"""The core's tables in the program's export (the plug-in contract's ``export_sheets``): participants, sessions
and attendance. One query each."""

from __future__ import annotations

from django.utils.translation import gettext as _

from .access import ProgramAccess
from .export import Sheet
from .models import Attendance, Participant


def core_sheets(access: ProgramAccess) -> list[Sheet]:
    program = access.program
    participants = (
        Participant.objects.filter(program=program)
        .select_related("person")
        .order_by("role", "person__class_name", "person__name")
    )
    sessions = program.sessions.with_attendance_counts().order_by("date", "start_time", "pk")
    attendance = (
        Attendance.objects.filter(session__program=program)
        .select_related("session", "person")
        .order_by("session__date", "session_id", "person__kind", "person__name")
    )
    return [
        Sheet(
            "participants",
            _("Participants"),
            [[_("Name"), _("Role"), _("Class"), _("Subject taught"), _("Joined on"), _("Left on")]]
            + [
                [p.person.name, p.get_role_display(), p.person.class_name, p.person.subject, p.joined_on, p.left_on]
                for p in participants
            ],
            personal=True,
        ),
        Sheet(
            "sessions",
            _("Sessions"),
            [[_("Date"), _("Week"), _("Activity"), _("Title"), _("Status"), _("Place"), _("Present")]]
            + [
                [
                    s.date,
                    program.week_of(s.date) or "",
                    s.get_kind_display(),
                    s.title,
                    s.get_status_display(),
                    s.place,
                    s.present_count,
                ]
                for s in sessions
            ],
        ),
        Sheet(
            "attendance",
            _("Attendance"),
            [[_("Date"), _("Week"), _("Session"), _("Name"), _("Role"), _("Status")]]
            + [
                [
                    a.session.date,
                    program.week_of(a.session.date) or "",
                    a.session.title,
                    a.person.name,
                    a.person.get_kind_display(),
                    a.get_status_display(),
                ]
                for a in attendance
            ],
            personal=True,
        ),
    ]
