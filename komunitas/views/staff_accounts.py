"""Accounts for the roster's staff in one go, and the printable sign-in sheet of the accounts waiting for their
owner (``komunitas/staff_accounts.py``). Both pages show links that let whoever holds them choose a password:
staff capability only, and never stored by a browser or a proxy (``never_cache``: ``Cache-Control: no-store``)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache

from ..access import ProgramAccess, program_access
from ..models import Membership
from ..staff_accounts import (
    creatable_people,
    link_days,
    link_expiry,
    origin_of,
    qr_data_uri,
    set_password_link,
    staff_accounts_create,
    staff_without_account,
    waiting_accounts,
)
from ..staff_accounts_forms import StaffAccountsForm
from . import render_program

# The accounts just created, shown once on the page the POST redirects to: [[user id, mailed], …]
CREATED_KEY = "staff-accounts-created-{program_id}"


@never_cache
@login_required
def staff_accounts(request: HttpRequest, program_id: int) -> HttpResponse:
    access = program_access(request, program_id)
    access.require("staff")
    data = request.POST if request.method == "POST" else None  # an empty POST is "nobody ticked": an error
    form = StaffAccountsForm(data, people=creatable_people(access))
    if request.method == "POST" and form.is_valid():
        return _create(request, access, form.cleaned_data["people"])
    people = staff_without_account(access)
    ticked = {str(pk) for pk in form.data.getlist("people")} if form.is_bound else None  # None: all, at first
    for person in people:
        person.ticked = person.may_create and (ticked is None or str(person.pk) in ticked)
    context = {
        "form": form,
        "people": people,
        "creatable": sum(person.may_create for person in people),
        "created": _created(request, access),
        "days": link_days(),
    }
    return render_program(request, "komunitas/staff_accounts.html", access, context)


def _create(request: HttpRequest, access: ProgramAccess, people) -> HttpResponse:
    created = staff_accounts_create(
        school=access.program.school,
        people=list(people),
        program=access.program,
        origin=origin_of(request),
    )
    if created:
        text = ngettext(
            "%(count)d account created. Hand each person their link below, or print the sign-in sheet.",
            "%(count)d accounts created. Hand each person their link below, or print the sign-in sheet.",
            len(created),
        )
        messages.success(request, text % {"count": len(created)})
        request.session[CREATED_KEY.format(program_id=access.program.pk)] = [
            [account.user.pk, account.mailed] for account in created
        ]
    else:
        messages.info(request, _("Everyone ticked has an account already: nothing was created."))
    return redirect("staff_accounts", program_id=access.program.pk)


def _created(request: HttpRequest, access: ProgramAccess) -> list[Membership]:
    """The accounts the last POST created, each with a fresh set-password link, shown once (the sign-in sheet has
    them afterwards). One query, when there are any."""
    rows = request.session.pop(CREATED_KEY.format(program_id=access.program.pk), None)
    if not rows:
        return []
    mailed = dict(rows)
    memberships = Membership.objects.filter(
        school_id=access.program.school_id, user_id__in=mailed, role__in=access.assignable_roles()
    ).select_related("user")
    origin = origin_of(request)
    created = []
    for membership in memberships.order_by("user__first_name", "user__last_name", "user__username"):
        user = membership.user
        membership.link = set_password_link(user, origin) if not user.has_usable_password() else ""
        membership.mailed = mailed[user.pk]
        created.append(membership)
    return created


@never_cache
@login_required
def staff_accounts_sheet(request: HttpRequest, program_id: int) -> HttpResponse:
    """One slip per account waiting for its owner: a fresh link each time the sheet is opened (every one of them
    stops working once the owner has chosen a password)."""
    access = program_access(request, program_id)
    access.require("staff")
    origin = origin_of(request)
    slips = waiting_accounts(access)
    for membership in slips:
        membership.link = set_password_link(membership.user, origin)
        membership.qr = qr_data_uri(membership.link)
    context = {
        "slips": slips,
        "site": request.build_absolute_uri(reverse("home")),
        "days": link_days(),
        "expires": link_expiry(),
    }
    return render_program(request, "komunitas/staff_accounts_sheet.html", access, context)
