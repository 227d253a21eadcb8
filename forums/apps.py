from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ForumsConfig(AppConfig):
    """What the forum adds to every program is declared in forums/activity.py (komunitas/activities.py)."""

    name = "forums"
    verbose_name = _("Teacher forum")
