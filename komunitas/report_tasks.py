"""The final report rendered by a background worker, when one is configured.

``make run`` needs no extra process: by default (django-tasks' immediate backend) the report is rendered in the
request, as ``report_render`` does. With ``TASKS_BACKEND=database`` a worker (``python manage.py db_worker``,
django-tasks-db) renders it instead: ``report.pdf`` answers at once with a progress page that refreshes itself
until the PDF is stored, then serves it. The report is the same for every reader of the program (komunitas/report.py),
so whoever asked first starts the render and everyone after waits for the same file.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.files.storage import default_storage
from django.utils import translation
from django_tasks import TaskResultStatus, task
from django_tasks.backends.immediate import ImmediateBackend
from django_tasks.exceptions import TaskResultDoesNotExist

from . import report_render
from .access import ProgramAccess, program_access_for

RUNNING_SECONDS = 15 * 60  # how long a render is waited for before it is started again (a worker restarted)


@task()
def render_report(program_id: int, user_id: int, language: str, sections: list[str] | None) -> None:
    """Render and store the report as ``user_id`` would see it, in ``language`` (the worker's side)."""
    user = get_user_model().objects.get(pk=user_id)
    access = program_access_for(user, program_id)
    with translation.override(language):
        report_render.report_pdf(access, None if sections is None else frozenset(sections))


def in_background() -> bool:
    """Whether a worker renders reports (any backend but the immediate one)."""
    return not isinstance(render_report.get_backend(), ImmediateBackend)


def _marker(access: ProgramAccess, sections) -> str:
    return f"report-render:{report_render.stored_name(access, sections)}"


def start(access: ProgramAccess, sections, user) -> None:
    """Ask the worker for this report, once: a request while it is queued or running finds the marker."""
    key = _marker(access, sections)
    if not cache.add(key, "", RUNNING_SECONDS):
        return
    chosen = None if sections is None else sorted(sections)
    result = render_report.enqueue(access.program.pk, user.pk, translation.get_language(), chosen)
    cache.set(key, result.id, RUNNING_SECONDS)


def state(access: ProgramAccess, sections) -> str:
    """ "ready" (stored), "running" (queued or rendering), "failed", or "missing" (not asked for, or forgotten)."""
    if default_storage.exists(report_render.stored_name(access, sections)):
        return "ready"
    key = _marker(access, sections)
    result_id = cache.get(key)
    if result_id is None:
        return "missing"
    backend = render_report.get_backend()
    if result_id and backend.supports_get_result:
        try:
            failed = backend.get_result(result_id).status == TaskResultStatus.FAILED
        except TaskResultDoesNotExist:  # pruned from the queue: ask again
            cache.delete(key)
            return "missing"
        if failed:
            cache.delete(key)  # the next visit starts it again
            return "failed"
    return "running"
