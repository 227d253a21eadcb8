"""Questionnaire links: the facilitator opens a link (and its QR code) for a phase; parents and students answer at
``/q/<token>/`` without an account, on a tiny page that needs no JavaScript. A link stops working when it
expires or is revoked; "once per device" refuses a second answer from the same phone (a cookie: a
best effort, said so on the instrument's form); a network may send at most ``QUESTIONNAIRE_PER_NETWORK``
answers in ten minutes (a whole class answers from one school network, so the limit is generous)."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import io
import secrets

import segno
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from komunitas.access import program_access
from komunitas.middleware import client_ip
from komunitas.views import render_program

from .. import services
from ..forms import AnswersForm, LinkForm
from ..models import InstrumentKind, Phase, QuestionnaireLink, Response
from .base import get_instrument

DEVICE_COOKIE = "kq_device"
RATE_WINDOW = dt.timedelta(minutes=10)


def _digest(value: str) -> str:
    return hmac.new(settings.SECRET_KEY.encode(), value.encode(), hashlib.sha256).hexdigest()


@login_required
def link_list(request: HttpRequest, program_id: int, pk: int) -> HttpResponse:
    access = program_access(request, program_id)
    instrument = get_instrument(access, pk)
    access.require("manage")
    if instrument.kind != InstrumentKind.QUESTIONNAIRE:
        raise Http404
    default_end = timezone.localtime().replace(hour=23, minute=59, second=0, microsecond=0) + dt.timedelta(days=6)
    phase = Phase.ENDLINE if instrument.links.filter(phase=Phase.BASELINE).exists() else Phase.BASELINE
    form = LinkForm(request.POST or None, initial={"expires_at": default_end, "phase": phase})
    if request.method == "POST" and form.is_valid():
        link = form.save(commit=False)
        link.instrument, link.created_by = instrument, request.user
        link.save()
        messages.success(request, _("Link opened. Show its QR code or send the link."))
        return redirect("evaluation:link_list", program_id=program_id, pk=pk)
    links = list(instrument.links.annotate(answer_count=Count("responses")))
    for link in links:
        link.url = request.build_absolute_uri(link.get_absolute_url())
    return render_program(
        request, "evaluation/link_list.html", access, {"instrument": instrument, "links": links, "form": form}
    )


def _get_link(access, pk: int) -> QuestionnaireLink:
    return get_object_or_404(
        QuestionnaireLink.objects.select_related("instrument"), pk=pk, instrument__program=access.program
    )


@login_required
@require_POST
def link_revoke(request: HttpRequest, program_id: int, pk: int) -> HttpResponse:
    access = program_access(request, program_id)
    link = _get_link(access, pk)
    access.require("manage")
    services.link_revoke(link)
    messages.success(request, _("Link closed: it no longer accepts answers."))
    return redirect("evaluation:link_list", program_id=program_id, pk=link.instrument_id)


@login_required
def link_qr(request: HttpRequest, program_id: int, pk: int) -> HttpResponse:
    """The link's QR code as SVG, to show on a projector or print."""
    access = program_access(request, program_id)
    link = _get_link(access, pk)
    access.require("manage")
    qr = segno.make(request.build_absolute_uri(link.get_absolute_url()), error="m")
    out = io.BytesIO()
    qr.save(out, kind="svg", scale=8, title=str(link.instrument))  # a whole SVG document (with its xmlns)
    return HttpResponse(out.getvalue(), content_type="image/svg+xml")


# --- the public page -------------------------------------------------------------------------------------------


def _closed(request, link, status=410):
    return render(request, "evaluation/public_closed.html", {"link": link}, status=status)


def questionnaire_public(request: HttpRequest, token: str) -> HttpResponse:
    link = QuestionnaireLink.objects.select_related("instrument__program__school").filter(token=token[:32]).first()
    if link is None:
        raise Http404
    if not link.is_open:
        return _closed(request, link)
    instrument = link.instrument
    if request.method == "GET" and request.GET.get("sent"):
        return render(request, "evaluation/public_done.html", {"link": link})
    device = request.COOKIES.get(DEVICE_COOKIE, "")[:64]
    device_digest = _digest(device) if device else ""
    if (
        instrument.once_per_device
        and device_digest
        and Response.objects.filter(instrument=instrument, phase=link.phase, device=device_digest).exists()
    ):
        return render(request, "evaluation/public_done.html", {"link": link, "again": True})
    items = list(instrument.items.all())
    form = AnswersForm(request.POST or None, instrument=instrument, items=items)
    if request.method == "POST":
        network = _digest(client_ip(request) or "")
        recent = Response.objects.filter(link__instrument__program=instrument.program_id, network=network,
                                         created_at__gte=timezone.now() - RATE_WINDOW)  # fmt: skip
        if recent.count() >= settings.QUESTIONNAIRE_PER_NETWORK:
            return render(request, "evaluation/public_busy.html", {"link": link}, status=429)
        if form.is_valid() and form.answers():
            device = device or secrets.token_urlsafe(24)
            services.response_record(
                instrument=instrument, answers=form.answers(), phase=link.phase, date=timezone.localdate(),
                link=link, device=_digest(device), network=network,
            )  # fmt: skip
            # Post/redirect/get: reloading the thank-you page does not send the answers again.
            reply = redirect(f"{link.get_absolute_url()}?sent=1")
            reply.set_cookie(
                DEVICE_COOKIE, device, max_age=400 * 24 * 3600, httponly=True, samesite="Lax",
                secure=request.is_secure(),
            )  # fmt: skip
            return reply
        if form.is_valid():
            form.add_error(None, _("Nothing is answered yet."))
    return render(request, "evaluation/public_form.html", {"link": link, "instrument": instrument, "form": form})
