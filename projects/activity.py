"""What the project clubs add to a program (the plug-in contract, komunitas/activities.py): the club meeting
kind, whose attendance list is its club's members and mentors, the clubs' pages, the demo's clubs."""

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

from .attention import late_project_milestones
from .demo import seed_club_meetings, seed_club_work
from .export import club_sheets
from .metrics import club_weekly
from .models import CLUB
from .panels import club_panel
from .privacy import erase_person, person_data
from .report import club_report_section
from .selectors import club_audience


def bench_pages(program) -> dict[str, str]:
    """The clubs list, a club's page, showcase and 4C screen, a project's page and a student's profile, for
    ``manage.py bench``."""
    club = program.clubs.first()
    pages = {"clubs": reverse("projects:index", args=[program.pk])}
    if club:
        pages["club page"] = reverse("projects:detail", args=[program.pk, club.pk])
        pages["club showcase"] = reverse("projects:showcase", args=[program.pk, club.pk])
        pages["4C assessment"] = reverse("projects:assess", args=[program.pk, club.pk])
        project = club.projects.first()
        if project:
            pages["project page"] = reverse("projects:project", args=[program.pk, club.pk, project.pk])
        member = club.members.first()
        if member:
            pages["student profile"] = reverse("projects:student", args=[program.pk, member.pk])
    return pages


# Twice a week, at the demo's club time. One meeting a day on the schedule: each club's meeting gets its club when it
# is logged (a club meeting without a club yet lists the program's students and teachers).
CLUBS_TWICE_A_WEEK = ScheduleTemplate(
    key="projects.twice_weekly",
    label=_("Project clubs, twice a week"),
    help=_("Students work on their projects in their clubs; each meeting is given its club when it is logged."),
    slots=[
        PlannedSlot(CLUB, _("Project club meeting"), weekday=0, start=dt.time(14, 0), end=dt.time(15, 30)),
        PlannedSlot(CLUB, _("Project club meeting"), weekday=3, start=dt.time(14, 0), end=dt.time(15, 30)),
    ],
    order=20,
)


register(
    Activity(
        app="projects",
        label=_("Clubs"),
        path="projects/",
        urls="projects.urls",
        order=20,
        session_types=[
            SessionType(CLUB, _("Project club"), audience=club_audience, page="projects:meeting"),
        ],
        demo_seeders=[seed_club_meetings, seed_club_work],
        attention=[late_project_milestones],
        permission_rows="projects.tests.test_permissions.TABLE",
        person_data=person_data,
        erase_person=erase_person,
        bench_pages=bench_pages,
        dashboard_panels=[club_panel],
        # Table 1: "Keterlibatan Siswa — partisipasi dan kreativitas dalam klub meningkat".
        indicators=[
            Indicator(
                key="projects.students_present",
                name=_("Students present at club meetings"),
                unit="%",
                aspect=StandardAspect.STUDENT_ENGAGEMENT,
                rows=club_weekly,
                value=lambda week: week.present_percent,  # None when no meeting was held: no figure, not 0
            ),
            Indicator(
                key="projects.artifacts",
                name=_("Artifacts added by the clubs"),
                unit=_("artifacts"),
                aspect=StandardAspect.STUDENT_ENGAGEMENT,
                rows=club_weekly,
                # A week without a meeting or an upload has no figure (the clubs did not work), not 0.
                value=lambda week: week.artifacts if week.held or week.artifacts else None,
            ),
            Indicator(
                key="projects.skills_4c",
                name=_("Average 4C score of the students assessed"),
                unit=_("score"),
                aspect=StandardAspect.STUDENT_ENGAGEMENT,
                rows=club_weekly,
                value=lambda week: None if week.skill_average is None else round(week.skill_average, 2),
            ),
        ],
        report_sections=[club_report_section],
        export_sheets=[club_sheets],
        schedule_templates=[CLUBS_TWICE_A_WEEK],
    )
)
