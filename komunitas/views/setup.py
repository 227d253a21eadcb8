"""A new program's first run: the setup guide (``komunitas/setup_guide.py``) — each step's page and state, skip a
step or return to it, hide the guide from the dashboard when done."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from .. import setup_guide
from ..access import program_access
from ..models import ProgramSetup
from . import render_program

ACTIONS = {"skip", "return", "finish", "reopen"}


@login_required
def program_setup(request: HttpRequest, program_id: int) -> HttpResponse:
    access = program_access(request, program_id)
    access.require("manage")
    program = access.program
    if request.method == "POST":
        return _act(request, program)
    setup = ProgramSetup.objects.filter(program=program).first()
    guide = setup_guide.guide(program, setup)
    return render_program(request, "komunitas/program_setup.html", access, {"guide": guide, "setup": setup})


def _act(request: HttpRequest, program) -> HttpResponse:
    action, key = request.POST.get("action"), request.POST.get("step", "")
    if action not in ACTIONS or (action in ("skip", "return") and key not in setup_guide.step_keys()):
        messages.error(request, _("That step does not exist; nothing was changed."))
        return redirect("program_setup", program_id=program.pk)
    if action in ("skip", "return"):
        setup_guide.setup_mark(program=program, key=key, skipped=action == "skip")
        text = _("Step skipped: return to it here at any time.") if action == "skip" else _("Step back on the list.")
        messages.success(request, text)
        return redirect("program_setup", program_id=program.pk)
    setup_guide.setup_finish(program=program, finished=action == "finish")
    if action == "finish":
        messages.success(
            request, _("The first-steps guide is hidden from the dashboard. Open it again from the Stages page.")
        )
        return redirect("program_dashboard", program_id=program.pk)
    messages.success(request, _("The first-steps guide shows on the dashboard again."))
    return redirect("program_setup", program_id=program.pk)
