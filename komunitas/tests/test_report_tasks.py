"""With a background worker configured (TASKS_BACKEND=database), the final report is rendered by the worker while
its reader sees a progress page; without one (the default, ``make run``) it is rendered in the request."""

import pytest
from django.core.management import call_command
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from komunitas.report_tasks import render_report

pytestmark = pytest.mark.usefixtures("english")


@pytest.fixture
def worker_configured(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def urls(program):
    return reverse("report_pdf", args=[program.pk]), reverse("report_progress", args=[program.pk])


def test_a_worker_renders_the_report_while_the_reader_waits(
    transactional_db, client, program, principal, worker_configured
):
    """The real worker runs (db_worker --batch): it closes its database connection at the end, which only a test
    whose writes are committed survives (hence transactional_db)."""
    pdf_url, progress_url = urls(program)
    client.force_login(principal)
    response = client.get(pdf_url, {"download": 1})
    assert response.status_code == 302 and response.url == f"{progress_url}?download=1"
    page = client.get(response.url).content.decode()
    assert 'http-equiv="refresh"' in page and 'data-testid="report-running"' in page
    client.get(pdf_url)  # asked again (by anyone) while it is queued: still one render
    assert DBTaskResult.objects.count() == 1

    call_command("db_worker", batch=True, verbosity=0)  # the worker's turn
    ready = client.get(response.url)
    assert ready.status_code == 302 and ready.url == f"{pdf_url}?download=1"
    pdf = client.get(ready.url)
    assert pdf["Content-Type"] == "application/pdf" and pdf["Server-Timing"].endswith("desc=stored")
    assert pdf["Content-Disposition"].startswith("attachment;")


def test_a_failed_render_says_so_and_can_be_tried_again(client, program, principal, worker_configured):
    pdf_url, progress_url = urls(program)
    client.force_login(principal)
    client.get(pdf_url)
    DBTaskResult.objects.update(status="FAILED")
    page = client.get(progress_url).content.decode()
    assert 'data-testid="report-failed"' in page and 'http-equiv="refresh"' not in page
    client.get(progress_url)  # visited again: the render is asked for again
    assert DBTaskResult.objects.count() == 2


def test_without_a_worker_the_report_is_rendered_in_the_request(client, program, principal):
    pdf_url, progress_url = urls(program)
    client.force_login(principal)
    assert client.get(pdf_url)["Content-Type"] == "application/pdf"
    assert client.get(progress_url).url == pdf_url  # a progress link kept from elsewhere leads to the PDF
    assert render_report.get_backend().__class__.__name__ == "ImmediateBackend"


def test_a_render_pruned_from_the_queue_is_asked_for_again(client, program, principal, worker_configured):
    pdf_url, progress_url = urls(program)
    client.force_login(principal)
    client.get(pdf_url)
    DBTaskResult.objects.all().delete()  # prune_db_task_results, or a restored database
    assert client.get(progress_url).status_code == 200
    assert DBTaskResult.objects.count() == 1
