"""Filters of the parent classes' lists (komunitas/filters.py): the classes, the dialogue summary, the
contributions."""

from __future__ import annotations

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from komunitas.filters import ListFilter, ProgramListFilter, object_choices, search_filter, set_choices, week_filter
from komunitas.models import Session

from .models import Contribution, ContributionKind, DialogueNote, DialogueTag, Theme


class ClassFilter(ProgramListFilter):
    q = search_filter(_("Search title, theme, place, materials"))
    theme = django_filters.ChoiceFilter(
        label=_("Theme"), field_name="parent_class__theme", choices=Theme.choices, empty_label=_("All themes")
    )
    week = week_filter()

    class Meta:
        model = Session
        fields = ["q", "theme", "week"]

    def search(self, queryset, name, value):
        value = value.strip()
        # Not the speaker's name: a parent's name is not searched for those who may not see it.
        return queryset.filter(
            Q(title__icontains=value)
            | Q(place__icontains=value)
            | Q(parent_class__theme_other__icontains=value)
            | Q(parent_class__materials__icontains=value)
            | Q(parent_class__speaker_name__icontains=value)
        )


def _class_choices(classes) -> list[tuple[str, str]]:
    return [(str(session.pk), f"{session.date:%d/%m/%Y} · {session.title}") for session in classes]


class DialogueFilter(ListFilter):
    tag = django_filters.ChoiceFilter(
        label=pgettext_lazy("dialogue note", "Kind"), choices=DialogueTag.choices, empty_label=_("All kinds")
    )
    theme = django_filters.ChoiceFilter(label=_("Theme"), choices=Theme.choices, empty_label=_("All themes"))
    session = django_filters.ChoiceFilter(label=_("Class"), empty_label=_("All classes"), field_name="session_id")

    class Meta:
        model = DialogueNote
        fields = ["tag", "theme", "session"]

    def __init__(self, data=None, *args, classes, **kwargs):
        super().__init__(data, *args, **kwargs)
        set_choices(self, "session", _class_choices(classes))


class ContributionFilter(ListFilter):
    kind = django_filters.ChoiceFilter(
        label=_("Contribution"), choices=ContributionKind.choices, empty_label=_("All contributions")
    )
    parent = django_filters.ChoiceFilter(label=_("Parent"), empty_label=_("All parents"), field_name="parent_id")

    class Meta:
        model = Contribution
        fields = ["kind", "parent"]

    def __init__(self, data=None, *args, parents, **kwargs):
        """``parents``: those the viewer may filter by (none for whoever may not see parents' names)."""
        super().__init__(data, *args, **kwargs)
        if parents is None:
            del self.filters["parent"]
        else:
            set_choices(self, "parent", object_choices(parents))
