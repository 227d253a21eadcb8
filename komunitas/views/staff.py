"""The school's staff accounts, for facilitators and principals: invite by e-mail, change a role, revoke, send
an invitation again. Who may change which account is ``ProgramAccess.can_change_membership``."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import services, staff_accounts, throttling
from ..access import ProgramAccess, program_access
from ..forms import StaffInviteForm, StaffRoleForm
from ..models import Membership
from . import render_program


def _memberships(access: ProgramAccess):
    return Membership.objects.filter(school_id=access.program.school_id).select_related("user")


def _name(user) -> str:
    return user.get_full_name() or user.get_username()


@login_required
def staff_list(request: HttpRequest, program_id: int) -> HttpResponse:
    access = program_access(request, program_id)
    access.require("staff")
    memberships = list(_memberships(access).order_by("role", "user__first_name", "user__username"))
    roles = access.assignable_roles()
    locked = throttling.locked_users([membership.user for membership in memberships])
    for membership in memberships:
        membership.is_locked = membership.user_id in locked
        membership.may_change = access.can_change_membership(membership)
        membership.is_me = membership.user_id == request.user.pk
        membership.role_form = StaffRoleForm(initial={"role": membership.role}, prefix=f"m{membership.pk}", roles=roles)
    return render_program(request, "komunitas/staff_list.html", access, {"memberships": memberships})


def _send_invitation(request: HttpRequest, user, school) -> bool:
    """False when the mail could not be sent (``staff_accounts.invitation_send``)."""
    link = staff_accounts.set_password_link(user, staff_accounts.origin_of(request))
    return staff_accounts.invitation_send(user=user, school=school, link=link)


def _say_sent(request: HttpRequest, user, sent: bool) -> None:
    if sent:
        text = _("Invitation sent to %(email)s. Their username is %(username)s.")
        messages.success(request, text % {"email": user.email, "username": user.get_username()})
    else:
        text = _("The account of %(name)s is ready, but the e-mail could not be sent. Try “Send the invitation again”.")
        messages.warning(request, text % {"name": _name(user)})


@login_required
def staff_invite(request: HttpRequest, program_id: int) -> HttpResponse:
    access = program_access(request, program_id)
    access.require("staff")
    school = access.program.school
    form = StaffInviteForm(request.POST or None, school=school, roles=access.assignable_roles())
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        user = services.staff_invite(
            school=school,
            email=data["email"],
            full_name=data["full_name"],
            role=data["role"],
            person=data["person"],
            program=access.program if data["is_participant"] else None,
        )
        _say_sent(request, user, _send_invitation(request, user, school))
        return redirect("staff_list", program_id=program_id)
    return render_program(request, "komunitas/staff_invite.html", access, {"form": form})


def _get_membership(access: ProgramAccess, membership_id: int) -> Membership:
    """A staff account of the school the viewer may change (404 for another school's, 403 otherwise)."""
    membership = get_object_or_404(_memberships(access), pk=membership_id)
    if not access.can_change_membership(membership):
        raise PermissionDenied
    return membership


@login_required
@require_POST
def staff_role(request: HttpRequest, program_id: int, membership_id: int) -> HttpResponse:
    access = program_access(request, program_id)
    access.require("staff")
    membership = _get_membership(access, membership_id)
    form = StaffRoleForm(request.POST, prefix=f"m{membership.pk}", roles=access.assignable_roles())
    if form.is_valid():
        services.staff_role_change(membership=membership, role=form.cleaned_data["role"])
        text = _("%(name)s is now %(role)s.")
        messages.success(request, text % {"name": _name(membership.user), "role": membership.get_role_display()})
    else:
        messages.error(request, _("Choose one of the roles."))
    return redirect("staff_list", program_id=program_id)


@login_required
@require_POST
def staff_resend(request: HttpRequest, program_id: int, membership_id: int) -> HttpResponse:
    access = program_access(request, program_id)
    access.require("staff")
    membership = _get_membership(access, membership_id)
    if not membership.user.email:  # an account made from the roster without an e-mail: its slip reaches them
        messages.info(request, _("This account has no e-mail address: print its slip on the sign-in sheet."))
        return redirect("staff_accounts_sheet", program_id=program_id)
    _say_sent(request, membership.user, _send_invitation(request, membership.user, access.program.school))
    return redirect("staff_list", program_id=program_id)


@login_required
@require_POST
def staff_unlock(request: HttpRequest, program_id: int, membership_id: int) -> HttpResponse:
    """Lift a sign-in lockout (too many wrong passwords) before its cool-off ends: anyone of the school's staff,
    since unlocking grants nothing but another try."""
    access = program_access(request, program_id)
    access.require("staff")
    membership = get_object_or_404(_memberships(access), pk=membership_id)
    throttling.unlock(membership.user)
    messages.success(request, _("%(name)s can try to sign in again.") % {"name": _name(membership.user)})
    return redirect("staff_list", program_id=program_id)


@login_required
def staff_revoke(request: HttpRequest, program_id: int, membership_id: int) -> HttpResponse:
    access = program_access(request, program_id)
    access.require("staff")
    membership = _get_membership(access, membership_id)
    cancel_url = reverse("staff_list", args=[program_id])
    if request.method == "POST":
        services.staff_revoke(user=membership.user, school=access.program.school)
        messages.success(request, _("Access of %(name)s revoked.") % {"name": _name(membership.user)})
        return redirect(cancel_url)
    warning = _(
        "They can no longer sign in to this school's programs, and their calendar link stops working. Their "
        "records stay. You can invite them again later."
    )
    return render_program(
        request,
        "komunitas/confirm_delete.html",
        access,
        {
            "object": _name(membership.user),
            "warning": warning,
            "cancel_url": cancel_url,
            "action_label": _("Revoke access"),
            "title": _("Revoke the access of %(name)s?") % {"name": _name(membership.user)},
        },
    )
