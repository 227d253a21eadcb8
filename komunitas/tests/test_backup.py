"""backup and restore (komunitas/backup.py): the demo program goes into one archive and comes back whole — every row
and every file, byte for byte — in a new SQLite database and, when DATABASE_URL is PostgreSQL, from the same
SQLite-made archive into a new PostgreSQL database. Restore refuses a database with rows, a media folder with the
archive's files, an archive of another schema and an altered one, and then leaves everything as it was.

The round trips run manage.py in child processes, each on a database and media folder of its own, as an operator
would; the refusals run in this process, on the test database."""

import hashlib
import json
import os
import re
import stat
import subprocess
import sys
import uuid
import zipfile
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
import psycopg2
import pytest
from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.db.migrations.recorder import MigrationRecorder

from komunitas import backup
from komunitas.models import School

DATABASE_URL = os.environ.get("DATABASE_URL", "")


@dataclass(frozen=True)
class Site:
    """A database and a media folder, worked on with manage.py in a child process."""

    database_url: str
    media: Path

    def manage(self, *args: str) -> str:
        env = {name: value for name, value in os.environ.items() if name != "DJANGO_ALLOW_ASYNC_UNSAFE"}
        env.update(DATABASE_URL=self.database_url, MEDIA_ROOT=str(self.media), DEBUG="1")
        # The suite runs the system checks; here they would only add a second to every call.
        result = subprocess.run(
            [sys.executable, "manage.py", *args, "--skip-checks"],
            cwd=settings.BASE_DIR,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 0, f"manage.py {' '.join(args)} failed:\n{result.stderr}"
        return result.stdout

    def rows(self) -> list[dict]:
        """dumpdata of every app, without the tables backup leaves out (migrate builds them anew)."""
        excluded = (f"--exclude={label}" for label in backup.EXCLUDED)
        return json.loads(self.manage("dumpdata", "--natural-foreign", *excluded))

    def files(self) -> dict[str, bytes]:
        return {path.relative_to(self.media).as_posix(): path.read_bytes() for path in backup.media_files(self.media)}


@dataclass(frozen=True)
class Demo:
    site: Site
    archive: Path
    rows: list[dict]
    files: dict[str, bytes]


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Demo:
    """The demo program in a SQLite database and media folder of its own, and its backup."""
    folder = tmp_path_factory.mktemp("demo")
    site = Site(f"sqlite:///{folder / 'demo.sqlite3'}", folder / "media")
    site.manage("migrate")
    site.manage("seed_demo")
    archive = folder / "demo.zip"
    assert "Backed up" in site.manage("backup", str(archive))
    return Demo(site, archive, site.rows(), site.files())


def assert_restored_whole(demo: Demo, target: Site, folder: Path) -> None:
    """Restore the demo's archive into ``target`` and find every row and every file again."""
    summary = target.manage("restore", str(demo.archive))
    assert summary.startswith("Restored ") and f"{len(demo.files)} files" in summary
    assert len(demo.files) > 0 and any(name.endswith(".jpg") for name in demo.files)  # the demo has photos
    assert target.files() == demo.files
    # Compared as JSON, not as text: PostgreSQL's jsonb keeps a JSONField's keys in an order of its own.
    restored = target.rows()
    assert restored == demo.rows, first_difference(demo.rows, restored)
    # dumpdata keeps milliseconds only; a backup of the restored site holds the very same rows, to the microsecond.
    again = folder / "again.zip"
    target.manage("backup", str(again))
    assert backed_up_rows(again) == backed_up_rows(demo.archive)


def first_difference(original: list[dict], restored: list[dict]) -> str:
    for before, after in zip(original, restored):
        if before != after:
            return f"first different row:\n{before}\n{after}"
    return f"{len(original)} rows before, {len(restored)} after"


def backed_up_rows(archive: Path) -> list[dict]:
    return [json.loads(line) for line in member(archive, "data.jsonl").splitlines()]


def member(archive: Path, name: str) -> bytes:
    with zipfile.ZipFile(archive) as opened:
        return opened.read(name)


def test_the_demo_comes_back_whole_in_a_new_sqlite_database(demo, tmp_path):
    target = Site(f"sqlite:///{tmp_path / 'restored.sqlite3'}", tmp_path / "media")  # no file yet: restore migrates
    assert_restored_whole(demo, target, tmp_path)


@pytest.fixture
def new_postgresql_database():
    """A new, empty PostgreSQL database with a name of its own (never the suite's), dropped afterwards."""
    if not DATABASE_URL.startswith(("postgres://", "postgresql://")):
        pytest.skip("DATABASE_URL is not PostgreSQL")
    server = dj_database_url.parse(DATABASE_URL)
    name = f"komunitas_restore_{uuid.uuid4().hex[:12]}"
    login = {key: server[key.upper()] for key in ["host", "port", "user", "password"] if server.get(key.upper())}
    admin = psycopg2.connect(dbname="postgres", **login)
    admin.autocommit = True
    try:
        with admin.cursor() as cursor:
            cursor.execute(f'CREATE DATABASE "{name}"')
        yield urlsplit(DATABASE_URL)._replace(path=f"/{name}").geturl()
    finally:
        with admin.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


def test_the_sqlite_made_archive_comes_back_whole_in_postgresql(demo, tmp_path, new_postgresql_database):
    assert_restored_whole(demo, Site(new_postgresql_database, tmp_path / "media"), tmp_path)
    # New rows get fresh ids: restore moved the sequences past the restored ones.
    with closing(psycopg2.connect(new_postgresql_database)) as restored, restored.cursor() as cursor:
        cursor.execute(
            "SELECT max(id), nextval(pg_get_serial_sequence('komunitas_attendance', 'id')) FROM komunitas_attendance"
        )
        highest, next_id = cursor.fetchone()
    assert highest > 0 and next_id > highest


def test_the_archive_is_for_its_owner_only_and_lists_what_it_holds(demo):
    assert stat.S_IMODE(demo.archive.stat().st_mode) == 0o600
    assert not list(demo.archive.parent.glob(f".{demo.archive.name}.*"))  # no temporary file left
    manifest = json.loads(member(demo.archive, "manifest.json"))
    assert (manifest["format"], manifest["version"], manifest["engine"]) == ("komunitas-backup", 1, "sqlite")
    assert manifest["migrations"] == backup.code_migrations()
    assert manifest["rows"]["komunitas.Session"] > 0 and manifest["rows"]["komunitas.Attachment"] > 0
    assert not {"contenttypes.ContentType", "auth.Permission", "sessions.Session"} & set(manifest["rows"])
    with zipfile.ZipFile(demo.archive) as archive:
        for entry in manifest["files"]:
            data = archive.read(f"media/{entry['path']}")
            assert (len(data), hashlib.sha256(data).hexdigest()) == (entry["size"], entry["sha256"])
    assert {entry["path"] for entry in manifest["files"]} == set(demo.files)


def row_counts() -> dict[str, int]:
    return {model._meta.label: model._base_manager.count() for model in apps.get_models()}


def media_left() -> list[Path]:
    return list(Path(settings.MEDIA_ROOT).rglob("*"))


def altered(archive: Path, folder: Path, change) -> Path:
    """A copy of the archive with each member's bytes passed through ``change(name, data)``."""
    copy = folder / "altered.zip"
    with zipfile.ZipFile(archive) as source, zipfile.ZipFile(copy, "w") as target:
        for info in source.infolist():
            target.writestr(info, change(info.filename, source.read(info)))
    return copy


def test_restore_refuses_a_database_with_rows(demo, school):
    before = row_counts()
    with pytest.raises(CommandError, match="The database already holds rows"):
        call_command("restore", str(demo.archive))
    assert row_counts() == before and not media_left()


def test_restore_refuses_a_media_folder_holding_the_archives_files(db, demo):
    mine = Path(settings.MEDIA_ROOT) / sorted(demo.files)[0]
    mine.parent.mkdir(parents=True)
    mine.write_bytes(b"not from the backup")
    with pytest.raises(CommandError, match="already has files the backup would write"):
        call_command("restore", str(demo.archive))
    assert mine.read_bytes() == b"not from the backup" and not School.objects.exists()


@pytest.mark.parametrize("target", ["the last photo", "data.jsonl"])
def test_restore_refuses_an_altered_archive_and_changes_nothing(db, demo, tmp_path, target):
    name = f"media/{sorted(demo.files)[-1]}" if target == "the last photo" else "data.jsonl"

    def change(member_name: str, data: bytes) -> bytes:
        return data[:-2] + bytes([data[-2] ^ 1]) + data[-1:] if member_name == name else data

    before = row_counts()
    with pytest.raises(CommandError, match=re.escape(f"{name} does not match the manifest's sha256")):
        call_command("restore", str(altered(demo.archive, tmp_path, change)))
    assert row_counts() == before
    assert not media_left()  # the photos written before the altered one are gone again, with their folders


@pytest.mark.parametrize(
    ("migration", "message"),
    [("9999_from_the_future", "from a newer version"), ("0001_initial", "from an older version")],
)
def test_restore_refuses_an_archive_of_another_schema(db, demo, tmp_path, migration, message):
    def change(name: str, data: bytes) -> bytes:
        if name != "manifest.json":
            return data
        manifest = json.loads(data)
        manifest["migrations"]["komunitas"] = [migration]
        return json.dumps(manifest).encode()

    with pytest.raises(CommandError, match=message):
        call_command("restore", str(altered(demo.archive, tmp_path, change)))
    assert not School.objects.exists() and not media_left()


def test_backup_refuses_a_database_of_another_schema_and_leaves_no_file(db, tmp_path):
    MigrationRecorder(connection).record_applied("komunitas", "9999_from_the_future")
    with pytest.raises(CommandError, match="a newer version of Komunitas made it"):
        call_command("backup", str(tmp_path / "backup.zip"))
    assert [path.name for path in tmp_path.iterdir()] == []  # neither the archive nor its temporary file


def test_backup_writes_a_new_zip_file_only(db, tmp_path):
    existing = tmp_path / "db.zip"
    existing.write_bytes(b"keep me")
    with pytest.raises(CommandError, match="exists already"):
        call_command("backup", str(existing))
    with pytest.raises(CommandError, match=r"name ending in \.zip"):
        call_command("backup", str(tmp_path / "backup.tar.gz"))
    assert existing.read_bytes() == b"keep me" and len(list(tmp_path.iterdir())) == 1
