"""What the project clubs add to a program (the plug-in contract, komunitas/activities.py): the club meeting
kind, whose attendance list is its club's members and mentors, the clubs' pages, the demo's clubs."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from komunitas.activities import Activity, SessionType, register

from .attention import late_project_milestones
from .demo import seed_club_meetings
from .models import CLUB
from .privacy import person_data
from .selectors import club_audience


def bench_pages(program) -> dict[str, str]:
    """The clubs list and a club's page, for ``manage.py bench``."""
    club = program.clubs.first()
    pages = {"clubs": reverse("projects:index", args=[program.pk])}
    if club:
        pages["club page"] = reverse("projects:detail", args=[program.pk, club.pk])
    return pages


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
        demo_seeders=[seed_club_meetings],
        attention=[late_project_milestones],
        permission_rows="projects.tests.test_permissions.TABLE",
        person_data=person_data,
        bench_pages=bench_pages,
    )
)
