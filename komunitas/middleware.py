"""Indonesian unless the user chose otherwise (Indonesian is the default language).

The browser's Accept-Language is ignored: many phones and laptops in Indonesian schools are set to English,
and their users still expect the school's app in Bahasa Indonesia. The ID/EN switch sets the language cookie,
which LocaleMiddleware honours.
"""

import ipaddress
import time

from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import render
from django.utils.cache import patch_cache_control


class IgnoreBrowserLanguageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.META.pop("HTTP_ACCEPT_LANGUAGE", None)
        return self.get_response(request)


class RequestSizeLimitMiddleware:
    """A request body larger than any form of the app takes is refused with 413 before it is read, so nobody
    fills the server's disk or ties up a worker: 1 MB for visitors who are not signed in (sign-in, password
    reset), ``REQUEST_MAX_MB`` for staff (every file of a form together). The reverse proxy should refuse the
    same (nginx: ``client_max_body_size``), so such bodies never reach the app at all."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > settings.ANONYMOUS_REQUEST_MAX_BYTES:
            limit = (
                settings.REQUEST_MAX_BYTES if request.user.is_authenticated else settings.ANONYMOUS_REQUEST_MAX_BYTES
            )
            if length > limit:
                return render(request, "413.html", {"limit_mb": limit // (1024 * 1024)}, status=413)
        return self.get_response(request)


def note_sign_in(sender, request, user, **kwargs) -> None:
    """``user_logged_in`` receiver: when the session began, for ``IdleTimeoutMiddleware``."""
    request.session["signed_in_at"] = request.session["seen_at"] = int(time.time())


class IdleTimeoutMiddleware:
    """Sign out after ``SESSION_IDLE_MINUTES`` without a request, and after ``SESSION_MAX_HOURS`` in any case (a
    shared staff-room computer left signed in). The session is written at most once a minute to note activity."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            now = int(time.time())
            started = request.session.setdefault("signed_in_at", now)
            seen = request.session.get("seen_at", now)
            if now - seen > settings.SESSION_IDLE_MINUTES * 60 or now - started > settings.SESSION_MAX_HOURS * 3600:
                logout(request)
                return redirect_to_login(request.get_full_path() if request.method == "GET" else "/")
            if now - seen >= 60 or "seen_at" not in request.session:
                request.session["seen_at"] = now
        return self.get_response(request)


class NoStoreMiddleware:
    """Pages for signed-in users hold personal data: no browser or proxy keeps a copy (the back button on a
    shared computer, a school's caching proxy)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.user.is_authenticated and not response.has_header("Cache-Control"):
            patch_cache_control(response, no_store=True, private=True)
        return response


def client_ip(request) -> str | None:
    """The client's address. Behind our reverse proxy (``BEHIND_PROXY``) it is the last X-Forwarded-For entry —
    the one the proxy appended; whatever comes before it is the client's own claim and could be anything, so a
    stranger cannot make their failed sign-ins count against someone else's address. Else REMOTE_ADDR."""
    address = request.META.get("REMOTE_ADDR")
    if settings.BEHIND_PROXY:
        hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
        if hops:
            address = hops[-1]
    try:
        return str(ipaddress.ip_address(address))
    except ValueError:
        return None
