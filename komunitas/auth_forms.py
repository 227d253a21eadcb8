"""Sign-in form with our own (translated) wording: Django's Indonesian catalogue doubles words here."""

from django.contrib.auth import forms as auth_forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from .forms_base import ModelForm


class SignInForm(AuthenticationForm):
    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _("The username or password is not right. Both are case-sensitive."),
        "inactive": _("This account has no access any more (switched off by the school). Ask the facilitator."),
    }


class ProfileForm(ModelForm):
    """Name and e-mail: the e-mail is where a forgotten-password link goes."""

    class Meta:
        model = get_user_model()
        fields = ["first_name", "last_name", "email"]
        help_texts = {"email": _("Needed to reset a forgotten password.")}


class PasswordResetForm(auth_forms.PasswordResetForm):
    """Django's, except that invited staff who have not chosen a password yet (an unusable one) may ask for the
    link too: "Forgot your password?" is what their expired invitation tells them to use."""

    def get_users(self, email):
        users = get_user_model()._default_manager.filter(email__iexact=email, is_active=True)
        return (user for user in users if user.email.casefold() == email.casefold())
