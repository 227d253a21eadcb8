"""Writes that touch several rows. Keyword-only, one transaction each (docs/architecture.md)."""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import uuid
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import ProtectedError, Q
from django.utils import timezone
from django.utils.text import slugify

from . import activities, audit
from .models import (
    CYCLE_PRESETS,
    STAFF_KIND_OF_ROLE,
    Attachment,
    AttachmentKind,
    Attendance,
    AttendanceStatus,
    ChecklistItem,
    Membership,
    Participant,
    Person,
    PhotoConsent,
    Program,
    ProgramSetup,
    Role,
    School,
    Session,
    SessionStatus,
    Stage,
)
from .uploads import CleanFile


def stage_ranges(start: dt.date, weeks: int, shares: list[float]) -> list[tuple[dt.date, dt.date]]:
    """Split the program's weeks over the stages by their shares: whole weeks, each stage at least one
    week when there are enough weeks, else at least one day."""
    total_days = 7 * weeks
    unit = 7 if weeks >= len(shares) else 1
    units = total_days // unit
    bounds, cumulative = [0], 0.0
    for index, share in enumerate(shares):
        cumulative += share
        remaining_stages = len(shares) - index - 1
        bound = round(cumulative * units) if remaining_stages else units
        bound = max(bound, bounds[-1] + 1)
        bound = min(bound, units - remaining_stages)
        bounds.append(bound)
    ranges = []
    for left, right in itertools.pairwise(bounds):
        first = start + dt.timedelta(days=left * unit)
        last = start + dt.timedelta(days=right * unit - 1)
        ranges.append((first, last))
    # The last stage always runs to the program's last day.
    ranges[-1] = (ranges[-1][0], start + dt.timedelta(days=total_days - 1))
    return ranges


@transaction.atomic
def program_create(
    *,
    school: School,
    name: str,
    start_date: dt.date,
    weeks: int,
    cycle: str,
    description: str = "",
    guided: bool = False,
) -> Program:
    """A program with its stages and their checklists; ``guided``: with the first-run guide (a facilitator's new
    program; the demo and tests make theirs without)."""
    program = Program(school=school, name=name, start_date=start_date, weeks=weeks, description=description)
    program.full_clean()
    program.save()
    if guided:
        ProgramSetup.objects.create(program=program)
    preset = CYCLE_PRESETS[cycle]
    ranges = stage_ranges(start_date, weeks, [share for _, share, _ in preset])
    for order, ((stage_name, _share, tasks), (first, last)) in enumerate(zip(preset, ranges), start=1):
        stage = Stage.objects.create(
            program=program, order=order, name=str(stage_name), start_date=first, end_date=last
        )
        items = ChecklistItem.objects.bulk_create(
            ChecklistItem(stage=stage, order=index, text=str(task)) for index, task in enumerate(tasks)
        )
        audit.log_bulk(items, audit.CREATE, lambda item: {"text": [None, item.text]})
    activities.program_created(program)  # e.g. the forum's starting list of teaching methods
    return program


@transaction.atomic
def school_create(*, name: str, district, address: str, npsn: str, creator) -> School:
    """A new school; whoever creates it becomes its facilitator."""
    school = School.objects.create(name=name, district=district, address=address, npsn=npsn)
    Membership.objects.create(user=creator, school=school, role=Role.FACILITATOR)
    return school


def weekly_dates(first: dt.date, repeat_weeks: int, program: Program) -> list[dt.date]:
    """The first date and the same weekday in each following week, kept inside the program."""
    dates = [first + dt.timedelta(weeks=i) for i in range(repeat_weeks)]
    return [day for day in dates if program.contains(day)]


@transaction.atomic
def sessions_plan(*, program: Program, template: Session, dates: list[dt.date], user) -> list[Session]:
    """One session per date, copied from ``template`` (an unsaved Session); a series id ties them."""
    series = uuid.uuid4() if len(dates) > 1 else None
    sessions = []
    for day in dates:
        session = Session(
            program=program,
            kind=template.kind,
            title=template.title,
            date=day,
            start_time=template.start_time,
            end_time=template.end_time,
            place=template.place,
            facilitator=template.facilitator,
            status=template.status,
            notes=template.notes,
            series=series,
            created_by=user,
        )
        session.save()
        sessions.append(session)
    return sessions


