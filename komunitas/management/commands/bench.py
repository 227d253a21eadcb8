"""python manage.py bench: page timings and query counts at demo scale, in a transaction rolled back at the end.

The database is left as it was: the extra schools are seeded inside one transaction that is undone, and
generated photos go to a temporary folder.
"""

import io
import statistics
import tempfile
import time

from django.core.cache import cache
from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings
from django.urls import reverse
from django.utils import timezone

from komunitas import activities, demo, report_render
from komunitas.models import Program


def _pages(pdf: bytes) -> int | str:
    try:
        from pypdf import PdfReader
    except ImportError:  # a development dependency
        return "?"
    return len(PdfReader(io.BytesIO(pdf)).pages)


class Rollback(Exception):
    pass


class Command(BaseCommand):
    help = (
        "Measures the main pages (median and 95th-percentile time, queries) on the demo data plus N extra "
        "schools, then rolls everything back. Figures go in the README's Performance section."
    )

    def add_arguments(self, parser):
        parser.add_argument("--schools", type=int, default=5, help="Extra demo schools seeded first (default 5).")
        parser.add_argument("--repeat", type=int, default=20, help="Requests per page (default 20).")

    def handle(self, *args, schools: int, repeat: int, **options):
        with tempfile.TemporaryDirectory() as media, override_settings(MEDIA_ROOT=media, ALLOWED_HOSTS=["localhost"]):
            try:
                with transaction.atomic():
                    self._run(schools, repeat)
                    raise Rollback
            except Rollback:
                pass

    def _run(self, schools: int, repeat: int) -> None:
        started = time.perf_counter()
        demo.seed(today=timezone.localdate(), schools=schools)
        self.stdout.write(f"seed_demo with {schools} extra schools: {time.perf_counter() - started:.1f} s")
        program = Program.objects.get(school__name=demo.FIRST_SCHOOL, name=demo.PROGRAM_NAME)
        session = program.sessions.filter(status="held").first()
        client = Client(HTTP_HOST="localhost")
        from django.contrib.auth import get_user_model

        client.force_login(get_user_model().objects.get(username="fasilitator"))
        pages = {
            # Cold: its panels computed (the cache emptied before each request); cached: as most Mondays read it.
            "dashboard (cold)": reverse("program_dashboard", args=[program.pk]),
            "dashboard (cached)": reverse("program_dashboard", args=[program.pk]),
            "people (roster)": reverse("people_list", args=[program.pk]),
            "schedule": reverse("schedule", args=[program.pk]),
            "schedule.ics": reverse("schedule_ics", args=[program.pk]),
            "session detail": reverse("session_detail", args=[program.pk, session.pk]),
            "attendance form": reverse("attendance_edit", args=[program.pk, session.pk]),
            "daftar hadir": reverse("attendance_print", args=[program.pk, session.pk]),
            "audit log": reverse("audit_log", args=[program.pk]),
            "a person's data": reverse("person_data", args=[program.pk, session.attendance.first().person_id]),
        }
        pages.update(activities.bench_pages(program))
        self.stdout.write(f"{'page':<24} {'median ms':>10} {'p95 ms':>8} {'queries':>8}")
        pdfs = []
        for name, url in pages.items():
            client.get(url)  # warm caches (templates, translations, fonts)
            timings = []
            is_pdf = url.endswith(".pdf")
            if is_pdf:
                pdfs.append((name, url))
            for _ in range(min(repeat, 5) if is_pdf else repeat):
                if is_pdf:  # a stored report is served at once: time the render
                    report_render.forget(program.pk)
                if name.endswith("(cold)"):
                    cache.clear()
                with CaptureQueriesContext(connection) as queries:
                    begin = time.perf_counter()
                    response = client.get(url)
                    timings.append((time.perf_counter() - begin) * 1000)
                assert response.status_code == 200, (url, response.status_code)
            timings.sort()
            p95 = timings[max(0, int(len(timings) * 0.95) - 1)]
            self.stdout.write(f"{name:<24} {statistics.median(timings):>10.1f} {p95:>8.1f} {len(queries):>8}")
            if is_pdf:
                size = len(response.content) / 1_000_000
                self.stdout.write(f"{name + ' size':<24} {size:>10.2f} MB, {_pages(response.content)} pages")
        for name, url in pdfs:
            self._weasyprint_alone(client, name, url)

    def _weasyprint_alone(self, client, name: str, url: str) -> None:
        """A PDF page's HTML (``?html=1``) printed by WeasyPrint alone: what the rest of the page costs beside it."""
        from komunitas.pdf import html_to_pdf

        html = client.get(url, {"html": 1}).content.decode()
        timings = []
        for _ in range(5):
            begin = time.perf_counter()
            html_to_pdf(html)
            timings.append((time.perf_counter() - begin) * 1000)
        self.stdout.write(
            f"{name + ' (WeasyPrint alone)':<24} {statistics.median(timings):>10.1f} {max(timings):>8.1f} {'-':>8}"
        )
