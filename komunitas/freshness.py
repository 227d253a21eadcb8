"""Every write to a school's data changes its ``SchoolDataVersion`` token, in the writer's own transaction.

What a page caches from a program's data (the dashboard's panels) is keyed by that token, which
``access.program_access`` reads with the program at no extra query. The token changes in the same transaction as
the data, so a reader that sees the new data sees the new token: no stale figure after a save, whichever process
serves the next request and whatever cache backend holds the panels.

Every write is already logged by django-auditlog, tagged with its school (``komunitas.audit``): a ``LogEntry``
saved means a write to be noticed, and ``audit.log_bulk`` (the writes that bypass model signals) calls
``changed`` itself. The token is random, not a counter, so a database restored or rolled back to an earlier state
never meets a cache entry written for the same number.
"""

from __future__ import annotations

import functools
import hashlib
import secrets
from collections.abc import Iterable
from pathlib import Path

from .models import SchoolDataVersion


def changed(school_ids: Iterable[int | None]) -> None:
    """The data of these schools changed (None: a write that belongs to no school, e.g. a user's name)."""
    for school_id in {school_id for school_id in school_ids if school_id}:
        token = secrets.randbits(62)
        if not SchoolDataVersion.objects.filter(school_id=school_id).update(token=token):
            SchoolDataVersion.objects.bulk_create(
                [SchoolDataVersion(school_id=school_id, token=token)], ignore_conflicts=True
            )


def links_changed(sender, instance, action: str, **kwargs) -> None:
    """``m2m_changed`` receiver: auditlog logs no many-to-many change (who is in a photo, a forum's presenters),
    and a form that changes only links saves no logged change of its row."""
    if action in {"post_add", "post_remove", "post_clear"}:
        from .audit import school_of

        changed([school_of(instance)])


def logged(sender, instance, created: bool, **kwargs) -> None:
    """``post_save`` receiver of auditlog's ``LogEntry``: the write it records changed its school's data."""
    if created:
        changed([(instance.additional_data or {}).get("school")])


@functools.cache
def deployment() -> str:
    """What a cached page also depends on besides the data: the templates and the compiled translations this
    process runs with (a digest of their files, computed once). A deploy that changes a template or a translation
    thus never serves what the old one rendered, from a shared cache or from storage."""
    from django.apps import apps
    from django.conf import settings

    folders = [Path(folder) for engine in settings.TEMPLATES for folder in engine.get("DIRS", [])]
    folders += [Path(config.path) / "templates" for config in apps.get_app_configs()]
    folders += [Path(folder) for folder in settings.LOCALE_PATHS]
    digest = hashlib.sha256()
    for folder in folders:
        for path in sorted(folder.rglob("*")) if folder.is_dir() else ():
            if path.suffix in {".html", ".txt", ".mo"} and path.is_file():
                digest.update(path.as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:12]
