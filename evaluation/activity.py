"""What the evaluation adds to a program (the plug-in contract, komunitas/activities.py): its section, Table 1's
aspects in every new program, the public questionnaire, and "Record an observation" on every session page.
It owns no session type; it reads the activities' weekly indicators (``activities.weekly_indicators``)."""

from django.utils.translation import gettext_lazy as _

from komunitas.activities import Activity, register

from .demo import seed_evaluation
from .privacy import erase_person, person_data
from .starter import aspects_create
from .views.responses import observe_action

register(
    Activity(
        app="evaluation",
        label=_("Evaluation"),
        path="evaluation/",
        urls="evaluation.urls",
        public_urls="evaluation.urls.public_urlpatterns",
        order=90,
        on_program_created=[aspects_create],
        session_actions=[observe_action],
        demo_seeders=[seed_evaluation],
        permission_rows="evaluation.tests.test_permissions.TABLE",
        person_data=person_data,
        erase_person=erase_person,
    )
)
