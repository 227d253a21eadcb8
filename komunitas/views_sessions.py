"""The schedule (planned vs held), its iCalendar feed, sessions, attendance and documentation."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.admin.utils import NestedObjects
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import calendar_feed, services
from .access import ProgramAccess, program_access, program_access_for
from .forms import AttachmentForm, AttendanceForm, SessionForm
from .models import (
    SESSION_AUDIENCE,
    Attachment,
    AttendanceStatus,
    Person,
    PersonKind,
    Session,
    SessionKind,
    SessionStatus,
    attendance_people,
)
from .uploads import serve_private
from .views import render_program

ICS_SALT = "komunitas.schedule-ics"
ICS_TOKEN_DAYS = 180


@login_required
def schedule(request: HttpRequest, program_id: int) -> HttpResponse:
    access = program_access(request, program_id)
    program = access.program
    sessions = program.sessions.select_related("facilitator").order_by("date", "start_time", "pk")
    kind = request.GET.get("kind", "")
    if kind in SessionKind.values:
        sessions = sessions.filter(kind=kind)
    sessions = list(sessions)
    weeks = {
        number: {
            "number": number,
            "range": program.week_range(number),
            "sessions": [],
            "planned": 0,
            "held": 0,
            "cancelled": 0,
        }
        for number in program.week_numbers()
    }
    for session in sessions:
        week = weeks.get(program.week_of(session.date))
        if week is None:  # the program was shortened after the session was planned
            continue
        week["sessions"].append(session)
        week["held" if session.status == SessionStatus.HELD else session.status] += 1
    # The grid: for each week and activity kind, held of planned (cancelled ones are not counted as planned).
    kinds = [choice for choice in SessionKind.choices if not kind or choice[0] == kind]
    grid = []
    for week in weeks.values():
        cells = []
        for value, _label in kinds:
            of_kind = [s for s in week["sessions"] if s.kind == value]
            cells.append(
                {
                    "planned": sum(1 for s in of_kind if s.status != SessionStatus.CANCELLED),
                    "held": sum(1 for s in of_kind if s.status == SessionStatus.HELD),
                }
            )
        grid.append((week, cells))
    token = signing.dumps({"u": request.user.pk, "p": program.pk}, salt=ICS_SALT)
    feed_url = request.build_absolute_uri(reverse("schedule_ics", args=[program.pk]) + f"?token={token}")
    return render_program(
        request,
        "komunitas/schedule.html",
        access,
        {
            "grid": grid,
            "kinds": kinds,
            "all_kinds": SessionKind.choices,
            "kind": kind,
            "current_week": program.current_week(),
            "feed_url": feed_url,
            "totals": {
                "planned": sum(w["planned"] + w["held"] for w in weeks.values()),
                "held": sum(w["held"] for w in weeks.values()),
            },
        },
    )


def schedule_ics(request: HttpRequest, program_id: int) -> HttpResponse:
    """The schedule as iCalendar. Calendar apps cannot sign in, so a signed, expiring token in the link
    stands for the user who copied it; their rights are checked again on every fetch."""
    user = request.user
    token = request.GET.get("token")
    if token:
        try:
            data = signing.loads(token, salt=ICS_SALT, max_age=dt.timedelta(days=ICS_TOKEN_DAYS))
        except signing.BadSignature:
            raise Http404 from None
        if data.get("p") != program_id:
            raise Http404
        user = get_object_or_404(get_user_model(), pk=data.get("u"), is_active=True)
    elif not user.is_authenticated:
        from django.contrib.auth.views import redirect_to_login

        return redirect_to_login(request.get_full_path())
    access = program_access_for(user, program_id)
    sessions = access.program.sessions.all()
    body = calendar_feed.build(access.program, sessions, request.build_absolute_uri("/"))
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="jadwal-program-{program_id}.ics"'
    return response


@login_required
def session_create(request: HttpRequest, program_id: int) -> HttpResponse:
    access = program_access(request, program_id)
    access.require("log")
    program = access.program
    initial = {
        "kind": request.GET.get("kind", SessionKind.FORUM),
        "date": request.GET.get("date"),
        "repeat_weeks": 1,
        "status": SessionStatus.PLANNED,
    }
    form = SessionForm(request.POST or None, program=program, repeat=True, initial=initial)
    if request.method == "POST" and form.is_valid():
        dates = services.weekly_dates(form.cleaned_data["date"], form.cleaned_data.get("repeat_weeks") or 1, program)
        created = services.sessions_plan(program=program, template=form.instance, dates=dates, user=request.user)
        if len(created) == 1:
            messages.success(request, _("Session planned."))
            return redirect(created[0])
        messages.success(request, _("%(count)s weekly sessions planned.") % {"count": len(created)})
        return redirect("schedule", program_id=program_id)
    return render_program(request, "komunitas/session_form.html", access, {"form": form, "session": None})


def _get_session(access: ProgramAccess, session_id: int) -> Session:
    session = get_object_or_404(access.program.sessions.select_related("facilitator"), pk=session_id)
    session.program = access.program
    return session


def group_attendance(attendance: list) -> list[tuple[str, str, list]]:
    """(label, status, people) for present, absent and excused, for pages that list who came in words."""
    return [
        (label, status, [row.person for row in attendance if row.status == status])
        for status, label in AttendanceStatus.choices
    ]


def _render_session_detail(
    request: HttpRequest, access: ProgramAccess, session: Session, upload_form: AttachmentForm | None = None
) -> HttpResponse:
    attendance = list(session.attendance.select_related("person").order_by("person__kind", "person__name"))
    attachments = list(
        session.attachments.with_consent_flag()
        .prefetch_related("people")
        .filter(**({} if access.is_school_staff else {"lacks_consent": False}))
    )
    for item in attachments:
        item.can_delete = access.can_edit(item.uploaded_by_id)
    if access.can_log and upload_form is None:
        upload_form = AttachmentForm(students=Person.objects.participants_of(access.program, [PersonKind.STUDENT]))
    return render_program(
        request,
        "komunitas/session_detail.html",
        access,
        {
            "session": session,
            "attendance_groups": group_attendance(attendance),
            "has_attendance": bool(attendance),
            "attachments": attachments,
            "upload_form": upload_form if access.can_log else None,
            "can_edit": access.can_edit(session.created_by_id),
        },
    )


@login_required
def session_detail(request: HttpRequest, program_id: int, session_id: int) -> HttpResponse:
    access = program_access(request, program_id)
    return _render_session_detail(request, access, _get_session(access, session_id))


@login_required
def session_edit(request: HttpRequest, program_id: int, session_id: int) -> HttpResponse:
    access = program_access(request, program_id)
    session = _get_session(access, session_id)
    access.require_edit(session.created_by_id)
    form = SessionForm(request.POST or None, instance=session, program=access.program)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Session saved."))
        return redirect(session)
    return render_program(request, "komunitas/session_form.html", access, {"form": form, "session": session})


def _deleted_with(session: Session) -> list[str]:
    """What deleting the session takes with it, e.g. "12 attendance", "2 peer feedback" — whatever apps hang
    on it, found by Django's collector rather than listed here."""
    collector = NestedObjects(using="default")
    collector.collect([session])
    return [
        f"{len(objects)} {model._meta.verbose_name_plural}"
        for model, objects in collector.model_objs.items()
        if model is not Session and objects
    ]


