"""What the parent inspiration classes add to a program (the plug-in contract, komunitas/activities.py): the class
kind, whose attendance list is the program's parents and the staff running it, the section's pages and the public
check-in, its figures for the dashboard, Table 1, the report and the export, a parent's data, the demo's classes."""

import datetime as dt

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from komunitas.activities import (
    Activity,
    Indicator,
    PlannedSlot,
    ScheduleTemplate,
    SessionType,
    StandardAspect,
    register,
)

from .attention import overdue_follow_ups
from .demo import seed_parent_classes
from .export import parent_sheets
from .metrics import parent_weekly
from .models import PARENT_CLASS
from .panels import parent_panel
from .privacy import erase_person, person_data
from .report import parent_report_section
from .selectors import class_audience


def bench_pages(program) -> dict[str, str]:
    """A class's page, the dialogue summary and the involvement page, for ``manage.py bench``."""
    session = program.sessions.filter(kind=PARENT_CLASS).held().first()
    pages = {
        "dialogue": reverse("parents:dialogue", args=[program.pk]),
        "involvement": reverse("parents:involvement", args=[program.pk]),
    }
    if session:
        pages["class page"] = reverse("parents:detail", args=[program.pk, session.pk])
    return pages


# Every second week from week 1, on Saturday morning as in the demo (parents come when they are not at work).
CLASS_EVERY_SECOND_WEEK = ScheduleTemplate(
    key="parents.fortnightly",
    label=_("Parent class, every second week"),
    help=_("Parents, teachers and guests share inspiration and talk about their children's learning."),
    slots=[PlannedSlot(PARENT_CLASS, _("Parent inspiration class"), weekday=5, start=dt.time(9), end=dt.time(11))],
    every_weeks=2,
    first_week=1,
    order=30,
)


register(
    Activity(
        app="parents",
        label=_("Parents"),
        path="parents/",
        urls="parents.urls",
        order=30,
        session_types=[
            SessionType(
                PARENT_CLASS,
                _("Parent class"),
                audience=class_audience,  # the program's parents and the staff running the class
                page="parents:detail",
            ),
        ],
        demo_seeders=[seed_parent_classes],
        bench_pages=bench_pages,
        permission_rows="parents.tests.test_permissions.TABLE",
        public_urls="parents.urls.public_urlpatterns",  # /c/<token>/: the self check-in
        # Table 1: "Keterlibatan Orang Tua — minim dan bersifat formal → lebih aktif dan partisipatif", its indicator
        # "hadir dan berkontribusi langsung" (evaluation/starter.py).
        indicators=[
            Indicator(
                key="parents.parents_present",
                name=_("Parents present at parent classes"),
                unit="%",
                aspect=StandardAspect.PARENT_INVOLVEMENT,
                rows=parent_weekly,
                value=lambda week: week.present_percent,  # None when no class was held: no figure, not 0
            ),
            Indicator(
                key="parents.contributions",
                name=_("Contributions by parents"),
                unit=_("contributions"),
                aspect=StandardAspect.PARENT_INVOLVEMENT,
                rows=parent_weekly,
                # A week without a class or a contribution has no figure (nothing happened), not 0.
                value=lambda week: week.contributions if week.held or week.contributions else None,
            ),
            Indicator(
                key="parents.dialogue_notes",
                name=_("Dialogue notes of parent classes"),
                unit=_("notes"),
                aspect=StandardAspect.PARENT_INVOLVEMENT,
                rows=parent_weekly,
                value=lambda week: week.note_count if week.held else None,
            ),
        ],
        dashboard_panels=[parent_panel],
        attention=[overdue_follow_ups],
        report_sections=[parent_report_section],
        export_sheets=[parent_sheets],
        person_data=person_data,
        erase_person=erase_person,
        schedule_templates=[CLASS_EVERY_SECOND_WEEK],
    )
)
