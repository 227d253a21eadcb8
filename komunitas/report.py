"""The final report (laporan akhir) of a program: what it contains, read at a fixed number of queries.

Laid out as schools hand in KKG/MGMP reports (docs/architecture.md, "The final report"): a cover, the approval
page signed by the principal (lembar pengesahan), the foreword (kata pengantar), the contents with page numbers;
BAB I Pendahuluan (background, goals, who took part, the results expected); BAB II Pelaksanaan (time and place
with the stages, the activities and the method, the results of each activity and of the evaluation, the
obstacles and how they were handled); BAB III Penutup (conclusions, recommendations); Lampiran.

The core writes the chapters' frame and what it owns (the program, its people, stages, sessions, obstacles and
texts); everything an activity app knows comes from its ``report_sections`` (komunitas/activities.py), the
core's own appendices (attendance, photos) included — so no module here imports an app.

A report is one document for all its readers (it is cached once per data version, ``report_render``): nothing
in it may depend on who reads it. It names staff, never a student or a parent, and shows only photos every
pictured student's guardian allowed in the report (``shown_for("report")``); district officers read it too.
"""

from __future__ import annotations

import datetime as dt
import string
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db.models import Count
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import activities
from .access import ProgramAccess
from .activities import ReportPart, ReportSection
from .models import (
    Attachment,
    Attendance,
    AttendanceStatus,
    Obstacle,
    ObstacleCategory,
    Participant,
    Person,
    PersonKind,
    ReportText,
    SessionStatus,
)
from .print_images import print_photos
from .selectors import session_counts

APPENDIX_PHOTOS = 24  # the photo appendix: a few pages, and a bounded rendering time and file size
SESSIONS_LISTED = 200  # rows of the attendance appendix (a year of weekly sessions of four activities)
TEXTS = ("foreword", "background", "conclusions", "recommendations")


@dataclass
class Block:
    """A titled piece of a chapter, rendered: what the contents list and the document show."""

    id: str
    title: str
    html: SafeString
    number: str = ""  # "A", "1", "Lampiran 2" …
    level: int = 2


@dataclass
class Chapter:
    id: str
    number: str  # "BAB I", or "" (the appendix)
    title: str
    blocks: list[Block] = field(default_factory=list)


@dataclass
class Report:
    program: object
    texts: dict[str, str]
    principal: Person | None
    facilitator: Person | None
    chapters: list[Chapter]
    sections: list[ReportSection]  # every optional section available (what the facilitator may tick)
    chosen: set[str]
    today: dt.date
    obstacles: list[Obstacle]
    facts: dict

    @property
    def contents(self) -> list[tuple[int, str, str]]:
        """(level, anchor, title) of the contents list (daftar isi)."""
        entries = []
        for chapter in self.chapters:
            entries.append((1, chapter.id, f"{chapter.number} {chapter.title}".strip()))
            entries += [(block.level, block.id, f"{block.number}. {block.title}") for block in chapter.blocks]
        return entries


# --- facts and the texts pre-filled from them --------------------------------------------------------------------


def program_facts(program, sessions: list[tuple], teacher_marks: list[tuple], roles: dict[str, int]) -> dict:
    """The numbers the pre-filled texts quote, from rows already read (no query)."""
    today = timezone.localdate()
    due = [(kind, day, status) for kind, day, status, _place in sessions if status == SessionStatus.HELD or day < today]
    total = session_counts(program, rows=due).total()
    # Teachers present of teachers marked, per week: the first and the last week with marks.
    weekly: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    for day, status in teacher_marks:
        week = program.week_of(day)
        if week:
            weekly[week][0] += status == AttendanceStatus.PRESENT
            weekly[week][1] += 1
    weeks = sorted(week for week, (_present, marked) in weekly.items() if marked)
    share = {week: round(100 * weekly[week][0] / weekly[week][1]) for week in weeks}
    return {
        "held": total.held,
        "planned": total.planned,
        "held_percent": total.percent,
        "first_week": weeks[0] if weeks else None,
        "last_week": weeks[-1] if weeks else None,
        "first_share": share[weeks[0]] if weeks else None,
        "last_share": share[weeks[-1]] if weeks else None,
        "teachers": roles.get(PersonKind.TEACHER, 0),
        "students": roles.get(PersonKind.STUDENT, 0),
        "parents": roles.get(PersonKind.PARENT, 0),
    }


