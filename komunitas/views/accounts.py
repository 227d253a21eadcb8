"""The signed-in person's own account: name, e-mail address (changed with the password and confirmed by a link),
and the password-reset request, limited per network and per address."""

from __future__ import annotations

import datetime as dt
import logging

from axes.helpers import get_client_ip_address
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ..auth_forms import (
    EmailChangeForm,
    PasswordChangeForm,
    PasswordResetForm,
    ProfileForm,
    SetPasswordForm,
    email_taken,
)
from ..models import PasswordResetRequest, VerifiedEmail

log = logging.getLogger(__name__)

EMAIL_SALT = "komunitas.email-confirm"
EMAIL_LINK_DAYS = 3


@login_required
def profile(request: HttpRequest) -> HttpResponse:
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your account details were saved."))
        return redirect("profile")
    context = {"form": form, "email_verified": VerifiedEmail.is_verified(request.user)}
    return render(request, "komunitas/profile.html", context)


def _send_confirmation(request: HttpRequest, user, email: str) -> bool:
    """A link to the address itself: opening it (signed in as this user) proves the address is theirs."""
    # "c": the address the account has now: once it changes (another link opened), this link is spent.
    token = signing.dumps({"u": user.pk, "e": email, "c": user.email}, salt=EMAIL_SALT)
    link = request.build_absolute_uri(reverse("email_confirm", args=[token]))
    body = render_to_string("komunitas/email/email_confirm.txt", {"user": user, "link": link, "days": EMAIL_LINK_DAYS})
    try:
        send_mail(_("Komunitas: confirm your e-mail address"), body, None, [email])
    except Exception:  # SMTP down, refused address …: they can ask again
        log.exception("Confirmation to %s not sent", email)
        messages.error(request, _("The e-mail could not be sent. Try again later."))
        return False
    messages.success(request, _("We sent a link to %(email)s. Open it to confirm the address.") % {"email": email})
    return True


@login_required
def email_change(request: HttpRequest) -> HttpResponse:
    form = EmailChangeForm(request.POST or None, user=request.user, request=request)
    if request.method == "POST" and form.is_valid():
        _send_confirmation(request, request.user, form.cleaned_data["email"])
        return redirect("profile")
    return render(request, "komunitas/email_change.html", {"form": form})


@login_required
@require_POST
def email_verify(request: HttpRequest) -> HttpResponse:
    """A confirmation link for the address the account has now (set by whoever invited them)."""
    if request.user.email and not VerifiedEmail.is_verified(request.user):
        _send_confirmation(request, request.user, request.user.email)
    return redirect("profile")


@login_required
def email_confirm(request: HttpRequest, token: str) -> HttpResponse:
    """Shows the address and confirms it on POST: a mail scanner that opens the link changes nothing."""
    try:
        data = signing.loads(token, salt=EMAIL_SALT, max_age=dt.timedelta(days=EMAIL_LINK_DAYS))
    except signing.BadSignature:
        data = None
    user = request.user
    problem = None
    if data is None or data.get("u") != user.pk or data.get("c") != user.email:
        problem = _("This link has expired or is not for the account you are signed in with.")
    elif email_taken(data["e"], user):
        problem = _("Another account uses this address now. Each account needs its own.")
    if problem or request.method != "POST":
        return render(request, "komunitas/email_confirm.html", {"email": data and data["e"], "problem": problem})
    old = user.email
    user.email = data["e"]
    try:
        with transaction.atomic():
            user.save(update_fields=["email"])
    except IntegrityError:  # taken by another account a moment ago (the database's unique index)
        user.email = old
        problem = _("Another account uses this address now. Each account needs its own.")
        return render(request, "komunitas/email_confirm.html", {"email": data["e"], "problem": problem})
    VerifiedEmail.mark(user)
    if old and old.casefold() != user.email.casefold():
        _tell_old_address(user, old)
    messages.success(request, _("Your e-mail address %(email)s is confirmed.") % {"email": user.email})
    return redirect("profile")


def _tell_old_address(user, old: str) -> None:
    """The previous address hears of the change: if it was not its owner's doing, they know to act."""
    body = render_to_string("komunitas/email/email_changed.txt", {"user": user})
    try:
        send_mail(_("Komunitas: your e-mail address was changed"), body, None, [old])
    except Exception:
        log.exception("Notice of changed address to %s not sent", old)


class PasswordResetView(auth_views.PasswordResetView):
    """Django's, with limits: a network asks at most PASSWORD_RESET_PER_NETWORK links an hour (beyond, it is
    told to wait); an address receives at most PASSWORD_RESET_PER_EMAIL (beyond, the page reads as usual, so it
    tells nobody whether the address has an account, and no more mail is sent)."""

    form_class = PasswordResetForm

    def form_valid(self, form):
        now = timezone.now()
        PasswordResetRequest.objects.filter(requested_at__lt=now - dt.timedelta(days=1)).delete()
        recent = PasswordResetRequest.objects.filter(requested_at__gte=now - dt.timedelta(hours=1))
        ip_address = get_client_ip_address(self.request)
        email = form.cleaned_data["email"]
        if recent.filter(ip_address=ip_address).count() >= settings.PASSWORD_RESET_PER_NETWORK:
            form.add_error(None, _("Too many requests from this network. Try again in an hour."))
            return self.render_to_response(self.get_context_data(form=form), status=429)
        if recent.filter(email__iexact=email).count() >= settings.PASSWORD_RESET_PER_EMAIL:
            return redirect(self.get_success_url())
        PasswordResetRequest.objects.create(requested_at=now, ip_address=ip_address, email=email)
        return super().form_valid(form)


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    form_class = SetPasswordForm


class PasswordChangeView(auth_views.PasswordChangeView):
    form_class = PasswordChangeForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "request": self.request}
