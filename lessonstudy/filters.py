"""The cycles list's filter (komunitas/filters.py): a search and a stage."""

from __future__ import annotations

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from komunitas.filters import ListFilter, search_filter

from .models import Cycle, Stage


class CycleFilter(ListFilter):
    q = search_filter(_("Search title, subject, class, topic, teacher"))
    stage = django_filters.ChoiceFilter(
        label=_("Stage"), choices=Stage.choices, empty_label=_("All stages"), method="in_stage"
    )

    class Meta:
        model = Cycle
        fields = ["q", "stage"]

    def search(self, queryset, name, value):
        value = value.strip()
        return queryset.filter(
            Q(title__icontains=value)
            | Q(subject__icontains=value)
            | Q(class_name__icontains=value)
            | Q(topic__icontains=value)
            | Q(model_teacher__name__icontains=value)
        )

    def in_stage(self, queryset, name, value):
        return queryset.filter(stage=value)  # annotated by selectors.with_stage
