"""What community lesson study adds to a program (the plug-in contract, komunitas/activities.py). The cycles'
own pages are built in a later issue; until then open lessons are sessions on the schedule."""

from django.utils.translation import gettext_lazy as _

from komunitas.activities import Activity, SessionType, participants_in, register
from komunitas.models import PersonKind

from .demo import seed_open_lessons
from .lessons import lesson_audience
from .models import LS_REFLECTION, OPEN_LESSON

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
                audience=participants_in(PersonKind.TEACHER, PersonKind.FACILITATOR, PersonKind.PRINCIPAL),
            ),
        ],
        demo_seeders=[seed_open_lessons],
        permission_rows="lessonstudy.tests.test_permissions.TABLE",
    )
)