@login_required
def session_delete(request: HttpRequest, program_id: int, session_id: int) -> HttpResponse:
    access = program_access(request, program_id)
    session = _get_session(access, session_id)
    access.require_edit(session.created_by_id)
    if session.status == SessionStatus.HELD and not access.can_manage:
        # A held session carries colleagues' records (attendance, feedback, reflections): the facilitator decides.
        messages.error(request, _("Only the facilitator can delete a session that was held."))
        return redirect(session.page_url)
    if request.method == "POST":
        session.delete()
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
    session = _get_session(access, session_id)
    # Every teacher of the program keeps the community's records: attendance is not limited to the creator.
    access.require("log")
    if session.in_future:
        messages.error(request, _("This session has not happened yet: take attendance on or after its day."))
        return redirect(session)
    current = dict(session.attendance.values_list("person_id", "status"))
    everyone = request.GET.get("all") == "1" or session.kind not in SESSION_AUDIENCE
    people = attendance_people(access.program, session.kind, set(current), everyone=everyone)
    form = AttendanceForm(request.POST or None, people=people, current=current)
    if request.method == "POST" and form.is_valid():
        services.attendance_record(session=session, statuses=form.statuses())
        if request.POST.get("mark_held") and session.status == SessionStatus.PLANNED:
            session.status = SessionStatus.HELD
            session.save(update_fields=["status", "updated_at"])
        messages.success(request, _("Attendance saved."))
        return redirect(session)
    return render_program(
        request,
        "komunitas/attendance_form.html",
        access,
        {
            "session": session,
            "form": form,
            "everyone": everyone,
        },
    )


@login_required
def attendance_print(request: HttpRequest, program_id: int, session_id: int) -> HttpResponse:
    """Daftar hadir: a printable attendance list with a signature column."""
    access = program_access(request, program_id)
    session = _get_session(access, session_id)
    recorded = {a.person_id: a for a in session.attendance.all()}
    people = attendance_people(access.program, session.kind, set(recorded))
    rows = [(person, recorded.get(person.pk)) for person in people]
    return render_program(
        request,
        "komunitas/attendance_print.html",
        access,
        {"session": session, "rows": rows, "principal": Person.objects.principal_of(access.program.school_id)},
    )


@login_required
@require_POST
def attachment_add(request: HttpRequest, program_id: int, session_id: int) -> HttpResponse:
    access = program_access(request, program_id)
    session = _get_session(access, session_id)
    access.require("log")
    form = AttachmentForm(
        request.POST, request.FILES, students=Person.objects.participants_of(access.program, [PersonKind.STUDENT])
    )
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
        return redirect(session)
    return _render_session_detail(request, access, session, upload_form=form)


def _get_attachment(access: ProgramAccess, attachment_id: int) -> Attachment:
    attachment = get_object_or_404(
        Attachment.objects.with_consent_flag().select_related("session"),
        pk=attachment_id,
        session__program=access.program,
    )
    if attachment.lacks_consent and not access.is_school_staff:
        raise Http404
    return attachment


@login_required
def attachment_download(request: HttpRequest, program_id: int, attachment_id: int) -> HttpResponse:
    access = program_access(request, program_id)
    attachment = _get_attachment(access, attachment_id)
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
    access.require_edit(attachment.uploaded_by_id)
    if request.method == "POST":
        session_url = reverse("session_detail", args=[program_id, attachment.session_id])
        attachment.file.delete(save=False)
        attachment.delete()
        messages.success(request, _("Documentation deleted."))
        return redirect(session_url)
    return render_program(
        request,
        "komunitas/confirm_delete.html",
        access,
        {
            "object": attachment,
            "cancel_url": reverse("session_detail", args=[program_id, attachment.session_id]),
        },
    )
