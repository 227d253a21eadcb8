"""Lesson study's tables in the program's export (the plug-in contract's ``export_sheets``): the cycles, every plan
version (what changed, never the plan's text: the cycle's page shows it), the observation notes and the
reflections.

Notes and reflections speak of students. For those who see personal data (``access.sees_personal_data``) the
notes carry the students tagged, and both sheets are ``personal``, for the school's staff only; anyone else gets
them without the students' column and with students' names blanked in the texts (``privacy.NameBlanker``), and
the tagged students are not even read. One query a sheet (the cycles two: their team; the notes two: their
students or the names to blank)."""

from __future__ import annotations

from django.db.models import Count, IntegerField, OuterRef, Prefetch, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from komunitas.access import ProgramAccess
from komunitas.export import Sheet
from komunitas.models import Person, SessionStatus

from .metrics import dates_of, with_stage_dates
from .models import Cycle, ObservationNote, OpenLesson, PlanVersion, Reflection, Stage
from .privacy import blanker_for

NOTE_CYCLE = "session__open_lesson__cycle"  # a note's cycle, through its open lesson


def _yes(flag: bool) -> str:
    return _("yes") if flag else _("no")


def _count(queryset, by: str = "cycle"):
    """A correlated count of ``queryset`` (filtered on ``<by>=OuterRef("pk")``): no join multiplies the rows."""
    counted = queryset.order_by().values(by).annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def _local(moment) -> tuple:
    """A moment as its local date and its local time ("07:45"): spreadsheets take no time zones."""
    local = timezone.localtime(moment)
    return local.date(), local.strftime("%H:%M")


def cycle_sheet(program) -> Sheet:
    cycles = with_stage_dates(
        Cycle.objects.filter(program=program)
        .select_related("model_teacher", "previous")
        .prefetch_related(Prefetch("team", queryset=Person.objects.order_by("name")))
        .annotate(
            versions=_count(PlanVersion.objects.filter(cycle=OuterRef("pk"))),
            lessons_held=_count(OpenLesson.objects.filter(cycle=OuterRef("pk"), session__status=SessionStatus.HELD)),
            notes=_count(ObservationNote.objects.filter(**{NOTE_CYCLE: OuterRef("pk")}), by=NOTE_CYCLE),
        )
    )
    today, labels = timezone.localdate(), dict(Stage.choices)
    return Sheet(
        "lessonstudy-cycles",
        _("Lesson study cycles"),
        [
            [
                _("Cycle"),
                _("Subject"),
                _("Class"),
                _("Topic"),
                _("Model teacher"),
                _("Team"),
                _("Research theme"),
                _("Stage"),
                _("Started from"),
                _("Plan versions"),
                _("Open lessons held"),
                _("Observation notes"),
                _("Started on"),
                _("Closed on"),
            ]
        ]
        + [
            [
                c.title,
                c.subject,
                c.class_name,
                c.topic,
                c.model_teacher.name,
                ", ".join(person.name for person in c.team.all()),
                c.research_theme,
                str(labels[dates_of(c).stage_on(today) or Stage.PLAN]),
                c.previous.title if c.previous else "",
                c.versions,
                c.lessons_held,
                c.notes,
                timezone.localdate(c.created_at),
                timezone.localdate(c.done_at) if c.done_at else None,
            ]
            for c in cycles
        ],
    )


def version_sheet(program) -> Sheet:
    versions = (
        PlanVersion.objects.filter(cycle__program=program)
        .select_related("cycle", "saved_by")
        .order_by("cycle__created_at", "cycle_id", "number")
    )
    return Sheet(
        "lessonstudy-plan-versions",
        _("Lesson plan versions"),
        [[_("Cycle"), _("Version"), _("Saved on"), _("At"), _("Saved by"), _("What changed"), _("Design table rows")]]
        + [
            [
                v.cycle.title,
                v.number,
                *_local(v.saved_at),
                (v.saved_by.get_full_name() or v.saved_by.username) if v.saved_by else "",
                v.note,
                len(v.steps) if isinstance(v.steps, list) else 0,
            ]
            for v in versions
        ],
    )


def lesson_sheets(access: ProgramAccess) -> list[Sheet]:
    program = access.program
    names = access.sees_personal_data
    blank = blanker_for(access)
    notes = (
        ObservationNote.objects.filter(session__program=program)
        .select_related("session__open_lesson__cycle", "observer")
        .order_by("session__date", "noted_at", "pk")
    )
    if names:
        notes = notes.prefetch_related(Prefetch("students", queryset=Person.objects.order_by("name")))
    reflections = (
        Reflection.objects.filter(cycle__program=program)
        .select_related("cycle", "session")
        .order_by("session__date", "pk")
    )
    students = [_("Students")] if names else []

    def who(note) -> list:
        return [", ".join(person.name for person in note.students.all())] if names else []

    def cycle_of(note) -> str:
        lesson = getattr(note.session, "open_lesson", None)
        return lesson.cycle.title if lesson else ""

    return [
        cycle_sheet(program),
        version_sheet(program),
        Sheet(
            "lessonstudy-notes",
            _("Observation notes"),
            [
                [
                    _("Date"),
                    _("Time"),
                    _("Week"),
                    _("Cycle"),
                    _("Open lesson"),
                    _("Observer"),
                    _("What it shows"),
                    _("Group"),
                    _("Note"),
                    _("Late"),
                    *students,
                ]
            ]
            + [
                [
                    *_local(n.noted_at),
                    program.week_of(timezone.localdate(n.noted_at)) or "",
                    cycle_of(n),
                    n.session.title,
                    n.observer.name,
                    n.get_tag_display(),
                    n.group,
                    blank(n.text),
                    _yes(n.late),
                    *who(n),
                ]
                for n in notes
            ],
            personal=names,
        ),
        Sheet(
            "lessonstudy-reflections",
            _("Lesson study reflections"),
            [
                [
                    _("Date"),
                    _("Week"),
                    _("Cycle"),
                    _("Status"),
                    _("The model teacher's reflection"),
                    _("What the observers saw"),
                    _("Findings"),
                    _("Revisions for the next cycle"),
                ]
            ]
            + [
                [
                    r.session.date,
                    program.week_of(r.session.date) or "",
                    r.cycle.title,
                    r.session.get_status_display(),
                    blank(r.model_teacher_view),
                    blank(r.observers_view),
                    blank(r.findings),
                    blank(r.revisions),
                ]
                for r in reflections
            ],
            personal=names,
        ),
    ]
