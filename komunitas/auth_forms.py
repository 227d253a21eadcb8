"""Sign-in and account forms with our own (translated) wording: Django's Indonesian catalogue doubles words here."""

from django import forms
from django.conf import settings
from django.contrib.auth import authenticate, get_user_model
from django.contrib.auth import forms as auth_forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from .forms_base import ModelForm
from .models import VerifiedEmail


class SignInForm(AuthenticationForm):
    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _("The username or password is not right. Both are case-sensitive."),
        "inactive": _("This account has no access any more (switched off by the school). Ask the facilitator."),
    }


class ProfileForm(ModelForm):
    """The name shown to colleagues. The e-mail address changes through ``EmailChangeForm`` (password and a
    confirmation link), never here."""

    class Meta:
        model = get_user_model()
        fields = ["first_name", "last_name"]


def check_current_password(request, user, password: str) -> None:
    """The current password, asked again before a change, checked as a sign-in is: django-axes counts the
    failures and locks the account after as many as at the sign-in page (no unlimited guessing from a computer
    left signed in). ValidationError when wrong or locked."""
    checked = authenticate(request, username=user.get_username(), password=password)
    if getattr(request, "axes_locked_out", False):
        raise forms.ValidationError(
            _("Too many wrong passwords: the account is locked for %(minutes)s minutes.")
            % {"minutes": int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)}
        )
    if checked is None or checked.pk != user.pk:
        raise forms.ValidationError(_("This is not your current password."))


def email_taken(email: str, by_other_than) -> bool:
    return get_user_model()._default_manager.filter(email__iexact=email).exclude(pk=by_other_than.pk).exists()


class EmailChangeForm(forms.Form):
    """A new address for reset links: the current password first (someone at a computer left signed in must
    not redirect the account's mail), then a link sent to the new address confirms it."""

    email = forms.EmailField(label=_("New e-mail address"), max_length=254)
    password = forms.CharField(
        label=_("Your current password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args, user, request, **kwargs):
        self.user, self.request = user, request
        super().__init__(*args, **kwargs)

    def clean_email(self) -> str:
        email = get_user_model()._default_manager.normalize_email(self.cleaned_data["email"])
        if email.casefold() == self.user.email.casefold() and VerifiedEmail.is_verified(self.user):
            raise forms.ValidationError(_("This is your address already, and it is confirmed."))
        if email_taken(email, self.user):
            raise forms.ValidationError(_("Another account uses this address. Each account needs its own."))
        return email

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        check_current_password(self.request, self.user, password)
        return password


class PasswordResetForm(auth_forms.PasswordResetForm):
    """Reset links go only to an address the account has confirmed — except to invited staff who have not
    chosen a password yet: for them the link is their invitation again, to the address it went to already
    ("Forgot your password?" is what an expired invitation tells them to use)."""

    def get_users(self, email):
        users = get_user_model()._default_manager.filter(email__iexact=email, is_active=True)
        for user in users.select_related("verified_email"):
            if user.email.casefold() != email.casefold():
                continue
            verified = getattr(user, "verified_email", None)
            if not user.has_usable_password() or (verified and verified.email.casefold() == email.casefold()):
                yield user


class PasswordChangeForm(auth_forms.PasswordChangeForm):
    """Django's, with the old password checked as a sign-in is (``check_current_password``)."""

    def __init__(self, user, *args, request=None, **kwargs):
        self.request = request
        super().__init__(user, *args, **kwargs)

    def clean_old_password(self):
        password = self.cleaned_data["old_password"]
        check_current_password(self.request, self.user, password)
        return password


class SetPasswordForm(auth_forms.SetPasswordForm):
    """The password chosen through an invitation or reset link: opening that link proved the address."""

    def save(self, commit=True):
        user = super().save(commit)
        if commit:
            VerifiedEmail.mark(user)
        return user