class StaleEdit(Exception):
    """What the user edited has changed since they opened it; ``current`` is its version now."""

    def __init__(self, current: str):
        super().__init__(current)
        self.current = current


def attendance_version(session: Session, marks: dict[int, str] | None = None) -> str:
    """A digest of the session's attendance (and of its status, which saving attendance changes): as stored now,
    or from ``marks`` (person id → status) and the session as the caller has just read them."""
    if marks is None:
        marks = dict(Attendance.objects.filter(session_id=session.pk).values_list("person_id", "status"))
        status = Session.objects.filter(pk=session.pk).values_list("status", flat=True).first()
    else:
        status = session.status
    return hashlib.sha256(repr((status, sorted(marks.items()))).encode()).hexdigest()[:32]


@transaction.atomic
def attendance_record(
    *,
    session: Session,
    statuses: dict[int, str],
    held_without_marks: bool = False,
    expected_version: str | None = None,
) -> None:
    """Replace the session's attendance with ``statuses`` (person id → status); blank means not recorded.

    A planned session becomes held when someone is recorded present — what the dashboard counts matches what
    its attendance says. Without anyone present it becomes held only when the person says so explicitly
    (``held_without_marks``), e.g. a meeting whose list was kept on paper.

    ``expected_version`` (``attendance_version`` when the list was opened): if someone saved the list since,
    nothing is saved and ``StaleEdit`` is raised — two teachers saving at once never overwrite each other. The
    session's row is locked first, so of two simultaneous saves the second sees the first's marks."""
    session.status = Session.objects.select_for_update().filter(pk=session.pk).values_list("status", flat=True)[0]
    if expected_version:
        current = attendance_version(session)
        if current != expected_version:
            raise StaleEdit(current)
    existing = {row.person_id: row for row in session.attendance.all()}
    to_create, to_update, before = [], [], {}
    for person_id, status in statuses.items():
        row = existing.pop(person_id, None)
        if not status:
            if row:
                row.delete()
            continue
        if row is None:
            to_create.append(Attendance(session=session, person_id=person_id, status=status))
        elif row.status != status:
            before[row.pk], row.status = row.status, status
            to_update.append(row)
    Attendance.objects.bulk_create(to_create)
    Attendance.objects.bulk_update(to_update, ["status"])
    audit.log_bulk(to_create, audit.CREATE, lambda row: {"status": [None, row.status]})
    audit.log_bulk(to_update, audit.UPDATE, lambda row: {"status": [before[row.pk], row.status]})
    anyone_present = AttendanceStatus.PRESENT in statuses.values()
    has_happened = not session.in_future  # a session of next week is not held, whatever is marked
    if session.status == SessionStatus.PLANNED and has_happened and (anyone_present or held_without_marks):
        session.status = SessionStatus.HELD
        session.save(update_fields=["status", "updated_at"])


@transaction.atomic
def session_delete(*, session: Session) -> None:
    """Delete a session with everything recorded on it; its photos and files leave the disk after commit
    (``uploads.remove_files_of``)."""
    session.delete()


@transaction.atomic
def participants_set(*, program: Program, people: list[Person], participating: bool) -> int:
    """Make ``people`` participants of ``program`` in the role of their kind (a changed kind changes the role),
    or end their participation. The one place participation changes: the roster's bulk action, the person form
    and the import. Returns how many joined or left.

    Joining before the program starts counts from the start; joining later counts from today, and someone who
    comes back gets a new period — past weeks' figures stay as they were. Leaving closes the period today
    (past lists still show them), except for someone taken out before the program starts or on the day they
    joined: as if they never took part."""
    people = list({person.pk: person for person in people}.values())
    today = timezone.localdate()
    open_periods = {row.person_id: row for row in program.participants.filter(person__in=people, left_on__isnull=True)}
    if not participating:
        rows = list(open_periods.values())
        never = [row.pk for row in rows if today < program.start_date or row.joined_on == today]
        Participant.objects.filter(pk__in=never).delete()
        leaving = [row for row in rows if row.pk not in never]
        Participant.objects.filter(pk__in=[row.pk for row in leaving]).update(left_on=today)
        audit.log_bulk(leaving, audit.UPDATE, {"left_on": [None, str(today)]})
        return len(rows)
    joined_on = None if today <= program.start_date else today
    joining = [p for p in people if p.pk not in open_periods]
    joined = Participant.objects.bulk_create(
        Participant(program=program, person=p, role=p.kind, joined_on=joined_on) for p in joining
    )
    audit.log_bulk(joined, audit.CREATE, lambda row: {"role": [None, row.role], "joined_on": [None, str(joined_on)]})
    for kind in {p.kind for p in people if p.pk in open_periods and open_periods[p.pk].role != p.kind}:
        changed = [open_periods[p.pk] for p in people if p.kind == kind and p.pk in open_periods]
        Participant.objects.filter(pk__in=[row.pk for row in changed]).update(role=kind)
        audit.log_bulk(changed, audit.UPDATE, lambda row, kind=kind: {"role": [row.role, kind]})
    return len(joining)


