"""Parents checking themselves in without an account: the links (open, revoke, when they expire), the check-ins
(a roster parent present at once; a name not on the roster left for the facilitator to confirm, merge or reject),
and the reads the check-in pages share. Attendance stays the core's: every present mark goes through
``komunitas.services.attendance_record`` (audited, and it marks a planned class held as staff's list does).

A link expires at the end of its class's day (23:59:59, Asia/Jakarta), and stays open at least
``LATE_LINK_HOURS``: a class whose day is over (one that ran past midnight, a facilitator catching up late) or a
link opened late in the evening still lets the last parents check in, and no link stays open for days.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import re
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Count, Prefetch, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from komunitas import services as core_services
from komunitas.models import Attendance, AttendanceStatus, Person, PersonKind, Session, SessionStatus

from .models import CheckIn, CheckInLink, CheckInStatus

LATE_LINK_HOURS = 2
RATE_WINDOW = dt.timedelta(minutes=10)
# Words before a parent's first name that are not their name ("Ibu Sari" is listed as "Sari").
HONORIFICS = {"ibu", "bu", "bapak", "pak", "bpk", "bpk.", "ny.", "ny", "tn.", "sdr.", "sdri.", "hj.", "h.", "hj"}


class CheckInRefused(Exception):
    """What was asked cannot be done (a cancelled class, a name already checked in); the message says why."""


def per_network_limit() -> int:
    """At most this many check-ins through one link from one network in ten minutes. A whole hall shares one
    Wi-Fi, so it is generous; set ``PARENT_CHECK_INS_PER_NETWORK`` in the settings to change it."""
    return getattr(settings, "PARENT_CHECK_INS_PER_NETWORK", 60)


def digest(value: str) -> str:
    """An HMAC of a client's address or cookie: enough to compare, nothing to read back."""
    return hmac.new(settings.SECRET_KEY.encode(), value.encode(), hashlib.sha256).hexdigest()


# --- links -----------------------------------------------------------------------------------------------------


def default_expiry(session: Session, now: dt.datetime | None = None) -> dt.datetime:
    """The end of the class's day in local time, or ``LATE_LINK_HOURS`` from now when that is later."""
    now = now or timezone.now()
    end_of_day = timezone.make_aware(dt.datetime.combine(session.date, dt.time(23, 59, 59)))
    return max(end_of_day, now + dt.timedelta(hours=LATE_LINK_HOURS))


@transaction.atomic
def check_in_link_open(*, session: Session, user) -> CheckInLink:
    if session.status == SessionStatus.CANCELLED:
        raise CheckInRefused(_("This class is cancelled: it takes no check-ins."))
    link = CheckInLink(session=session, expires_at=default_expiry(session), created_by=user)
    link.save()
    return link


@transaction.atomic
def check_in_link_revoke(*, link: CheckInLink) -> None:
    if link.revoked_at is None:
        link.revoked_at = timezone.now()
        link.save(update_fields=["revoked_at"])


# --- checking in -----------------------------------------------------------------------------------------------


def _lock(session: Session) -> None:
    """Serialise check-ins to one class: of two phones sending the same name at once, the second sees the first."""
    Session.objects.select_for_update().filter(pk=session.pk).values_list("pk", flat=True).first()


def _is_checked_in(session: Session, person_id: int) -> bool:
    present = Attendance.objects.filter(session=session, person_id=person_id, status=AttendanceStatus.PRESENT)
    return present.exists() or CheckIn.objects.filter(session=session, person_id=person_id).exists()


def _mark_present(session: Session, person: Person) -> None:
    core_services.attendance_record(session=session, statuses={person.pk: AttendanceStatus.PRESENT})


@transaction.atomic
def parent_check_in(*, link: CheckInLink, person: Person, network: str, device: str) -> CheckIn:
    """A parent on the roster picked their name: present now. Refused (``CheckInRefused``) when they are present
    already — checked in before, or ticked by staff — so a replayed request changes nothing."""
    session = link.session
    _lock(session)
    if _is_checked_in(session, person.pk):
        raise CheckInRefused(_("You are already checked in to this class. Welcome!"))
    check_in = CheckIn(
        link=link, session=session, person=person, status=CheckInStatus.CHECKED_IN, network=network, device=device
    )
    try:
        with transaction.atomic():
            check_in.save()
    except IntegrityError as error:  # the constraint, should two requests slip past the lock (SQLite has none)
        raise CheckInRefused(_("You are already checked in to this class. Welcome!")) from error
    _mark_present(session, person)
    return check_in


@transaction.atomic
def unlisted_check_in(*, link: CheckInLink, name: str, child_class: str, network: str, device: str) -> CheckIn:
    """A name not on the roster: kept as typed, for the facilitator to confirm or merge. No attendance yet."""
    check_in = CheckIn(
        link=link,
        session=link.session,
        name=name,
        child_class=child_class,
        status=CheckInStatus.PENDING,
        network=network,
        device=device,
    )
    check_in.save()
    return check_in


def recent_from_network(link: CheckInLink, network: str) -> int:
    """Check-ins through this link from this network in the last ten minutes (the rate limit). One query."""
    since = timezone.now() - RATE_WINDOW
    return CheckIn.objects.filter(link=link, network=network, created_at__gte=since).count()


def device_checked_in(session: Session, device: str) -> bool:
    """This phone already checked someone in to the class (a best effort: a cookie). One query."""
    return bool(device) and CheckIn.objects.filter(session=session, device=device).exists()


