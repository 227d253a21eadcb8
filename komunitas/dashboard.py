"""The program dashboard: what the principal reads every Monday, computed once per change of the data.

``panels_html(access)`` is the dashboard below its header: this week at a glance (participation of teachers,
students and parents; sessions held of planned per activity), what needs attention, the charts, the week ×
activity grid, the activities' own panels (the plug-in contract), the latest activity and a strip of photos. It
is rendered without the request (no CSRF token, nothing about the viewer but their role) and cached per program,
language, role and day, keyed by the school's data token (``komunitas/freshness.py``): any save in the school
changes the token in its own transaction, so the next reader computes it again and never sees a stale figure.

``dashboard_figures(access)`` gathers the core's figures in five queries whatever the size of the program (the
sessions with their attendance counts, the attendance marks of held sessions, the participation periods, the
photos, the photos lacking consent); the activities' panels and attention items add their own fixed counts.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db.models import Count, Prefetch, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from . import activities, freshness, setup_guide
from .access import ProgramAccess
from .activities import Attention
from .charts import grouped_bar_chart, line_chart
from .models import (
    Attachment,
    AttachmentKind,
    Attendance,
    AttendanceStatus,
    ChecklistItem,
    Participant,
    PersonKind,
    Program,
    Session,
    SessionStatus,
    Stage,
    took_part,
)
from .selectors import HeldOfPlanned

CACHE_VERSION = 1  # raise when the Python code changes the panels (templates and translations count by themselves)
CACHE_SECONDS = 24 * 3600  # the key changes with the data and the day anyway; this only bounds memory
GROUPS = (PersonKind.TEACHER, PersonKind.STUDENT, PersonKind.PARENT)  # whose participation the paper follows
ABSENT_WEEKS = 3  # "absent three weeks running"
LATEST = 6
PHOTOS = 8


@dataclass
class GroupWeek:
    """One group in one week: distinct people present at a held session, of those taking part that week.
    ``marked`` is False when no session of the week took this group's attendance (no figure, not 0%)."""

    present: int = 0
    total: int = 0
    marked: bool = False

    @property
    def percent(self) -> int | None:
        return round(100 * self.present / self.total) if self.marked and self.total else None


@dataclass
class GroupParticipation:
    kind: str
    label: str
    weeks: list[GroupWeek]
    shown_week: int

    @property
    def now(self) -> GroupWeek:
        return self.weeks[self.shown_week - 1]

    @property
    def before(self) -> GroupWeek | None:
        """The latest earlier week with a figure: what this week's is compared with."""
        for week in reversed(self.weeks[: self.shown_week - 1]):
            if week.percent is not None:
                return week
        return None

    @property
    def trend(self) -> int | None:
        """Change in percentage points from ``before`` to ``now``."""
        if self.now.percent is None or self.before is None:
            return None
        return self.now.percent - self.before.percent


@dataclass
class GridCell:
    week: int
    counts: HeldOfPlanned
    state: str  # "none", "future", "done", "partial", "missed"
    url: str

    @property
    def label(self) -> str:
        return f"{self.counts.held}/{self.counts.planned}" if self.counts.planned else "–"


@dataclass
class ActivityRow:
    """One activity on the dashboard: held of planned this week, so far, and its grid cells."""

    label: str
    kinds: list[str]
    this_week: HeldOfPlanned = field(default_factory=HeldOfPlanned)
    so_far: HeldOfPlanned = field(default_factory=HeldOfPlanned)  # sessions due by today
    cells: list[GridCell] = field(default_factory=list)


def _activity_rows(program: Program, sessions: list[Session], today: dt.date, shown_week: int) -> list[ActivityRow]:
    """Activities with session kinds, each with its held of planned per week (no query)."""
    rows = []
    kind_row: dict[str, ActivityRow] = {}
    for activity in activities.activities():
        kinds = [kind.value for kind in activity.session_types]
        if not kinds:
            continue
        label = activity.label or _("Other activities")
        row = ActivityRow(str(label), kinds)
        rows.append(row)
        kind_row.update(dict.fromkeys(kinds, row))
    weekly: dict[tuple[int, int], HeldOfPlanned] = defaultdict(HeldOfPlanned)
    for session in sessions:
        row = kind_row.get(session.kind)
        week = program.week_of(session.date)
        if row is None or week is None:
            continue
        weekly[(id(row), week)].count(session.status)
        if week == shown_week:
            row.this_week.count(session.status)
        if session.status == SessionStatus.HELD or session.date < today:
            row.so_far.count(session.status)
    schedule = reverse("schedule", args=[program.pk])
    for row in rows:
        for week in program.week_numbers():
            counts = weekly.get((id(row), week), HeldOfPlanned())
            url = f"{schedule}?kind={row.kinds[0]}#week-{week}" if len(row.kinds) == 1 else f"{schedule}#week-{week}"
            row.cells.append(GridCell(week, counts, _cell_state(program, week, counts, today), url))
    return [row for row in rows if any(cell.counts.planned for cell in row.cells)] or rows[:1]


