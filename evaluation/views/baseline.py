"""The baseline questionnaires in one place (the first run's last step): open a baseline link for every
questionnaire, from the starter instruments when the program has none (``evaluation/baseline.py``)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from komunitas.access import program_access
from komunitas.views import render_program

from .. import baseline


@login_required
def baseline_page(request: HttpRequest, program_id: int) -> HttpResponse:
    access = program_access(request, program_id)
    access.require("manage")
    program = access.program
    if request.method == "POST":
        added, opened = baseline.baseline_open(program=program, user=request.user)
        if added:
            messages.success(
                request,
                ngettext("%(n)s starter instrument added.", "%(n)s starter instruments added.", len(added))
                % {"n": len(added)},
            )
        text = ngettext("%(n)s baseline link opened.", "%(n)s baseline links opened.", opened) % {"n": opened}
        messages.success(request, text if opened else _("Every questionnaire already has a baseline link open."))
        return redirect("evaluation:baseline", program_id=program_id)
    rows = list(baseline.questionnaires(program))
    return render_program(
        request,
        "evaluation/baseline.html",
        access,
        {
            "questionnaires": rows,
            "missing": sum(1 for q in rows if not q.baseline_open),
            "closing": baseline.default_closing(program),
        },
    )
