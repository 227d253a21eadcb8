"""The parent involvement page: for each parent of the program, the classes they attended, their contributions and
their level (parents/involvement.py), the change from the first half of the program to the second, sorted and
filtered by level. Parents' names: only for those who see personal data (``access.sees_personal_data``); others
get 403 (the dashboard and the report show the counts)."""

from __future__ import annotations

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _

from komunitas.access import program_access
from komunitas.views import render_program

from ..involvement import RANK, Level, ParentInvolvement, parent_involvement

SORTS = {
    "name": (_("Name"), None),
    "level": (_("Most involved first"), lambda row: (-RANK[row.level], -row.contribution_count, -row.attended)),
    "attended": (_("Classes attended"), lambda row: (-row.attended, -RANK[row.level])),
    "contributions": (_("Contributions"), lambda row: (-row.contribution_count, -RANK[row.level])),
}


class InvolvementFilter(forms.Form):
    """A level to show and an order; a value not offered is ignored (the whole list, by name)."""

    level = forms.ChoiceField(label=_("Level"), required=False, choices=[("", _("All levels")), *Level.choices])
    sort = forms.ChoiceField(
        label=_("Sort"), required=False, choices=[(key, label) for key, (label, _key) in SORTS.items()]
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.widget.attrs["class"] = "form-select"

    @property
    def active(self) -> bool:
        return bool(self.value("level"))

    def value(self, name: str) -> str:
        """The cleaned value of one field, or "" when it was not valid (each field on its own)."""
        self.is_valid()
        return self.cleaned_data.get(name) or ""

    def apply(self, rows: list[ParentInvolvement]) -> list[ParentInvolvement]:
        level = self.value("level")
        rows = [row for row in rows if row.level == level] if level else list(rows)
        key = SORTS[self.value("sort") or "name"][1]
        return sorted(rows, key=key) if key else rows  # sorted() is stable: ties stay by name


@login_required
def involvement(request: HttpRequest, program_id: int) -> HttpResponse:
    access = program_access(request, program_id)
    access.require_personal_data()
    table = parent_involvement(access.program)
    form = InvolvementFilter(request.GET)
    return render_program(
        request,
        "parents/involvement.html",
        access,
        {"table": table, "rows": form.apply(table.parents), "filters": {"form": form, "active": form.active}},
    )
