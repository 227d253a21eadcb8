"""The final report: what it will contain (sections to tick, texts to edit, obstacles), its HTML preview, its PDF
at the stable URL /programs/<id>/report.pdf, and the obstacles recorded during the program.

Every reader of the program may read the report (district officers too: it names no student or parent and shows
only photos allowed in the report); its texts and obstacles are edited by those who write and sign it
(``report`` capability: the facilitator and the principal)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from .. import activities, report_render, report_tasks
from ..access import program_access
from ..models import Obstacle, ReportText
from ..report import program_data
from ..report_forms import ObstacleForm, ReportTextForm
from . import atomic_post, render_program


def _sections_query(request: HttpRequest) -> str | None:
    """``?sections=a,b`` as sent, or from the page's checkboxes (``?section=a&section=b``)."""
    if "sections" in request.GET:
        return request.GET["sections"]
    if "section" in request.GET:
        return ",".join(request.GET.getlist("section"))
    return None


@login_required
@atomic_post
def report_page(request: HttpRequest, program_id: int) -> HttpResponse:
    """What the report will contain. Queries: the program's three, texts, the report's data (four), the sections'
    own (to list them), and the obstacles are those read."""
    access = program_access(request, program_id)
    program = access.program
    if request.method == "POST":
        access.require("report")
    texts = ReportText.objects.filter(program=program).first() or ReportText(program=program)
    data = program_data(program)
    form = ReportTextForm(request.POST if request.method == "POST" else None, instance=texts, defaults=data["defaults"])
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The report's texts are saved."))
        return redirect("report_page", program_id=program_id)
    sections = activities.report_sections_for(access)
    return render_program(
        request,
        "komunitas/report_page.html",
        access,
        {
            "form": form,
            "sections": sections,
            "obstacles": data["obstacles"],
            "facts": data["facts"],
        },
    )


@login_required
def report_preview(request: HttpRequest, program_id: int) -> HttpResponse:
    """The report as HTML, as it will print (photos through their checked links)."""
    access = program_access(request, program_id)
    sections = report_render.chosen_sections(_sections_query(request))
    return HttpResponse(report_render.report_html(access, sections, pdf=False, request=request))


@login_required
def report_pdf(request: HttpRequest, program_id: int) -> HttpResponse:
    """The final report. Served from storage when the school's data has not changed since it was rendered."""
    access = program_access(request, program_id)
    sections = report_render.chosen_sections(_sections_query(request))
    if request.GET.get("html"):  # what is printed: to check the print layout in a browser, and for the bench
        return HttpResponse(report_render.report_html(access, sections, request=request))
    if report_tasks.in_background() and report_tasks.state(access, sections) != "ready":
        report_tasks.start(access, sections, request.user)
        return redirect(_with_query(reverse("report_progress", args=[program_id]), request))
    pdf, stored, elapsed = report_render.report_pdf(access, sections, request=request)
    response = HttpResponse(pdf, content_type="application/pdf")
    name = slugify(f"laporan-{access.program.name}") or "laporan"
    # Opened in the browser's viewer by its stable URL; saved as a file from the report page's download buttons.
    disposition = "attachment" if request.GET.get("download") else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{name}.pdf"'
    response["Server-Timing"] = f"pdf;dur={elapsed:.0f};desc={'stored' if stored else 'rendered'}"
    return response


@login_required
def report_progress(request: HttpRequest, program_id: int) -> HttpResponse:
    """While a worker renders the report: a page that refreshes itself, then the PDF (report_tasks)."""
    access = program_access(request, program_id)
    sections = report_render.chosen_sections(_sections_query(request))
    state = report_tasks.state(access, sections) if report_tasks.in_background() else "ready"
    if state == "ready":
        return redirect(_with_query(reverse("report_pdf", args=[program_id]), request))
    if state == "missing":  # asked for by a link, or its worker restarted: start it (again)
        report_tasks.start(access, sections, request.user)
    retry = _with_query(reverse("report_pdf", args=[program_id]), request)
    context = {"failed": state == "failed", "retry": retry}
    return render_program(request, "komunitas/report_progress.html", access, context)


def _with_query(url: str, request: HttpRequest) -> str:
    return f"{url}?{request.GET.urlencode()}" if request.GET else url


# --- obstacles ----------------------------------------------------------------------------------------------------


@login_required
def obstacle_list(request: HttpRequest, program_id: int) -> HttpResponse:
    access = program_access(request, program_id)
    obstacles = list(access.program.obstacles.all())
    return render_program(request, "komunitas/obstacle_list.html", access, {"obstacles": obstacles})


@login_required
@atomic_post
def obstacle_create(request: HttpRequest, program_id: int) -> HttpResponse:
    access = program_access(request, program_id)
    access.require("report")
    program = access.program
    today = timezone.localdate()
    obstacle = Obstacle(program=program, created_by=request.user)
    initial = {"noted_on": today if program.contains(today) else program.end_date}
    form = ObstacleForm(request.POST if request.method == "POST" else None, instance=obstacle, initial=initial)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Obstacle recorded."))
        return redirect("obstacle_list", program_id=program_id)
    return render_program(request, "komunitas/obstacle_form.html", access, {"form": form, "obstacle": None})


@login_required
@atomic_post
def obstacle_edit(request: HttpRequest, program_id: int, pk: int) -> HttpResponse:
    access = program_access(request, program_id)
    access.require("report")
    obstacle = get_object_or_404(access.program.obstacles, pk=pk)
    obstacle.program = access.program
    form = ObstacleForm(request.POST if request.method == "POST" else None, instance=obstacle)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Obstacle saved."))
        return redirect("obstacle_list", program_id=program_id)
    return render_program(request, "komunitas/obstacle_form.html", access, {"form": form, "obstacle": obstacle})


@login_required
def obstacle_delete(request: HttpRequest, program_id: int, pk: int) -> HttpResponse:
    access = program_access(request, program_id)
    access.require("report")
    obstacle = get_object_or_404(access.program.obstacles, pk=pk)
    if request.method == "POST":
        obstacle.delete()
        messages.success(request, _("Obstacle deleted."))
        return redirect("obstacle_list", program_id=program_id)
    return render_program(
        request,
        "komunitas/confirm_delete.html",
        access,
        {"object": obstacle, "cancel_url": reverse("obstacle_list", args=[program_id])},
    )
