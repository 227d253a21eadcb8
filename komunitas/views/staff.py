"""The school's staff accounts, for facilitators and principals: invite by e-mail, change a role, revoke."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import services
from ..access import ProgramAccess, program_access
from ..forms import StaffInviteForm, StaffRoleForm
from ..models import Membership
from . import render_program


def _memberships(access: ProgramAccess):
    return Membership.objects.filter(school_id=access.program.school_id).select_related("user__person")


@login_required
def staff_list(request: HttpRequest, program_id: int) -> HttpResponse:
    access = program_access(request, program_id)
    access.require("staff")
    memberships = list(_memberships(access).order_by("role", "user__first_name", "user__username"))
    for membership in memberships:
        membership.role_form = StaffRoleForm(initial={"role": membership.role}, prefix=f"m{membership.pk}")
    return render_program(request, "komunitas/staff_list.html", access, {"memberships": memberships})


def _send_invitation(request: HttpRequest, user, school) -> None:
    """The link is Django's password-reset link: it works once (a password set ends it) and expires."""
    link = request.build_absolute_uri(
        reverse(
            "password_reset_confirm",
            kwargs={
                "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
                "token": default_token_generator.make_token(user),
            },
        )
    )
    context = {"user": user, "school": school, "link": link, "days": settings.PASSWORD_RESET_TIMEOUT // 86400}
    send_mail(
        subject=_("Your Komunitas account at %(school)s") % {"school": school.name},
        message=render_to_string("komunitas/email/staff_invite.txt", context, request=request),
        from_email=None,
        recipient_list=[user.email],
    )


@login_required
def staff_invite(request: HttpRequest, program_id: int) -> HttpResponse:
    access = program_access(request, program_id)
    access.require("staff")
    school = access.program.school
    form = StaffInviteForm(request.POST or None, school=school)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        user = services.staff_invite(
            school=school, email=data["email"], full_name=data["full_name"], role=data["role"], person=data["person"]
        )
        _send_invitation(request, user, school)
        messages.success(
            request,
            _("Invitation sent to %(email)s. Their username is %(username)s.")
            % {"email": user.email, "username": user.username},
        )
        return redirect("staff_list", program_id=program_id)
    return render_program(request, "komunitas/staff_invite.html", access, {"form": form})


def _get_membership(access: ProgramAccess, membership_id: int) -> Membership:
    return get_object_or_404(_memberships(access), pk=membership_id)


@login_required
@require_POST
def staff_role(request: HttpRequest, program_id: int, membership_id: int) -> HttpResponse:
    access = program_access(request, program_id)
    access.require("staff")
    membership = _get_membership(access, membership_id)
    form = StaffRoleForm(request.POST, prefix=f"m{membership.pk}")
    if membership.user_id == request.user.pk:
        messages.error(request, _("You cannot change your own role; ask another facilitator or the principal."))
    elif form.is_valid():
        services.staff_role_change(membership=membership, role=form.cleaned_data["role"])
        messages.success(
            request,
            _("%(name)s is now %(role)s.")
            % {"name": membership.user.get_full_name() or membership.user, "role": membership.get_role_display()},
        )
    else:
        messages.error(request, _("Choose one of the roles."))
    return redirect("staff_list", program_id=program_id)


@login_required
def staff_revoke(request: HttpRequest, program_id: int, membership_id: int) -> HttpResponse:
    access = program_access(request, program_id)
    access.require("staff")
    membership = _get_membership(access, membership_id)
    cancel_url = reverse("staff_list", args=[program_id])
    if membership.user_id == request.user.pk:
        messages.error(request, _("You cannot revoke your own access; ask another facilitator or the principal."))
        return redirect(cancel_url)
    if request.method == "POST":
        services.staff_revoke(user=membership.user, school=access.program.school)
        messages.success(request, _("Access of %(name)s revoked.") % {"name": membership.user})
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
            "object": membership.user.get_full_name() or membership.user,
            "warning": warning,
            "cancel_url": cancel_url,
            "action_label": _("Revoke access"),
            "title": _("Revoke the access of %(name)s?") % {"name": membership.user.get_full_name() or membership.user},
        },
    )
