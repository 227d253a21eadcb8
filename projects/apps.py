from django.apps import AppConfig
from django.db.models.signals import post_delete, pre_delete
from django.utils.translation import gettext_lazy as _


class ProjectsConfig(AppConfig):
    name = "projects"
    verbose_name = _("Project clubs")

    def ready(self) -> None:
        from komunitas.models import Person

        from .consent import keep_their_artifacts_to_staff

        pre_delete.connect(keep_their_artifacts_to_staff, sender=Person, dispatch_uid="artifacts-of-removed-people")
        self.forget_print_copies_of_removed_artifacts()

    def forget_print_copies_of_removed_artifacts(self) -> None:
        from .models import Artifact
        from .photos import forget_copies

        post_delete.connect(forget_copies, sender=Artifact, dispatch_uid="print-copies-of-removed-artifacts")
