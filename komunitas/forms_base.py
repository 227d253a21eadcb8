"""What every form of every app builds on, so that no input crashes the server: arbitrary text, numbers and
dates are either accepted or answered with an error next to their field (the property tests in
komunitas/tests/test_forms_fuzz.py post such input to every form).

- ``ModelForm``: Django's, with the choice fields below for every foreign key and many-to-many field.
- ``ModelChoiceField`` / ``ModelMultipleChoiceField``: an id no database can hold ("99999999999999999999") is an
  invalid choice, not an OverflowError from SQLite.
- ``plausible_date``: a date a school could mean (1990–2100), before any arithmetic on it overflows.

And so that two people editing one record never silently overwrite each other: every model form editing a saved
record carries the record's version (``<model>_version``, a digest of the row as the form showed it); if the row has
changed since, the save is refused with a message and the person's input stays in the form (optimistic locking).
"""

from __future__ import annotations

import datetime as dt
import hashlib

from django import forms
from django.core.exceptions import ValidationError
from django.db import connection, models
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

MAX_ID = 2**63 - 1  # the largest id any of our databases stores
EARLIEST, LATEST = dt.date(1990, 1, 1), dt.date(2100, 12, 31)


def plausible_id(value) -> bool:
    try:
        return 0 <= int(str(value).strip()) <= MAX_ID
    except (TypeError, ValueError):
        return False


def plausible_date(day: dt.date) -> dt.date:
    """The date, or a ValidationError for one no school could mean (year 9999 overflows date arithmetic)."""
    if not EARLIEST <= day <= LATEST:
        raise ValidationError(
            _("Choose a date between %(first)s and %(last)s.")
            % {"first": date_format(EARLIEST), "last": date_format(LATEST)},
            code="implausible_date",
        )
    return day


def chooses_by_id(field: forms.ModelChoiceField) -> bool:
    """Whether the field's values are ids (an integer key, or a one-to-one key such as ForumSession's)."""
    meta = field.queryset.model._meta
    key = meta.get_field(field.to_field_name) if field.to_field_name else meta.pk
    return isinstance(key, models.IntegerField | models.ForeignKey)


class ModelChoiceField(forms.ModelChoiceField):
    def to_python(self, value):
        if value not in self.empty_values and chooses_by_id(self) and not plausible_id(value):
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(value)


class ModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    def _check_values(self, value):
        if chooses_by_id(self):
            for pk in value:
                if not plausible_id(pk):
                    raise ValidationError(
                        self.error_messages["invalid_pk_value"], code="invalid_pk_value", params={"pk": pk}
                    )
        return super()._check_values(value)


def formfield(db_field: models.Field, **kwargs) -> forms.Field | None:
    """``Meta.formfield_callback``: our choice fields for relations; dates within reason."""
    if isinstance(db_field, models.ForeignKey):
        kwargs.setdefault("form_class", ModelChoiceField)
    elif isinstance(db_field, models.ManyToManyField):
        kwargs.setdefault("form_class", ModelMultipleChoiceField)
    field = db_field.formfield(**kwargs)
    if isinstance(db_field, models.DateField) and not isinstance(db_field, models.DateTimeField) and field:
        field.validators.append(plausible_date)
    return field


class ModelFormMetaclass(forms.models.ModelFormMetaclass):
    """Gives every model form's ``Meta`` our ``formfield_callback`` (Django reads it from the form's own ``Meta``
    only, so a base class alone would not pass it on)."""

    def __new__(mcs, name, bases, attrs):
        meta = attrs.get("Meta")
        if meta is not None and not hasattr(meta, "formfield_callback"):
            meta.formfield_callback = staticmethod(formfield)
        return super().__new__(mcs, name, bases, attrs)


STALE_EDIT = _(
    "Someone else saved changes to this while you were editing. Your input is still below: compare it with the "
    "page as it is now (open it in another tab) and save again to keep yours."
)


class VersionField(forms.CharField):
    """The hidden ``<model>_version``: whatever comes back is compared, never an error of its own (a hidden field's
    error would show nowhere)."""

    widget = forms.HiddenInput

    def clean(self, value):
        return str(value or "").replace("\x00", "")[:64]


class ModelForm(forms.BaseModelForm, metaclass=ModelFormMetaclass):
    """The base of every model form of every app: with ``<model>_version`` when it edits a saved record."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            # Named after the model: one page may hold forms of two records (a forum session and its session).
            self.version_field = f"{self._meta.model._meta.model_name}_version"
            self.fields[self.version_field] = VersionField(required=False)
            self.initial.setdefault(self.version_field, self.current_version())

    def current_version(self) -> str:
        """A digest of the record as stored now: its row, the many-to-many links this form edits, and whatever
        else the form saves with it (``version_extra``)."""
        model, pk = self._meta.model, self.instance.pk
        stored = model._base_manager.filter(pk=pk)
        if connection.in_atomic_block:  # a save follows (``views.atomic_post``): hold the row until it is done
            list(stored.select_for_update().values_list("pk", flat=True))
        state = [stored.values_list(*[field.attname for field in model._meta.concrete_fields]).first()]
        for field in model._meta.many_to_many:
            if field.name in self.fields:
                state.append(sorted(filter(None, stored.values_list(field.name, flat=True))))
        state.append(self.version_extra())
        return hashlib.sha256(repr(state).encode()).hexdigest()[:32]

    def version_extra(self):
        """What else this form saves with the record, as stored now (e.g. a student's consents)."""
        return None

    def clean(self):
        data = super().clean()
        sent = data.get(getattr(self, "version_field", ""))
        if sent and self.instance.pk is not None:  # absent (a client without it): nothing to compare
            now = self.current_version()
            if sent != now:
                self.add_error(None, STALE_EDIT)
                # The next save, made knowing the other person's changes, goes through.
                self.data = self.data.copy()
                self.data[self.add_prefix(self.version_field)] = now
        return data
