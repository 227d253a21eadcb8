"""python manage.py backup PATH: every row and every uploaded file in one archive (the work is komunitas/backup.py)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from komunitas import backup


class Command(BaseCommand):
    help = (
        "Writes one ZIP archive with every row of the database (it restores on SQLite and on PostgreSQL) and every "
        "file under MEDIA_ROOT, readable by its owner only: it holds children's names and photos. PATH must not "
        "exist yet; a failed backup leaves nothing under that name. `restore` reads it back."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="The archive to write, e.g. /var/backups/komunitas/komunitas-2026-05-04.zip")

    def handle(self, *args, path: str, **options):
        try:
            summary = backup.backup(Path(path))
        except backup.BackupError as error:
            raise CommandError(str(error)) from error
        if summary.missing:
            # The records keep pointing at these; the restored site will show them as missing files.
            self.stderr.write(
                f"Warning: not in MEDIA_ROOT, though records point to them ({len(summary.missing)}): "
                + ", ".join(summary.missing[:5])
                + (", …" if len(summary.missing) > 5 else "")
            )
        self.stdout.write(f"Backed up {summary} to {path} ({Path(path).stat().st_size:,} bytes).")
