"""The core's own part of the plug-in contract (komunitas/activities.py): the two session types no activity app
owns, and the indicator of a community that runs on a schedule (Table 1, "Komunitas Belajar": "ada jadwal dan
kegiatan rutin"). Declared exactly as an activity app declares its own."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .activities import Activity, Indicator, SessionType, StandardAspect, participants_in, register
from .demo import seed_obstacles, seed_reflection
from .export_sheets import core_sheets
from .models import PersonKind, Program, SessionStatus
from .privacy import core_erase, core_person_data
from .report import attendance_appendix, photo_appendix
from .selectors import HeldOfPlanned, session_counts
from .setup_guide import CORE_STEPS

REFLECTION = "reflection"
OTHER = "other"


def weekly_held_of_planned(program: Program) -> list[HeldOfPlanned]:
    """Sessions of every activity held of planned, per week (one query). A session planned for today or later is
    not due yet: it counts once held, or once its day has passed without being held (this week's figure would
    otherwise fall every time the next session is put on the schedule)."""
    today = timezone.localdate()
    rows = program.sessions.values_list("kind", "date", "status")
    due = [(kind, day, status) for kind, day, status in rows if status == SessionStatus.HELD or day < today]
    return session_counts(program, rows=due).weekly()


def bench_pages(program: Program) -> dict[str, str]:
    """The final report's page and its PDF (the bench also times WeasyPrint alone on its HTML)."""
    return {
        "report page": reverse("report_page", args=[program.pk]),
        "report.pdf": reverse("report_pdf", args=[program.pk]),
    }


register(
    Activity(
        app="komunitas",
        order=1000,  # after the activities: their kinds come first in every list
        export_sheets=[core_sheets],
        session_types=[
            SessionType(
                REFLECTION,
                _("Reflection"),
                audience=participants_in(PersonKind.TEACHER, PersonKind.FACILITATOR, PersonKind.PRINCIPAL),
            ),
            SessionType(OTHER, _("Other")),
        ],
        indicators=[
            Indicator(
                key="komunitas.sessions_held",
                name=_("Planned sessions held, all activities"),
                unit="%",
                aspect=StandardAspect.LEARNING_COMMUNITY,
                rows=weekly_held_of_planned,
                value=lambda week: week.percent,
            ),
        ],
        demo_seeders=[seed_reflection, seed_obstacles],
        person_data=core_person_data,
        erase_person=core_erase,
        # The report's appendices the core owns: attendance (lampiran daftar hadir) and photos (foto kegiatan)
        report_sections=[attendance_appendix, photo_appendix],
        bench_pages=bench_pages,
        setup_steps=CORE_STEPS,  # the first run: roster, teachers, schedule, accounts (the evaluation adds one)
    )
)
