"""A person's data (see it, download it as JSON, erase it) and the school's audit log — for those who manage
the school (komunitas/privacy.py, komunitas/audit.py)."""

from __future__ import annotations

import json

from django.apps import apps
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .. import audit, privacy
from ..access import ProgramAccess, program_access
from ..models import Membership, Person
from . import render_program

PAGE_SIZE = 50

# The data's keys (komunitas/privacy.py, each app's person_data) in words, for the page; the JSON keeps the keys.
LABELS = {
    "name": gettext_lazy("name"),
    "kind": gettext_lazy("kind"),
    "identifier": gettext_lazy("NIS / NIP"),
    "class": gettext_lazy("class"),
    "subject": gettext_lazy("subject taught"),
    "phone": gettext_lazy("phone"),
    "school": gettext_lazy("school"),
    "parent_of": gettext_lazy("parent of"),
    "parents": gettext_lazy("parents"),
    "archived_at": gettext_lazy("archived at"),
    "erased_at": gettext_lazy("erased at"),
    "username": gettext_lazy("username"),
    "email": gettext_lazy("e-mail"),
    "date_joined": gettext_lazy("account since"),
    "last_login": gettext_lazy("last signed in"),
    "roles": gettext_lazy("roles"),
    "program": gettext_lazy("program"),
    "role": gettext_lazy("role in program"),
    "joined_on": gettext_lazy("joined on"),
    "left_on": gettext_lazy("left on"),
    "session": gettext_lazy("session"),
    "forum": gettext_lazy("session"),
    "date": gettext_lazy("date"),
    "status": gettext_lazy("status"),
    "caption": gettext_lazy("caption"),
    "file": gettext_lazy("file"),
    "purpose": gettext_lazy("purpose"),
    "given_by": gettext_lazy("given by"),
    "given_on": gettext_lazy("given on"),
    "recorded_by": gettext_lazy("recorded by"),
    "recorded_at": gettext_lazy("recorded at"),
    "withdrawn_at": gettext_lazy("withdrawn at"),
    # the forum's (forums/privacy.py)
    "from": gettext_lazy("from"),
    "to": gettext_lazy("to"),
    "went_well": gettext_lazy("Share: what I saw that worked"),
    "question": gettext_lazy("Ask: a question"),
    "suggestion": gettext_lazy("Give: a suggestion"),
    "anonymous": gettext_lazy("anonymous to the presenter"),
    "learned": gettext_lazy("What I learned"),
    "will_try": gettext_lazy("What I will try in my class"),
    "method": gettext_lazy("method"),
    "how_it_went": gettext_lazy("how it went"),
    "evidence": gettext_lazy("evidence"),
    "as": gettext_lazy("as"),
}


def _person(access: ProgramAccess, person_id: int) -> Person:
    """Anyone of the program's school, archived and erased people included — for those who manage the school
    (facilitators and the principal: a facilitator's own data is the principal's to erase)."""
    access.require("staff")
    return get_object_or_404(
        Person.objects.select_related("school", "user"), pk=person_id, school=access.program.school
    )


def _label(key: str) -> str:
    return str(LABELS.get(key, key.replace("_", " ")))


def _sections(records: dict[str, list[dict]]) -> list[tuple[str, list[list[tuple[str, str]]]]]:
    """(title, rows of (label, value)) per kind of record that has any, for the page."""
    sections = []
    for model_label, rows in records.items():
        if rows:
            title = str(apps.get_model(model_label)._meta.verbose_name_plural).capitalize()
            sections.append((title, [_pairs(row) for row in rows]))
    return sections


def _pairs(data: dict | None) -> list[tuple[str, str]]:
    """(label, value) for what has a value; lists joined."""
    pairs = []
    for key, value in (data or {}).items():
        if value:
            pairs.append((_label(key), ", ".join(value) if isinstance(value, list) else str(value)))
    return pairs


@login_required
def person_data(request: HttpRequest, program_id: int, person_id: int) -> HttpResponse:
    access = program_access(request, program_id)
    person = _person(access, person_id)
    record = privacy.record(person)
    context = {
        "person": person,
        "who": _pairs(record["person"]),
        "account": _pairs(record["account"]),
        "sections": _sections(record["records"]),
    }
    return render_program(request, "komunitas/person_data.html", access, context)


@login_required
def person_data_json(request: HttpRequest, program_id: int, person_id: int) -> HttpResponse:
    access = program_access(request, program_id)
    person = _person(access, person_id)
    body = json.dumps(privacy.record(person), ensure_ascii=False, indent=2, default=str)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    name = slugify(person.name) or f"orang-{person.pk}"
    response["Content-Disposition"] = f'attachment; filename="data-{name}.json"'
    return response


@login_required
def person_erase(request: HttpRequest, program_id: int, person_id: int) -> HttpResponse:
    access = program_access(request, program_id)
    person = _person(access, person_id)
    data_url = reverse("person_data", args=[program_id, person_id])
    membership = Membership.objects.filter(user_id=person.user_id, school_id=person.school_id).first()
    if person.erased_at:
        messages.info(request, _("This person's data is erased already."))
        return redirect(data_url)
    if person.user_id == request.user.pk or (membership and not access.can_change_membership(membership)):
        messages.error(
            request, _("%(name)s manages this school: only the principal can erase them.") % {"name": person}
        )
        return redirect(data_url)
    if request.method == "POST":
        privacy.erase(person, request.user)
        messages.success(request, _("The personal data was erased. Their attendance still counts, without a name."))
        return redirect("people_list", program_id=program_id)
    warning = _(
        "Their name, numbers, phone, parent links and account go; photos showing them are deleted; what they wrote "
        "in the forum is blanked; the audit log forgets what it kept of them. Their attendance and participation "
        "stay as “%(erased)s”, so every figure of the program stays the same. This cannot be undone: download their "
        "data first if they asked for it."
    ) % {"erased": privacy.erased_name()}
    return render_program(
        request,
        "komunitas/confirm_delete.html",
        access,
        {
            "object": person,
            "title": _("Erase the personal data of %(name)s?") % {"name": person},
            "warning": warning,
            "cancel_url": data_url,
            "action_label": _("Erase"),
        },
    )


@login_required
def audit_log(request: HttpRequest, program_id: int) -> HttpResponse:
    """The school's log: changes (who, what, when, from where) or sign-ins and refused pages (``?show=access``)."""
    access = program_access(request, program_id)
    access.require("staff")
    school_id = access.program.school_id
    show = "access" if request.GET.get("show") == "access" else "changes"
    entries = audit.security_events_for_school(school_id) if show == "access" else audit.changes_for_school(school_id)
    page = Paginator(entries, PAGE_SIZE).get_page(request.GET.get("page"))
    if show == "changes":
        for entry in page.object_list:
            entry.readable, entry.action_label = audit.readable_changes(entry), audit.action_label(entry)
    return render_program(request, "komunitas/audit_log.html", access, {"page": page, "show": show})
