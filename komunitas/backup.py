"""Backup and restore of a whole Komunitas site: every row of every installed app and every uploaded file, in one
archive (``python manage.py backup PATH`` wraps ``backup`` here; ``restore PATH`` wraps ``komunitas/restore.py``).

The archive is a ZIP file:

    manifest.json  what the archive holds and how to check it (below)
    data.jsonl     every row, in Django's JSON Lines serialisation (one object a line)
    media/<path>   every file under MEDIA_ROOT, at its path relative to MEDIA_ROOT, stored as it is

manifest.json::

    {"format": "komunitas-backup", "version": 1, "created_at": "…", "django": "5.2.…", "engine": "sqlite",
     "migrations": {"<app>": ["<latest migration>"], …},     the schema the rows belong to
     "rows": {"<app>.<Model>": <count>, …},                  every table backed up, empty ones too
     "excluded": ["contenttypes.contenttype", …],            tables left out on purpose (EXCLUDED)
     "data": {"path": "data.jsonl", "size": …, "sha256": "…"},
     "files": [{"path": "private/program-1/….jpg", "size": …, "sha256": "…"}, …]}

Why this form:

- **Django's serialisation, not an SQL dump**, so one archive restores on SQLite and on PostgreSQL alike. Rows keep
  their primary keys (links between rows stay as they were, file names in rows stay right); foreign keys to content
  types and permissions are written by natural key (``("forums", "forumsession")``), because ``migrate`` builds
  those tables anew and their ids differ from one database to the next. JSON Lines is written and read back one
  row at a time, so neither side holds the whole database in memory.
- **ZIP, not tar.gz**: its directory sits at the end, so restore reads the manifest first and each member on its
  own without unpacking what comes before; members are written as streams (no file is held in memory); every
  member carries a CRC that reading checks; and a district office on Windows opens it without extra tools. Media
  are stored uncompressed: photos are JPEGs already.
- **The schema is recorded** (each app's latest migration), because rows only load into the tables they were read
  from: restore refuses an archive of another schema and says which version of Komunitas to use.
- **Every installed app's models**, found at run time (``apps.get_app_configs()``): an app or model added later is
  backed up without a change here. Only EXCLUDED tables are left out.

The archive holds children's names and photos: it is written with mode 0600, under a temporary name next to PATH
that is renamed to PATH only once complete, so a failed backup never leaves a half archive under the final name.

Consistency: the rows are read in one transaction that sees a single snapshot (see ``_snapshot``); the files are
copied right after. An upload or a deletion in those seconds can leave a record without its file in the archive
(backup reports records whose file is missing) or a file without a record (``orphaned_files`` lists those).

Restore goes into a new database (it runs ``migrate`` on one without tables) and an empty media folder: it checks
the schema, the rows' sha256, then writes each file and checks its sha256, then loads every row in one transaction
with no model signal heard (the audit log must not log the restore as new rows, ``_model_signals_muted``) and moves
PostgreSQL's sequences past the restored ids. Anything failing removes the files again and rolls the rows
back. The checksums catch a damaged archive or one member changed; whoever can rewrite the manifest too can forge
one, so keep the copies where only the school's administrators write.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import os
import tempfile
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import django
from django.apps import apps
from django.conf import settings
from django.core import serializers
from django.core.serializers.json import DjangoJSONEncoder
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections, router, transaction
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.loader import MigrationLoader
from django.db.models import FileField, Model

FORMAT = "komunitas-backup"
VERSION = 1
MANIFEST = "manifest.json"
DATA = "data.jsonl"
MEDIA = "media/"
CHUNK = 1024 * 1024

# Tables not backed up, with the reason. Everything else of every installed app is.
EXCLUDED = {
    "contenttypes.contenttype": "built by migrate; rows name content types by natural key",
    "auth.permission": "built by migrate; groups and users name permissions by natural key",
    "sessions.session": "sign-ins: a restored site starts with everyone signed out",
    "axes.accessattempt": "sign-in lock-out counters, which expire after AXES_COOLOFF_TIME anyway",
    "axes.accessattemptexpiration": "the expiry times of those counters",
    "komunitas.passwordresetrequest": "reset requests kept a day only to limit how many are made",
}


class BackupError(Exception):
    """A backup or restore refused or failed, with what to do about it; the commands show it as a CommandError."""


@dataclass(frozen=True)
class Summary:
    rows: int
    files: int
    bytes: int  # of the files
    missing: tuple[str, ...] = ()  # files that records point to but MEDIA_ROOT lacked (backup only)

    def __str__(self) -> str:
        return f"{self.rows:,} rows and {self.files:,} files ({self.bytes:,} bytes)"


# --- What is backed up ---


def backed_up_models() -> list[type[Model]]:
    """Every model with a table of its own in the default database, minus EXCLUDED, in an order that loads:
    a model whose rows others name by natural key (users, groups) comes before them."""
    app_list = [
        (config, [model for model in config.get_models() if _stored(model)]) for config in apps.get_app_configs()
    ]
    return serializers.sort_dependencies(app_list, allow_cycles=True)


def _stored(model: type[Model]) -> bool:
    meta = model._meta
    return (
        meta.managed
        and not meta.proxy
        and meta.label_lower not in EXCLUDED
        and router.allow_migrate_model(DEFAULT_DB_ALIAS, model)
    )


def media_files(root: Path) -> list[Path]:
    """Every regular file under ``root``, in a stable order, but ``cache/`` (print copies of photos, rendered
    reports: made again when needed). Symbolic links are not followed: uploads are never links, and a link could
    lead out of MEDIA_ROOT."""
    found = []
    for folder, subfolders, names in os.walk(root):
        if Path(folder) == Path(root):
            subfolders[:] = [name for name in subfolders if name != "cache"]
        subfolders.sort()
        found.extend(path for name in sorted(names) if (path := Path(folder, name)).is_file() and not path.is_symlink())
    return found


# --- The schema ---


def code_migrations() -> dict[str, list[str]]:
    """The latest migration of each app, by the code: the schema its models expect."""
    state: dict[str, list[str]] = {}
    for app, name in sorted(MigrationLoader(None, ignore_no_migrations=True).graph.leaf_nodes()):
        state.setdefault(app, []).append(name)
    return state


def schema_problem(connection) -> str | None:
    """Why the database's tables are not those the code expects (migrations missing or unknown), or None."""
    loader = MigrationLoader(connection)
    unknown = sorted(set(loader.applied_migrations) - set(loader.graph.nodes))
    if unknown:
        return f"it has migrations this code does not know ({_names(unknown)}): a newer version of Komunitas made it"
    pending = MigrationExecutor(connection, progress_callback=None).migration_plan(loader.graph.leaf_nodes())
    if pending:
        first = _names((migration.app_label, migration.name) for migration, _ in pending[:3])
        return f"{len(pending)} migrations are not applied yet ({first}, …): run `python manage.py migrate`"
    return None


