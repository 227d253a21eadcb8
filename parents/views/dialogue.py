"""The dialogue of the classes: notes added per class (experience, obstacle, hope — the study's three), and a
summary of every class's notes by tag and theme. Parents are named only to whom ``sees_personal_data``."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _

from komunitas.access import ProgramAccess, program_access
from komunitas.models import Session
from komunitas.views import atomic_post, render_program

from .. import services
from ..filters import DialogueFilter
from ..forms import DialogueNoteForm, program_classes
from ..models import DialogueNote
from ..selectors import dialogue_summary, program_notes
from .base import get_class_session


def _note_form_page(request: HttpRequest, access: ProgramAccess, session: Session, note: DialogueNote):
    is_new = note.pk is None
    if is_new and session.class_or_none is not None:
        note.theme = session.class_or_none.theme  # most of what is said is on the class's theme
    form = DialogueNoteForm(
        request.POST or None, instance=note, program=access.program, parent=access.sees_personal_data
    )
    if request.method == "POST" and form.is_valid():
        services.dialogue_note_save(note=form.instance, user=request.user)
        messages.success(request, _("Dialogue note added.") if is_new else _("Dialogue note saved."))
        return redirect("parents:detail", program_id=access.program.pk, pk=session.pk)
    context = {"form": form, "session": session, "note": None if is_new else note}
    return render_program(request, "parents/note_form.html", access, context)


def _get_note(access: ProgramAccess, pk: int, note_pk: int) -> tuple[Session, DialogueNote]:
    session = get_class_session(access, pk)
    note = get_object_or_404(session.dialogue_notes.all(), pk=note_pk)
    if not access.can_change(note):
        raise PermissionDenied
    return session, note


@login_required
def note_create(request: HttpRequest, program_id: int, pk: int) -> HttpResponse:
    access = program_access(request, program_id)
    access.require("log")
    session = get_class_session(access, pk)
    return _note_form_page(request, access, session, DialogueNote(session=session))


@login_required
@atomic_post
def note_edit(request: HttpRequest, program_id: int, pk: int, note_pk: int) -> HttpResponse:
    access = program_access(request, program_id)
    session, note = _get_note(access, pk, note_pk)
    return _note_form_page(request, access, session, note)


@login_required
def note_delete(request: HttpRequest, program_id: int, pk: int, note_pk: int) -> HttpResponse:
    access = program_access(request, program_id)
    session, note = _get_note(access, pk, note_pk)
    if request.method == "POST":
        services.dialogue_note_delete(note=note)
        messages.success(request, _("Dialogue note deleted."))
        return redirect("parents:detail", program_id=program_id, pk=session.pk)
    context = {"object": note, "cancel_url": session.page_url}
    return render_program(request, "komunitas/confirm_delete.html", access, context)


@login_required
def summary(request: HttpRequest, program_id: int) -> HttpResponse:
    """Every class's notes grouped by tag, then theme, with counts; filtered by tag, theme or class."""
    access = program_access(request, program_id)
    classes = list(program_classes(access.program))
    filters = DialogueFilter(request.GET, queryset=program_notes(access.program), classes=classes)
    notes = list(filters.qs)
    context = {"groups": dialogue_summary(notes), "note_count": len(notes), "filters": filters}
    return render_program(request, "parents/dialogue.html", access, context)