@transaction.atomic
def person_save(
    *,
    person: Person,
    guardian_of,
    program: Program,
    participating: bool,
    consent: ConsentChange | None = None,
) -> Person:
    """Save a validated person of the roster (``PersonForm``), their children, whether they take part, and
    (for a student) their photo consents."""
    person.save()
    person.guardian_of.set(guardian_of)
    participants_set(program=program, people=[person], participating=participating)
    if consent is not None:
        consent_set(person=person, change=consent)
    return person


@dataclass(frozen=True)
class ConsentChange:
    """The purposes a guardian agrees to now, who gave the consent and when, and who records it."""

    purposes: frozenset[str]
    given_by: str
    given_on: dt.date | None
    recorded_by: object


def consent_set(*, person: Person, change: ConsentChange) -> None:
    consents_set(people=[person], change_of=lambda _person, _current: change)


def consents_set(*, people: list[Person], change_of) -> None:
    """For each person, ``change_of(person, purposes in force)`` (a ``ConsentChange``, or None to leave them
    be): record consent
    for the purposes newly agreed, withdraw it for those no longer agreed; purposes agreed before and still
    agreed keep their record. Withdrawn consents stay, as the history of what was allowed when. Three queries
    for a whole roster."""
    now = timezone.now()
    in_force: dict[int, dict[str, PhotoConsent]] = {}
    for consent in PhotoConsent.objects.active().filter(person__in=[person.pk for person in people]):
        in_force.setdefault(consent.person_id, {})[consent.purpose] = consent
    withdrawn_by: dict[object, list[int]] = {}
    new = []
    for person in people:
        current = in_force.get(person.pk, {})
        change = change_of(person, set(current))
        if change is None:
            continue
        for purpose, consent in current.items():
            if purpose not in change.purposes:
                withdrawn_by.setdefault(change.recorded_by, []).append(consent.pk)
        new += [
            PhotoConsent(
                person=person,
                purpose=purpose,
                given_by=change.given_by,
                given_on=change.given_on,
                recorded_by=change.recorded_by,
                recorded_at=now,
            )
            for purpose in sorted(change.purposes - set(current))
        ]
    for user, ids in withdrawn_by.items():
        PhotoConsent.objects.filter(pk__in=ids).update(withdrawn_at=now, withdrawn_by=user)
        withdrawn = PhotoConsent.objects.filter(pk__in=ids).select_related("person")
        audit.log_bulk(withdrawn, audit.UPDATE, {"withdrawn_at": [None, str(now)]})
    audit.log_bulk(PhotoConsent.objects.bulk_create(new), audit.CREATE, lambda c: {"purpose": [None, c.purpose]})


@transaction.atomic
def staff_invite(
    *, school: School, email: str, full_name: str, role: str, person: Person | None, program: Program | None = None
):
    """Access to ``school`` in ``role`` for the account with this e-mail: a new account without a password
    (the invitation's link sets one), or the existing one — someone whose access was revoked, or who works at
    another school too — given access again. It is linked to ``person`` on the roster (a new person of the
    role's kind when None) and, with ``program``, takes part in it."""
    User = get_user_model()
    user = User.objects.filter(email__iexact=email).first() or (person.user if person else None)
    if user is None:
        first, _space, last = full_name.partition(" ")
        user = User.objects.create_user(
            username=_free_username(email), email=email, first_name=first[:150], last_name=last[:150]
        )  # no password given: an unusable one until the invited person chooses theirs
    else:
        user.is_active, user.email = True, user.email or email
        user.save(update_fields=["is_active", "email"])
    Membership.objects.update_or_create(user=user, school=school, defaults={"role": role})
    person = person or Person.objects.filter(user=user, school=school).first()
    if person is None:
        person = Person.objects.create(school=school, name=full_name, kind=STAFF_KIND_OF_ROLE[role])
    person.archived_at = None
    # An account is one person's on one school's roster (Person.user is one-to-one): someone already on another
    # school's roster keeps that link, and this school's person stays unlinked.
    if not Person.objects.filter(user=user).exclude(pk=person.pk).exists():
        person.user = user
    person.save(update_fields=["user", "archived_at"])
    if program is not None:
        participants_set(program=program, people=[person], participating=True)
    return user


