from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ForumsConfig(AppConfig):
    name = "forums"
    verbose_name = _("Teacher forum")

    def ready(self) -> None:
        from komunitas import registry

        from .demo import seed_forum
        from .panels import forum_panel

        registry.register_dashboard_panel(forum_panel)
        registry.register_demo_seeder(seed_forum)
        registry.register_session_page("forum", "forums:detail")
