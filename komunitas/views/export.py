"""The program's data for analysis: a page listing its tables, the whole as XLSX (``export.xlsx``, a stable URL)
and each table as CSV. What goes in is ``komunitas.export.program_sheets``: every app's declared tables, those
with children's data only for who may see them."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.text import slugify

from ..access import program_access
from ..export import csv_text, program_sheets, workbook
from . import render_program


@login_required
def export_page(request: HttpRequest, program_id: int) -> HttpResponse:
    access = program_access(request, program_id)
    sheets = program_sheets(access)
    return render_program(request, "komunitas/export.html", access, {"sheets": sheets})


@login_required
def export_xlsx(request: HttpRequest, program_id: int) -> HttpResponse:
    access = program_access(request, program_id)
    sheets = program_sheets(access)
    response = HttpResponse(
        workbook([(sheet.title, sheet.rows) for sheet in sheets]),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    name = slugify(access.program.name) or "program"
    response["Content-Disposition"] = f'attachment; filename="{name}.xlsx"'
    return response


@login_required
def export_csv(request: HttpRequest, program_id: int, key: str) -> HttpResponse:
    access = program_access(request, program_id)
    sheet = next((sheet for sheet in program_sheets(access) if sheet.key == key), None)
    if sheet is None:  # unknown, or one the viewer may not have
        raise Http404
    response = HttpResponse(csv_text(sheet.rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{key}.csv"'
    return response
