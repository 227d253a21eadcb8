"""A student's profile: their clubs, attendance, artifacts and 4C growth. Children's data: only for those who see it
(``access.sees_personal_data``); others get 403."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from komunitas.access import program_access
from komunitas.charts import grouped_bar_chart
from komunitas.views import render_program

from .. import assessments
from ..rubric import AXIS_LABELS


def _growth_chart(growth: assessments.ClubGrowth):
    """Baseline beside endline per skill (level ranks); the growth table on the page is its text alternative."""
    labels = [row.label for row in growth.skills]
    return grouped_bar_chart(
        labels,
        [
            (_("Baseline"), [row.baseline.score if row.baseline else None for row in growth.skills]),
            (_("Endline"), [row.endline.score if row.endline else None for row in growth.skills]),
        ],
        title=_("4C levels at baseline and endline, %(club)s") % {"club": growth.club.name},
        description=_("Level rank 1 (lowest) to %(n)s (highest) per skill.") % {"n": growth.top},
        max_value=growth.top,
        label_header=_("Skill"),
        axis_labels=[AXIS_LABELS[row.skill] for row in growth.skills],
        chart_id=f"growth-{growth.club.pk}",
    )


@login_required
def student_detail(request: HttpRequest, program_id: int, person_pk: int) -> HttpResponse:
    access = program_access(request, program_id)
    access.require_personal_data()
    person = assessments.program_student(access.program, person_pk)
    if person is None:
        raise Http404
    context = assessments.student_profile(access.program, person)
    context["person"] = person
    context["charts"] = [(growth, _growth_chart(growth)) for growth in context["growth"]]
    return render_program(request, "projects/student_detail.html", access, context)