RECOMMENDATION_FOR = {
    ObstacleCategory.TIME: gettext_lazy(
        "Schedule the community's meetings within teachers' working hours and keep them short and regular."
    ),
    ObstacleCategory.MOTIVATION: gettext_lazy(
        "Give every teacher a role in turn (presenter, note-taker, observer) and acknowledge their contributions."
    ),
    ObstacleCategory.FACILITIES: gettext_lazy(
        "Plan the facilities each activity needs in the school's budget and share what is available."
    ),
}


def default_texts(program, facts: dict, obstacles: list[Obstacle]) -> dict[str, str]:
    """What each report text says until someone writes their own: sentences from the program's data."""
    school = program.school.name
    period = f"{date_format(program.start_date, 'j F Y')} – {date_format(program.end_date, 'j F Y')}"
    held = _("%(held)s of %(planned)s planned sessions were held") % facts if facts["planned"] else ""
    attendance = ""
    if facts["first_week"] and facts["last_week"] and facts["first_week"] != facts["last_week"]:
        verb = (
            _("rose")
            if facts["last_share"] > facts["first_share"]
            else _("went")
            if facts["last_share"] == facts["first_share"]
            else _("fell")
        )
        attendance = _(
            "teacher attendance %(verb)s from %(first_share)s%% in week %(first_week)s to %(last_share)s%% in week "
            "%(last_week)s"
        ) % {**facts, "verb": verb}
    measured = "; ".join(part for part in (held, attendance) if part)
    categories = Counter(obstacle.category for obstacle in obstacles)
    foreword = _(
        "Praise be to God Almighty, by whose grace the report of the program “%(program)s” at %(school)s, held "
        "from %(period)s, could be completed. This report sets out how the program was carried out, its results "
        "and the lessons learnt, as an account to the school and the education office and as a basis for the "
        "next steps. We thank the principal, the teachers, the students and the parents who took part. We welcome "
        "suggestions to improve it."
    ) % {"program": program.name, "school": school, "period": period}
    background = program.description or _(
        "The school runs a learning community (komunitas belajar) in which teachers share good practice, students "
        "learn through projects and parents take part in their children's learning. The program “%(program)s” "
        "organised it over %(weeks)s weeks, with %(teachers)s teachers, %(students)s students and %(parents)s "
        "parents."
    ) % {"program": program.name, "weeks": program.weeks, **facts}
    conclusions = [
        _("The program “%(program)s” ran at %(school)s from %(period)s.")
        % {"program": program.name, "school": school, "period": period}
    ]
    if measured:
        conclusions.append(measured[0].upper() + measured[1:] + ".")
    conclusions.append(
        _("The change in each aspect, with its measured evidence, is summarised in Table 1 of chapter II.")
    )
    if obstacles:
        most = ObstacleCategory(categories.most_common(1)[0][0]).label
        conclusions.append(
            _("%(n)s obstacles were recorded; the most frequent: %(most)s.") % {"n": len(obstacles), "most": most}
        )
    recommendations = [str(RECOMMENDATION_FOR[c]) for c in RECOMMENDATION_FOR if categories.get(c)]
    recommendations.append(
        _("Continue the learning community in the next semester and keep recording attendance and evidence weekly.")
    )
    return {
        "foreword": foreword,
        "background": background,
        "conclusions": "\n\n".join(conclusions),
        "recommendations": "\n".join(f"{n}. {text}" for n, text in enumerate(recommendations, 1)),
    }


# --- the core's own sections, declared through the contract (komunitas/activity.py) -----------------------------


