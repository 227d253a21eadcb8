"""What the teacher forum adds to a program (the plug-in contract, komunitas/activities.py)."""

import datetime as dt

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from forums.export import forum_sheets
from komunitas.activities import (
    Activity,
    Indicator,
    PlannedSlot,
    ScheduleTemplate,
    SessionType,
    StandardAspect,
    participants_in,
    register,
)
from komunitas.models import Person, PersonKind

from .demo import seed_forum
from .metrics import forum_weekly
from .models import FORUM
from .panels import forum_panel
from .privacy import erase_person, person_data
from .report import forum_report_section
from .services import methods_ensure_defaults


def bench_pages(program) -> dict[str, str]:
    """The minutes of a held forum session and a teacher's page, for ``manage.py bench``."""
    session = program.sessions.filter(kind=FORUM).held().first()
    teacher = Person.objects.teachers_of(program).first()
    pages = {"notulen": reverse("forums:notulen", args=[program.pk, session.pk])} if session else {}
    if teacher:
        pages["teacher page"] = reverse("forums:teacher_detail", args=[program.pk, teacher.pk])
    return pages


# Weekly, on the day and at the time the demo's forum meets.
WEEKLY_FORUM = ScheduleTemplate(
    key="forums.weekly",
    label=_("Teacher forum, every week"),
    help=_("Teachers share what they tried in class and give each other feedback."),
    slots=[PlannedSlot(FORUM, _("Teacher forum"), weekday=1, start=dt.time(13, 30), end=dt.time(15, 0))],
    order=10,
)


register(
    Activity(
        app="forums",
        label=_("Forum"),
        path="forums/",
        urls="forums.urls",
        order=10,
        session_types=[
            SessionType(
                FORUM,
                _("Teacher forum"),
                audience=participants_in(PersonKind.TEACHER, PersonKind.FACILITATOR, PersonKind.PRINCIPAL),
                page="forums:detail",
            ),
        ],
        dashboard_panels=[forum_panel],
        # Table 1: "Partisipasi Guru — kehadiran & diskusi meningkat"; "Kompetensi Guru — variasi metode".
        indicators=[
            Indicator(
                key="forums.teachers_present",
                name=_("Teachers present at the forum"),
                unit="%",
                aspect=StandardAspect.TEACHER_PARTICIPATION,
                rows=forum_weekly,
                value=lambda week: week.present_percent if week.held else None,
            ),
            Indicator(
                key="forums.feedback",
                name=_("Peer feedback given at the forum"),
                unit=_("items"),
                aspect=StandardAspect.TEACHER_PARTICIPATION,
                rows=forum_weekly,
                value=lambda week: week.feedback if week.held else None,  # no forum that week: no figure, not 0
            ),
            Indicator(
                key="forums.methods_per_teacher",
                name=_("Distinct teaching methods tried so far, per teacher"),
                unit=_("methods"),
                aspect=StandardAspect.TEACHER_COMPETENCE,
                rows=forum_weekly,
                # Nothing logged yet: no figure (a program that logs no practice has no evidence, not "0 → 0").
                value=lambda week: round(week.methods_to_date_per_teacher, 1) if week.methods_to_date else None,
            ),
            Indicator(
                key="forums.reflections",
                name=_("Reflections written after the forum"),
                unit=_("reflections"),
                aspect=StandardAspect.TEACHER_COMPETENCE,
                rows=forum_weekly,
                value=lambda week: week.reflections if week.held else None,
            ),
        ],
        demo_seeders=[seed_forum],
        on_program_created=[lambda program: methods_ensure_defaults(program=program)],
        permission_rows="forums.tests.test_permissions.TABLE",
        export_sheets=[forum_sheets],
        bench_pages=bench_pages,
        person_data=person_data,
        erase_person=erase_person,
        report_sections=[forum_report_section],
        schedule_templates=[WEEKLY_FORUM],
    )
)
