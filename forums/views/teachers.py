"""The forum's teachers: a list with each one's figures, and one teacher's page."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from komunitas.access import program_access
from komunitas.charts import bar_chart
from komunitas.models import Person, PersonKind
from komunitas.views import render_program

from ..metrics import methods_by_week
from ..selectors import teacher_record, teachers_with_counts


@login_required
def teacher_list(request: HttpRequest, program_id: int) -> HttpResponse:
    access = program_access(request, program_id)
    return render_program(request, "forums/teacher_list.html", access, {"teachers": teachers_with_counts(access)})


def _methods_chart(program, person: Person, logs) -> dict:
    weekly = methods_by_week(program, logs)
    current_week = program.current_week()
    return bar_chart(
        [str(week) for week, _n, _total in weekly],
        [total for _week, _n, total in weekly],
        title=_("Distinct methods tried so far, by week"),
        description=_("Number of different teaching methods %(name)s has tried in class, counted up to each week.")
        % {"name": person.name},
        label_header=_("Week"),
        value_header=_("Methods so far"),
        extra_columns=[(_("Methods that week"), [n for _week, n, _total in weekly])],
        highlight=current_week - 1 if current_week else None,
        chart_id="methods-chart",
    )


@login_required
def teacher_detail(request: HttpRequest, program_id: int, person_id: int) -> HttpResponse:
    """A teacher's forum page: presentations, feedback given and received, reflections and practice log."""
    access = program_access(request, program_id)
    program = access.program
    person = get_object_or_404(
        Person.objects.filter(participations__program=program, participations__role=PersonKind.TEACHER),
        pk=person_id,
    )
    record = teacher_record(access, person)
    return render_program(
        request,
        "forums/teacher_detail.html",
        access,
        {
            "person": person,
            **record,
            "methods_total": len({log.method_id for log in record["logs"]}),
            "chart": _methods_chart(program, person, record["logs"]),
            "is_me": person.user_id == request.user.pk,
        },
    )
