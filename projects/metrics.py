"""The clubs' numbers per week and per skill, for the dashboard, the evaluation and the report.

``club_weekly(program)`` costs five queries and ``skill_summary(program)`` one, whatever the data size: rows are
fetched once and grouped in Python by ``program.week_of(date)`` (no query per week, per club or per student), as
the forum's ``forum_weekly``.

Averages are of scores (a level's rank, projects/rubric.py). A program's assessments share one scale: the school's
rubric is locked once assessing starts (``ClubRubric``), so a 3 means the same level in every club and week.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count, Sum
from django.utils import timezone

from komunitas.models import (
    Attendance,
    AttendanceStatus,
    Participant,
    PersonKind,
    Program,
    Session,
    SessionStatus,
    took_part,
)
from komunitas.selectors import session_counts

from .models import CLUB, Artifact, Phase, Skill, SkillAssessment
from .rubric import LEVELS


@dataclass
class WeekRow:
    week: int
    start: dt.date
    end: dt.date
    planned: int = 0  # club meetings planned for the week, held ones included, cancelled ones not
    held: int = 0  # club meetings held
    students_present: int = 0  # distinct participating students present at any held club meeting that week
    students_total: int = 0  # students taking part in the program that week
    artifacts: int = 0  # artifacts uploaded that week (by the local date of their upload)
    score_sum: int = 0  # 4C scores recorded for the week: baseline at week 1, weekly at its week, endline at the last
    score_count: int = 0

    @property
    def present_share(self) -> float | None:
        """Students present as a share (0–1) of the participating students; None when no meeting was held (no
        figure rather than 0: a week without a meeting says nothing about participation)."""
        if not self.held or not self.students_total:
            return None
        return self.students_present / self.students_total

    @property
    def present_percent(self) -> int | None:
        share = self.present_share
        return None if share is None else round(share * 100)

    @property
    def skill_average(self) -> float | None:
        """The average 4C score of the assessments recorded for this week (every skill, every student)."""
        return self.score_sum / self.score_count if self.score_count else None


def assessment_week(program: Program, phase: str, week: int) -> int:
    """The program week an assessment counts in: baseline the first, endline the last, weekly its own."""
    if phase == Phase.BASELINE:
        return 1
    if phase == Phase.ENDLINE:
        return program.weeks
    return week


def club_weekly(program: Program) -> list[WeekRow]:
    """One row per program week. Queries: club meetings (kind, date, status), participating students, students
    present at held club meetings, artifacts' upload times, 4C score sums by phase and week."""
    rows = {week: WeekRow(week, *program.week_range(week)) for week in program.week_numbers()}

    sessions = list(Session.objects.filter(program=program, kind=CLUB).values_list("kind", "date", "status"))
    counts = session_counts(program, rows=sessions)
    for week, row in rows.items():
        row.planned, row.held = counts.week(week).planned, counts.week(week).held

    # Who took part as a student, and when: each week counts those taking part that week, so past figures stay
    # as they were when the roster changes.
    periods = list(
        Participant.objects.filter(program=program, role=PersonKind.STUDENT).values_list(
            "person_id", "joined_on", "left_on"
        )
    )
    present_by_week: dict[int, set[int]] = defaultdict(set)
    for day, person_id in Attendance.objects.filter(
        session__program=program,
        session__kind=CLUB,
        session__status=SessionStatus.HELD,
        status=AttendanceStatus.PRESENT,
    ).values_list("session__date", "person_id"):
        present_by_week[program.week_of(day)].add(person_id)
    for week, row in rows.items():
        students = {person_id for person_id, joined, left in periods if took_part(joined, left, row.start, row.end)}
        row.students_total = len(students)
        row.students_present = len(present_by_week.get(week, set()) & students)

    for uploaded_at in Artifact.objects.filter(project__club__program=program).values_list("uploaded_at", flat=True):
        row = rows.get(program.week_of(timezone.localdate(uploaded_at)))
        if row is not None:
            row.artifacts += 1

    scores = (
        SkillAssessment.objects.filter(club__program=program)
        .values("phase", "week")
        .annotate(total=Sum("score"), n=Count("pk"))
        .values_list("phase", "week", "total", "n")
    )
    for phase, week, total, n in scores:
        row = rows.get(assessment_week(program, phase, week))
        if row is not None:
            row.score_sum += total
            row.score_count += n
    return list(rows.values())


@dataclass
class SkillRow:
    skill: str
    label: str
    baseline: float | None  # the average score of every student assessed at baseline in this skill
    baseline_n: int
    endline: float | None  # the same at endline
    endline_n: int
    paired_n: int  # students assessed at both (per club: a student in two clubs is assessed in each)
    change: float | None  # the average of (endline − baseline) over the paired students only
    levels: int = 4  # the number of levels of the rubric the scores were given on (its top score)


def skill_summary(program: Program) -> list[SkillRow]:
    """Per 4C skill, in ``Skill``'s order: the baseline and endline averages, each over everyone assessed at that
    phase, and the change baseline → endline over the students assessed at both. The change is paired so that a
    student who joined late or left early does not move it (the two averages may differ from it by exactly
    that). One query (baseline and endline scores)."""
    scores: dict[str, dict[str, dict[tuple[int, int], int]]] = defaultdict(lambda: defaultdict(dict))
    scales = set()
    for skill, phase, club_id, person_id, score, scale in SkillAssessment.objects.filter(
        club__program=program, phase__in=[Phase.BASELINE, Phase.ENDLINE]
    ).values_list("skill", "phase", "club_id", "person_id", "score", "scale"):
        scores[skill][phase][(club_id, person_id)] = score
        scales.add(scale)
    top = max((len(LEVELS[scale]) for scale in scales if scale in LEVELS), default=4)
    result = []
    for skill in Skill:
        baseline, endline = scores[skill][Phase.BASELINE], scores[skill][Phase.ENDLINE]
        paired = baseline.keys() & endline.keys()
        result.append(
            SkillRow(
                skill=skill.value,
                label=str(skill.label),
                baseline=_mean(baseline.values()),
                baseline_n=len(baseline),
                endline=_mean(endline.values()),
                endline_n=len(endline),
                paired_n=len(paired),
                change=_mean([endline[key] - baseline[key] for key in paired]),
                levels=top,
            )
        )
    return result


def _mean(values) -> float | None:
    values = list(values)
    return sum(values) / len(values) if values else None
