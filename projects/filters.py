"""The clubs list's filter (komunitas/filters.py): a search and a mentor."""

from __future__ import annotations

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from komunitas.filters import ListFilter, object_choices, search_filter, set_choices

from .models import Club


class ClubFilter(ListFilter):
    q = search_filter(_("Search name or theme"))
    mentor = django_filters.ChoiceFilter(label=_("Mentor"), empty_label=_("All mentors"), method="mentored_by")

    class Meta:
        model = Club
        fields = ["q", "mentor"]

    def __init__(self, data=None, *args, teachers, **kwargs):
        super().__init__(data, *args, **kwargs)
        set_choices(self, "mentor", object_choices(teachers))

    def search(self, queryset, name, value):
        value = value.strip()
        return queryset.filter(Q(name__icontains=value) | Q(theme__icontains=value))

    def mentored_by(self, queryset, name, value):
        # A subquery, not a join on the mentors: the list's count annotations must not multiply.
        return queryset.filter(pk__in=Club.mentors.through.objects.filter(person_id=value).values("club_id"))
