"""``manage.py restore PATH``: a backup archive (komunitas/backup.py writes it) back into an empty database and
media folder — all or nothing: every member's checksum and the schema are checked first, rows are loaded in one
transaction, and files written are removed again if anything fails."""

from __future__ import annotations

import hashlib
import io
import json
import os
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path, PurePosixPath

from django.apps import apps
from django.conf import settings
from django.core import serializers
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import DEFAULT_DB_ALIAS, DatabaseError, IntegrityError, connections, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.db.models import Model, signals

from .backup import CHUNK, DATA, FORMAT, MANIFEST, MEDIA, VERSION, BackupError, Summary, check_schema, schema_problem


def restore(path: Path) -> Summary:
    """Load an archive into an empty database (migrated here first if it has no tables yet) and an empty media
    folder. Files are written and checked first, then the rows load in one transaction; if anything fails, the
    files written are removed again and no row stays."""
    path = Path(path)
    if not path.is_file():
        raise BackupError(f"{path}: no such file.")
    try:
        with zipfile.ZipFile(path) as archive:
            return _restore(archive)
    except zipfile.BadZipFile as error:
        raise BackupError(
            f"{path} is not a Komunitas backup, or it is damaged ({error}). Nothing was restored."
        ) from error


def _restore(archive: zipfile.ZipFile) -> Summary:
    manifest = _read_manifest(archive)
    check_schema(manifest["migrations"])
    connection = connections[DEFAULT_DB_ALIAS]
    _prepare_database(connection)
    try:
        models = {label: apps.get_model(label) for label in manifest["rows"]}
    except LookupError as error:
        raise BackupError(f"The archive has rows of a model this code does not have: {error}") from error
    root = Path(settings.MEDIA_ROOT)
    targets = {entry["path"]: _inside(root, entry["path"]) for entry in manifest["files"]}
    _refuse_unless_empty(models, targets)
    _check_members(archive, manifest)
    written: list[Path] = []
    try:
        for entry in manifest["files"]:
            _extract(archive, entry, targets[entry["path"]], written)
        _load_rows(archive, connection, models, manifest["rows"])
    except BaseException:
        _remove(written, root)
        raise
    return Summary(
        rows=sum(manifest["rows"].values()),
        files=len(written),
        bytes=sum(entry["size"] for entry in manifest["files"]),
    )


def _read_manifest(archive: zipfile.ZipFile) -> dict:
    try:
        manifest = json.loads(archive.read(MANIFEST))
    except (KeyError, ValueError) as error:
        raise BackupError(f"The archive has no readable {MANIFEST}: it is not a Komunitas backup.") from error
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError(f"The archive's {MANIFEST} is not a Komunitas backup's.")
    if manifest.get("version") != VERSION:
        raise BackupError(
            f"The archive is in backup format {manifest.get('version')}; this version of Komunitas reads format "
            f"{VERSION}. Restore it with the version that made it."
        )
    return manifest


def _prepare_database(connection) -> None:
    """Migrate a database with no tables yet (a new one); refuse one whose tables are not the code's."""
    recorder = MigrationRecorder(connection)
    if not recorder.has_table() or not recorder.migration_qs.exists():
        call_command("migrate", interactive=False, verbosity=0)
    elif problem := schema_problem(connection):
        raise BackupError(f"The database does not match this code: {problem}.")


def _inside(root: Path, relative: str) -> Path:
    """Where a file of the archive goes: under MEDIA_ROOT, whatever its name says."""
    parts = PurePosixPath(relative).parts
    if not parts or PurePosixPath(relative).is_absolute() or any(part in {"", ".", ".."} for part in parts):
        raise BackupError(f"The archive names a file outside the media folder ({relative!r}); nothing was restored.")
    return root.joinpath(*parts)


def _refuse_unless_empty(models: dict[str, type[Model]], targets: dict[str, Path]) -> None:
    filled = [label for label, model in models.items() if model._base_manager.exists()]
    if filled:
        raise BackupError(
            f"The database already holds rows ({', '.join(filled[:4])}{', …' if len(filled) > 4 else ''}). Restore "
            "only into a new, empty database: create one, point DATABASE_URL at it and run restore again (it runs "
            "migrate itself)."
        )
    present = [relative for relative, target in targets.items() if os.path.lexists(target)]
    if present:
        raise BackupError(
            f"The media folder {settings.MEDIA_ROOT} already has files the backup would write ({present[0]}"
            f"{', …' if len(present) > 1 else ''}). Restore into an empty media folder (MEDIA_ROOT)."
        )