def attendance_appendix(access: ProgramAccess) -> ReportSection | None:
    """Lampiran: attendance of every held session, counted by role, and the teachers' attendance week by week
    (staff are named; students and parents only counted). Three queries (sessions, counts, teachers' marks)."""
    program = access.program
    held = list(
        program.sessions.filter(status=SessionStatus.HELD)
        .order_by("date", "start_time", "pk")
        .values("pk", "date", "kind", "title")[:SESSIONS_LISTED]
    )
    if not held:
        return None
    present = Attendance.objects.filter(session__program=program, session__status=SessionStatus.HELD)
    counts: dict[int, Counter] = defaultdict(Counter)
    for session_id, kind, n in (
        present.filter(status=AttendanceStatus.PRESENT)
        .values("session_id", "person__kind")
        .annotate(n=Count("pk"))
        .values_list("session_id", "person__kind", "n")
    ):
        counts[session_id][kind] += n
    weeks = list(program.week_numbers())
    grid: dict[int, dict] = {}
    for person_id, name, day in present.filter(
        status=AttendanceStatus.PRESENT, person__kind=PersonKind.TEACHER
    ).values_list("person_id", "person__name", "session__date"):
        row = grid.setdefault(person_id, {"name": name, "weeks": set()})
        row["weeks"].add(program.week_of(day))
    labels = dict(activities.session_type_choices())
    rows = [
        {
            **session,
            "kind_label": labels.get(session["kind"], session["kind"]),
            "teachers": counts[session["pk"]][PersonKind.TEACHER],
            "students": counts[session["pk"]][PersonKind.STUDENT],
            "parents": counts[session["pk"]][PersonKind.PARENT],
            "others": sum(counts[session["pk"]].values())
            - sum(counts[session["pk"]][k] for k in (PersonKind.TEACHER, PersonKind.STUDENT, PersonKind.PARENT)),
        }
        for session in held
    ]
    teachers = [
        {"name": row["name"], "marks": [week in row["weeks"] for week in weeks], "total": len(row["weeks"])}
        for row in sorted(grid.values(), key=lambda row: row["name"])
    ]
    return ReportSection(
        key="attendance",
        title=_("Attendance"),
        template="komunitas/report/_attendance.html",
        context={"rows": rows, "teachers": teachers, "weeks": weeks},
        order=50,
        part=ReportPart.APPENDIX,
    )


def photo_appendix(access: ProgramAccess) -> ReportSection | None:
    """Lampiran: photos of the activities, those every pictured student's guardian allowed in the report,
    the latest of each week first… at most ``APPENDIX_PHOTOS``. One query."""
    attachments = (
        Attachment.objects.filter(session__program=access.program)
        .shown_for("report")
        .select_related("session")
        .order_by("session__date", "pk")[:APPENDIX_PHOTOS]
    )
    photos = print_photos(attachments)
    if not photos:
        return None
    return ReportSection(
        key="photos",
        title=_("Photos of the activities"),
        template="komunitas/report/_photos.html",
        context={"photos": photos},
        order=90,
        part=ReportPart.APPENDIX,
    )


# --- the report -------------------------------------------------------------------------------------------------


def _render(section: ReportSection, base: dict) -> SafeString:
    return SafeString(render_to_string(section.template, {**base, **section.context, "section": section}))


def program_data(program) -> dict:
    """What the report's frame and its pre-filled texts read: participants by role, sessions, obstacles and the
    teachers' attendance marks, with the facts and default texts made of them. Four queries."""
    roles = dict(
        Participant.objects.filter(program=program)
        .values("role")
        .annotate(n=Count("person", distinct=True))
        .values_list("role", "n")
    )
    sessions = list(program.sessions.values_list("kind", "date", "status", "place"))
    obstacles = list(Obstacle.objects.filter(program=program))
    teacher_marks = list(
        Attendance.objects.filter(
            session__program=program, session__status=SessionStatus.HELD, person__kind=PersonKind.TEACHER
        ).values_list("session__date", "status")
    )
    facts = program_facts(program, sessions, teacher_marks, roles)
    return {
        "roles": roles,
        "sessions": sessions,
        "obstacles": obstacles,
        "facts": facts,
        "defaults": default_texts(program, facts, obstacles),
    }


