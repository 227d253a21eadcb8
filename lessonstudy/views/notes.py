"""The observer's notes: the phone page (one textarea, tags, the seat map, a photo), the endpoint its notes.js sends
to — or, without JavaScript, the same page's plain form posts to — and a note's edit, delete and photo.

A note is stored once per ``client_id`` (a resend returns the stored one, 200). A note typed before the lesson
started, or more than two hours after it ended, is kept flagged ``late`` — from an observer of the lesson only."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from komunitas.access import ProgramAccess, program_access
from komunitas.uploads import serve_private
from komunitas.views import atomic_post, render_program

from .. import lessons, notes
from ..lesson_forms import NoteEditForm, NoteForm
from ..models import ObservationNote

# Lazy: a module-level text is translated when shown, in the reader's language, not once at import.
LATE_REFUSED = gettext_lazy("This lesson is over (or has not started): only its observers may still add notes.")


def _wants_json(request: HttpRequest) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def _observer_lesson(request: HttpRequest, program_id: int, session_pk: int):
    """The lesson (with its cycle: none yet is a 404 here) and the access of someone who may take notes on it."""
    access = program_access(request, program_id)
    session = lessons.get_lesson(access, session_pk)
    access.require("log")
    access.require_personal_data()  # the class by name
    if session.cycle is None:
        raise Http404
    return access, session


def _render_notes_page(request, access: ProgramAccess, session, observer, form=None, status=200) -> HttpResponse:
    context = notes.notes_page(session, observer)
    students = lessons.class_students(session.cycle)
    context.update(session=session, cycle=session.cycle, observer=observer)
    context["form"] = form or NoteForm(students=students, groups=context["chart"].groups)
    context["lesson_url"] = reverse("lessonstudy:lesson", args=[access.program.pk, session.pk])
    return render_program(request, "lessonstudy/notes.html", access, context, status=status)


@login_required
def notes_page(request: HttpRequest, program_id: int, session_pk: int) -> HttpResponse:
    access, session = _observer_lesson(request, program_id, session_pk)
    return _render_notes_page(request, access, session, access.own_person())


@login_required
@require_POST
def note_add(request: HttpRequest, program_id: int, session_pk: int) -> HttpResponse:
    access, session = _observer_lesson(request, program_id, session_pk)
    observer = access.own_person()
    as_json = _wants_json(request)
    if observer is None:
        message = _("Your account is not linked to anyone on the school's roster, so it cannot take notes.")
        if as_json:
            return JsonResponse({"error": message}, status=403)
        messages.error(request, message)
        return _render_notes_page(request, access, session, None)
    stored = _stored(request.POST.get("client_id"), session, observer)
    if stored:  # sent again after a dropped connection: the note is already here
        if as_json:
            return JsonResponse(_as_json(stored, created=False))
        messages.info(request, _("This note was saved already."))
        return redirect("lessonstudy:notes", program_id=program_id, session_pk=session.pk)
    chart = lessons.seating_chart(session.cycle)
    form = NoteForm(request.POST, request.FILES, students=lessons.class_students(session.cycle), groups=chart.groups)
    if not form.is_valid():
        if as_json:
            return JsonResponse({"errors": {k: [str(e) for e in v] for k, v in form.errors.items()}}, status=400)
        messages.error(request, _("The note was not saved yet: see below."))
        return _render_notes_page(request, access, session, observer, form=form)
    data = form.cleaned_data
    noted_at = notes.noted_time(data["noted_at"])
    late = lessons.is_late(session, noted_at)
    if late and observer.pk not in lessons.observer_ids(session, session.cycle):
        if as_json:
            return JsonResponse({"error": str(LATE_REFUSED)}, status=403)
        raise PermissionDenied(LATE_REFUSED)
    note, created = notes.note_add(
        session=session, observer=observer, client_id=data["client_id"] or uuid.uuid4(), noted_at=noted_at,
        text=data["text"], tag=data["tag"], students=list(data["students"]), group=data["group"],
        photo=data["photo"], late=late,
    )  # fmt: skip
    if note.observer_id != observer.pk or note.session_id != session.pk:  # another's, stored in the meantime
        raise PermissionDenied
    if as_json:
        return JsonResponse(_as_json(note, created=created), status=201 if created else 200)
    if late:
        messages.warning(request, _("Note saved, marked late: it was written outside the lesson's time."))
    else:
        messages.success(request, _("Note saved."))
    return redirect("lessonstudy:notes", program_id=program_id, session_pk=session.pk)


def _stored(client_id: str | None, session, observer) -> ObservationNote | None:
    """The note already stored under this phone-made id, by this observer on this lesson (another's is no resend:
    the form refuses its id)."""
    try:
        key = uuid.UUID(str(client_id))
    except ValueError:
        return None
    return ObservationNote.objects.filter(client_id=key, session=session, observer=observer).first()


def _as_json(note: ObservationNote, *, created: bool) -> dict:
    return {"client_id": str(note.client_id), "id": note.pk, "late": note.late, "created": created}


def _get_note(access: ProgramAccess, session, note_pk: int) -> ObservationNote:
    note = get_object_or_404(session.observation_notes.select_related("observer"), pk=note_pk)
    note.session = session
    return note


@login_required
@atomic_post
def note_edit(request: HttpRequest, program_id: int, session_pk: int, note_pk: int) -> HttpResponse:
    access = program_access(request, program_id)
    session = lessons.get_lesson(access, session_pk)
    note = _get_note(access, session, note_pk)
    access.require_personal_data()
    if not notes.may_change_note(access, note) or session.cycle is None:
        raise PermissionDenied
    chart = lessons.seating_chart(session.cycle)
    students = lessons.class_students(session.cycle)
    form = NoteEditForm(
        request.POST if request.method == "POST" else None, instance=note, students=students, groups=chart.groups
    )
    back = reverse("lessonstudy:lesson", args=[program_id, session.pk])
    if request.method == "POST":
        if form.is_valid():
            notes.note_save(note=form.instance, students=list(form.cleaned_data["students"]))
            messages.success(request, _("Note saved."))
            return redirect(back)
        messages.error(request, _("Some fields need attention; nothing was saved yet."))
    context = {"session": session, "cycle": session.cycle, "form": form, "note": note, "cancel_url": back}
    return render_program(request, "lessonstudy/note_form.html", access, context)


@login_required
def note_delete(request: HttpRequest, program_id: int, session_pk: int, note_pk: int) -> HttpResponse:
    access = program_access(request, program_id)
    session = lessons.get_lesson(access, session_pk)
    note = _get_note(access, session, note_pk)
    if not notes.may_change_note(access, note):
        raise PermissionDenied
    back = reverse("lessonstudy:lesson", args=[program_id, session.pk])
    if request.method == "POST":
        notes.note_delete(note=note)
        messages.success(request, _("Note deleted."))
        return redirect(back)
    title = _("Delete this note?")
    return render_program(
        request, "komunitas/confirm_delete.html", access, {"object": note, "title": title, "cancel_url": back}
    )


@login_required
def note_photo(request: HttpRequest, program_id: int, session_pk: int, note_pk: int) -> HttpResponse:
    """A note's photo, for the staff who see the students (a photo a tagged student's guardian did not consent to
    for staff pages: its author and those who manage consent only)."""
    access = program_access(request, program_id)
    session = lessons.get_lesson(access, session_pk)
    note = _get_note(access, session, note_pk)
    access.require_personal_data()
    if not note.photo:
        raise Http404
    restricted = not access.manages_consent and note.observer.user_id != request.user.pk
    if restricted and note.students.with_consents().filter(consent_staff=False).exists():
        raise PermissionDenied
    content_type = "image/png" if note.photo.name.endswith(".png") else "image/jpeg"
    return serve_private(note.photo, content_type=content_type, filename="note-photo", inline=True)
