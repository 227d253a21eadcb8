"""Programs: the user's programs, a new school or program, the dashboard, settings, stages and checklists."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from .. import dashboard, services
from ..access import can_register_school, program_access, schools_user_can_manage
from ..forms import ChecklistItemForm, ProgramCreateForm, ProgramSettingsForm, StageForm
from ..models import ChecklistItem, Program, Stage
from ..school_forms import SchoolForm
from . import atomic_post, render_program


@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """200 when the app and its database answer; 503 (for the load balancer) when the database does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return JsonResponse({"status": "database unavailable"}, status=503)
    return JsonResponse({"status": "ok"})


@login_required
def home(request: HttpRequest) -> HttpResponse:
    programs = list(Program.objects.visible_to(request.user).select_related("school__district"))
    if len(programs) == 1 and "all" not in request.GET:
        return redirect(programs[0])
    return render(
        request,
        "komunitas/home.html",
        {
            "programs": programs,
            "can_create": schools_user_can_manage(request.user).exists(),
            "can_register_school": can_register_school(request.user),
        },
    )


@login_required
def school_create(request: HttpRequest) -> HttpResponse:
    if not can_register_school(request.user):
        raise PermissionDenied
    form = SchoolForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        school = services.school_create(
            name=form.cleaned_data["name"],
            district=form.district(),
            address=form.cleaned_data["address"],
            npsn=form.cleaned_data["npsn"],
            creator=request.user,
        )
        messages.success(request, _("School “%(name)s” registered. You are its facilitator.") % {"name": school})
        return redirect(f"{reverse('program_create')}?school={school.pk}")
    return render(request, "komunitas/school_form.html", {"form": form})


@login_required
def program_create(request: HttpRequest) -> HttpResponse:
    schools = schools_user_can_manage(request.user)
    if not schools.exists():
        raise PermissionDenied
    initial = {"weeks": 10, "start_date": timezone.localdate()}
    if request.GET.get("school"):
        initial["school"] = request.GET["school"]
    form = ProgramCreateForm(request.POST or None, schools=schools, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        program = services.program_create(
            school=data["school"],
            name=data["name"],
            start_date=data["start_date"],
            weeks=data["weeks"],
            cycle=data["cycle"],
            description=data["description"],
            guided=True,
        )
        messages.success(request, _("Program created with its stages. Next: the first steps, one by one."))
        return redirect("program_setup", program_id=program.pk)
    return render(request, "komunitas/program_create.html", {"form": form})


@login_required
def program_dashboard(request: HttpRequest, program_id: int) -> HttpResponse:
    """The header and the stage's checklist (with its forms) are the request's own; everything below comes from
    ``dashboard.panels_html``, cached until the school's data changes."""
    access = program_access(request, program_id)
    program = access.program
    today = timezone.localdate()
    stages = dashboard.stages_with_checklists(access)
    # Before the start, the first stage's checklist is what needs doing now.
    stage = program.stage_on(max(today, program.start_date), stages)
    return render_program(
        request,
        "komunitas/program_dashboard.html",
        access,
        {
            "week": program.current_week(today),
            "stages": stages,
            "stage": stage,
            "todo": [item for item in stage.checklist.all() if not item.done] if stage else [],
            "finished": today > program.end_date,
            "panels_html": dashboard.panels_html(access),
        },
    )


@login_required
@atomic_post
def program_settings(request: HttpRequest, program_id: int) -> HttpResponse:
    access = program_access(request, program_id)
    access.require("settings")
    form = ProgramSettingsForm(request.POST or None, instance=access.program)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Program settings saved."))
        return redirect("program_stages", program_id=program_id)
    return render_program(request, "komunitas/program_settings.html", access, {"form": form})


@login_required
def program_stages(request: HttpRequest, program_id: int) -> HttpResponse:
    access = program_access(request, program_id)
    stages = list(access.program.stages.prefetch_related("checklist"))
    return render_program(
        request,
        "komunitas/program_stages.html",
        access,
        {
            "stages": stages,
            "add_form": ChecklistItemForm(),
        },
    )


@login_required
@atomic_post
def stage_edit(request: HttpRequest, program_id: int, stage_id: int) -> HttpResponse:
    access = program_access(request, program_id)
    access.require("settings")
    stage = get_object_or_404(access.program.stages, pk=stage_id)
    stage.program = access.program
    form = StageForm(request.POST or None, instance=stage)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Stage saved."))
        return redirect("program_stages", program_id=program_id)
    return render_program(request, "komunitas/stage_form.html", access, {"form": form, "stage": stage})


@login_required
def stage_create(request: HttpRequest, program_id: int) -> HttpResponse:
    access = program_access(request, program_id)
    access.require("settings")
    program = access.program
    next_order = (program.stages.order_by("-order").values_list("order", flat=True).first() or 0) + 1
    stage = Stage(program=program, order=next_order)
    form = StageForm(
        request.POST or None, instance=stage, initial={"start_date": program.start_date, "end_date": program.end_date}
    )
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Stage added."))
        return redirect("program_stages", program_id=program_id)
    return render_program(request, "komunitas/stage_form.html", access, {"form": form, "stage": None})


@login_required
def stage_delete(request: HttpRequest, program_id: int, stage_id: int) -> HttpResponse:
    access = program_access(request, program_id)
    access.require("settings")
    stage = get_object_or_404(access.program.stages, pk=stage_id)
    if request.method == "POST":
        stage.delete()
        messages.success(request, _("Stage “%(name)s” deleted.") % {"name": stage.name})
        return redirect("program_stages", program_id=program_id)
    return render_program(
        request,
        "komunitas/confirm_delete.html",
        access,
        {
            "object": stage,
            "cancel_url": reverse("program_stages", args=[program_id]),
            "warning": _("Its checklist is deleted with it."),
        },
    )


@login_required
@require_POST
def checklist_add(request: HttpRequest, program_id: int, stage_id: int) -> HttpResponse:
    access = program_access(request, program_id)
    access.require("settings")
    stage = get_object_or_404(access.program.stages, pk=stage_id)
    form = ChecklistItemForm(request.POST)
    if form.is_valid():
        stage.checklist.create(text=form.cleaned_data["text"], order=stage.checklist.count())
        messages.success(request, _("Task added."))
    else:
        messages.error(request, _("Write the task before adding it."))
    return redirect("program_stages", program_id=program_id)


@login_required
@require_POST
def checklist_toggle(request: HttpRequest, program_id: int, item_id: int) -> HttpResponse:
    access = program_access(request, program_id)
    access.require("settings")
    item = get_object_or_404(ChecklistItem, pk=item_id, stage__program=access.program)
    services.checklist_toggle(item=item, user=request.user)
    next_url = request.POST.get("next")
    if next_url == "dashboard":
        return redirect(access.program)
    return redirect("program_stages", program_id=program_id)


@login_required
@require_POST
def checklist_delete(request: HttpRequest, program_id: int, item_id: int) -> HttpResponse:
    access = program_access(request, program_id)
    access.require("settings")
    item = get_object_or_404(ChecklistItem, pk=item_id, stage__program=access.program)
    item.delete()
    messages.success(request, _("Task removed."))
    return redirect("program_stages", program_id=program_id)


@login_required
def section_placeholder(request: HttpRequest, program_id: int, section: str, title: str) -> HttpResponse:
    """The activity sections not built yet: a page that says what will be here."""
    access = program_access(request, program_id)
    return render_program(request, "komunitas/section_placeholder.html", access, {"section": section, "title": title})
