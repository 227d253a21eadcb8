"""The check-in forms: a parent picking their name or adding it (the public page), and the facilitator confirming
a name as a new parent or merging it into one on the roster. Choices are read once by the view and passed in, so
a page with many waiting names still costs the same number of queries."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import CheckIn


class PickNameForm(forms.Form):
    """The name picker: ``choices`` from ``check_in.parent_choices`` (first name and child's class only)."""

    parent = forms.TypedChoiceField(
        label=_("My name"),
        coerce=int,
        error_messages={"required": _("Choose your name."), "invalid_choice": _("Choose your name from the list.")},
    )

    def __init__(self, *args, choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["parent"].choices = [("", _("— choose your name —")), *((c.pk, c.label) for c in choices)]


class AddNameForm(forms.Form):
    """A parent not on the list: their name and their child's class, kept exactly as typed (escaped on output)."""

    name = forms.CharField(
        label=_("Your name"),
        max_length=CheckIn._meta.get_field("name").max_length,
        error_messages={"required": _("Write your name.")},
    )
    child_class = forms.CharField(
        label=_("Your child's class"),
        max_length=CheckIn._meta.get_field("child_class").max_length,
        help_text=_("For example 7A."),
        error_messages={"required": _("Write your child's class.")},
    )


class ConfirmForm(forms.Form):
    """Add the name to the roster as a new parent, optionally of one of the program's students."""

    child = forms.TypedChoiceField(label=_("Parent of"), coerce=int, required=False, empty_value=None)

    def __init__(self, *args, students, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["child"].choices = [("", _("— no student chosen —")), *students]


class MergeForm(forms.Form):
    """The name is a parent already on the roster."""

    parent = forms.TypedChoiceField(
        label=_("Same person as"), coerce=int, error_messages={"required": _("Choose the parent.")}
    )

    def __init__(self, *args, parents, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["parent"].choices = [("", _("— choose a parent —")), *parents]
