"""The school's details as its reports show them (name, NPSN, address, logo), edited from any of its programs."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from ..access import program_access
from ..school_forms import SchoolDetailsForm
from ..uploads import serve_private
from . import atomic_post, render_program


@login_required
@atomic_post
def school_edit(request: HttpRequest, program_id: int) -> HttpResponse:
    access = program_access(request, program_id)
    access.require("settings")
    school = access.program.school
    form = SchoolDetailsForm(request.POST or None, request.FILES or None, instance=school)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The school's details are saved."))
        return redirect("program_stages", program_id)
    return render_program(request, "komunitas/school_edit.html", access, {"form": form, "school": school})


@login_required
def school_logo(request: HttpRequest, program_id: int) -> HttpResponse:
    """The school's logo, for whoever may read its programs (a logo is no one's personal data)."""
    school = program_access(request, program_id).program.school
    if not school.logo:
        raise Http404
    content_type = "image/png" if school.logo.name.endswith(".png") else "image/jpeg"
    return serve_private(school.logo, content_type=content_type, filename=f"logo.{school.logo.name[-3:]}", inline=True)
