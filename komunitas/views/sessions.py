"""Sessions of any kind: plan, show, edit, delete; their attendance and documentation.

An activity app shows its own sessions on its own page (``SessionType.page``) but takes attendance, prints the
list and keeps documentation here, with the same selectors and includes (komunitas/selectors.py,
templates/includes/session/).
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.admin.utils import NestedObjects
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.files.storage import default_storage
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from .. import activities, print_images, services
from ..access import ProgramAccess, program_access
from ..forms import AttachmentForm, AttendanceForm, SessionForm
from ..models import Attachment, AttachmentKind, Person, PersonKind, Session, SessionStatus
from ..selectors import attendance_sheet, session_page
from ..uploads import serve_private
from . import atomic_post, render_program


def get_session(access: ProgramAccess, session_id: int, sessions=None) -> Session:
    """A session of the program (of ``sessions`` when given, e.g. one activity's), or 404."""
    sessions = access.program.sessions if sessions is None else sessions
    session = get_object_or_404(sessions.select_related("facilitator"), pk=session_id)
    session.program = access.program
    return session


@login_required
def session_create(request: HttpRequest, program_id: int) -> HttpResponse:
    access = program_access(request, program_id)
    access.require("log")
    program = access.program
    kinds = activities.session_types()
    initial = {
        "kind": request.GET.get("kind") or (kinds[0].value if kinds else None),  # the first declared kind
        "date": request.GET.get("date"),
        "repeat_weeks": 1,
        "status": SessionStatus.PLANNED,
    }
    form = SessionForm(request.POST or None, program=program, repeat=True, initial=initial)
    if request.method == "POST" and form.is_valid():
        dates = services.weekly_dates(form.cleaned_data["date"], form.cleaned_data.get("repeat_weeks") or 1, program)
        created = services.sessions_plan(program=program, template=form.instance, dates=dates, user=request.user)
        skipped = (form.cleaned_data.get("repeat_weeks") or 1) - len(created)
        if skipped:
            messages.warning(
                request,
                ngettext(
                    "%(count)s week fell after the program's end and was skipped.",
                    "%(count)s weeks fell after the program's end and were skipped.",
                    skipped,
                )
                % {"count": skipped},
            )
        if len(created) == 1:
            messages.success(request, _("Session planned."))
            return redirect(created[0])
        messages.success(request, _("%(count)s weekly sessions planned.") % {"count": len(created)})
        return redirect("schedule", program_id=program_id)
    return render_program(request, "komunitas/session_form.html", access, {"form": form, "session": None})


def documentation_form(access: ProgramAccess, data=None, files=None) -> AttachmentForm:
    """The form that adds a photo or file to a session (every session page shows it to those who log)."""
    students = Person.objects.participants_of(access.program, [PersonKind.STUDENT]).with_consents()
    return AttachmentForm(data, files, students=students)


def _render_session_detail(
    request: HttpRequest, access: ProgramAccess, session: Session, upload_form: AttachmentForm | None = None
) -> HttpResponse:
    context = session_page(access, session)
    if access.can_log and access.sees_personal_data:  # the form lists the program's students
        context["upload_form"] = upload_form or documentation_form(access)
    return render_program(request, "komunitas/session_detail.html", access, context)


@login_required
def session_detail(request: HttpRequest, program_id: int, session_id: int) -> HttpResponse:
    access = program_access(request, program_id)
    return _render_session_detail(request, access, get_session(access, session_id))


@login_required
@atomic_post
def session_edit(request: HttpRequest, program_id: int, session_id: int) -> HttpResponse:
    access = program_access(request, program_id)
    session = get_session(access, session_id)
    access.require_edit(session.created_by_id)
    form = SessionForm(request.POST or None, instance=session, program=access.program)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Session saved."))
        return redirect(session)
    context = {"form": form, "session": session, "may_delete": access.can_delete_session(session)}
    return render_program(request, "komunitas/session_form.html", access, context)


def _deleted_with(session: Session) -> list[str]:
    """What deleting the session takes with it, e.g. "12 attendance", "2 peer feedback" — whatever apps hang
    on it, found by Django's collector rather than listed here (links between records are not named)."""
    collector = NestedObjects(using="default")
    collector.collect([session])
    return [
        f"{len(objects)} {model._meta.verbose_name if len(objects) == 1 else model._meta.verbose_name_plural}"
        for model, objects in collector.model_objs.items()
        if model is not Session and objects and not model._meta.auto_created
    ]


@login_required
def session_delete(request: HttpRequest, program_id: int, session_id: int) -> HttpResponse:
    access = program_access(request, program_id)
    session = get_session(access, session_id)
    access.require_edit(session.created_by_id)
    if not access.can_delete_session(session):
        messages.error(request, _("Only the facilitator can delete a session that was held."))
        return redirect(session.page_url)
    if request.method == "POST":
        services.session_delete(session=session)
        messages.success(request, _("Session “%(title)s” deleted.") % {"title": session.title})
        return redirect("schedule", program_id=program_id)
    deleted_with = _deleted_with(session)
    warning = _("Nothing else is recorded on it.")
    if deleted_with:
        warning = _("Deleted with it: %(items)s. To keep them, mark the session “cancelled” instead.") % {
            "items": ", ".join(deleted_with)
        }
    return render_program(
        request,
        "komunitas/confirm_delete.html",
        access,
        {"object": session, "cancel_url": session.page_url, "warning": warning},
    )


@login_required
def attendance_edit(request: HttpRequest, program_id: int, session_id: int) -> HttpResponse:
    access = program_access(request, program_id)
    session = get_session(access, session_id)
    access.require("log")
    access.require_personal_data()  # the list names students: teachers of this program only
    if not access.can_take_attendance(session):
        messages.error(request, _("This session has not happened yet: take attendance on or after its day."))
        return redirect(session.page_url)
    current = dict(session.attendance.values_list("person_id", "status"))
    narrows = session.type is not None and session.type.narrows  # else the list already shows everyone
    everyone = request.GET.get("all") == "1" or not narrows
    form = AttendanceForm(
        request.POST or None,
        people=session.attendance_people(set(current), everyone=everyone),
        current=current,
        version=services.attendance_version(session, marks=current),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.attendance_record(
                session=session,
                statuses=form.statuses(),
                held_without_marks=form.cleaned_data["held_without_marks"],
                expected_version=form.cleaned_data["sheet_version"],
            )
        except services.StaleEdit as stale:  # saved by someone else between the check above and this save
            form.refuse_stale(stale.current)
            context = {"session": session, "form": form, "everyone": everyone, "narrows": narrows}
            return render_program(request, "komunitas/attendance_form.html", access, context)
        if session.status == SessionStatus.PLANNED:
            messages.success(request, _("Attendance saved. Nobody is marked present, so the session stays planned."))
        else:
            messages.success(request, _("Attendance saved."))
        return redirect(session.page_url)
    context = {"session": session, "form": form, "everyone": everyone, "narrows": narrows}
    return render_program(request, "komunitas/attendance_form.html", access, context)


@login_required
def attendance_print(request: HttpRequest, program_id: int, session_id: int) -> HttpResponse:
    """Daftar hadir: a printable attendance list with a signature column."""
    access = program_access(request, program_id)
    access.require_personal_data()
    session = get_session(access, session_id)
    return render_program(request, "komunitas/attendance_print.html", access, attendance_sheet(access, session))


@login_required
@require_POST
def attachment_add(request: HttpRequest, program_id: int, session_id: int) -> HttpResponse:
    access = program_access(request, program_id)
    session = get_session(access, session_id)
    access.require("log")
    access.require_personal_data()
    form = documentation_form(access, request.POST, request.FILES)
    if form.is_valid():
        services.attachment_add(
            session=session,
            clean=form.cleaned_data["file"].clean,
            original_name=form.cleaned_data["file"].original_name,
            caption=form.cleaned_data["caption"],
            people=form.cleaned_data["people"],
            user=request.user,
        )
        messages.success(request, _("Documentation added."))
        return redirect(session.page_url)
    return _render_session_detail(request, access, session, upload_form=form)


def _get_attachment(access: ProgramAccess, attachment_id: int) -> Attachment:
    attachment = get_object_or_404(
        Attachment.objects.with_consent().select_related("session"),
        pk=attachment_id,
        session__program=access.program,
    )
    if not access.may_see_photo(attachment):
        raise Http404
    return attachment


@login_required
def attachment_download(request: HttpRequest, program_id: int, attachment_id: int) -> HttpResponse:
    access = program_access(request, program_id)
    attachment = _get_attachment(access, attachment_id)
    if request.GET.get("size") == "thumb" and attachment.kind == AttachmentKind.PHOTO:
        thumb = print_images.thumb_copy(attachment)
        if thumb:
            return serve_private(
                default_storage.open(thumb), content_type="image/jpeg", filename="thumb.jpg", inline=True
            )
    return serve_private(
        attachment.file,
        content_type=attachment.content_type,
        filename=attachment.original_name,
        inline=attachment.kind == "photo",
    )


@login_required
def attachment_delete(request: HttpRequest, program_id: int, attachment_id: int) -> HttpResponse:
    access = program_access(request, program_id)
    attachment = _get_attachment(access, attachment_id)
    if not access.can_change(attachment):
        raise PermissionDenied
    session_url = attachment.session.page_url
    if request.method == "POST":
        services.attachment_delete(attachment=attachment)
        messages.success(request, _("Documentation deleted."))
        return redirect(session_url)
    return render_program(
        request, "komunitas/confirm_delete.html", access, {"object": attachment, "cancel_url": session_url}
    )
