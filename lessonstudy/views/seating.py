"""A cycle's seating chart: rows × seats, each a student of the cycle's class (or a code) and a group, in one form
that needs no JavaScript. Notes are tagged by tapping a seat; afterwards the chart shows where they fell."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from komunitas.access import program_access
from komunitas.views import atomic_post, render_program

from .. import lessons
from ..lesson_forms import SeatingForm


@login_required
@atomic_post
def seating(request: HttpRequest, program_id: int, pk: int) -> HttpResponse:
    access = program_access(request, program_id)
    cycle = lessons.get_cycle(access, pk)
    access.require("log")
    access.require_personal_data()  # the class by name
    students = lessons.class_students(cycle)
    chart = lessons.seating_chart(cycle)
    form = SeatingForm(request.POST if request.method == "POST" else None, cycle=cycle, chart=chart, students=students)
    if request.method == "POST":
        if form.is_valid():
            lessons.seating_save(cycle=cycle, places=form.places())
            messages.success(request, _("Seating chart saved."))
            return redirect("lessonstudy:seating", program_id=program_id, pk=cycle.pk)
        messages.error(request, _("Some seats need attention; nothing was saved yet."))
    context = {"cycle": cycle, "form": form, "students": students, "chart": chart}
    return render_program(request, "lessonstudy/seating.html", access, context)
