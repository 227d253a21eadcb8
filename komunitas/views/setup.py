"""A new program's first run: the setup guide (each step's page, its state, skip and return)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse

from .. import activities
from ..access import program_access
from . import render_program


@login_required
def program_setup(request: HttpRequest, program_id: int) -> HttpResponse:
    access = program_access(request, program_id)
    access.require("manage")
    steps = [(step, step.state(access.program)) for step in activities.setup_steps()]
    return render_program(request, "komunitas/program_setup.html", access, {"steps": steps})
