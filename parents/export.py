"""The parent classes' tables in the program's export (the plug-in contract's ``export_sheets``): the classes with
their present counts, the contributions, the dialogue notes and the follow-ups. One query each. Contributions and
dialogue notes name their parent only for those who see personal data (``access.sees_personal_data``): those two
sheets are then ``personal``, for the school's staff only, as the core's participants; anyone else gets them
without the parent's column, and the names are not even read."""

from __future__ import annotations

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from komunitas.access import ProgramAccess
from komunitas.export import Sheet
from komunitas.models import AttendanceStatus, PersonKind, Session

from .models import PARENT_CLASS, Contribution, DialogueNote, FollowUp


def _yes(flag: bool) -> str:
    return _("yes") if flag else _("no")


def _class(program, session) -> list:
    """Date, week and title of the class a record belongs to."""
    return [session.date, program.week_of(session.date) or "", session.title]


def parent_sheets(access: ProgramAccess) -> list[Sheet]:
    program = access.program
    names = access.sees_personal_data
    today = timezone.localdate()
    classes = (
        Session.objects.filter(program=program, kind=PARENT_CLASS)
        .select_related("parent_class")
        .annotate(
            present=Count(
                "attendance",
                filter=Q(attendance__status=AttendanceStatus.PRESENT, attendance__person__kind=PersonKind.PARENT),
            )
        )
        .order_by("date", "start_time", "pk")
    )
    contributions = Contribution.objects.filter(program=program).select_related("session")
    notes = (
        DialogueNote.objects.filter(session__program=program, session__kind=PARENT_CLASS)
        .select_related("session")
        .order_by("session__date", "tag", "pk")
    )
    if names:
        contributions, notes = contributions.select_related("parent"), notes.select_related("parent")
    follow_ups = (
        FollowUp.objects.filter(session__program=program)
        .select_related("session")
        .order_by("session__date", "due_date", "pk")
    )
    parent = [_("Parent")] if names else []

    def who(person) -> list:
        return [person.name if person else ""] if names else []

    return [
        Sheet(
            "parent-classes",
            _("Parent classes"),
            [[_("Date"), _("Week"), _("Class"), _("Theme"), _("Speaker"), _("Status"), _("Parents present")]]
            + [
                [
                    s.date,
                    program.week_of(s.date) or "",
                    s.title,
                    s.parent_class.theme_label if _extension(s) else "",
                    s.parent_class.get_speaker_kind_display() if _extension(s) else "",
                    s.get_status_display(),
                    s.present,
                ]
                for s in classes
            ],
        ),
        Sheet(
            "parent-contributions",
            _("Parents' contributions"),
            [[_("Date"), _("Week"), _("Class"), _("Contribution"), _("Note"), *parent]]
            + [
                [
                    c.date,
                    program.week_of(c.date) or "",
                    c.session.title if c.session else "",
                    c.get_kind_display(),
                    c.note,
                    *who(c.parent),
                ]
                for c in contributions.order_by("date", "pk")
            ],
            personal=names,
        ),
        Sheet(
            "parent-dialogue",
            _("Parent dialogue"),
            [
                [
                    _("Date"),
                    _("Week"),
                    _("Class"),
                    pgettext("dialogue note", "Kind"),
                    _("Theme"),
                    _("What was said"),
                    *parent,
                ]
            ]
            + [
                [*_class(program, n.session), n.get_tag_display(), n.get_theme_display(), n.text, *who(n.parent)]
                for n in notes
            ],
            personal=names,
        ),
        Sheet(
            "parent-follow-ups",
            _("Parent class follow-ups"),
            [[_("Date"), _("Week"), _("Class"), _("What"), _("Who"), _("By when"), _("Done on"), _("Overdue")]]
            + [
                [
                    *_class(program, f.session),
                    f.what,
                    f.who,
                    f.due_date,
                    f.done_on,
                    _yes(f.done_on is None and f.due_date is not None and f.due_date < today),
                ]
                for f in follow_ups
            ],
        ),
    ]


def _extension(session) -> bool:
    """Whether the session has its parent class record (a class planned on the schedule may not yet); no query:
    it was selected with the session."""
    return hasattr(session, "parent_class")
