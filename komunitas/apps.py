from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KomunitasConfig(AppConfig):
    name = "komunitas"
    verbose_name = _("Learning community")
