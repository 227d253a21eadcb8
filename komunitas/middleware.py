"""Indonesian unless the user chose otherwise (Indonesian is the default language).

The browser's Accept-Language is ignored: many phones and laptops in Indonesian schools are set to English,
and their users still expect the school's app in Bahasa Indonesia. The ID/EN switch sets the language cookie,
which LocaleMiddleware honours.
"""

from django.conf import settings
from django.shortcuts import render


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
