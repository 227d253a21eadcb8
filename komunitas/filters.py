"""List filters as small forms (django-filter): the query string is validated like any form, and a value that
is not one of the offered choices is ignored rather than turned into a query (no 500 on ``?teacher=9e99``).

``ListFilter`` adds what every list page needs: ``active`` (is anything filtered, for the empty state) and
bootstrap classes on the widgets; ``includes/_filter_form.html`` renders any of them.
"""

from __future__ import annotations

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from . import activities
from .models import Person, PersonKind, Program, Session, normalize_class_name


class ListFilter(django_filters.FilterSet):
    def __init__(self, data=None, *args, **kwargs):
        super().__init__(data or {}, *args, **kwargs)

    @property
    def active(self) -> bool:
        """Whether any filter narrows the list. Valid values filter even when another one is invalid (and
        ignored), so this looks at what was cleaned, not at whether the whole form is valid."""
        self.form.is_valid()
        return any(value not in (None, "", False) for value in self.form.cleaned_data.values())

    @property
    def form(self):
        form = super().form
        for field in form.fields.values():
            widget = field.widget
            if isinstance(widget, forms.CheckboxInput):
                widget.attrs.setdefault("class", "form-check-input")
            elif isinstance(widget, forms.Select):
                widget.attrs.setdefault("class", "form-select")
            else:
                widget.attrs.setdefault("class", "form-control")
        return form


class TickedBox(forms.CheckboxInput):
    """A ticked box sends "1" or "on"; anything else in a link ("0", "no", absent) means not ticked."""

    def value_from_datadict(self, data, files, name):
        return str(data.get(name, "")).lower() in {"1", "on", "true"}


def search_filter(placeholder) -> django_filters.CharFilter:
    return django_filters.CharFilter(
        label=_("Search"),
        method="search",
        widget=forms.TextInput(attrs={"type": "search", "placeholder": placeholder}),
    )


def set_choices(filterset: ListFilter, name: str, choices) -> None:
    """Offer these choices (value, label) for a ChoiceFilter; anything else in the query string is ignored."""
    filterset.filters[name].extra["choices"] = list(choices)


def object_choices(objects) -> list[tuple[str, str]]:
    """Choices from objects already read for the page (no query per value, no lookup of a typed-in id)."""
    return [(str(obj.pk), str(getattr(obj, "name", obj))) for obj in objects]


class ProgramListFilter(ListFilter):
    """A list of one program's records. A ``week`` filter (``week_filter()``) narrows ``date_field`` to a week."""

    date_field = "date"

    def __init__(self, data=None, *args, program: Program, **kwargs):
        super().__init__(data, *args, **kwargs)
        self.program = program
        if "week" in self.filters:
            set_choices(self, "week", [(str(n), _("Week %(n)s") % {"n": n}) for n in program.week_numbers()])

    def in_week(self, queryset, name, value):
        start, end = self.program.week_range(int(value))
        return queryset.filter(**{f"{self.date_field}__range": (start, end)})


def week_filter() -> django_filters.ChoiceFilter:
    return django_filters.ChoiceFilter(label=_("Week"), empty_label=_("All weeks"), method="in_week")


class ScheduleFilter(ListFilter):
    kind = django_filters.ChoiceFilter(
        label=_("Activity"), choices=activities.session_type_choices, empty_label=_("All activities")
    )

    class Meta:
        model = Session
        fields = ["kind"]


class PeopleFilter(ListFilter):
    q = search_filter(_("Search name, class, subject, number"))
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=PersonKind.choices, empty_label=_("Everyone"))
    class_ = django_filters.ChoiceFilter(label=_("Class"), field_name="class_name", empty_label=_("All classes"))
    participants = django_filters.BooleanFilter(
        label=_("Participants only"), method="only_participants", widget=TickedBox
    )

    class Meta:
        model = Person
        fields = ["q", "kind", "class_", "participants"]

    def __init__(self, data=None, *args, classes: list[str], **kwargs):
        if data and data.get("class"):  # a class as typed in a link ("8b", "VIII B") is the class as stored
            data = data.copy()
            data["class"] = normalize_class_name(data["class"]) or data["class"]
        super().__init__(data, *args, **kwargs)
        set_choices(self, "class_", [(name, name) for name in classes])
        if not classes:  # no student on the list (or none the viewer may see): no class to choose
            del self.filters["class_"]
        # "class" is a Python keyword: declared as class_, offered as ?class= (kept in its place in the form).
        self.filters = {("class" if name == "class_" else name): each for name, each in self.filters.items()}

    def search(self, queryset, name, value):
        return queryset.search(value.strip())

    def only_participants(self, queryset, name, value):
        # The list is annotated with is_participant by the view.
        return queryset.filter(is_participant=True) if value else queryset
