"""Writes of the forum that touch several rows. Keyword-only, one transaction each (docs/architecture.md)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.core.files.base import ContentFile
from django.db import transaction

from komunitas import audit
from komunitas.models import AttendanceStatus, Person, Program, Session, SessionStatus
from komunitas.services import attachment_add, attendance_record
from komunitas.uploads import Upload, delete_files_on_commit

from .models import DEFAULT_METHODS, FORUM, FollowUp, ForumSession, Method, PeerFeedback, PracticeLog, Reflection


@dataclass(frozen=True)
class FollowUpData:
    action: str
    responsible: str = ""
    due_date: date | None = None
    done: bool = False


@transaction.atomic
def forum_session_save(
    *,
    session: Session,
    forum: ForumSession,
    presenters: list[Person],
    follow_ups: list[FollowUpData],
    statuses: dict[int, str],
    uploads: list[Upload],
    user,
) -> ForumSession:
    """Create or update a forum session in one go: the core session, its forum record, presenters, the RTL,
    attendance and new documentation. ``session`` and ``forum`` are validated, possibly unsaved instances.

    In a held session, presenters whose attendance was left blank are recorded present: they were there to
    present. In a planned one they are only who will present."""
    session.kind = FORUM
    if session.pk is None or forum._state.adding:
        # New, or planned on the schedule and now filled in: the teacher who logs it owns it.
        session.created_by = user
    session.save()
    forum.session = session
    forum.save()
    forum.presenters.set(presenters)
    forum.follow_ups.all().delete()
    created = FollowUp.objects.bulk_create(
        FollowUp(
            forum=forum,
            order=order,
            action=item.action,
            responsible=item.responsible,
            due_date=item.due_date,
            done=item.done,
        )
        for order, item in enumerate(follow_ups)
    )
    audit.log_bulk(created, audit.CREATE, lambda item: {"action": [None, item.action]})
    statuses = dict(statuses)
    if session.status == SessionStatus.HELD:
        for presenter in presenters:
            if not statuses.get(presenter.pk):
                statuses[presenter.pk] = AttendanceStatus.PRESENT
    attendance_record(session=session, statuses=statuses)
    for upload in uploads:
        attachment_add(
            session=session,
            clean=upload.clean,
            original_name=upload.original_name,
            caption="",
            people=[],
            user=user,
        )
    return forum


def feedback_save(*, feedback: PeerFeedback, user) -> PeerFeedback:
    if feedback.pk is None:
        feedback.created_by = user
    feedback.save()
    return feedback


def reflection_save(*, reflection: Reflection, user) -> Reflection:
    if reflection.pk is None:
        reflection.created_by = user
    reflection.save()
    return reflection


def methods_ensure_defaults(*, program: Program) -> None:
    """Give a new program the default method list (called when the core creates a program, through
    forums/activity.py; programs of before that got theirs in migration 0002)."""
    if program.methods.exists():
        return
    methods = Method.objects.bulk_create(Method(program=program, name=str(name)) for name in DEFAULT_METHODS)
    audit.log_bulk(methods, audit.CREATE, lambda method: {"name": [None, method.name]})


@transaction.atomic
def practice_log_save(
    *, log: PracticeLog, new_method_name: str = "", evidence: Upload | None = None, user
) -> PracticeLog:
    """Save a practice-log entry; a method typed in by the teacher joins the program's list."""
    if new_method_name:
        existing = log.program.methods.filter(name__iexact=new_method_name).first()
        log.method = existing or Method.objects.create(program=log.program, name=new_method_name, created_by=user)
    if log.pk is None:
        log.created_by = user
    if evidence is not None:
        if log.evidence:
            delete_files_on_commit([log.evidence])  # the replaced file goes once the new one is saved
        log.evidence_name = evidence.original_name[:255]
        log.evidence_type = evidence.clean.content_type
        log.evidence.save(f"evidence.{evidence.clean.extension}", ContentFile(evidence.clean.content), save=False)
    log.save()
    return log


@transaction.atomic
def practice_log_delete(*, log: PracticeLog) -> None:
    log.delete()  # its evidence goes after commit (komunitas.uploads.remove_files_of)


def method_save(*, method: Method, user) -> Method:
    if method.pk is None:
        method.created_by = user
    method.save()
    return method
