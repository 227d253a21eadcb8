"""The public check-in at ``/c/<token>/``: no account, no JavaScript, a tiny page for a cheap phone on a slow
connection. A parent picks their name (first name and child's class only) and is present; one not on the list
writes their name and child's class for the facilitator. Guarded like the evaluation's questionnaire links: an
unknown token is a 404, a closed link or a cancelled class a clear page (410), at most
``check_in.per_network_limit()`` check-ins through a link from one network in ten minutes (429, a friendly page),
and one check-in per phone (a cookie: a best effort)."""

from __future__ import annotations

import secrets

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from komunitas.middleware import client_ip
from komunitas.models import Person, SessionStatus

from .. import check_in as services
from ..check_in_forms import AddNameForm, PickNameForm
from ..models import CheckInLink

DEVICE_COOKIE = "kp_device"


def _done(request, link: CheckInLink, device: str, *, added: bool) -> HttpResponse:
    # Post/redirect/get: reloading the thank-you page sends nothing again.
    reply = redirect(f"{link.get_absolute_url()}?sent={'new' if added else '1'}")
    reply.set_cookie(
        DEVICE_COOKIE, device, max_age=400 * 24 * 3600, httponly=True, samesite="Lax", secure=request.is_secure()
    )
    return reply


def check_in_public(request: HttpRequest, token: str) -> HttpResponse:
    link = CheckInLink.objects.select_related("session__program__school").filter(token=token[:32]).first()
    if link is None:
        raise Http404
    session = link.session
    context = {"link": link, "session": session}

    def page(template: str, status: int = 200, **more) -> HttpResponse:
        return render(request, f"parents/public_{template}.html", {**context, **more}, status=status)

    if session.status == SessionStatus.CANCELLED:
        return page("closed", 410, cancelled=True)
    if not link.is_open:
        return page("closed", 410)
    if session.in_future:  # an invitation sent ahead carries the link: it opens on the class's day
        return page("closed", not_yet=True)
    if request.method == "GET" and request.GET.get("sent"):
        return page("done", added=request.GET["sent"] == "new")
    cookie = request.COOKIES.get(DEVICE_COOKIE, "")[:64]
    device = services.digest(cookie) if cookie else ""
    if services.device_checked_in(session, device):
        return page("done", again="phone")
    adding = request.POST.get("step") == "add" if request.method == "POST" else bool(request.GET.get("add"))
    choices = [] if adding else services.parent_choices(session)
    data = request.POST if request.method == "POST" else None
    form = AddNameForm(data) if adding else PickNameForm(data, choices=choices)
    if data is not None:
        network = services.digest(client_ip(request) or "")
        if services.recent_from_network(link, network) >= services.per_network_limit():
            return page("busy", 429)
        if form.is_valid():
            cookie = cookie or secrets.token_urlsafe(24)
            fields = {"link": link, "network": network, "device": services.digest(cookie)}
            if adding:
                services.unlisted_check_in(**form.cleaned_data, **fields)
                return _done(request, link, cookie, added=True)
            person = Person.objects.get(pk=form.cleaned_data["parent"])
            try:
                services.parent_check_in(person=person, **fields)
            except services.CheckInRefused:
                return page("done", again="person")
            return _done(request, link, cookie, added=False)
    return page("add" if adding else "form", form=form, today=timezone.localdate())
