"""python manage.py restore PATH: a `backup` archive into a new database and an empty media folder
(the work is komunitas/restore.py)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from komunitas import backup, restore


class Command(BaseCommand):
    help = (
        "Loads an archive written by `backup` into an empty database (migrated first if it has no tables yet) and "
        "an empty media folder: refuses a database with rows, an archive of another version's schema, and files "
        "whose sha256 differs from the manifest's. All or nothing: the rows load in one transaction."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="The archive written by `python manage.py backup`.")

    def handle(self, *args, path: str, **options):
        try:
            summary = restore.restore(Path(path))
        except backup.BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Restored {summary} from {path}.")
