"""The analysis: triangulation per aspect, the summary table (Table 1 with measured evidence) as HTML and PDF,
the documentation gallery, and the export of every response."""

from __future__ import annotations

import time

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.text import slugify

from komunitas import activities
from komunitas.access import ProgramAccess, program_access
from komunitas.models import Attachment, Person
from komunitas.pdf import render_pdf
from komunitas.views import render_program

from .. import export
from ..analysis import Source, program_evaluation

GALLERY_PAGE = 24


def _summary_context(access: ProgramAccess) -> dict:
    evaluations = program_evaluation(access.program)
    return {
        "evaluations": evaluations,
        "principal": Person.objects.principal_of(access.program.school_id),
        "today": timezone.localdate(),
        "show_quotes": access.can("evaluate"),  # few are interviewed: a quote is as good as a name
    }


@login_required
def triangulation(request: HttpRequest, program_id: int) -> HttpResponse:
    access = program_access(request, program_id)
    context = _summary_context(access)
    context["sources"] = Source.LABELS
    return render_program(request, "evaluation/triangulation.html", access, context)


@login_required
def summary(request: HttpRequest, program_id: int) -> HttpResponse:
    access = program_access(request, program_id)
    return render_program(request, "evaluation/summary.html", access, _summary_context(access))


@login_required
def summary_pdf(request: HttpRequest, program_id: int) -> HttpResponse:
    access = program_access(request, program_id)
    context = {"program": access.program, "access": access, **_summary_context(access)}
    if request.GET.get("html"):  # the HTML that is printed: to check the print layout in a browser, and for the bench
        return HttpResponse(render_to_string("evaluation/summary_pdf.html", {**context, "pdf": True}, request=request))
    started = time.perf_counter()
    pdf = render_pdf("evaluation/summary_pdf.html", context, request=request)
    response = HttpResponse(pdf, content_type="application/pdf")
    name = slugify(f"tabel-1-{access.program.name}") or "tabel-1"
    response["Content-Disposition"] = f'inline; filename="{name}.pdf"'
    response["Server-Timing"] = f"pdf;dur={1000 * (time.perf_counter() - started):.0f}"
    return response


def aspects_of_kinds() -> dict[str, set[str]]:
    """session kind → the Table 1 aspects its activity's indicators support (for the gallery's aspect filter)."""
    found: dict[str, set[str]] = {}
    for activity in activities.activities():
        aspects = {indicator.aspect for indicator in activity.indicators}
        for kind in activity.session_types:
            found[kind.value] = aspects
    return found


@login_required
def gallery(request: HttpRequest, program_id: int) -> HttpResponse:
    """Every photo and file of the program's sessions the viewer may see, filterable by activity, week and
    aspect. Three queries (the attachments page with consents and sessions, its count, the aspects)."""
    access = program_access(request, program_id)
    program = access.program
    items = (
        Attachment.objects.filter(session__program=program)
        .with_consent()
        .filter(**access.photo_filter())
        .select_related("session")
        .order_by("-session__date", "-pk")
    )
    kind, week, aspect = request.GET.get("kind", ""), request.GET.get("week", ""), request.GET.get("aspect", "")
    kinds = activities.session_type_choices()
    if kind in {value for value, _label in kinds}:
        items = items.filter(session__kind=kind)
    if week.isdigit() and int(week[:3]) in program.week_numbers():
        start, end = program.week_range(int(week))
        items = items.filter(session__date__range=(start, end))
    aspects = list(program.aspects.exclude(key=""))
    if aspect in {a.key for a in aspects}:
        items = items.filter(session__kind__in=[k for k, found in aspects_of_kinds().items() if aspect in found])
    page = Paginator(items, GALLERY_PAGE).get_page(request.GET.get("page"))
    for item in page.object_list:
        item.session.program = program
    return render_program(
        request,
        "evaluation/gallery.html",
        access,
        {"page": page, "kinds": kinds, "weeks": program.week_numbers(), "aspects": aspects,
         "chosen": {"kind": kind, "week": week, "aspect": aspect}},
    )  # fmt: skip


@login_required
def export_xlsx(request: HttpRequest, program_id: int) -> HttpResponse:
    access = program_access(request, program_id)
    access.require("evaluate")
    response = HttpResponse(
        export.as_xlsx(access), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = 'attachment; filename="evaluasi.xlsx"'
    return response


@login_required
def export_csv(request: HttpRequest, program_id: int) -> HttpResponse:
    access = program_access(request, program_id)
    access.require("evaluate")
    response = HttpResponse(export.as_csv(access), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="evaluasi.csv"'
    return response
