"""Writes of the parent classes. Keyword-only, one transaction each (docs/architecture.md, "Where code goes")."""

from __future__ import annotations

from django.db import transaction

from komunitas.models import Session

from .models import PARENT_CLASS, Contribution, DialogueNote, FollowUp, ParentClass


@transaction.atomic
def parent_class_log(*, session: Session, parent_class: ParentClass, user) -> ParentClass:
    """A parent class: the core session (kind "parent_class") and its class record, both or neither. Attendance
    is taken afterwards on the core's attendance page, whose list shows the program's parents and staff."""
    session.kind = PARENT_CLASS
    if session.pk is None or parent_class._state.adding:
        # New, or planned on the schedule and now filled in: whoever logs it owns it (as in the forum and clubs).
        session.created_by = user
    session.save()
    parent_class.session = session
    parent_class.save()
    return parent_class


@transaction.atomic
def dialogue_note_save(*, note: DialogueNote, user) -> DialogueNote:
    if note.pk is None:
        note.created_by = user
    note.save()
    return note


@transaction.atomic
def dialogue_note_delete(*, note: DialogueNote) -> None:
    note.delete()


@transaction.atomic
def contribution_save(*, contribution: Contribution, user) -> Contribution:
    if contribution.pk is None:
        contribution.created_by = user
    contribution.save()
    return contribution


@transaction.atomic
def contribution_delete(*, contribution: Contribution) -> None:
    contribution.delete()


@transaction.atomic
def follow_up_save(*, follow_up: FollowUp, user) -> FollowUp:
    if follow_up.pk is None:
        follow_up.created_by = user
    follow_up.save()
    return follow_up


@transaction.atomic
def follow_up_delete(*, follow_up: FollowUp) -> None:
    follow_up.delete()
