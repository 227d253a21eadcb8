"""Clubs: the list, one club's page, and creating, editing and deleting a club."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from komunitas.access import ProgramAccess, program_access
from komunitas.models import Person
from komunitas.views import atomic_post, render_program

from .. import assessments, services
from ..filters import ClubFilter
from ..forms import ClubForm
from ..models import Club
from ..selectors import club_page, clubs_with_counts
from .base import get_club


@login_required
def club_list(request: HttpRequest, program_id: int) -> HttpResponse:
    access = program_access(request, program_id)
    program = access.program
    teachers = list(Person.objects.teachers_of(program))
    clubs = clubs_with_counts(program).prefetch_related(Prefetch("mentors", queryset=Person.objects.order_by("name")))
    filters = ClubFilter(request.GET, queryset=clubs, teachers=teachers)
    return render_program(request, "projects/club_list.html", access, {"clubs": list(filters.qs), "filters": filters})


@login_required
def club_detail(request: HttpRequest, program_id: int, pk: int) -> HttpResponse:
    access = program_access(request, program_id)
    context = club_page(access, get_club(access, pk))
    context["assessed"] = assessments.club_progress(context["club"], context["member_count"])
    context["may_assess"] = assessments.may_assess(access, context["club"], context["mentors"])
    return render_program(request, "projects/club_detail.html", access, context)


def _club_form_page(request: HttpRequest, access: ProgramAccess, club: Club) -> HttpResponse:
    access.require_personal_data()  # the form lists the program's students by name
    form = ClubForm(request.POST or None, instance=club, program=access.program)
    if request.method == "POST" and form.is_valid():
        is_new = club.pk is None
        services.club_save(
            club=form.instance,
            mentors=list(form.cleaned_data["mentors"]),
            members=list(form.cleaned_data["members"]),
            user=request.user,
        )
        messages.success(request, _("Club created.") if is_new else _("Club saved."))
        return redirect(form.instance.get_absolute_url())
    return render_program(request, "projects/club_form.html", access, {"form": form, "club": club if club.pk else None})


@login_required
def club_create(request: HttpRequest, program_id: int) -> HttpResponse:
    access = program_access(request, program_id)
    access.require("log")
    return _club_form_page(request, access, Club(program=access.program))


@login_required
@atomic_post
def club_edit(request: HttpRequest, program_id: int, pk: int) -> HttpResponse:
    access = program_access(request, program_id)
    club = get_club(access, pk)
    if not access.can_change(club):
        raise PermissionDenied
    return _club_form_page(request, access, club)


@login_required
def club_delete(request: HttpRequest, program_id: int, pk: int) -> HttpResponse:
    access = program_access(request, program_id)
    club = get_club(access, pk)
    if not access.can_change(club):
        raise PermissionDenied
    if request.method == "POST":
        services.club_delete(club=club)
        messages.success(request, _("Club “%(name)s” deleted.") % {"name": club.name})
        return redirect("projects:index", program_id=program_id)
    warning = _(
        "Its projects go with it. Its meetings stay on the schedule with their attendance and photos, "
        "no longer attached to a club."
    )
    context = {"object": club, "cancel_url": club.get_absolute_url(), "warning": warning}
    return render_program(request, "komunitas/confirm_delete.html", access, context)