def report_context(access: ProgramAccess, chosen: set[str] | None = None, *, pdf: bool = True) -> dict:
    """Everything the report shows; ``chosen``: the keys of the optional sections to include (None: all).
    Queries: texts, principal, facilitator, participants by role, stages, sessions, obstacles, teachers' marks,
    and each section's own (fixed, see ``report_sections``)."""
    program = access.program
    text_row = ReportText.objects.filter(program=program).first()
    principal = Person.objects.principal_of(program.school_id)
    facilitator = Person.objects.participants_of(program, [PersonKind.FACILITATOR]).first()
    stages = list(program.stages.all())
    read = program_data(program)
    roles, sessions, obstacles, facts, defaults = (
        read["roles"], read["sessions"], read["obstacles"], read["facts"], read["defaults"]
    )  # fmt: skip
    texts = {name: (getattr(text_row, name, "") or defaults[name]) for name in TEXTS}

    sections = activities.report_sections_for(access)
    chosen = {section.key for section in sections} if chosen is None else chosen
    base = {"program": program, "pdf": pdf}
    by_part: dict[str, list[ReportSection]] = defaultdict(list)
    for section in sections:
        if section.key in chosen:
            by_part[section.part].append(section)

    counts = session_counts(
        program, rows=[row[:3] for row in sessions if row[2] == SessionStatus.HELD or row[1] < timezone.localdate()]
    )
    labels = dict(activities.session_type_choices())
    kinds = [(labels.get(kind, kind), counts.total([kind])) for kind in dict.fromkeys(row[0] for row in sessions)]
    places = [place for place, _n in Counter(row[3] for row in sessions if row[3]).most_common(3)]
    core = {
        "texts": texts,
        "roles": [(PersonKind(role).label, roles.get(role, 0)) for role in PersonKind.values if roles.get(role)],
        "stages": stages,
        "kinds": kinds,
        "places": places,
        "facts": facts,
        "obstacles": obstacles,
    }

    def own(key: str, title: str, template: str) -> ReportSection:
        return ReportSection(key=key, title=title, template=template, context=core)

    intro = [
        own("background", _("Background"), "komunitas/report/_text_background.html"),
        own("goals", _("Goals"), "komunitas/report/_goals.html"),
        own("target", _("Participants"), "komunitas/report/_participants.html"),
        *by_part[ReportPart.INTRODUCTION],
    ]
    implementation = [
        own("time_place", _("Time and place"), "komunitas/report/_time_place.html"),
        own("activities", _("The activities"), "komunitas/report/_activities.html"),
    ]
    closing = [
        own("conclusions", _("Conclusions"), "komunitas/report/_text_conclusions.html"),
        own("recommendations", _("Recommendations"), "komunitas/report/_text_recommendations.html"),
    ]
    letters = string.ascii_uppercase

    def blocks(items: list[ReportSection], prefix: str) -> list[Block]:
        return [
            Block(f"{prefix}-{section.key}", str(section.title), _render(section, base), letters[n])
            for n, section in enumerate(items)
        ]

    def sub(items: list[ReportSection], prefix: str) -> list[Block]:
        return [
            Block(f"{prefix}-{section.key}", str(section.title), _render(section, base), str(n), level=3)
            for n, section in enumerate(items, 1)
        ]

    bab2 = blocks(implementation, "bab-2")
    bab2 += sub(by_part[ReportPart.METHOD], "bab-2")
    results_head = Block("bab-2-results", _("Results"), SafeString(""), letters[len(implementation)])
    results = sub(by_part[ReportPart.RESULTS], "bab-2")
    problems = ReportSection("obstacles", _("Problems and solutions"), "komunitas/report/_obstacles.html", core)
    bab2 += [results_head, *results]
    bab2.append(
        Block("bab-2-obstacles", str(problems.title), _render(problems, base), letters[len(implementation) + 1])
    )
    chapters = [
        Chapter("bab-1", "BAB I", _("Introduction"), blocks(intro, "bab-1")),
        Chapter("bab-2", "BAB II", _("Implementation"), bab2),
        Chapter("bab-3", "BAB III", _("Closing"), blocks(closing, "bab-3")),
    ]
    appendix = by_part[ReportPart.APPENDIX]
    if appendix:
        chapters.append(
            Chapter(
                "appendix",
                "",
                _("Appendices"),
                [
                    Block(f"appendix-{s.key}", str(s.title), _render(s, base), _("Appendix %(n)s") % {"n": n}, level=2)
                    for n, s in enumerate(appendix, 1)
                ],
            )
        )
    report = Report(
        program=program,
        texts=texts,
        principal=principal,
        facilitator=facilitator,
        chapters=chapters,
        sections=sections,
        chosen=chosen,
        today=timezone.localdate(),
        obstacles=obstacles,
        facts=facts,
    )
    return {"report": report, "program": program, "signing": {"date": report.today}, "pdf": pdf}
