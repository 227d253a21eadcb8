"""The practice log ("I tried this method in my class") and the program's list of teaching methods: the study's
indicator "variasi metode pembelajaran"."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from komunitas.access import ProgramAccess, program_access
from komunitas.models import Person
from komunitas.uploads import serve_private
from komunitas.views import atomic_post, render_program

from .. import services
from ..filters import PracticeFilter
from ..forms import MethodForm, PracticeLogForm
from ..models import ForumSession, Method, PracticeLog
from ..selectors import forum_teachers
from .base import PAGE_SIZE, person_problem


@login_required
def practice_list(request: HttpRequest, program_id: int) -> HttpResponse:
    access = program_access(request, program_id)
    program = access.program
    logs = PracticeLog.objects.filter(program=program).select_related("teacher", "method", "forum__session")
    filters = PracticeFilter(
        request.GET,
        queryset=logs,
        program=program,
        teachers=forum_teachers(program),
        methods=list(program.methods.order_by("name")),
    )
    page = Paginator(filters.qs.order_by("-date", "-pk"), PAGE_SIZE).get_page(request.GET.get("page"))
    return render_program(request, "forums/practice_list.html", access, {"page": page, "filters": filters})


def _practice_form_page(request: HttpRequest, access: ProgramAccess, log: PracticeLog) -> HttpResponse:
    program = access.program
    choose_teacher = access.can_manage
    problem = None
    if not choose_teacher and log.pk is None:
        me = access.own_person()
        problem = person_problem(me)
        if me is not None and not Person.objects.teachers_of(program).filter(pk=me.pk).exists():
            problem = _("Only teachers taking part in this program keep a practice log here.")
        log.teacher = me
    forums = ForumSession.objects.filter(session__program=program).select_related("session").order_by("-session__date")
    initial = {}
    if log.pk is None:
        today = timezone.localdate()
        initial = {"date": today if program.contains(today) else None, "forum": request.GET.get("forum")}
    form = PracticeLogForm(
        request.POST or None,
        request.FILES or None,
        instance=log,
        program=program,
        choose_teacher=choose_teacher,
        forums=forums,
        initial=initial,
    )
    if request.method == "POST" and problem is None and form.is_valid():
        services.practice_log_save(
            log=form.instance,
            new_method_name=form.cleaned_data.get("new_method", ""),
            evidence=form.cleaned_data.get("evidence_file"),
            user=request.user,
        )
        messages.success(request, _("Practice log saved."))
        return redirect("forums:teacher_detail", program_id=program.pk, person_id=form.instance.teacher_id)
    return render_program(
        request, "forums/practice_form.html", access, {"form": form, "log": log if log.pk else None, "problem": problem}
    )


@login_required
def practice_create(request: HttpRequest, program_id: int) -> HttpResponse:
    access = program_access(request, program_id)
    access.require("log")
    return _practice_form_page(request, access, PracticeLog(program=access.program))


def _get_log(access: ProgramAccess, pk: int) -> PracticeLog:
    log = get_object_or_404(PracticeLog.objects.select_related("teacher", "method"), pk=pk, program=access.program)
    log.program = access.program
    return log


@login_required
@atomic_post
def practice_edit(request: HttpRequest, program_id: int, pk: int) -> HttpResponse:
    access = program_access(request, program_id)
    log = _get_log(access, pk)
    access.require_edit(log.created_by_id)
    return _practice_form_page(request, access, log)


@login_required
def practice_delete(request: HttpRequest, program_id: int, pk: int) -> HttpResponse:
    access = program_access(request, program_id)
    log = _get_log(access, pk)
    access.require_edit(log.created_by_id)
    teacher_url = reverse("forums:teacher_detail", args=[program_id, log.teacher_id])
    if request.method == "POST":
        services.practice_log_delete(log=log)
        messages.success(request, _("Practice log entry deleted."))
        return redirect(teacher_url)
    return render_program(request, "komunitas/confirm_delete.html", access, {"object": log, "cancel_url": teacher_url})


@login_required
def practice_evidence(request: HttpRequest, program_id: int, pk: int) -> HttpResponse:
    """The evidence file of a practice-log entry. Its pictured students are not recorded, so, unlike session
    documentation, it is shown only to those who see the program's personal data (not to district officers)."""
    access = program_access(request, program_id)
    log = _get_log(access, pk)
    if not log.evidence or not access.sees_personal_data:
        raise Http404
    return serve_private(
        log.evidence,
        content_type=log.evidence_type,
        filename=log.evidence_name or "evidence",
        inline=log.evidence_is_image,
    )


@login_required
def method_list(request: HttpRequest, program_id: int) -> HttpResponse:
    """The program's list of teaching methods, how often each was tried; teachers extend it."""
    access = program_access(request, program_id)
    program = access.program
    form = None
    if access.can_log:
        form = MethodForm(request.POST or None, program=program)
    if request.method == "POST":
        access.require("log")
        if form.is_valid():
            services.method_save(method=form.instance, user=request.user)
            messages.success(request, _("Method “%(name)s” added.") % {"name": form.instance.name})
            return redirect("forums:method_list", program_id=program.pk)
    methods = program.methods.annotate(
        tried=Count("logs", distinct=True), teachers=Count("logs__teacher", distinct=True)
    ).order_by("-active", "name")
    return render_program(request, "forums/method_list.html", access, {"methods": list(methods), "form": form})


@login_required
@atomic_post
def method_edit(request: HttpRequest, program_id: int, pk: int) -> HttpResponse:
    access = program_access(request, program_id)
    access.require("manage")
    method = get_object_or_404(Method, pk=pk, program=access.program)
    method.program = access.program
    form = MethodForm(request.POST or None, instance=method, program=access.program)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Method saved."))
        return redirect("forums:method_list", program_id=program_id)
    return render_program(request, "forums/method_form.html", access, {"form": form, "method": method})
