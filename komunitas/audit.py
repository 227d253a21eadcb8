"""The audit log: who changed what, and who signed in, failed to, or was refused.

Changes are django-auditlog's: every model of every installed app is tracked (``AUDITLOG_INCLUDE_ALL_MODELS``;
the few left out are listed with their reason in settings, and a test fails when a model is neither), with the
user and their address. Each entry is tagged with the school it belongs to (``additional_data["school"]``), so
a school's facilitators and principal read their school's log and no other. Writes that bypass model signals
(``bulk_create``, ``update``) are logged by their service through ``log_bulk``.

Sign-ins, failed sign-ins, lockouts and refused pages are ``SecurityEvent`` rows, written by the receivers here.
"""

from __future__ import annotations

from contextvars import ContextVar

from auditlog.context import auditlog_value
from auditlog.middleware import AuditlogMiddleware
from auditlog.models import LogEntry
from axes.helpers import get_client_ip_address
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db.models import Q, TextField
from django.db.models.functions import Cast
from django.utils import timezone

from . import freshness
from .models import Membership, Person, Program, School, SecurityEvent, SecurityEventKind

# The school of the program the current request works in (set by ``access.program_access``).
_request_school: ContextVar[int | None] = ContextVar("komunitas_request_school", default=None)
# The school of the object auditlog is about to log (set by ``remember_school``, read by ``tag_school``).
_pending_school: ContextVar[int | None] = ContextVar("komunitas_pending_school", default=None)


def note_request_school(school_id: int) -> None:
    _request_school.set(school_id)


def school_of(instance) -> int | None:
    """The school an object belongs to: its own, its program's, its session's program's … else the request's."""
    if isinstance(instance, School):
        return instance.pk
    paths = (
        "school_id",
        "program.school_id",
        "person.school_id",
        "session.program.school_id",
        "stage.program.school_id",
        "forum.session.program.school_id",
    )
    for path in paths:
        value = instance
        try:
            for part in path.split("."):
                value = getattr(value, part)
        except Exception:
            continue
        if value:
            return value
    return _request_school.get()


def remember_school(sender, instance, **kwargs):
    """auditlog's ``pre_log`` receiver: note the school of the object being logged."""
    _pending_school.set(school_of(instance))


def tag_school(sender, instance: LogEntry, **kwargs) -> None:
    """``pre_save`` receiver of LogEntry: the entry carries its school."""
    if instance.pk is None:
        data = instance.additional_data or {}
        data.setdefault("school", _pending_school.get() or _request_school.get())
        instance.additional_data = data
        _pending_school.set(None)


class AuditMiddleware(AuditlogMiddleware):
    """auditlog's middleware, with the client's address as the rest of the app reads it (X-Forwarded-For only
    behind a trusted proxy: ``BEHIND_PROXY``), and the request's school forgotten at its end."""

    @staticmethod
    def _get_remote_addr(request):
        return get_client_ip_address(request)

    def __call__(self, request):
        # auditlog leaves its context (the actor) set after the request; ``log_bulk`` reads it, so it must not
        # outlive the request.
        school, context = _request_school.set(None), auditlog_value.set({})
        try:
            return super().__call__(request)
        finally:
            _request_school.reset(school)
            auditlog_value.reset(context)

    def process_exception(self, request, exception):
        if isinstance(exception, PermissionDenied) and request.user.is_authenticated:
            record(SecurityEventKind.DENIED, request, user=request.user, school_id=_request_school.get())
        return None


CREATE, UPDATE, DELETE = LogEntry.Action.CREATE, LogEntry.Action.UPDATE, LogEntry.Action.DELETE


def log_bulk(instances, action: int, changes=None) -> None:
    """Log writes that bypass model signals (``bulk_create``, ``bulk_update``, ``update``), one entry per
    object, in one insert. ``changes``: {field: [old, new]} for all, or a function of the instance giving its
    own."""
    instances = list(instances)
    if not instances:
        return
    context = auditlog_value.get(None) or {}
    content_type = ContentType.objects.get_for_model(instances[0])
    actor = context.get("actor")
    entries = [
        LogEntry(
            content_type=content_type,
            object_pk=str(instance.pk),
            object_id=instance.pk,
            object_repr=str(instance)[:500],
            action=action,
            changes=_as_text((changes(instance) if callable(changes) else changes) or {}),
            actor=actor if getattr(actor, "is_authenticated", False) else None,
            remote_addr=context.get("remote_addr"),
            timestamp=timezone.now(),
            additional_data={"school": school_of(instance), "bulk": True},
        )
        for instance in instances
    ]
    LogEntry.objects.bulk_create(entries)
    freshness.changed(entry.additional_data["school"] for entry in entries)  # bulk_create sends no post_save


def _as_text(changes: dict) -> dict:
    """Values as auditlog stores them (text, "None" for nothing), so its display reads ours too."""
    return {field: [str(value) for value in values] for field, values in changes.items()}


def record(kind: str, request, *, user=None, username: str = "", school_id: int | None = None) -> None:
    SecurityEvent.objects.create(
        kind=kind,
        user=user,
        username=(username or (user.get_username() if user else ""))[:150],
        ip_address=get_client_ip_address(request) if request is not None else None,
        path=(request.path if request is not None else "")[:255],
        school_id=school_id,
    )


def signed_in(sender, request, user, **kwargs) -> None:
    record(SecurityEventKind.SIGNED_IN, request, user=user)


def sign_in_failed(sender, credentials, request=None, **kwargs) -> None:
    record(SecurityEventKind.SIGN_IN_FAILED, request, username=str(credentials.get("username") or ""))


def locked_out(sender, request, username, ip_address, **kwargs) -> None:
    record(SecurityEventKind.LOCKED_OUT, request, username=str(username or ""))


