"""Every PDF of the product (the evaluation's summary table, the final report) is rendered here, from an HTML
template, with WeasyPrint — so a page and its PDF share one template and one set of charts (SVG).

WeasyPrint fetches what the HTML links to. Ours fetches only our own files: ``/static/…`` from the static files
(collected or not) and ``/media/…`` from the uploaded files, both resolved inside their folder; and ``data:``
URLs. Anything else — the network, ``file://``, a path that climbs out with ``..`` — is refused, so no text a
user typed can make the server read a file or call a URL while printing.
"""

from __future__ import annotations

import mimetypes
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils._os import safe_join

BASE_URL = "https://komunitas.pdf/"  # a host nobody serves: relative links resolve against it, nothing more


class Refused(ValueError):
    """A URL the PDF may not fetch."""


def local_file(url: str) -> Path:
    """The file on this server that ``url`` (as WeasyPrint resolved it) names, or Refused."""
    parts = urlsplit(url)
    if f"{parts.scheme}://{parts.netloc}/" != BASE_URL:
        raise Refused(f"not one of our files: {url[:100]}")
    path = unquote(parts.path)
    try:
        if path.startswith(settings.STATIC_URL):
            name = path.removeprefix(settings.STATIC_URL)
            found = finders.find(name) if ".." not in Path(name).parts else None
            if not found and settings.STATIC_ROOT:
                found = safe_join(settings.STATIC_ROOT, name)
            file = Path(found) if found else None
        elif path.startswith("/media/"):
            file = Path(safe_join(settings.MEDIA_ROOT, path.removeprefix("/media/")))
        else:
            file = None
    except Exception as error:  # safe_join's SuspiciousFileOperation: a path out of its folder
        raise Refused(f"outside our files: {url[:100]}") from error
    if file is None or not file.is_file():
        raise Refused(f"no such file: {url[:100]}")
    return file


def _fetcher():
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class OwnFilesOnly(URLFetcher):
        def fetch(self, url, headers=None):
            if url.startswith("data:"):
                return super().fetch(url, headers)
            file = local_file(url)
            media_type = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
            return URLFetcherResponse(url, file.read_bytes(), headers={"Content-Type": media_type})

    return OwnFilesOnly(allowed_protocols=["https", "data"])


def html_to_pdf(html: str) -> bytes:
    from weasyprint import HTML

    return HTML(string=html, base_url=BASE_URL, url_fetcher=_fetcher()).write_pdf()


def render_pdf(template: str, context: dict, request=None) -> bytes:
    """The template rendered (with ``pdf`` true in its context, for what differs on paper) as a PDF."""
    return html_to_pdf(render_to_string(template, {**context, "pdf": True}, request=request))