def _cell_state(program: Program, week: int, counts: HeldOfPlanned, today: dt.date) -> str:
    if not counts.planned:
        return "none"
    if counts.held == counts.planned:
        return "done"
    start, end = program.week_range(week)
    if start > today:
        return "future"
    if counts.held:
        return "partial"
    return "future" if end >= today else "missed"


def _participation(program: Program, marks: list, periods: list, last_week: int) -> list[GroupParticipation]:
    """Per group and week: distinct people present at held sessions of those taking part that week. A week
    counts for a group only when a session took that group's attendance."""
    role_of: dict[int, str] = {}
    for person_id, role, _joined, _left, _name in periods:
        role_of.setdefault(person_id, role)
    present: dict[tuple[str, int], set[int]] = defaultdict(set)
    marked: set[tuple[str, int]] = set()
    for day, person_id, status in marks:
        week, role = program.week_of(day), role_of.get(person_id)
        if week is None or role is None:
            continue
        marked.add((role, week))
        if status == AttendanceStatus.PRESENT:
            present[(role, week)].add(person_id)
    groups = []
    for kind in GROUPS:
        weeks = []
        for week in program.week_numbers():
            start, end = program.week_range(week)
            taking_part = {
                person_id
                for person_id, role, joined, left, _name in periods
                if role == kind and took_part(joined, left, start, end)
            }
            weeks.append(
                GroupWeek(
                    present=len(present[(kind, week)] & taking_part),
                    total=len(taking_part),
                    marked=(kind, week) in marked and week <= last_week,
                )
            )
        groups.append(GroupParticipation(kind, PersonKind(kind).label, weeks, max(last_week, 1)))
    return groups


def _absent_running(program: Program, marks: list, periods: list, kind: str, last_week: int) -> list[str]:
    """Names of those of ``kind`` taking part who were marked at sessions of each of the last three weeks with
    sessions for their group, and present at none (three weeks absent running)."""
    role_of = {person_id: role for person_id, role, *_rest in periods}
    weeks_marked: dict[int, set[int]] = defaultdict(set)  # week → who was marked
    present: dict[int, set[int]] = defaultdict(set)
    for day, person_id, status in marks:
        week = program.week_of(day)
        if week is None or week > last_week or role_of.get(person_id) != kind:
            continue
        weeks_marked[week].add(person_id)
        if status == AttendanceStatus.PRESENT:
            present[week].add(person_id)
    recent = sorted(weeks_marked)[-ABSENT_WEEKS:]
    if len(recent) < ABSENT_WEEKS:
        return []
    names = {person_id: name for person_id, role, _j, left, name in periods if role == kind and left is None}
    return sorted(
        names[person_id]
        for person_id in names
        if all(person_id not in present[week] for week in recent) and all(person_id in weeks_marked[w] for w in recent)
    )


def dashboard_figures(access: ProgramAccess, today: dt.date | None = None) -> dict:
    """Everything the core shows on the dashboard (five queries; see the module's docstring)."""
    program = access.program
    today = today or timezone.localdate()
    current = program.current_week(today)
    last_week = current or (program.weeks if today > program.end_date else 0)
    shown_week = current or (program.weeks if today > program.end_date else 1)
    sessions = list(
        program.sessions.annotate(
            present_count=Count("attendance", filter=Q(attendance__status=AttendanceStatus.PRESENT)),
            marked_count=Count("attendance"),
        ).order_by("date", "start_time", "pk")
    )
    marks = list(
        Attendance.objects.filter(session__program=program, session__status=SessionStatus.HELD).values_list(
            "session__date", "person_id", "status"
        )
    )
    periods = list(
        Participant.objects.filter(program=program).values_list(
            "person_id", "role", "joined_on", "left_on", "person__name"
        )
    )
    rows = _activity_rows(program, sessions, today, shown_week)
    week_start, week_end = program.week_range(shown_week)
    week_sessions = [session for session in sessions if week_start <= session.date <= week_end]
    week_counts = HeldOfPlanned()
    for session in week_sessions:
        week_counts.count(session.status)
    participation = _participation(program, marks, periods, last_week)
    week_labels = [str(week) for week in program.week_numbers()]
    highlight = current - 1 if current else None
    return {
        "program": program,
        "access": access,
        "today": today,
        "week": current,
        "shown_week": shown_week,
        "week_start": week_start,
        "week_end": week_end,
        "week_sessions": week_sessions,
        "week_counts": week_counts,
        "participation": participation,
        "participation_chart": line_chart(
            week_labels,
            [(group.label, [week.percent for week in group.weeks]) for group in participation],
            title=_("Participation by week, as a share of participants present"),
            description=_("Distinct people present at a held session, of those taking part that week."),
            max_value=100,
            label_header=_("Week"),
            chart_id="participation",
        ),
        "activity_rows": rows,
        "sessions_chart": grouped_bar_chart(
            week_labels,
            [
                (_("Planned"), [sum(row.cells[i].counts.planned for row in rows) for i in range(program.weeks)]),
                (_("Held"), [sum(row.cells[i].counts.held for row in rows) for i in range(program.weeks)]),
            ],
            title=_("Sessions planned and held, by week"),
            label_header=_("Week"),
            highlight=highlight,
            chart_id="sessions-held",
        ),
        "attention": _attention(access, sessions, marks, periods, today, last_week),
        "latest": sorted(
            (session for session in sessions if session.status == SessionStatus.HELD),
            key=lambda session: (session.updated_at, session.pk),
            reverse=True,
        )[:LATEST],
        "photos": list(
            Attachment.objects.filter(session__program=program, kind=AttachmentKind.PHOTO)
            .with_consent()
            .filter(**access.photo_filter())
            .select_related("session")
            .order_by("-uploaded_at", "-pk")[:PHOTOS]
        ),
    }


