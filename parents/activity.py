"""What the parent inspiration classes add to a program (the plug-in contract, komunitas/activities.py). The
classes' own pages and the public check-in are built in a later issue."""

from django.utils.translation import gettext_lazy as _

from komunitas.activities import Activity, SessionType, participants_in, register
from komunitas.models import PersonKind

from .demo import seed_parent_classes
from .models import PARENT_CLASS

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
                audience=participants_in(PersonKind.PARENT, PersonKind.TEACHER, PersonKind.FACILITATOR),
                page="parents:detail",
            ),
        ],
        demo_seeders=[seed_parent_classes],
        permission_rows="parents.tests.test_permissions.TABLE",
    )
)
