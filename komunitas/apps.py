from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class KomunitasConfig(AppConfig):
    name = "komunitas"
    verbose_name = _("Learning community")

    def ready(self) -> None:
        # Each app (the core included) declares what it adds to a program in its activity.py
        # (komunitas/activities.py): import them all, as the admin imports admin.py.
        autodiscover_modules("activity")
