"""The staff side of the self check-in: a class's links (open, close, its QR code, a full-screen page to show in
the room), the names parents added for the facilitator to confirm, merge or reject, and the printable invitation
with a ready-to-send message. The public page parents use is ``views/public.py``."""

from __future__ import annotations

import io
from urllib.parse import quote

import segno
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.formats import date_format, time_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from komunitas.access import ProgramAccess, program_access
from komunitas.models import Person, PersonKind, Session, SessionStatus
from komunitas.views import render_program
from komunitas.views.sessions import get_session

from .. import check_in as services
from ..check_in_forms import ConfirmForm, MergeForm
from ..models import PARENT_CLASS, CheckIn, CheckInLink, CheckInStatus


def get_class(access: ProgramAccess, pk: int) -> Session:
    """A parent class of the program (its core session), or 404."""
    sessions = access.program.sessions.filter(kind=PARENT_CLASS).select_related("parent_class")
    return get_session(access, pk, sessions)


def _get_link(session: Session, link_pk: int) -> CheckInLink:
    link = get_object_or_404(session.check_in_links.all(), pk=link_pk)
    link.session = session
    return link


def _public_url(request: HttpRequest, link: CheckInLink) -> str:
    return request.build_absolute_uri(link.get_absolute_url())


def _student_choices(program) -> list[tuple[int, str]]:
    return [(p.pk, str(p)) for p in Person.objects.participants_of(program, [PersonKind.STUDENT]).order_by("name")]


def _parent_choices(program) -> list[tuple[int, str]]:
    parents = Person.objects.participants_of(program, [PersonKind.PARENT]).order_by("name")
    rows = []
    for parent in parents.prefetch_related("guardian_of"):
        classes = ", ".join(sorted({child.class_name for child in parent.guardian_of.all() if child.class_name}))
        rows.append((parent.pk, f"{parent.name} ({classes})" if classes else parent.name))
    return rows


def _check_in_page(request, access: ProgramAccess, session: Session, bound=None, status: int = 200) -> HttpResponse:
    """The page; ``bound`` = (check-in id, form) re-shows one waiting name's form with its errors."""
    context = services.check_in_page(session, names=access.sees_personal_data)
    for link in context["links"]:
        link.url = _public_url(request, link)
    context["open_links"] = [link for link in context["links"] if link.is_open]
    context["closed_links"] = [link for link in context["links"] if not link.is_open]
    if access.can_manage:  # the facilitator decides about the names parents added
        students, parents = _student_choices(access.program), _parent_choices(access.program)
        for row in context["pending"]:
            row.confirm_form = ConfirmForm(students=students, auto_id=f"id_%s_{row.pk}")
            row.merge_form = MergeForm(parents=parents, auto_id=f"id_%s_merge_{row.pk}")
            if bound and bound[0] == row.pk:
                setattr(row, bound[1], bound[2])
    context.update(session=session, closed_for_check_in=session.status == SessionStatus.CANCELLED)
    return render_program(request, "parents/check_in_page.html", access, context, status=status)


@login_required
def check_in(request: HttpRequest, program_id: int, pk: int) -> HttpResponse:
    """The class's check-in links; a POST opens a new one (refused for a cancelled class)."""
    access = program_access(request, program_id)
    session = get_class(access, pk)
    access.require("log")
    if request.method == "POST":
        try:
            services.check_in_link_open(session=session, user=request.user)
        except services.CheckInRefused as refused:
            messages.error(request, str(refused))
        else:
            messages.success(request, _("Check-in link opened. Show its QR code in the room or send the link."))
        return redirect("parents:check_in", program_id=program_id, pk=pk)
    return _check_in_page(request, access, session)


@login_required
@require_POST
def check_in_revoke(request: HttpRequest, program_id: int, pk: int, link_pk: int) -> HttpResponse:
    access = program_access(request, program_id)
    link = _get_link(get_class(access, pk), link_pk)
    access.require("log")
    services.check_in_link_revoke(link=link)
    messages.success(request, _("Link closed: nobody can check in through it any more."))
    return redirect("parents:check_in", program_id=program_id, pk=pk)


@login_required
def check_in_qr(request: HttpRequest, program_id: int, pk: int, link_pk: int) -> HttpResponse:
    """The link's QR code as SVG, for the screen in the room or the printed invitation."""
    access = program_access(request, program_id)
    session = get_class(access, pk)
    link = _get_link(session, link_pk)
    access.require("log")
    out = io.BytesIO()
    segno.make(_public_url(request, link), error="m").save(out, kind="svg", scale=8, title=session.title)
    return HttpResponse(out.getvalue(), content_type="image/svg+xml")


@login_required
def check_in_screen(request: HttpRequest, program_id: int, pk: int, link_pk: int) -> HttpResponse:
    """A full-screen page to show on the projector: a big QR code, the class, the link written out."""
    access = program_access(request, program_id)
    session = get_class(access, pk)
    link = _get_link(session, link_pk)
    access.require("log")
    url = _public_url(request, link)
    context = {"session": session, "link": link, "short_url": url.split("://", 1)[-1]}
    return render_program(request, "parents/check_in_screen.html", access, context)


