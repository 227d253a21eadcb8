"""The form of the accounts page (``staff_accounts``): whom to give an account."""

from __future__ import annotations

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from .forms_base import ModelMultipleChoiceField


class StaffAccountsForm(forms.Form):
    """The ticked people of the roster's staff; ``people`` is what the viewer may tick
    (``staff_accounts.creatable_people``): anyone else — another school's, a role they may not give — is an error."""

    people = ModelMultipleChoiceField(
        queryset=None,
        error_messages={
            "required": _("Tick at least one person."),
            "invalid_choice": _("Someone ticked cannot be given an account here. Reload the page and try again."),
        },
    )

    def __init__(self, *args, people: QuerySet, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["people"].queryset = people
