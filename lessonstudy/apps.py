from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LessonstudyConfig(AppConfig):
    name = "lessonstudy"
    verbose_name = _("Lesson study")
