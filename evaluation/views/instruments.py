"""Instruments (observation sheets, interview guides, questionnaires) and their items. An instrument with
responses is locked: its items and scale stay as they were answered; "Make an editable copy" starts a new
version."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from komunitas.access import ProgramAccess, program_access
from komunitas.views import atomic_post, render_program

from .. import services
from ..analysis import instrument_results
from ..forms import CopyInstrumentForm, InstrumentForm, ItemForm
from ..models import Instrument, InstrumentKind, Item
from ..starter import starter_instruments_load
from .base import get_instrument, get_item

# Lazy: a module-level text is translated when shown, in the reader's language, not once at import.
LOCKED = gettext_lazy(
    "This instrument has responses, so its items and scale are locked: stored answers must keep their meaning. "
    "Make an editable copy to change them."
)


def _refuse_if_locked(request, instrument: Instrument) -> HttpResponse | None:
    if instrument.locked:
        messages.error(request, LOCKED)
        return redirect(instrument.get_absolute_url())
    return None


@login_required
def instrument_detail(request: HttpRequest, program_id: int, pk: int) -> HttpResponse:
    access = program_access(request, program_id)
    instrument = get_instrument(access, pk)
    results = instrument_results(instrument)
    links = list(instrument.links.all()[:5]) if access.can_manage else []
    return render_program(
        request,
        "evaluation/instrument_detail.html",
        access,
        {"instrument": instrument, "results": results, "links": links, "locked_message": LOCKED},
    )


def _instrument_form_page(request, access: ProgramAccess, instrument: Instrument, *, is_new: bool):
    form = InstrumentForm(request.POST or None, instance=instrument)
    if request.method == "POST" and form.is_valid():
        instrument = form.save(commit=False)
        if is_new:
            instrument.created_by = request.user
        instrument.save()
        messages.success(request, _("Instrument created. Now add its items.") if is_new else _("Instrument saved."))
        return redirect(instrument.get_absolute_url())
    return render_program(
        request, "evaluation/instrument_form.html", access, {"form": form, "instrument": instrument, "is_new": is_new}
    )


@login_required
def instrument_create(request: HttpRequest, program_id: int) -> HttpResponse:
    access = program_access(request, program_id)
    access.require("manage")
    kind = request.GET.get("kind")
    instrument = Instrument(program=access.program, kind=kind if kind in InstrumentKind.values else "")
    return _instrument_form_page(request, access, instrument, is_new=True)


@login_required
@atomic_post
def instrument_edit(request: HttpRequest, program_id: int, pk: int) -> HttpResponse:
    access = program_access(request, program_id)
    instrument = get_instrument(access, pk)
    access.require("manage")
    return _instrument_form_page(request, access, instrument, is_new=False)


@login_required
def instrument_delete(request: HttpRequest, program_id: int, pk: int) -> HttpResponse:
    access = program_access(request, program_id)
    instrument = get_instrument(access, pk)
    access.require("manage")
    if instrument.locked:
        messages.error(request, _("An instrument with responses cannot be deleted: its answers are evidence."))
        return redirect(instrument.get_absolute_url())
    if request.method == "POST":
        instrument.delete()
        messages.success(request, _("Instrument “%(title)s” deleted.") % {"title": instrument.title})
        return redirect("evaluation:index", program_id=program_id)
    return render_program(
        request,
        "komunitas/confirm_delete.html",
        access,
        {
            "object": instrument,
            "warning": _("Its items and links go with it."),
            "cancel_url": instrument.get_absolute_url(),
        },
    )


@login_required
@require_POST
def instrument_copy(request: HttpRequest, program_id: int, pk: int) -> HttpResponse:
    """An editable copy in the same program: the next version of a locked instrument."""
    access = program_access(request, program_id)
    instrument = get_instrument(access, pk)
    access.require("manage")
    copy = services.instrument_copy(
        instrument=instrument, program=access.program, user=request.user,
        title=_("%(title)s (new version)") % {"title": instrument.title},
    )  # fmt: skip
    messages.success(request, _("Copy made: change it here; the answers given so far stay with the original."))
    return redirect(copy.get_absolute_url())


@login_required
def instrument_import(request: HttpRequest, program_id: int) -> HttpResponse:
    """Copy an instrument from another program of the same school."""
    access = program_access(request, program_id)
    access.require("manage")
    others = (
        Instrument.objects.filter(program__school_id=access.program.school_id)
        .exclude(program=access.program)
        .select_related("program")
        .order_by("program__name", "title")
    )
    form = CopyInstrumentForm(request.POST or None, instruments=others)
    if request.method == "POST" and form.is_valid():
        copy = services.instrument_copy(
            instrument=form.cleaned_data["instrument"], program=access.program, user=request.user
        )
        messages.success(request, _("Instrument “%(title)s” copied into this program.") % {"title": copy.title})
        return redirect(copy.get_absolute_url())
    return render_program(
        request, "evaluation/instrument_import.html", access, {"form": form, "has_others": others.exists()}
    )


@login_required
@require_POST
def starter_load(request: HttpRequest, program_id: int) -> HttpResponse:
    access = program_access(request, program_id)
    access.require("manage")
    created = starter_instruments_load(access.program, user=request.user)
    if created:
        messages.success(
            request, _("%(n)s starter instruments added: adapt their wording to your school.") % {"n": len(created)}
        )
    else:
        messages.info(request, _("The program has every starter instrument already."))
    return redirect("evaluation:index", program_id=program_id)


# --- items -----------------------------------------------------------------------------------------------------


def _item_form_page(request, access: ProgramAccess, item: Item, *, is_new: bool) -> HttpResponse:
    instrument = item.instrument
    form = ItemForm(request.POST or None, instance=item, program=access.program)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Item added.") if is_new else _("Item saved."))
        if is_new and "another" in request.POST:
            return redirect("evaluation:item_create", program_id=access.program.pk, pk=instrument.pk)
        return redirect(instrument.get_absolute_url())
    return render_program(
        request,
        "evaluation/item_form.html",
        access,
        {"form": form, "item": item, "instrument": instrument, "is_new": is_new},
    )


@login_required
def item_create(request: HttpRequest, program_id: int, pk: int) -> HttpResponse:
    access = program_access(request, program_id)
    instrument = get_instrument(access, pk)
    access.require("manage")
    if refused := _refuse_if_locked(request, instrument):
        return refused
    order = (instrument.items.order_by("-order").values_list("order", flat=True).first() or 0) + 1
    return _item_form_page(request, access, Item(instrument=instrument, order=order), is_new=True)


@login_required
@atomic_post
def item_edit(request: HttpRequest, program_id: int, pk: int) -> HttpResponse:
    access = program_access(request, program_id)
    item = get_item(access, pk)
    access.require("manage")
    if refused := _refuse_if_locked(request, item.instrument):
        return refused
    return _item_form_page(request, access, item, is_new=False)


@login_required
def item_delete(request: HttpRequest, program_id: int, pk: int) -> HttpResponse:
    access = program_access(request, program_id)
    item = get_item(access, pk)
    access.require("manage")
    if refused := _refuse_if_locked(request, item.instrument):
        return refused
    if request.method == "POST":
        item.delete()
        messages.success(request, _("Item deleted."))
        return redirect(item.instrument.get_absolute_url())
    return render_program(
        request,
        "komunitas/confirm_delete.html",
        access,
        {"object": item, "cancel_url": reverse("evaluation:instrument_detail", args=[program_id, item.instrument_id])},
    )
