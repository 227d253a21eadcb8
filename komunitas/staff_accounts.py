"""Accounts for the roster's staff in one go. Teachers imported from Dapodik often have no working e-mail: each
ticked person gets an account with a readable username and a one-time link to choose a password (Django's
password-reset link), mailed to those with an e-mail and printed on a sign-in sheet for everyone else.

Who may create which account follows ``ProgramAccess.assignable_roles``: a facilitator creates teachers' accounts
only, since an account made by someone holds its link until its owner uses it."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

import segno
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Case, Exists, IntegerField, OuterRef, QuerySet, Value, When
from django.db.models.functions import Lower
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.text import slugify
from django.utils.translation import gettext as _

from .access import ProgramAccess
from .models import STAFF_KIND_OF_ROLE, Membership, Person, PersonKind, Program, School
from .services import _free_username, free_username, participants_set

log = logging.getLogger(__name__)

ROLE_OF_KIND = {kind: role for role, kind in STAFF_KIND_OF_ROLE.items()}
# Titles before a name that make no username: "Dra. Hj. Siti Aminah, M.Pd." is "siti.aminah".
NAME_TITLES = {"dr", "dra", "drs", "h", "hj", "ir", "kh", "prof", "ust", "ustadz", "ustadzah"}


# --- reads ------------------------------------------------------------------------------------------------------


def _email_taken():
    """Another account uses this person's e-mail (the e-mail is unique per account, case-insensitive)."""
    users = get_user_model().objects.exclude(email="").annotate(lower=Lower("email"))
    return Exists(users.filter(lower=Lower(OuterRef("email"))))


def staff_without_account(access: ProgramAccess) -> list[Person]:
    """The school's active staff on the roster without an account, teachers first, then the principal and the
    facilitators, by name. Each says ``may_create``, or why not (``reason``): a role the viewer may not give, or
    an e-mail another account uses (the invitation page gives that account access instead). One query."""
    kinds = {STAFF_KIND_OF_ROLE[role] for role in access.assignable_roles()}
    people = (
        Person.objects.active()
        .filter(school_id=access.program.school_id, kind__in=ROLE_OF_KIND, user__isnull=True)
        .annotate(email_taken=_email_taken())
        .annotate(
            kind_order=Case(
                When(kind=PersonKind.TEACHER, then=Value(0)),
                When(kind=PersonKind.PRINCIPAL, then=Value(1)),
                default=Value(2),
                output_field=IntegerField(),
            )
        )
        .order_by("kind_order", "name", "pk")
    )
    rows = list(people)
    for person in rows:
        person.reason = ""
        if person.kind not in kinds:
            person.reason = _("Only the principal creates this account.")
        elif person.email and person.email_taken:
            person.reason = _("An account uses this e-mail already: give it access with “Invite a member of staff”.")
        person.may_create = not person.reason
    return rows


def creatable_people(access: ProgramAccess) -> QuerySet[Person]:
    """Whom the viewer may tick: the school's active staff of a role they may give. Those with an account already
    stay choosable, so that posting the same list twice is harmless (they are skipped); those without one whose
    e-mail another account uses are not."""
    kinds = [STAFF_KIND_OF_ROLE[role] for role in access.assignable_roles()]
    return (
        Person.objects.active()
        .filter(school_id=access.program.school_id, kind__in=kinds)
        .annotate(email_taken=_email_taken())
        .exclude(user__isnull=True, email_taken=True)
    )


def waiting_accounts(access: ProgramAccess) -> list[Membership]:
    """The school's staff accounts that have not chosen a password yet and never signed in, in a role the viewer
    may give (a facilitator does not hold a principal's link), by name. One query."""
    return list(
        Membership.objects.filter(
            school_id=access.program.school_id,
            role__in=access.assignable_roles(),
            user__is_active=True,
            user__last_login__isnull=True,
            user__password__startswith=UNUSABLE_PASSWORD_PREFIX,
        )
        .exclude(user_id=access.user.pk)
        .select_related("user")
        .order_by("user__first_name", "user__last_name", "user__username")
    )


# --- links ------------------------------------------------------------------------------------------------------


def origin_of(request) -> str:
    """The site's scheme and host as the request reached it ("https://komunitas.example.id")."""
    return f"{request.scheme}://{request.get_host()}"


