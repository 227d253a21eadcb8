"""The 4C assessment: who may score a club, what a club's scoring screen and page read, a student's profile, and the
two writes (a whole club's scores for a phase; the school's rubric scale). Reads state their query count.

Who assesses: whoever may log (facilitators any club; a teacher the clubs they mentor or created), and only those who
see the students' names (``sees_personal_data``), since the screen lists them."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Count, Exists, OuterRef, Q

from komunitas.access import ProgramAccess
from komunitas.models import Attendance, AttendanceStatus, Person, PersonKind, Program, SessionStatus
from komunitas.selectors import count_subquery

from .models import Artifact, Club, ClubMeeting, ClubRubric, Phase, Skill, SkillAssessment
from .rubric import level_for, levels

# --- who may -------------------------------------------------------------------------------------------------------


def may_assess(access: ProgramAccess, club: Club, mentors: list[Person]) -> bool:
    """Facilitators (and superusers) any club; a teacher the clubs they mentor or created. ``mentors``: the club's,
    already read (no query)."""
    if not (access.can_log and access.sees_personal_data):
        return False
    if access.can_manage:
        return True
    return club.created_by_id == access.user.pk or any(person.user_id == access.user.pk for person in mentors)


def rubric_locked(school_id: int) -> bool:
    """Once any club of the school's programs is assessed, its scale stays (averages never mix scales). One query."""
    return SkillAssessment.objects.filter(club__program__school_id=school_id).exists()


# --- a club ---------------------------------------------------------------------------------------------------------


def club_members(club: Club):
    """The club's members in the order of the scoring screen: by class, then name."""
    return club.members.order_by("class_name", "name", "pk")


def club_scores(club: Club, phase: str, week: int) -> dict[tuple[int, str], int]:
    """{(person id, skill): score} of one phase (and week) of the club. One query."""
    rows = SkillAssessment.objects.filter(club=club, phase=phase, week=week).values_list("person_id", "skill", "score")
    return {(person_id, skill): score for person_id, skill, score in rows}


@dataclass
class PhaseProgress:
    phase: str
    label: str
    complete: int  # members with all four skills scored
    of: int
    weeks: list[int] = field(default_factory=list)  # for the weekly phase: the weeks with any score


def club_progress(club: Club, member_count: int) -> list[PhaseProgress]:
    """Which phases are done on a club's page: baseline and endline as "12 of 14 students", the weeks scored. One
    query (current members only: someone who left the club is not counted)."""
    members = Club.members.through.objects.filter(club_id=club.pk).values("person_id")
    rows = (
        SkillAssessment.objects.filter(club=club, person_id__in=members)
        .values("phase", "week", "person_id")
        .annotate(skills=Count("pk"))
        .order_by()
    )
    complete: dict[str, int] = defaultdict(int)
    weeks: set[int] = set()
    for row in rows:
        if row["phase"] == Phase.WEEKLY:
            weeks.add(row["week"])
        elif row["skills"] == len(Skill.values):
            complete[row["phase"]] += 1
    return [
        PhaseProgress(Phase.BASELINE, Phase.BASELINE.label, complete[Phase.BASELINE], member_count),
        PhaseProgress(Phase.WEEKLY, Phase.WEEKLY.label, 0, member_count, sorted(weeks)),
        PhaseProgress(Phase.ENDLINE, Phase.ENDLINE.label, complete[Phase.ENDLINE], member_count),
    ]


# --- a student ------------------------------------------------------------------------------------------------------


def program_student(program: Program, pk: int) -> Person | None:
    """A student of the program: taking part now or before, or a member of one of its clubs. One query."""
    in_program = Q(participations__program=program) | Q(clubs__program=program)
    students = Person.objects.filter(school_id=program.school_id, kind=PersonKind.STUDENT, pk=pk)
    return students.filter(Exists(Person.objects.filter(in_program, pk=OuterRef("pk")))).first()


@dataclass
class SkillGrowth:
    skill: str
    label: str
    baseline: SkillAssessment | None = None
    weekly: list[SkillAssessment] = field(default_factory=list)
    endline: SkillAssessment | None = None

    @property
    def change(self) -> int | None:
        if self.baseline and self.endline:
            return self.endline.score - self.baseline.score
        return None


