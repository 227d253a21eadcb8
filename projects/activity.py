"""What the project clubs add to a program (the plug-in contract, komunitas/activities.py). The clubs' own
pages are built in a later issue; until then club meetings are sessions on the schedule."""

from django.utils.translation import gettext_lazy as _

from komunitas.activities import Activity, SessionType, participants_in, register
from komunitas.models import PersonKind

from .demo import seed_club_meetings

CLUB = "club"

register(
    Activity(
        app="projects",
        label=_("Clubs"),
        path="projects/",
        urls="projects.urls",
        order=20,
        session_types=[
            # Until clubs have members, a meeting's list shows the program's students and teachers.
            SessionType(CLUB, _("Project club"), audience=participants_in(PersonKind.STUDENT, PersonKind.TEACHER)),
        ],
        demo_seeders=[seed_club_meetings],
        permission_rows="projects.tests.test_permissions.TABLE",
    )
)
