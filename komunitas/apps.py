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
        self.remove_files_with_their_records()
        self.keep_photos_of_removed_people_to_staff()
        self.note_sign_ins()
        self.keep_the_audit_log()

    def keep_the_audit_log(self) -> None:
        from auditlog.models import LogEntry
        from auditlog.signals import pre_log
        from axes.signals import user_locked_out
        from django.contrib.auth.signals import user_logged_in, user_login_failed
        from django.db.models.signals import m2m_changed, post_save, pre_save

        from . import audit, freshness

        pre_log.connect(audit.remember_school, dispatch_uid="audit-remember-school")
        pre_save.connect(audit.tag_school, sender=LogEntry, dispatch_uid="audit-tag-school")
        post_save.connect(freshness.logged, sender=LogEntry, dispatch_uid="freshness-logged")
        m2m_changed.connect(freshness.links_changed, dispatch_uid="freshness-links-changed")
        user_logged_in.connect(audit.signed_in, dispatch_uid="audit-signed-in")
        user_login_failed.connect(audit.sign_in_failed, dispatch_uid="audit-sign-in-failed")
        user_locked_out.connect(audit.locked_out, dispatch_uid="audit-locked-out")

    def note_sign_ins(self) -> None:
        from django.contrib.auth.signals import user_logged_in

        from .middleware import note_sign_in

        user_logged_in.connect(note_sign_in, dispatch_uid="note-sign-in")

    def keep_photos_of_removed_people_to_staff(self) -> None:
        from django.db.models.signals import post_delete, pre_delete

        from .models import Attachment, Person
        from .models.sessions import keep_their_photos_to_staff
        from .print_images import forget_copies

        pre_delete.connect(keep_their_photos_to_staff, sender=Person, dispatch_uid="photos-of-removed-people")
        post_delete.connect(forget_copies, sender=Attachment, dispatch_uid="print-copies-of-removed-photos")

    def remove_files_with_their_records(self) -> None:
        from django.apps import apps
        from django.db.models import FileField
        from django.db.models.signals import post_delete

        from .uploads import remove_files_of

        for model in apps.get_models():
            if any(isinstance(field, FileField) for field in model._meta.concrete_fields):
                post_delete.connect(remove_files_of, sender=model, dispatch_uid=f"files-of-{model._meta.label}")