def _names(nodes) -> str:
    return ", ".join(f"{app}.{name}" for app, name in nodes)


def check_schema(recorded: dict[str, list[str]]) -> None:
    """Refuse an archive whose rows belong to another schema than the code's, saying which version to use."""
    code = code_migrations()
    if recorded == code:
        return
    known = MigrationLoader(None, ignore_no_migrations=True).graph.nodes
    differences = "; ".join(
        f"{app}: backup {', '.join(recorded.get(app, ['none']))}, here {', '.join(code.get(app, ['none']))}"
        for app in sorted(set(recorded) | set(code))
        if recorded.get(app) != code.get(app)
    )
    if any((app, name) not in known for app, names in recorded.items() for name in names):
        raise BackupError(
            f"This backup is from a newer version of Komunitas than this one ({differences}). Restore it with the "
            "version that made it."
        )
    raise BackupError(
        f"This backup is from an older version of Komunitas than this one ({differences}). Restore it with the "
        "version that made it, then upgrade that site and run `python manage.py migrate`."
    )


# --- Backup ---


def backup(path: Path) -> Summary:
    """Write the archive to ``path`` (which must not exist yet), mode 0600, complete or not at all."""
    path = Path(path)
    if path.suffix.lower() != ".zip":
        raise BackupError(f"The archive is a ZIP file: give it a name ending in .zip (not {path.name}).")
    if path.exists():
        raise BackupError(f"{path} exists already: give the backup a new name (with the date, say).")
    if not path.parent.is_dir():
        raise BackupError(f"The folder {path.parent} does not exist.")
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)  # mode 0600
    try:
        with os.fdopen(handle, "wb") as raw:
            with zipfile.ZipFile(raw, "w") as archive:
                manifest, missing = _write_archive(archive)
            raw.flush()
            os.fsync(raw.fileno())
        os.chmod(temporary, 0o600)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return Summary(
        rows=sum(manifest["rows"].values()),
        files=len(manifest["files"]),
        bytes=sum(entry["size"] for entry in manifest["files"]),
        missing=tuple(missing),
    )


