"""The evaluation's front page (what is measured with what, how many answers so far) and Table 1's aspects."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from komunitas.access import program_access
from komunitas.views import atomic_post, render_program

from ..forms import AspectForm
from ..models import Aspect, InstrumentKind
from ..starter import aspects_create
from .responses import may_record


@login_required
def index(request: HttpRequest, program_id: int) -> HttpResponse:
    access = program_access(request, program_id)
    program = access.program
    instruments = list(
        program.instruments.annotate(
            response_count=Count("responses", distinct=True), item_count=Count("items", distinct=True)
        )
    )
    groups = [
        (kind, label, [instrument for instrument in instruments if instrument.kind == kind])
        for kind, label in InstrumentKind.choices
    ]
    aspects = list(program.aspects.annotate(item_count=Count("items")))
    return render_program(
        request,
        "evaluation/index.html",
        access,
        {
            "groups": groups,
            "aspects": aspects,
            "has_instruments": bool(instruments),
            "for_me": [
                i for i in instruments if may_record(access, i, own=True) and i.kind == InstrumentKind.QUESTIONNAIRE
            ],
        },
    )


@login_required
def aspect_list(request: HttpRequest, program_id: int) -> HttpResponse:
    access = program_access(request, program_id)
    aspects = list(access.program.aspects.annotate(item_count=Count("items")))
    return render_program(request, "evaluation/aspect_list.html", access, {"aspects": aspects})


def _aspect_form_page(request, access, aspect: Aspect, *, is_new: bool) -> HttpResponse:
    form = AspectForm(request.POST or None, instance=aspect)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Aspect added.") if is_new else _("Aspect saved."))
        return redirect("evaluation:aspect_list", program_id=access.program.pk)
    return render_program(
        request, "evaluation/aspect_form.html", access, {"form": form, "aspect": aspect, "is_new": is_new}
    )


@login_required
def aspect_create(request: HttpRequest, program_id: int) -> HttpResponse:
    access = program_access(request, program_id)
    access.require("manage")
    order = (access.program.aspects.order_by("-order").values_list("order", flat=True).first() or 0) + 1
    return _aspect_form_page(request, access, Aspect(program=access.program, order=order), is_new=True)


@login_required
@atomic_post
def aspect_edit(request: HttpRequest, program_id: int, pk: int) -> HttpResponse:
    access = program_access(request, program_id)
    aspect = get_object_or_404(access.program.aspects, pk=pk)
    access.require("manage")
    return _aspect_form_page(request, access, aspect, is_new=False)


@login_required
def aspect_delete(request: HttpRequest, program_id: int, pk: int) -> HttpResponse:
    access = program_access(request, program_id)
    aspect = get_object_or_404(access.program.aspects.annotate(item_count=Count("items")), pk=pk)
    access.require("manage")
    if aspect.items.filter(instrument__responses__isnull=False).exists():
        # Its answered items could never be linked again (their instrument is locked): the evidence would lose it.
        messages.error(
            request,
            _("Answered items are linked to “%(name)s”, so it stays: edit its wording instead.")
            % {"name": aspect.name},
        )
        return redirect("evaluation:aspect_list", program_id=program_id)
    if request.method == "POST":
        aspect.delete()
        messages.success(request, _("Aspect “%(name)s” deleted.") % {"name": aspect.name})
        return redirect("evaluation:aspect_list", program_id=program_id)
    warning = _("It leaves the summary table.")
    if aspect.item_count:
        warning += " " + _("%(n)s items are linked to it; they stay, linked to no aspect.") % {"n": aspect.item_count}
    return render_program(
        request,
        "komunitas/confirm_delete.html",
        access,
        {"object": aspect, "warning": warning, "cancel_url": reverse("evaluation:aspect_list", args=[program_id])},
    )


@login_required
@require_POST
def aspects_restore(request: HttpRequest, program_id: int) -> HttpResponse:
    """Bring back the study's rows that were deleted (those the program has keep their wording)."""
    access = program_access(request, program_id)
    access.require("manage")
    added = aspects_create(access.program)
    messages.success(request, _("%(n)s of the study's aspects added.") % {"n": len(added)})
    return redirect("evaluation:aspect_list", program_id=program_id)
