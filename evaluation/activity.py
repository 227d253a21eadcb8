"""What the evaluation adds to a program (the plug-in contract, komunitas/activities.py): a section of its own.
It owns no session type; it reads the activities' weekly indicators (``activities.weekly_indicators``)."""

from django.utils.translation import gettext_lazy as _

from komunitas.activities import Activity, register

register(
    Activity(
        app="evaluation",
        label=_("Evaluation"),
        path="evaluation/",
        urls="evaluation.urls",
        order=90,
        permission_rows="evaluation.tests.test_permissions.TABLE",
    )
)