def _write_archive(archive: zipfile.ZipFile) -> tuple[dict, list[str]]:
    """The rows, then the files, then the manifest (last, as it holds their counts and checksums; ZIP's directory
    lets restore read it first)."""
    connection = connections[DEFAULT_DB_ALIAS]
    rows: dict[str, int] = {}
    referenced: set[str] = set()
    with _snapshot(connection):
        if problem := schema_problem(connection):
            raise BackupError(f"The database does not match this code: {problem}.")
        with archive.open(_member(DATA, zipfile.ZIP_DEFLATED), "w", force_zip64=True) as member:
            digest = _Digest(member)
            with io.TextIOWrapper(io.BufferedWriter(digest, CHUNK), encoding="utf-8", newline="\n") as text:
                try:
                    _dump_rows(text, rows, referenced)
                except DatabaseError as error:  # a model whose migration is not written yet, say
                    raise BackupError(f"Reading {next(reversed(rows), 'the rows')} failed: {error}.") from error
    root = Path(settings.MEDIA_ROOT)
    files = [entry for path in media_files(root) if (entry := _add_file(archive, root, path))]
    manifest = {
        "format": FORMAT,
        "version": VERSION,
        "created_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "django": django.get_version(),
        "engine": connection.vendor,
        "migrations": code_migrations(),
        "rows": rows,
        "excluded": sorted(EXCLUDED),
        "data": {"path": DATA, "size": digest.size, "sha256": digest.sha256.hexdigest()},
        "files": files,
    }
    archive.writestr(_member(MANIFEST, zipfile.ZIP_DEFLATED), json.dumps(manifest, indent=1, ensure_ascii=False))
    return manifest, sorted(referenced - {entry["path"] for entry in files})


@contextmanager
def _snapshot(connection) -> Iterator[None]:
    """One transaction that sees the database as it was at its first read, without holding up anyone who writes.

    PostgreSQL: REPEATABLE READ, READ ONLY (the default READ COMMITTED would let each query see later commits).
    SQLite: a deferred transaction, which in WAL mode reads one snapshot while writers go on; settings.py's
    IMMEDIATE mode would take the write lock and keep every teacher's save waiting until the dump is done.
    Inside a transaction already (a test), that transaction is the snapshot.
    """
    if connection.in_atomic_block:
        yield
        return
    connection.ensure_connection()
    mode = getattr(connection, "transaction_mode", None)
    if connection.vendor == "sqlite":
        connection.transaction_mode = None
    try:
        with transaction.atomic(using=connection.alias):
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            yield
    finally:
        if connection.vendor == "sqlite":
            connection.transaction_mode = mode


def _dump_rows(stream, rows: dict[str, int], referenced: set[str]) -> None:
    """Serialise every row of every backed-up model to ``stream``, counting them per model and noting the files
    they point to."""

    def objects():
        for model in backed_up_models():
            file_fields = [field.name for field in model._meta.concrete_fields if isinstance(field, FileField)]
            many = [field.name for field in model._meta.many_to_many if field.remote_field.through._meta.auto_created]
            rows[model._meta.label] = 0
            for row in model._base_manager.order_by("pk").prefetch_related(*many).iterator(chunk_size=1000):
                rows[model._meta.label] += 1
                referenced.update(name for field in file_fields if (name := getattr(row, field).name))
                yield row

    serializers.serialize("jsonl", objects(), stream=stream, use_natural_foreign_keys=True, cls=_Encoder)


class _Encoder(DjangoJSONEncoder):
    """Django's encoder keeps only milliseconds of a time (ECMA-262's format), which would change every timestamp a
    little and could reorder events saved within one millisecond; a backup keeps the microseconds."""

    def default(self, o):
        if isinstance(o, dt.datetime | dt.time):
            return o.isoformat()
        return super().default(o)


def _add_file(archive: zipfile.ZipFile, root: Path, path: Path) -> dict | None:
    """Copy one file into the archive, hashing it on the way; None if it was deleted since it was listed."""
    relative = path.relative_to(root).as_posix()
    try:
        source = path.open("rb")
    except FileNotFoundError:
        return None
    info = zipfile.ZipInfo.from_file(path, MEDIA + relative, strict_timestamps=False)
    info.compress_type = zipfile.ZIP_STORED
    digest, size = hashlib.sha256(), 0
    with source, archive.open(info, "w") as member:
        while chunk := source.read(CHUNK):
            digest.update(chunk)
            member.write(chunk)
            size += len(chunk)
    return {"path": relative, "size": size, "sha256": digest.hexdigest()}


def _member(name: str, compression: int) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=dt.datetime.now().timetuple()[:6])
    info.compress_type = compression
    info.external_attr = 0o600 << 16
    return info


class _Digest(io.RawIOBase):
    """A binary stream that passes what it is given on to ``target``, keeping its size and SHA-256."""

    def __init__(self, target):
        super().__init__()
        self.target, self.sha256, self.size = target, hashlib.sha256(), 0

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        self.sha256.update(data)
        self.target.write(data)
        self.size += len(data)
        return len(data)