def _decide(request, program_id: int, pk: int, check_in_pk: int, decide) -> HttpResponse:
    """Find the name parents wrote, let ``decide`` act, go back to the list. A name already dealt with (a second
    click, a colleague first) is said so, and nothing changes."""
    access = program_access(request, program_id)
    session = get_class(access, pk)
    access.require("manage")
    row = get_object_or_404(CheckIn.objects.exclude(status=CheckInStatus.CHECKED_IN), session=session, pk=check_in_pk)
    row.session = session
    try:
        if row.status != CheckInStatus.PENDING:
            raise services.CheckInRefused(_("This name was already dealt with."))
        answer = decide(access, session, row)
    except services.CheckInRefused as refused:
        messages.error(request, str(refused))
        answer = None
    return answer or redirect("parents:check_in", program_id=program_id, pk=pk)


@login_required
@require_POST
def check_in_confirm(request: HttpRequest, program_id: int, pk: int, check_in_pk: int) -> HttpResponse:
    """Add the name to the roster as a new parent of the program, present at the class."""

    def decide(access, session, row):
        form = ConfirmForm(request.POST, students=_student_choices(access.program), auto_id=f"id_%s_{row.pk}")
        if not form.is_valid():
            return _check_in_page(request, access, session, (row.pk, "confirm_form", form))
        child_pk = form.cleaned_data["child"]
        child = Person.objects.get(pk=child_pk) if child_pk else None
        parent = services.check_in_confirm(check_in=row, child=child, user=request.user)
        messages.success(request, _("%(name)s is now on the roster, present at this class.") % {"name": parent.name})

    return _decide(request, program_id, pk, check_in_pk, decide)


@login_required
@require_POST
def check_in_merge(request: HttpRequest, program_id: int, pk: int, check_in_pk: int) -> HttpResponse:
    """The name is a parent already on the roster: they are present."""

    def decide(access, session, row):
        form = MergeForm(request.POST, parents=_parent_choices(access.program), auto_id=f"id_%s_merge_{row.pk}")
        if not form.is_valid():
            return _check_in_page(request, access, session, (row.pk, "merge_form", form))
        parent = Person.objects.get(pk=form.cleaned_data["parent"])
        services.check_in_merge(check_in=row, parent=parent, user=request.user)
        messages.success(request, _("Merged: %(name)s is present at this class.") % {"name": parent.name})

    return _decide(request, program_id, pk, check_in_pk, decide)


@login_required
@require_POST
def check_in_reject(request: HttpRequest, program_id: int, pk: int, check_in_pk: int) -> HttpResponse:
    def decide(access, session, row):
        services.check_in_reject(check_in=row, user=request.user)
        messages.success(request, _("Name rejected: it is not added to the roster."))

    return _decide(request, program_id, pk, check_in_pk, decide)


def _time_range(session: Session) -> str:
    if not session.start_time:
        return ""
    end = f"–{time_format(session.end_time, 'H:i')}" if session.end_time else ""
    return f"{time_format(session.start_time, 'H:i')}{end} WIB"


def invitation_text(session: Session, url: str | None) -> str:
    """The message to send parents (WhatsApp, SMS), in the reader's language."""
    parent_class = getattr(session, "parent_class", None)
    values = {
        "title": session.title,
        "date": date_format(session.date, "l, j F Y"),
        "time": _time_range(session),
        "place": session.place or _("the school"),
        "theme": parent_class.theme_label if parent_class else "",
    }
    lines = [_("Dear parents,"), ""]
    lines.append(_("You are invited to the parent class “%(title)s” on %(date)s.") % values)
    if values["time"]:
        lines.append(_("Time: %(time)s, at %(place)s.") % values)
    else:
        lines.append(_("Place: %(place)s.") % values)
    if values["theme"]:
        lines.append(_("Theme: %(theme)s.") % values)
    if url:
        lines += ["", _("When you arrive, check in on your phone: %(url)s") % {"url": url}]
    lines += ["", _("We look forward to seeing you. Thank you.")]
    return "\n".join(lines)


@login_required
def invitation(request: HttpRequest, program_id: int, pk: int) -> HttpResponse:
    """A printable invitation and a message to send, with the open check-in link (and its QR code) if any."""
    access = program_access(request, program_id)
    session = get_class(access, pk)
    access.require("log")
    link = next((link for link in session.check_in_links.all() if link.is_open), None)
    url = _public_url(request, link) if link else None
    text = invitation_text(session, url)
    context = {
        "session": session,
        "parent_class": getattr(session, "parent_class", None),
        "link": link,
        "url": url,
        "message_text": text,
        "whatsapp_url": "https://wa.me/?text=" + quote(text, safe=""),
    }
    return render_program(request, "parents/invitation.html", access, context)
