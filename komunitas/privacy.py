"""A person's rights over their data (UU PDP No. 27/2022): to see everything stored about them, to take it away
(JSON), and to have it erased — while the program's figures stay as they were (a count stays a count; a name
becomes "Peserta terhapus").

Every app reports and erases its own records through the plug-in contract (``Activity.person_data`` and
``Activity.erase_person``); this module is the core's part and the one entry point, ``erase``.
"""

from __future__ import annotations

import datetime as dt
import re

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from . import activities
from .models import (
    Attachment,
    DistrictOfficer,
    Membership,
    Participant,
    PasswordResetRequest,
    Person,
    PhotoConsent,
    Session,
    VerifiedEmail,
)


def erased_name() -> str:
    """The name an erased person keeps, in the school's language."""
    with translation.override(settings.LANGUAGE_CODE):
        return _("Erased participant")


def _date(value) -> str | None:
    return value.isoformat() if isinstance(value, dt.date | dt.datetime) else value


def _session(session: Session) -> dict:
    return {"session": session.title, "date": _date(session.date), "kind": session.kind}


def record(person: Person) -> dict:
    """Everything stored about ``person``, as JSON-ready data: who they are, then every app's records."""
    user = person.user
    return {
        "exported_at": _date(timezone.now()),
        "person": {
            "name": person.name,
            "kind": person.kind,
            "identifier": person.identifier,
            "class": person.class_name,
            "subject": person.subject,
            "phone": person.phone,
            "email": person.email,
            "school": person.school.name,
            "parent_of": [str(child) for child in person.guardian_of.all()],
            "parents": [str(parent) for parent in person.guardians.all()],
            "archived_at": _date(person.archived_at),
            "erased_at": _date(person.erased_at),
        },
        "account": user
        and {
            "username": user.username,
            "name": user.get_full_name(),
            "email": user.email,
            "date_joined": _date(user.date_joined),
            "last_login": _date(user.last_login),
            "roles": [f"{m.get_role_display()} — {m.school}" for m in user.memberships.select_related("school")],
        },
        "records": activities.person_data(person),
    }


def core_person_data(person: Person) -> dict[str, list[dict]]:
    """The core's records of a person (``Activity.person_data``)."""
    return {
        "komunitas.Participant": [
            {"program": p.program.name, "role": p.role, "joined_on": _date(p.joined_on), "left_on": _date(p.left_on)}
            for p in person.participations.select_related("program")
        ],
        "komunitas.Attendance": [
            {**_session(a.session), "status": a.status}
            for a in person.attendance.select_related("session").order_by("session__date")
        ],
        "komunitas.Attachment": [
            {**_session(photo.session), "caption": photo.caption, "file": photo.original_name}
            for photo in person.photos.select_related("session")
        ],
        "komunitas.PhotoConsent": [
            {
                "purpose": c.purpose,
                "given_by": c.given_by,
                "given_on": _date(c.given_on),
                "recorded_by": str(c.recorded_by or ""),
                "recorded_at": _date(c.recorded_at),
                "withdrawn_at": _date(c.withdrawn_at),
            }
            for c in person.photo_consents.select_related("recorded_by")
        ],
        "komunitas.Session": [_session(session) for session in Session.objects.filter(facilitator=person)],
    }


def core_erase(person: Person, by) -> None:
    """The core's part of an erasure (``Activity.erase_person``): the name, numbers and links go, photos showing
    them are deleted (their face is their data), consents go with the photos; their attendance and
    participation stay, anonymous, so every count stays; an account loses its access and its identity."""
    for photo in person.photos.all():
        photo.delete()  # the file goes too (uploads.remove_files_of)
    _blank_captions_naming(person)
    PhotoConsent.objects.filter(person=person).delete()
    person.guardian_of.clear()
    person.guardians.clear()
    person.name = erased_name()
    person.identifier = person.phone = person.subject = person.email = ""
    now = timezone.now()
    person.archived_at = person.archived_at or now
    person.erased_at = now
    Participant.objects.filter(person=person, left_on__isnull=True).update(left_on=timezone.localdate())
    user = person.user
    person.user = None
    person.save()
    if user:
        erase_account = not used_elsewhere(user, person.school_id)
        Membership.objects.filter(user=user, school_id=person.school_id).delete()
        if erase_account:
            _erase_account(user)


def used_elsewhere(user, school_id: int) -> bool:
    """Whether an account serves more than this school: another school, a district, the admin. Erasing the
    school's person then only takes the account out of this school; it stays its owner's elsewhere."""
    return (
        Membership.objects.filter(user=user).exclude(school_id=school_id).exists()
        or DistrictOfficer.objects.filter(user=user).exists()
        or user.is_superuser
        or user.is_staff
    )


def _blank_captions_naming(person: Person) -> None:
    """Captions and file names of the school's photos that name the person (untagged photos too) lose it."""
    pattern = name_pattern(person.name)
    if pattern is None:
        return
    candidates = Attachment.objects.filter(session__program__school_id=person.school_id).filter(
        Q(caption__icontains=person.name) | Q(original_name__icontains=person.name)
    )
    for attachment in candidates:
        if pattern.search(attachment.caption) or pattern.search(attachment.original_name):
            extension = attachment.original_name.rsplit(".", 1)[-1] if "." in attachment.original_name else "bin"
            attachment.caption = pattern.sub("…", attachment.caption)
            attachment.original_name = f"{attachment.kind}.{extension}"
            attachment.save(update_fields=["caption", "original_name"])


def name_pattern(text: str):
    """A whole-word, case-insensitive match of ``text`` ("Ani" is not in "Daniel"); None for nothing to match."""
    text = (text or "").strip()
    if len(text) < 3:
        return None
    return re.compile(rf"(?<!\w){re.escape(text)}(?!\w)", re.IGNORECASE)


def _erase_account(user) -> None:
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog

    VerifiedEmail.objects.filter(user=user).delete()
    for model in (AccessAttempt, AccessLog, AccessFailureLog):  # axes' rows name the account and its addresses
        model.objects.filter(username__iexact=user.username).delete()
    if user.email:
        PasswordResetRequest.objects.filter(email__iexact=user.email).delete()
    user.username = f"terhapus-{user.pk}"
    user.first_name = user.last_name = user.email = ""
    user.is_active = False
    user.set_unusable_password()
    user.save()


@transaction.atomic
def erase(person: Person, by) -> None:
    """Erase ``person``'s personal data everywhere: every app's records (``Activity.erase_person``), then what
    the audit log kept of them."""
    from . import audit

    with_account = person.user is not None and not used_elsewhere(person.user, person.school_id)
    traces = audit.traces_of(person, with_account=with_account)
    activities.erase_person(person, by)
    audit.scrub(traces)
    audit.note_erasure(person, by)
