"""python manage.py orphaned_files [--delete]: files in MEDIA_ROOT that no record points to."""

import time
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand
from django.db.models import FileField


def referenced_files() -> set[str]:
    """The storage names of every file a record of any app points to."""
    names: set[str] = set()
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if isinstance(field, FileField):
                names.update(model._base_manager.exclude(**{field.name: ""}).values_list(field.name, flat=True))
    return names


class Command(BaseCommand):
    help = (
        "Lists the uploaded files (MEDIA_ROOT/private) that no record points to — left by an interrupted upload "
        "or a restore, say — with their size. --delete removes them. Files younger than an hour are left alone: "
        "an upload writes its file just before its record."
    )

    def add_arguments(self, parser):
        parser.add_argument("--delete", action="store_true", help="Remove the orphaned files.")

    def handle(self, *args, delete: bool, **options):
        root = Path(settings.MEDIA_ROOT)
        settled = time.time() - 3600
        referenced = referenced_files()
        orphans = sorted(
            path
            for path in (root / "private").rglob("*")
            if path.is_file() and path.relative_to(root).as_posix() not in referenced and path.stat().st_mtime < settled
        )
        size = sum(path.stat().st_size for path in orphans)
        for path in orphans:
            self.stdout.write(path.relative_to(root).as_posix())
            if delete:
                path.unlink()
        verb = "removed" if delete else "found (run with --delete to remove them)"
        self.stdout.write(f"{len(orphans)} orphaned files, {size:,} bytes, {verb}.")