def denied_program(user, program: Program, request=None) -> None:
    """Someone signed in opened a program that is not theirs (they get a 404)."""
    record(SecurityEventKind.DENIED, request, user=user, school_id=program.school_id)


# --- reading -----------------------------------------------------------------------------------------------


NOT_WORTH_SHOWING = {"id", "created_at", "updated_at", "uploaded_at", "recorded_at"}  # set by the app itself


def action_label(entry: LogEntry) -> str:
    from django.utils.translation import gettext as _

    labels = {
        LogEntry.Action.CREATE: _("Added"),
        LogEntry.Action.UPDATE: _("Changed"),
        LogEntry.Action.DELETE: _("Deleted"),
    }
    return labels.get(entry.action, _("Opened"))


def readable_changes(entry: LogEntry) -> list[tuple[str, str, str]]:
    """(field, before, after) of an entry, with field names and choices in words — without a query (auditlog's
    ``changes_display_dict`` looks up every foreign key, one query per entry); a related object shows as its id."""
    model = entry.content_type.model_class()
    rows = []
    for name, values in (entry.changes_dict or {}).items():
        if name in NOT_WORTH_SHOWING:
            continue
        before, after = [*values, "", ""][:2] if isinstance(values, list | tuple) else ("", values)
        label, choices = name, {}
        try:
            field = model._meta.get_field(name) if model else None
        except Exception:
            field = None
        if field is not None and field.auto_created and not field.concrete:
            continue  # a reverse relation auditlog lists on creation ("attendance: None")
        if entry.action == LogEntry.Action.CREATE and str(after) in ("None", ""):
            continue  # left empty: nothing to read
        if field is not None:
            label = str(getattr(field, "verbose_name", name))
            choices = {str(key): str(text) for key, text in (getattr(field, "choices", None) or [])}
        rows.append((label, choices.get(str(before), str(before)), choices.get(str(after), str(after))))
    return rows


def changes_for_school(school_id: int):
    return LogEntry.objects.filter(additional_data__school=school_id).select_related("actor", "content_type")


def security_events_for_school(school_id: int):
    """Refused pages of the school, and sign-ins of (and failed ones as) its accounts."""
    members = Membership.objects.filter(school_id=school_id)
    usernames = members.values("user__username")
    return (
        SecurityEvent.objects.filter(
            Q(school_id=school_id) | Q(user__in=members.values("user")) | Q(username__in=usernames)
        )
        .select_related("user")
        .distinct()
    )


# --- erasure -----------------------------------------------------------------------------------------------


def traces_of(person: Person, *, with_account: bool) -> dict:
    """What the log keeps that names ``person`` (read before their records are erased): their school, the words
    to look for, and — when the account goes too — the account."""
    words = [person.name, person.identifier, person.phone]
    user = person.user if with_account else None
    if user:
        words += [user.get_username(), user.email, user.get_full_name()]
    return {
        "school": person.school_id,
        "words": [word for word in words if word and len(word.strip()) >= 3],
        "user_id": user.pk if user else None,
        "person_id": person.pk,
    }


def scrub(traces: dict) -> int:
    """Blank what the audit log kept of an erased person, in their school's log: entries about them or naming
    them as a whole word ("Ani", not "Daniel") keep their time, action and object type (the log still says
    something was changed) but lose the values; their own actions lose their address, their sign-in events the
    name typed. Returns how many entries were blanked."""
    from .privacy import name_pattern

    patterns = [pattern for word in traces["words"] if (pattern := name_pattern(word))]
    # the school's entries, and those of no school (a JSON null, no key, or no data at all)
    school = (
        Q(additional_data__school=traces["school"])
        | Q(additional_data__school=None)
        | Q(additional_data__school__isnull=True)
        | Q(additional_data__isnull=True)
    )
    entries = LogEntry.objects.filter(school).annotate(
        text=Cast("changes", TextField()), data=Cast("serialized_data", TextField())
    )
    candidates = Q(content_type=ContentType.objects.get_for_model(Person), object_pk=str(traces["person_id"]))
    for word in traces["words"]:
        candidates |= Q(text__icontains=word) | Q(object_repr__icontains=word) | Q(changes_text__icontains=word)
        candidates |= Q(data__icontains=word)
    blank = []
    for entry in entries.filter(candidates):
        texts = (entry.text or "", entry.object_repr, entry.changes_text, entry.data or "")
        about = entry.content_type_id == ContentType.objects.get_for_model(Person).pk and entry.object_pk == str(
            traces["person_id"]
        )
        if about or any(pattern.search(text) for pattern in patterns for text in texts):
            blank.append(entry.pk)
    LogEntry.objects.filter(pk__in=blank).update(changes={}, changes_text="", object_repr="—", serialized_data=None)
    if traces["user_id"]:
        LogEntry.objects.filter(actor_id=traces["user_id"]).update(remote_addr=None, actor_email=None)
        SecurityEvent.objects.filter(user_id=traces["user_id"]).update(username="", ip_address=None)
        for word in traces["words"]:
            SecurityEvent.objects.filter(username__iexact=word).update(username="", ip_address=None)
    return len(blank)


def note_erasure(person: Person, by) -> None:
    """The log says that an erasure happened, and who did it — not whose."""
    context = auditlog_value.get(None) or {}
    LogEntry.objects.create(
        content_type=ContentType.objects.get_for_model(Person),
        object_pk=str(person.pk),
        object_id=person.pk,
        object_repr="—",
        action=LogEntry.Action.UPDATE,
        changes={"personal data": ["…", "erased"]},
        actor=by,
        remote_addr=context.get("remote_addr"),
        additional_data={"school": person.school_id, "erasure": True},
    )