def set_password_link(user, origin: str) -> str:
    """Django's password-reset link: it works once (choosing a password ends every link made before) and for
    ``PASSWORD_RESET_TIMEOUT`` from now."""
    uid, token = urlsafe_base64_encode(force_bytes(user.pk)), default_token_generator.make_token(user)
    return origin + reverse("password_reset_confirm", kwargs={"uidb64": uid, "token": token})


def link_days() -> int:
    return max(1, settings.PASSWORD_RESET_TIMEOUT // 86400)


def link_expiry() -> dt.datetime:
    return timezone.now() + dt.timedelta(seconds=settings.PASSWORD_RESET_TIMEOUT)


def qr_data_uri(text: str) -> str:
    """A QR code of ``text`` as an SVG data URI, for an ``<img>`` (the Content-Security-Policy allows data: images,
    and nothing leaves the page: the link is not put in another URL)."""
    return segno.make(text, error="m").svg_data_uri(scale=4, border=2)


def invitation_send(*, user, school: School, link: str) -> bool:
    """The invitation with the set-password ``link``, written in the school's language whoever sends it. False
    when the mail could not be sent."""
    context = {"user": user, "school": school, "link": link, "days": settings.PASSWORD_RESET_TIMEOUT // 86400}
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Your Komunitas account at %(school)s") % {"school": school.name}
        body = render_to_string("komunitas/email/staff_invite.txt", context)
    try:
        send_mail(subject=subject, message=body, from_email=None, recipient_list=[user.email])
    except Exception:  # SMTP down, refused address …: the account is there; the invitation can be sent again
        log.exception("Invitation to %s not sent", user.email)
        return False
    return True


# --- writes -----------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class NewAccount:
    user: object
    mailed: bool | None  # None: no e-mail to send to


def username_base(name: str) -> str:
    """ "Dra. Hj. Siti Nur Aminah, S.Pd." → "siti.aminah": the first and the last word of the name without its
    titles and degrees, in plain letters."""
    words = [slugify(word).replace("-", "") for word in name.split(",")[0].split()]
    words = [word for word in words if word]
    while len(words) > 1 and words[0] in NAME_TITLES:
        words.pop(0)
    picked = words[:1] + words[1:][-1:]
    return ".".join(picked)[:140] or "guru"


def staff_accounts_create(*, school: School, people: list[Person], program: Program, origin: str) -> list[NewAccount]:
    """An account for each of ``people`` who has none (see ``_accounts_create``), then the invitation mailed to
    each new account with an e-mail, after the accounts are saved: a mail that fails leaves its account (the
    sign-in sheet or "Send the invitation again" reach its owner)."""
    users = _accounts_create(school=school, people=people, program=program)
    return [
        NewAccount(user, invitation_send(user=user, school=school, link=set_password_link(user, origin)))
        if user.email
        else NewAccount(user, None)
        for user in users
    ]


@transaction.atomic
def _accounts_create(*, school: School, people: list[Person], program: Program) -> list:
    """A user per person of ``school``'s staff without an account: a unique username (from the e-mail, as an
    invitation makes it, else from the name), no usable password, the role of their kind, linked to the person,
    taking part in ``program``. Someone given an account meanwhile is skipped, so posting twice makes none twice.
    An e-mail another account uses is left off (each account has its own; the sheet reaches them)."""
    User = get_user_model()
    # Locked and read again: of two facilitators posting the same list at once, the second finds them linked.
    fresh = list(
        Person.objects.select_for_update()
        .active()
        .filter(pk__in=[person.pk for person in people], school=school, kind__in=ROLE_OF_KIND, user__isnull=True)
        .order_by("name", "pk")
    )
    users, emails = [], set()
    for person in fresh:
        email = person.email.strip().lower()
        if email and (email in emails or User.objects.filter(email__iexact=email).exists()):
            email = ""
        emails.add(email)
        username = _free_username(email) if email else free_username(username_base(person.name))
        first, _space, last = person.name.partition(" ")
        user = User.objects.create_user(username=username, email=email, first_name=first[:150], last_name=last[:150])
        Membership.objects.create(user=user, school=school, role=ROLE_OF_KIND[person.kind])
        person.user = user
        person.save(update_fields=["user"])
        users.append(user)
    participants_set(program=program, people=fresh, participating=True)
    return users