def _free_username(email: str) -> str:
    """The part of the e-mail address before the @, made unique: "siti", "siti2" …"""
    return free_username(slugify(email.split("@")[0])[:140] or "guru")


def free_username(base: str) -> str:
    """``base`` made unique among the accounts: "siti.aminah", "siti.aminah2" …"""
    taken = set(get_user_model().objects.filter(username__startswith=base).values_list("username", flat=True))
    candidates = itertools.chain([base], (f"{base}{n}" for n in itertools.count(2)))
    return next(name for name in candidates if name not in taken)


@transaction.atomic
def staff_role_change(*, membership: Membership, role: str) -> Membership:
    """A new role at the school; the person on its roster becomes of that kind, and takes part in its
    programs in it."""
    membership.role = role
    membership.save(update_fields=["role"])
    kind = STAFF_KIND_OF_ROLE[role]
    for person in Person.objects.filter(user_id=membership.user_id, school_id=membership.school_id):
        person.kind = kind
        person.save(update_fields=["kind"])
        person.participations.filter(left_on__isnull=True).update(role=kind)
    return membership


@transaction.atomic
def staff_revoke(*, user, school: School) -> None:
    """End ``user``'s access to ``school``: their role there goes, and with it every page of its programs and
    the calendar link (checked again on every fetch). An account left with no school at all is switched off."""
    Membership.objects.filter(user=user, school=school).delete()
    if not user.memberships.exists() and not user.district_roles.exists() and not user.is_superuser:
        user.is_active = False
        user.save(update_fields=["is_active"])


def person_has_history(person: Person) -> bool:
    """Attendance, or a part in a program on a day already past: removing them would change what happened."""
    today = timezone.localdate()
    took_part_before_today = person.participations.filter(program__start_date__lt=today).filter(
        Q(joined_on__isnull=True) | Q(joined_on__lt=today)
    )
    return person.attendance.exists() or took_part_before_today.exists()


@transaction.atomic
def person_remove(*, person: Person) -> str:
    """Delete a person without history; archive one with history (``person_has_history``) or whose records
    others point to (feedback, practice logs … whatever activity apps protect), so past records and figures stay
    whole. A member of staff loses their access to the school either way. Returns "deleted" or "archived"."""
    if person.user_id:
        staff_revoke(user=person.user, school=person.school)
    if not person_has_history(person):
        try:
            with transaction.atomic():
                person.delete()  # photos they were in stay to staff (models.people: consent fails closed)
            return "deleted"
        except ProtectedError:
            pass
    person.archived_at = timezone.now()
    person.save(update_fields=["archived_at"])
    # They stop taking part today; past lists and weekly figures keep them where they were.
    person.participations.filter(left_on__isnull=True).update(left_on=timezone.localdate())
    return "archived"


def checklist_toggle(*, item: ChecklistItem, user) -> ChecklistItem:
    if item.done_at:
        item.done_at, item.done_by = None, None
    else:
        item.done_at, item.done_by = timezone.now(), user
    item.save(update_fields=["done_at", "done_by"])
    return item


@transaction.atomic
def attachment_add(*, session: Session, clean: CleanFile, original_name: str, caption: str, people, user) -> Attachment:
    kind = AttachmentKind.PHOTO if clean.content_type.startswith("image/") else AttachmentKind.FILE
    attachment = Attachment(
        session=session,
        kind=kind,
        original_name=original_name[:255],
        content_type=clean.content_type,
        size=len(clean.content),
        caption=caption,
        created_by=user,
    )
    attachment.file.save(f"upload.{clean.extension}", ContentFile(clean.content), save=False)
    attachment.save()
    if kind == AttachmentKind.PHOTO and people:
        attachment.people.set(people)
    return attachment


@transaction.atomic
def attachment_delete(*, attachment: Attachment) -> None:
    attachment.delete()  # its file goes after commit (uploads.remove_files_of)
