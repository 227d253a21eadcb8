"""Plan a program's schedule from the activities' templates: adjust, preview, plan (komunitas/planning.py)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .. import activities, planning
from ..access import program_access
from ..planning_forms import SchedulePlanForm
from . import render_program


@login_required
def schedule_plan(request: HttpRequest, program_id: int) -> HttpResponse:
    """GET: each template with its defaults. POST "preview": what would be created, week by week, nothing written.
    POST "plan" (the default, so a form sent without its button still writes only what a preview would show):
    create the sessions not skipped, and go to the schedule."""
    access = program_access(request, program_id)
    access.require("manage")
    program = access.program
    weeks = planning.week_choices(program, list(program.stages.all()))
    form = SchedulePlanForm(
        request.POST if request.method == "POST" else None, templates=activities.schedule_templates(), weeks=weeks
    )
    context: dict = {"form": form}
    if request.method == "POST" and form.is_valid():
        today = timezone.localdate()
        rows = planning.plan(
            start_date=program.start_date,
            weeks=program.weeks,
            options=form.options(),
            today=today,
            taken=planning.days_taken(program, today),
        )
        count = len(planning.to_create(rows))
        if request.POST.get("action") != "preview" and count:
            created = planning.schedule_from_templates(
                program=program, rows=rows, place=form.cleaned_data["place"], user=request.user, today=today
            )
            message = ngettext("%(count)s session planned.", "%(count)s sessions planned.", len(created))
            messages.success(request, message % {"count": len(created)})
            return redirect("schedule", program_id=program_id)
        if not count:
            form.add_error(None, _("Nothing to plan: every date is in the past or already on the schedule."))
        kinds = dict(activities.session_type_choices())
        labels = dict(weeks)
        context |= {
            "preview": [
                (labels[week], [(row, kinds.get(row.kind, row.kind)) for row in group])
                for week, group in planning.by_week(rows)
            ],
            "count": count,
            "skipped": len(rows) - count,
        }
    return render_program(request, "komunitas/schedule_plan.html", access, context)
