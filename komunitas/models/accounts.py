"""What an account has proved: the e-mail address it receives mail at, and how often it asked for reset links."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class VerifiedEmail(models.Model):
    """The address an account has shown it reads: it opened a link sent there (an invitation, a reset link, a
    confirmation). Reset links go only to a verified address, so a mistyped or borrowed one receives none."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="verified_email")
    email = models.EmailField(_("e-mail"))
    verified_at = models.DateTimeField(_("verified"), default=timezone.now)

    class Meta:
        verbose_name = _("verified e-mail")
        verbose_name_plural = _("verified e-mails")

    def __str__(self) -> str:
        return self.email

    @classmethod
    def is_verified(cls, user) -> bool:
        return bool(user.email) and cls.objects.filter(user=user, email__iexact=user.email).exists()

    @classmethod
    def mark(cls, user) -> None:
        if user.email:
            cls.objects.update_or_create(user=user, defaults={"email": user.email, "verified_at": timezone.now()})


class PasswordResetRequest(models.Model):
    """One "forgot password" request, kept a day to limit how many a network or an address may make (a table
    rather than the cache: gunicorn's workers share the database, not their memory)."""

    requested_at = models.DateTimeField(default=timezone.now, db_index=True)
    ip_address = models.GenericIPAddressField(null=True)
    email = models.EmailField()

    class Meta:
        verbose_name = _("password reset request")
        verbose_name_plural = _("password reset requests")

    def __str__(self) -> str:
        return f"{self.email} {self.requested_at:%Y-%m-%d %H:%M}"