@dataclass
class ClubGrowth:
    club: Club
    skills: list[SkillGrowth]
    top: int  # the number of levels of the scale scored with

    @property
    def has_baseline_and_endline(self) -> bool:
        return any(row.baseline for row in self.skills) and any(row.endline for row in self.skills)


def student_profile(program: Program, person: Person) -> dict:
    """A student's clubs in the program with their attendance (present of held meetings), the artifacts linked to
    them, and their 4C growth per club. Three queries: clubs with counts, artifacts, assessments."""
    meetings = ClubMeeting.objects.filter(club_id=OuterRef("pk"), session__status=SessionStatus.HELD)
    present = Attendance.objects.filter(
        person=person,
        status=AttendanceStatus.PRESENT,
        session__status=SessionStatus.HELD,
        session__club_meeting__club_id=OuterRef("pk"),
    )
    clubs = list(
        program.clubs.filter(members=person)
        .annotate(
            meetings_held=count_subquery(meetings, "club_id"),
            present=count_subquery(present, "session__club_meeting__club_id"),
        )
        .order_by("name", "pk")
    )
    artifacts = list(
        Artifact.objects.filter(people=person, project__club__program=program)
        .select_related("project__club")
        .order_by("-uploaded_at", "-pk")
    )
    by_club: dict[int, dict[str, SkillGrowth]] = {}
    scales: dict[int, str] = {}
    assessed = (
        SkillAssessment.objects.filter(person=person, club__program=program)
        .select_related("club")
        .order_by("club__name", "club_id", "week")
    )
    clubs_of: dict[int, Club] = {}
    for row in assessed:
        clubs_of[row.club_id] = row.club
        scales[row.club_id] = row.scale
        skills = by_club.setdefault(row.club_id, {skill: SkillGrowth(skill, label) for skill, label in Skill.choices})
        growth = skills[row.skill]
        if row.phase == Phase.BASELINE:
            growth.baseline = row
        elif row.phase == Phase.ENDLINE:
            growth.endline = row
        else:
            growth.weekly.append(row)
    growth = [
        ClubGrowth(clubs_of[club_id], list(skills.values()), len(levels(scales[club_id])))
        for club_id, skills in by_club.items()
    ]
    for club in clubs:
        club.program = program
    return {"clubs": clubs, "artifacts": artifacts, "growth": growth}


# --- writes ---------------------------------------------------------------------------------------------------------


@transaction.atomic
def club_assessments_save(
    *, club: Club, phase: str, week: int, scores: dict[tuple[int, str], int | None], scale: str, user
) -> int:
    """Upsert the club's scores of one phase (and week): a score per (member, skill), ``None`` removing one. Only
    changed rows are written (each through ``save``/``delete``, so the audit log sees them). Returns how many
    rows changed."""
    existing = {
        (row.person_id, row.skill): row
        for row in SkillAssessment.objects.select_for_update().filter(club=club, phase=phase, week=week)
    }
    changed = 0
    for (person_id, skill), score in scores.items():
        row = existing.get((person_id, skill))
        if score is None:
            if row is not None:
                row.delete()
                changed += 1
            continue
        level = level_for(scale, score)
        if level is None:  # the form checked; a score the scale lacks is a programming error
            raise ValueError(f"score {score} is not a level of {scale}")
        if row is not None and (row.score, row.scale) == (score, scale):
            continue
        row = row or SkillAssessment(club=club, person_id=person_id, phase=phase, week=week, skill=skill)
        row.score, row.scale, row.level_code, row.level_label = score, scale, level.code, level.label
        row.assessed_by = user
        row.save()
        changed += 1
    return changed


@transaction.atomic
def rubric_set(*, school_id: int, scale: str) -> ClubRubric:
    """The school's scale; refused (ValueError) once it has assessments — the form says so first."""
    if rubric_locked(school_id):
        raise ValueError("the rubric is locked by existing assessments")
    rubric, _created = ClubRubric.objects.update_or_create(school_id=school_id, defaults={"scale": scale})
    return rubric
