"""What community lesson study adds to a program (the plug-in contract, komunitas/activities.py). The cycles'
own pages are built in a later issue; until then open lessons are sessions on the schedule."""

import datetime as dt

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

from .attention import reflections_due
from .demo import seed_open_lessons
from .export import lesson_sheets
from .lessons import lesson_audience
from .metrics import lesson_weekly
from .models import LS_REFLECTION, OPEN_LESSON
from .panels import lesson_panel
from .privacy import erase_person, person_data
from .reflections import reflection_audience
from .report import lesson_report_section

# A cycle every third week from week 3 (after the planning stage): its open lesson on Wednesday morning, as in the
# demo, and the reflection meeting the same day after it, while the observers still remember the lesson.
CYCLE_EVERY_THIRD_WEEK = ScheduleTemplate(
    key="lessonstudy.cycles",
    label=_("Lesson study cycle, every third week"),
    help=_("An open lesson that colleagues observe, and the team's reflection meeting on it the same day."),
    slots=[
        PlannedSlot(OPEN_LESSON, _("Open lesson"), weekday=2, start=dt.time(8), end=dt.time(9, 20)),
        PlannedSlot(LS_REFLECTION, _("Lesson study reflection"), weekday=2, start=dt.time(10), end=dt.time(11, 30)),
    ],
    every_weeks=3,
    first_week=3,
    order=40,
)

register(
    Activity(
        app="lessonstudy",
        label=_("Lesson study"),
        path="lessonstudy/",
        urls="lessonstudy.urls",
        order=40,
        session_types=[
            # Its list: the cycle's model teacher, team and observers (lessonstudy/lessons.py).
            SessionType(
                OPEN_LESSON, _("Open lesson (lesson study)"), audience=lesson_audience, page="lessonstudy:lesson"
            ),
            SessionType(
                LS_REFLECTION,
                _("Lesson study reflection"),
                audience=reflection_audience,  # the cycle's model teacher, team and observers
                page="lessonstudy:reflection",
            ),
        ],
        demo_seeders=[seed_open_lessons],
        permission_rows="lessonstudy.tests.test_permissions.TABLE",
        # What lesson study gives the rest of the product (lessonstudy/metrics.py and the modules below).
        # Table 1 (evaluation/starter.py): observers present are "Partisipasi Guru — kehadiran & diskusi
        # meningkat" (attendance is that row's evidence; "Komunitas Belajar — ada jadwal dan kegiatan rutin" is
        # about the schedule, which the core's sessions held of planned already show); notes recorded are
        # "Komunitas Belajar" (colleagues learning from each other's classroom, the community at work); plan
        # revisions are "Kompetensi Guru — lebih inovatif dan reflektif" (a lesson changed after reflecting on it).
        indicators=[
            Indicator(
                key="lessonstudy.observers_present",
                name=_("Observers present at open lessons"),
                unit=_("observers"),
                aspect=StandardAspect.TEACHER_PARTICIPATION,
                rows=lesson_weekly,
                value=lambda week: week.observers if week.lessons_held else None,  # no open lesson: no figure
            ),
            Indicator(
                key="lessonstudy.observation_notes",
                name=_("Observation notes of open lessons"),
                unit=_("notes"),
                aspect=StandardAspect.LEARNING_COMMUNITY,
                rows=lesson_weekly,
                value=lambda week: week.notes if week.lessons_held or week.notes else None,
            ),
            Indicator(
                key="lessonstudy.plan_revisions",
                name=_("Lesson plan revisions"),
                unit=_("revisions"),
                aspect=StandardAspect.TEACHER_COMPETENCE,
                rows=lesson_weekly,
                # No cycle under way: nothing to revise, no figure (not 0).
                value=lambda week: week.revisions if week.active or week.revisions else None,
            ),
        ],
        dashboard_panels=[lesson_panel],
        attention=[reflections_due],
        report_sections=[lesson_report_section],
        export_sheets=[lesson_sheets],
        person_data=person_data,
        erase_person=erase_person,
        schedule_templates=[CYCLE_EVERY_THIRD_WEEK],
    )
)
