"""The forum's tables in the program's export (the plug-in contract's ``export_sheets``): peer feedback and the
practice log. One query each. Anonymous feedback names its author only for the facilitator, as on the pages."""

from __future__ import annotations

from django.utils.translation import gettext as _

from komunitas.access import ProgramAccess
from komunitas.export import Sheet

from .models import PeerFeedback, PracticeLog


def forum_sheets(access: ProgramAccess) -> list[Sheet]:
    program = access.program
    feedback = (
        PeerFeedback.objects.filter(forum__session__program=program)
        .select_related("forum__session", "presenter", "author")
        .order_by("forum__session__date", "pk")
    )
    logs = PracticeLog.objects.filter(program=program).select_related("teacher", "method").order_by("date", "pk")
    return [
        Sheet(
            "forum-feedback",
            _("Peer feedback"),
            [
                [
                    _("Date"),
                    _("Forum session"),
                    _("Presenter"),
                    _("From"),
                    _("Share: what I saw that worked"),
                    _("Ask: a question"),
                    _("Give: a suggestion"),
                ]
            ]
            + [
                [
                    f.forum.session.date,
                    f.forum.session.title,
                    f.presenter.name,
                    f.author.name if (access.can_manage or not f.anonymous) else _("anonymous"),
                    f.went_well,
                    f.question,
                    f.suggestion,
                ]
                for f in feedback
            ],
        ),
        Sheet(
            "practice-log",
            _("Practice log"),
            [[_("Date"), _("Week"), _("Teacher"), _("Class"), _("Method"), _("How it went")]]
            + [
                [
                    log.date,
                    program.week_of(log.date) or "",
                    log.teacher.name,
                    log.class_name,
                    log.method.name,
                    log.how_it_went,
                ]
                for log in logs
            ],
        ),
    ]