# --- the facilitator's decisions -------------------------------------------------------------------------------


def _resolve(check_in: CheckIn, status: str, user, person: Person | None = None) -> None:
    if check_in.status != CheckInStatus.PENDING:
        raise CheckInRefused(_("This name was already dealt with."))
    check_in.status, check_in.resolved_by = status, user
    if person is not None:
        check_in.person = person
    check_in.save(update_fields=["status", "resolved_by", "person"])


@transaction.atomic
def check_in_confirm(*, check_in: CheckIn, child: Person | None, user) -> Person:
    """A new parent: on the school's roster, taking part in the program, present at the class (and the parent
    of ``child`` when one is chosen)."""
    session = check_in.session
    _lock(session)
    parent = Person(school_id=session.program.school_id, name=check_in.name, kind=PersonKind.PARENT)
    parent.save()
    if child is not None:
        parent.guardian_of.add(child)
    core_services.participants_set(program=session.program, people=[parent], participating=True)
    _resolve(check_in, CheckInStatus.CONFIRMED, user, parent)
    _mark_present(session, parent)
    return parent


@transaction.atomic
def check_in_merge(*, check_in: CheckIn, parent: Person, user) -> None:
    """The name is a parent already on the roster: they are present."""
    session = check_in.session
    _lock(session)
    if CheckIn.objects.filter(session=session, person=parent).exists():
        raise CheckInRefused(_("%(name)s has already checked in to this class.") % {"name": parent.name})
    _resolve(check_in, CheckInStatus.MERGED, user, parent)
    _mark_present(session, parent)


@transaction.atomic
def check_in_reject(*, check_in: CheckIn, user) -> None:
    _resolve(check_in, CheckInStatus.REJECTED, user)


# --- reads -----------------------------------------------------------------------------------------------------


def first_name(name: str) -> str:
    """The first word of a name that is not a title: "Ibu Sari Wulandari" → "Sari"."""
    words = name.split()
    while len(words) > 1 and words[0].lower() in HONORIFICS:
        words = words[1:]
    return words[0] if words else ""


@dataclass(frozen=True)
class ParentChoice:
    pk: int
    label: str  # the first name and the child's class, nothing more: "Sari — 7A"


def parent_choices(session: Session) -> list[ParentChoice]:
    """The program's parents as the public page lists them, by first name: only their first name and their
    children's classes. Two parents who would read the same get the initial of their next name ("Sari W. —
    7A"). Two queries: the parents, their children."""
    children = Prefetch("guardian_of", queryset=Person.objects.filter(kind=PersonKind.STUDENT).only("class_name"))
    parents = Person.objects.participants_of(session.program, [PersonKind.PARENT]).prefetch_related(children)
    rows = []
    for parent in parents:
        classes = sorted({child.class_name for child in parent.guardian_of.all() if child.class_name})
        rows.append((parent, first_name(parent.name), ", ".join(classes)))
    seen: dict[tuple[str, str], int] = {}
    for _parent, first, classes in rows:
        seen[(first.lower(), classes)] = seen.get((first.lower(), classes), 0) + 1
    choices = []
    for parent, first, classes in rows:
        if seen[(first.lower(), classes)] > 1:
            rest = re.sub(rf"^.*?\b{re.escape(first)}\b\s*", "", parent.name, count=1)
            first = f"{first} {rest[:1].upper()}." if rest else first
        choices.append(ParentChoice(parent.pk, f"{first} — {classes}" if classes else first))
    return sorted(choices, key=lambda choice: (choice.label.lower(), choice.pk))


def links_of(session: Session) -> list[CheckInLink]:
    """The class's links, open ones first, each with ``check_in_count``. One query."""
    links = list(session.check_in_links.annotate(check_in_count=Count("check_ins")))
    return sorted(links, key=lambda link: not link.is_open)


def check_in_page(session: Session, *, names: bool) -> dict:
    """What the staff check-in page shows: the links, how many checked in and are waiting; with ``names`` (the
    viewer sees parents' data), who checked in and the names waiting, oldest first. Two queries (three with
    ``names``)."""
    links = links_of(session)
    counts = CheckIn.objects.filter(session=session).aggregate(
        checked_in=Count("pk", filter=Q(status=CheckInStatus.CHECKED_IN)),
        pending=Count("pk", filter=Q(status=CheckInStatus.PENDING)),
    )
    context = {"links": links, "checked_in_count": counts["checked_in"], "pending_count": counts["pending"]}
    if names:
        rows = list(CheckIn.objects.filter(session=session).select_related("person"))
        context["checked_in"] = [row for row in rows if row.status == CheckInStatus.CHECKED_IN]
        context["pending"] = [row for row in rows if row.status == CheckInStatus.PENDING]
        waiting_or_in = {CheckInStatus.CHECKED_IN, CheckInStatus.PENDING}
        context["resolved"] = [row for row in rows if row.status not in waiting_or_in]
    return context


def check_in_panel(session: Session) -> dict:
    """The context of ``parents/includes/_check_in_panel.html`` on the class's page: its links (open first,
    with counts) and how many names wait for the facilitator. Two queries."""
    return {
        "check_in_links": links_of(session),
        "check_in_pending": CheckIn.objects.filter(session=session, status=CheckInStatus.PENDING).count(),
    }