def _check_members(archive: zipfile.ZipFile, manifest: dict) -> None:
    """The archive holds exactly what its manifest lists, and the rows are those the manifest describes."""
    listed = {MEDIA + entry["path"] for entry in manifest["files"]}
    held = {name for name in archive.namelist() if name.startswith(MEDIA)}
    if listed != held:
        odd = sorted(listed ^ held)
        raise BackupError(f"The archive's files differ from its manifest ({', '.join(odd[:3])}); nothing was restored.")
    digest, size = hashlib.sha256(), 0
    with archive.open(DATA) as member:
        while chunk := member.read(CHUNK):
            digest.update(chunk)
            size += len(chunk)
    if (size, digest.hexdigest()) != (manifest["data"]["size"], manifest["data"]["sha256"]):
        raise BackupError(f"{DATA} does not match the manifest's sha256: the archive was damaged or altered.")


def _extract(archive: zipfile.ZipFile, entry: dict, target: Path, written: list[Path]) -> None:
    """Write one file, never over another, and check it against the manifest's size and sha256."""
    target.parent.mkdir(parents=True, exist_ok=True)
    digest, size = hashlib.sha256(), 0
    with archive.open(MEDIA + entry["path"]) as source, target.open("xb") as out:
        written.append(target)
        while chunk := source.read(CHUNK):
            digest.update(chunk)
            out.write(chunk)
            size += len(chunk)
    if (size, digest.hexdigest()) != (entry["size"], entry["sha256"]):
        raise BackupError(
            f"media/{entry['path']} does not match the manifest's sha256: the archive was damaged or altered. "
            "Nothing was restored."
        )
    if settings.FILE_UPLOAD_PERMISSIONS is not None:  # as the app's own uploads get
        os.chmod(target, settings.FILE_UPLOAD_PERMISSIONS)


def _load_rows(archive: zipfile.ZipFile, connection, models: dict[str, type[Model]], expected: dict) -> None:
    """Every row in one transaction, as ``loaddata`` loads a fixture: foreign keys checked at the end (rows may
    name rows that come later), then the counts compared with the manifest's, then PostgreSQL's sequences moved
    past the restored ids so that new rows get fresh ones (SQLite's follow by themselves)."""
    tables = [model._meta.db_table for model in models.values()]
    tables += [
        field.remote_field.through._meta.db_table
        for model in models.values()
        for field in model._meta.many_to_many
        if field.remote_field.through._meta.auto_created
    ]
    try:
        with transaction.atomic(using=connection.alias):
            with connection.constraint_checks_disabled(), _model_signals_muted(), archive.open(DATA) as member:
                stream = io.TextIOWrapper(member, encoding="utf-8")
                rows = serializers.deserialize(
                    "jsonl", stream, using=connection.alias, ignorenonexistent=False, handle_forward_references=True
                )
                deferred = []
                for row in rows:
                    row.save(using=connection.alias)
                    if row.deferred_fields:
                        deferred.append(row)
                for row in deferred:
                    row.save_deferred_fields(using=connection.alias)
            connection.check_constraints(table_names=tables)
            for label, count in expected.items():
                if (found := models[label]._base_manager.count()) != count:
                    raise BackupError(f"{label}: the manifest counts {count} rows, {found} loaded.")
            with connection.cursor() as cursor:
                for statement in connection.ops.sequence_reset_sql(no_style(), list(models.values())):
                    cursor.execute(statement)
    except (serializers.base.DeserializationError, DatabaseError, IntegrityError, ValueError) as error:
        raise BackupError(f"The rows did not load, so none was restored: {error}") from error


@contextmanager
def _model_signals_muted() -> Iterator[None]:
    """No receiver hears the rows being saved. They are put back as they were, not made: the audit log would log
    each as a new creation and tag its own entries anew. Receivers are told ``raw=True`` for this, but need not
    heed it (django-auditlog does only with AUDITLOG_DISABLE_ON_RAW_SAVE), so none is asked. Django's Signal has no
    public switch: its receiver list is set aside (and its cache cleared) and put back."""
    muted = [signals.pre_save, signals.post_save, signals.m2m_changed]
    kept = []
    for signal in muted:
        with signal.lock:
            kept.append(signal.receivers)
            signal.receivers = []
            signal.sender_receivers_cache.clear()
    try:
        yield
    finally:
        for signal, receivers in zip(muted, kept):
            with signal.lock:
                signal.receivers = receivers
                signal.sender_receivers_cache.clear()


def _remove(written: list[Path], root: Path) -> None:
    """Take back the files a failed restore wrote, and the folders it made for them."""
    for path in written:
        path.unlink(missing_ok=True)
        folder = path.parent
        while folder != root and folder.is_relative_to(root) and folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
            folder = folder.parent