def _attention(access, sessions, marks, periods, today, last_week) -> list[Attention]:
    program = access.program
    items = []
    overdue = [s for s in sessions if s.status == SessionStatus.PLANNED and s.date < today]
    if overdue:
        items.append(
            Attention(
                ngettext(
                    "%(n)s planned session not logged: was it held?",
                    "%(n)s planned sessions not logged: were they held?",
                    len(overdue),
                )
                % {"n": len(overdue)},
                [(f"{s.title} · {s.date:%d/%m}", s.page_url) for s in overdue[-3:]],
            )
        )
    unmarked = [s for s in sessions if s.status == SessionStatus.HELD and not s.marked_count]
    if unmarked:
        items.append(
            Attention(
                ngettext(
                    "%(n)s held session without attendance", "%(n)s held sessions without attendance", len(unmarked)
                )
                % {"n": len(unmarked)},
                [
                    (f"{s.title} · {s.date:%d/%m}", reverse("attendance_edit", args=[program.pk, s.pk]))
                    for s in unmarked[-3:]
                ],
            )
        )
    people = reverse("people_list", args=[program.pk])
    for kind, text in (
        (PersonKind.TEACHER, _("Teachers absent %(weeks)s weeks running: %(names)s")),
        (PersonKind.PARENT, _("Parents absent %(weeks)s weeks running: %(names)s")),
    ):
        names = _absent_running(program, marks, periods, kind, last_week)
        if names:
            shown = ", ".join(names[:5]) if access.sees_personal_data or kind == PersonKind.TEACHER else len(names)
            items.append(Attention(text % {"weeks": ABSENT_WEEKS, "names": shown}, [(_("The roster"), people)], "info"))
    if access.manages_consent:
        lacking = list(
            Attachment.objects.filter(session__program=program)
            .with_consent()
            .filter(consent_staff=False)
            .select_related("session")
            .order_by("-uploaded_at")
        )
        if lacking:
            items.append(
                Attention(
                    ngettext(
                        "%(n)s photo shows a student without photo consent (hidden outside staff pages)",
                        "%(n)s photos show students without photo consent (hidden outside staff pages)",
                        len(lacking),
                    )
                    % {"n": len(lacking)},
                    [(item.session.title, item.session.page_url) for item in lacking[:3]],
                    "danger",
                )
            )
    return items + activities.attention_for(access)


def stages_with_checklists(access: ProgramAccess) -> list[Stage]:
    """The program's stages, each with its checklist and ``done_count``: two queries, or none while the school's
    data is unchanged (the dashboard's header renders them with its own forms, so only the rows are cached)."""
    program = access.program
    key = f"dashboard-stages:{CACHE_VERSION}:{program.pk}:{getattr(program, 'data_token', None)}"  # rows: no template
    stages = cache.get(key)
    if stages is None:
        checklist = ChecklistItem.objects.order_by("order", "pk")
        stages = list(program.stages.prefetch_related(Prefetch("checklist", queryset=checklist)))
        for stage in stages:
            stage.done_count = sum(1 for item in stage.checklist.all() if item.done)
        cache.set(key, stages, CACHE_SECONDS)
    return stages


def cache_key(access: ProgramAccess, today: dt.date) -> str:
    program = access.program
    return ":".join(
        str(part)
        for part in (
            "dashboard",
            CACHE_VERSION,
            freshness.deployment(),
            program.pk,
            getattr(program, "data_token", None),
            translation.get_language(),
            access.role,
            int(access.sees_personal_data),
            today.isoformat(),
            activities.generation(),
        )
    )


def panels_html(access: ProgramAccess) -> str:
    """The dashboard below its header, from the cache when the school's data has not changed since."""
    today = timezone.localdate()
    key = cache_key(access, today)
    html = cache.get(key)
    if html is None:
        context = dashboard_figures(access, today)
        context["panels"] = activities.panels_for(access)
        # The first-run guide, for those who do its steps (cached like the rest: its state is the program's data).
        context["setup_guide"] = setup_guide.dashboard_guide(access.program) if access.can_manage else None
        html = render_to_string("komunitas/includes/dashboard/_panels.html", context)
        cache.set(key, html, CACHE_SECONDS)
    return mark_safe(html)  # rendered by our template, escaped there
