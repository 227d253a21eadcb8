"""Filters of the forum's lists (komunitas/filters.py): sessions and the practice log."""

from __future__ import annotations

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from komunitas.filters import ProgramListFilter, object_choices, search_filter, set_choices, week_filter
from komunitas.models import Session

from .models import PracticeLog, TopicCategory


class ForumSessionFilter(ProgramListFilter):
    q = search_filter(_("Search topic, practice, notes, presenter"))
    week = week_filter()
    topic = django_filters.ChoiceFilter(
        label=_("Topic category"),
        field_name="forum__topic_category",
        choices=TopicCategory.choices,
        empty_label=_("All topics"),
    )
    presenter = django_filters.ChoiceFilter(label=_("Presenter"), empty_label=_("All presenters"), method="presented")

    class Meta:
        model = Session
        fields = ["q", "week", "topic", "presenter"]

    def __init__(self, data=None, *args, teachers, **kwargs):
        super().__init__(data, *args, **kwargs)
        set_choices(self, "presenter", object_choices(teachers))

    def search(self, queryset, name, value):
        value = value.strip()
        return queryset.filter(
            Q(title__icontains=value)
            | Q(place__icontains=value)
            | Q(forum__agenda__icontains=value)
            | Q(forum__practice__icontains=value)
            | Q(forum__discussion_notes__icontains=value)
            | Q(forum__conclusion__icontains=value)
            | Q(forum__presenters__name__icontains=value)
        ).distinct()

    def presented(self, queryset, name, value):
        return queryset.filter(forum__presenters=int(value))


class PracticeFilter(ProgramListFilter):
    teacher = django_filters.ChoiceFilter(label=_("Teacher"), empty_label=_("All teachers"), field_name="teacher_id")
    method = django_filters.ChoiceFilter(label=_("Method"), empty_label=_("All methods"), field_name="method_id")
    week = week_filter()

    class Meta:
        model = PracticeLog
        fields = ["teacher", "method", "week"]

    def __init__(self, data=None, *args, teachers, methods, **kwargs):
        super().__init__(data, *args, **kwargs)
        set_choices(self, "teacher", object_choices(teachers))
        set_choices(self, "method", object_choices(methods))
