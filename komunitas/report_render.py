"""The final report as a PDF, rendered once per version of the school's data and kept in storage.

A render costs seconds (WeasyPrint lays out twenty-odd pages with photos); a report read again before anything
changed is the same document. So the PDF is stored under ``MEDIA_ROOT/cache/reports/<program>/`` with a name
made of what it depends on:

- the school's data token (``access.program.data_token``, komunitas/freshness.py): it changes in the
  transaction of every write to the school's data, so a stored report is never older than the data it shows;
- the day (the report is dated, and a session planned for a day now past counts as missed);
- the language, the sections chosen, the templates and translations deployed (``freshness.deployment()``), and
  ``CODE_VERSION`` (raise it when the report's Python code changes what a report looks like).

The report is the same for every reader (komunitas/report.py), so the key holds no user or role. When a new
report is stored, the program's reports of an older data version are removed, and at most ``KEEP`` variants
(languages, choices of sections) are kept: storage stays bounded whatever ``?sections=`` anyone sends.

Rendering is bounded too: the photos (``report.APPENDIX_PHOTOS``, ``activities.REPORT_PHOTOS_PER_SECTION``),
each embedded as a print copy of about 1200 px (komunitas/print_images.py), and the rows of the long tables.
It runs in the request (a background worker, django-tasks, is not needed at these sizes: README, "The final
report").
"""

from __future__ import annotations

import hashlib
import re
import time

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import get_language

from . import freshness
from .access import ProgramAccess
from .pdf import html_to_pdf
from .report import report_context

CODE_VERSION = "1"
FOLDER = "cache/reports"
KEEP = 6
TEMPLATE = "komunitas/report_print.html"
KEY = re.compile(r"^[a-z0-9_.-]{1,40}$")
MAX_SECTIONS = 40


def chosen_sections(raw: str | None) -> frozenset[str] | None:
    """The section keys from ``?sections=a,b`` (None when absent: every section). Keys that are not keys are
    dropped; an unknown key simply matches no section."""
    if raw is None:
        return None
    keys = [key.strip() for key in raw.split(",")]
    return frozenset(key for key in keys[:MAX_SECTIONS] if KEY.match(key))


def _data_part(access: ProgramAccess) -> str:
    code = f"{CODE_VERSION}.{freshness.deployment()}"
    data = f"{code}|{access.program.pk}|{access.program.data_token}|{timezone.localdate().isoformat()}"
    return hashlib.sha256(data.encode()).hexdigest()[:16]


def stored_name(access: ProgramAccess, sections: frozenset[str] | None) -> str:
    """Where this report, for this data, language and choice of sections, is (or will be) stored."""
    chosen = "*" if sections is None else ",".join(sorted(sections))
    variant = hashlib.sha256(f"{get_language()}|{chosen}".encode()).hexdigest()[:16]
    return f"{FOLDER}/{access.program.pk}/{_data_part(access)}-{variant}.pdf"


def report_html(access: ProgramAccess, sections: frozenset[str] | None, *, pdf: bool = True, request=None) -> str:
    """The report's HTML: what is printed (``pdf``), or the preview for a browser (photos through their checked
    URLs instead of their print copies)."""
    context = report_context(access, None if sections is None else set(sections), pdf=pdf)
    return render_to_string(TEMPLATE, {**context, "access": access}, request=request)


def report_pdf(access: ProgramAccess, sections: frozenset[str] | None, request=None) -> tuple[bytes, bool, float]:
    """The report's PDF: (bytes, whether it came from storage, milliseconds spent rendering)."""
    name = stored_name(access, sections)
    if default_storage.exists(name):
        with default_storage.open(name, "rb") as stored:
            return stored.read(), True, 0.0
    started = time.perf_counter()
    pdf = html_to_pdf(report_html(access, sections, request=request))
    elapsed = 1000 * (time.perf_counter() - started)
    _store(access, name, pdf)
    return pdf, False, elapsed


def _store(access: ProgramAccess, name: str, pdf: bytes) -> None:
    folder = f"{FOLDER}/{access.program.pk}"
    current = _data_part(access)
    try:
        _dirs, files = default_storage.listdir(folder)
    except FileNotFoundError:
        files = []
    mine = sorted(
        (name for name in files if name.startswith(current)),
        key=lambda file: default_storage.get_modified_time(f"{folder}/{file}"),
    )
    stale = [file for file in files if not file.startswith(current)] + mine[: max(0, len(mine) - KEEP + 1)]
    for file in stale:
        default_storage.delete(f"{folder}/{file}")
    if default_storage.exists(name):  # a render running at the same time stored it first: the same document
        return
    default_storage.save(name, ContentFile(pdf))


def forget(program_id: int) -> None:
    """Remove every stored report of a program (the benchmark times renders, not reads)."""
    folder = f"{FOLDER}/{program_id}"
    try:
        _dirs, files = default_storage.listdir(folder)
    except FileNotFoundError:
        return
    for file in files:
        default_storage.delete(f"{folder}/{file}")
