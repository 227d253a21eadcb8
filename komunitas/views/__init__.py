"""Pages of the core app, one module per part: programs and stages (programs.py), the roster (people.py),
the schedule and its calendar feed (schedule.py), sessions with attendance and documentation (sessions.py).

Views stay thin: they resolve access (``program_access``), read through selectors, write through services, and
render. Every page of a program renders through ``render_program``.
"""

from __future__ import annotations

from functools import wraps

from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from ..access import ProgramAccess


def render_program(
    request: HttpRequest, template: str, access: ProgramAccess, context: dict | None = None, status: int = 200
) -> HttpResponse:
    """Render a page of a program; every such page gets ``program`` and ``access`` (for the navigation)."""
    return render(request, template, {"program": access.program, "access": access, **(context or {})}, status=status)


def atomic_post(view):
    """A form page whose POST checks a record's version and saves in one transaction: the check
    (``forms_base.ModelForm``) locks the row, so of two simultaneous saves the second sees the first's change and
    is refused — never a silent overwrite. GETs stay outside any transaction."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if request.method != "POST":
            return view(request, *args, **kwargs)
        with transaction.atomic():
            return view(request, *args, **kwargs)

    return wrapper
