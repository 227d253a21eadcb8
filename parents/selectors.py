"""Reads of the parent classes that pages share, each at a fixed number of queries (stated in its docstring).
Parents' names are personal data: selectors read them, templates show them only when
``access.sees_personal_data`` (everyone else reads counts and "a parent")."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import F, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from komunitas.access import ProgramAccess
from komunitas.activities import participants_in
from komunitas.models import Attendance, AttendanceStatus, Person, PersonKind, Program, Session
from komunitas.selectors import count_subquery, session_page

from .models import PARENT_CLASS, Contribution, DialogueNote, DialogueTag, FollowUp, ParentClass, Theme


def class_sessions(program: Program):
    """The program's parent classes (sessions of the kind, with their class record when logged)."""
    return program.sessions.filter(kind=PARENT_CLASS)


def classes_with_counts(program: Program):
    """The program's classes, newest first, with their class record, speaker and facilitator, and
    ``parents_present``, ``note_count``, ``contribution_count``, ``open_follow_ups``: one query (correlated
    counts), a QuerySet to filter and paginate."""
    present = Attendance.objects.filter(
        session=OuterRef("pk"), status=AttendanceStatus.PRESENT, person__kind=PersonKind.PARENT
    )
    return (
        class_sessions(program)
        .select_related("parent_class__speaker", "facilitator")
        .annotate(
            parents_present=count_subquery(present, "session_id"),
            note_count=count_subquery(DialogueNote.objects.filter(session=OuterRef("pk")), "session_id"),
            contribution_count=count_subquery(Contribution.objects.filter(session=OuterRef("pk")), "session_id"),
            open_follow_ups=count_subquery(
                FollowUp.objects.filter(session=OuterRef("pk"), done_on__isnull=True), "session_id"
            ),
        )
        .order_by("-date", "-start_time", "-pk")
    )


def parents_in_program(program: Program) -> int:
    """How many parents take part in the program now. One query."""
    return Person.objects.participants_of(program, [PersonKind.PARENT]).count()


def class_page(access: ProgramAccess, session: Session) -> dict:
    """What a class's page shows besides its record: the shared session pieces (``session_page``: attendance,
    documentation, actions), parents present of those in the program, and its dialogue notes, contributions and
    follow-ups. Six queries: attendance, attachments, the program's parents, notes, contributions, follow-ups."""
    context = session_page(access, session)
    context["parents_present"] = sum(
        1
        for row in context["attendance"]
        if row.status == AttendanceStatus.PRESENT and row.person.kind == PersonKind.PARENT
    )
    context["parents_total"] = parents_in_program(access.program)
    # In the study's order (experiences, obstacles, hopes), not the tags' alphabetical one.
    order = {tag: index for index, tag in enumerate(DialogueTag.values)}
    notes = session.dialogue_notes.select_related("parent").order_by("pk")
    context["notes"] = sorted(notes, key=lambda note: order.get(note.tag, len(order)))
    context["contributions"] = list(session.contributions.select_related("parent").order_by("date", "pk"))
    context["follow_ups"] = follow_ups_in_order(session.follow_ups.all())
    for item in [*context["notes"], *context["contributions"], *context["follow_ups"]]:
        item.may_change = access.can_log and access.can_change(item)
    return context


def mark_overdue(follow_ups) -> list[FollowUp]:
    """The follow-ups, each marked ``overdue`` (open, and its day has passed)."""
    rows = list(follow_ups)
    today = timezone.localdate()
    for row in rows:
        row.overdue = row.done_on is None and row.due_date is not None and row.due_date < today
    return rows


def follow_ups_in_order(follow_ups) -> list[FollowUp]:
    """Open ones first (soonest due first, undated last), then those done (latest first); each marked
    ``overdue``. One query."""
    return mark_overdue(open_first(follow_ups))


@dataclass
class ThemeGroup:
    label: str
    notes: list[DialogueNote] = field(default_factory=list)


@dataclass
class TagGroup:
    tag: str
    label: str
    themes: list[ThemeGroup] = field(default_factory=list)

    @property
    def count(self) -> int:
        return sum(len(group.notes) for group in self.themes)


NO_THEME = _("No theme")


def dialogue_summary(notes) -> list[TagGroup]:
    """Notes grouped by tag (experience, obstacle, hope: the study's three, always all three) and, within each, by
    theme in the themes' order, notes without a theme last. One query (the notes, given as a QuerySet with their
    session and parent), or none for a list already read."""
    by_key: dict[tuple[str, str], list[DialogueNote]] = {}
    for note in notes:
        by_key.setdefault((note.tag, note.theme), []).append(note)
    groups = []
    for tag, tag_label in DialogueTag.choices:
        group = TagGroup(tag, tag_label)
        for theme, theme_label in [*Theme.choices, ("", NO_THEME)]:
            if (tag, theme) in by_key:
                group.themes.append(ThemeGroup(theme_label, by_key[(tag, theme)]))
        groups.append(group)
    return groups


def program_notes(program: Program):
    """Every dialogue note of the program's classes, with its class and parent, in the class's order: a QuerySet
    to filter, one query."""
    return (
        DialogueNote.objects.filter(session__program=program, session__kind=PARENT_CLASS)
        .select_related("session", "parent")
        .order_by("session__date", "session__pk", "pk")
    )


def program_contributions(program: Program):
    """The program's contributions, newest first, with their parent and class: a QuerySet to filter and
    paginate, one query."""
    return program.parent_contributions.select_related("parent", "session").order_by("-date", "-pk")


def program_follow_ups(program: Program):
    """The follow-ups of the program's classes, with their class: a QuerySet, one query."""
    return FollowUp.objects.filter(session__program=program, session__kind=PARENT_CLASS).select_related("session")


def open_first(follow_ups):
    """Open follow-ups first (soonest due first, undated last), then those done (latest first)."""
    return follow_ups.order_by(F("done_on").desc(nulls_first=True), F("due_date").asc(nulls_last=True), "pk")


# Before a class's record says who runs it, and for its parents: the program's parents, teachers and facilitators.
EVERYONE_AROUND = participants_in(PersonKind.PARENT, PersonKind.TEACHER, PersonKind.FACILITATOR)


def class_audience(session):
    """Who a parent class's attendance list (and its printed daftar hadir) shows: the program's parents and the staff
    running it — the program's facilitators, the class's leader, the teacher who logged it and a speaker from the
    school — not every teacher (the attendance page can still show every participant). Two queries: the speaker, the
    people."""
    people = EVERYONE_AROUND(session)
    running = {session.facilitator_id}
    if session.pk:
        running.add(ParentClass.objects.filter(session_id=session.pk).values_list("speaker_id", flat=True).first())
    running.discard(None)
    staff = Q(pk__in=running)
    if session.created_by_id:
        staff |= Q(user_id=session.created_by_id)
    return people.filter(Q(kind__in=[PersonKind.PARENT, PersonKind.FACILITATOR]) | staff)
