"""Reads of the lesson-study cycles that pages (and the other parts of the app) share, each at a fixed number of
queries, stated in its docstring.

A cycle's **stage** is derived, never stored: Done when it was closed (``done_at``); See once its reflection meeting
was held; Do once its open lesson was held; Plan before that (a lesson or meeting only planned on the schedule does
not move it on). ``lessonstudy.metrics`` counts the stages week by week by the same rule.
``with_stage(queryset)`` computes it in the database (filterable, one query for a whole list) and ``stage_of(cycle)``
reads it back.
"""

from __future__ import annotations

from django.db.models import (
    Case,
    CharField,
    Count,
    Exists,
    IntegerField,
    Max,
    Min,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)

from komunitas.access import ProgramAccess
from komunitas.models import Person, PersonKind, Program, SessionStatus
from komunitas.selectors import count_subquery

from .models import Cycle, OpenLesson, PlanVersion, Reflection, Stage

STAGE_ORDER = [Stage.PLAN, Stage.DO, Stage.SEE, Stage.DONE]
HELD = SessionStatus.HELD


def stage_expression() -> Case:
    """The stage of each cycle read, in SQL: two EXISTS on the row (no join, no extra query)."""
    return Case(
        When(done_at__isnull=False, then=Value(Stage.DONE.value)),
        When(Exists(Reflection.objects.filter(cycle_id=OuterRef("pk"), session__status=HELD)), then=Value(Stage.SEE)),
        When(Exists(OpenLesson.objects.filter(cycle_id=OuterRef("pk"), session__status=HELD)), then=Value(Stage.DO)),
        default=Value(Stage.PLAN.value),
        output_field=CharField(),
    )


def with_stage(cycles: QuerySet[Cycle]) -> QuerySet[Cycle]:
    """``cycles`` annotated with ``stage`` (a ``Stage`` value): no query of its own, part of the list's one."""
    return cycles.annotate(stage=stage_expression())


def stage_of(cycle: Cycle) -> Stage:
    """The cycle's stage: read from the ``with_stage`` annotation when it has one (no query), else computed (one
    query)."""
    stage = getattr(cycle, "stage", None)
    if stage is None:
        stage = with_stage(Cycle.objects.filter(pk=cycle.pk)).values_list("stage", flat=True).get()
        cycle.stage = stage
    return Stage(stage)


def stage_steps(stage: Stage) -> list[dict]:
    """The Plan → Do → See → Done progress list: each step ``done``, ``current`` or to come."""
    index = STAGE_ORDER.index(stage)
    return [
        {"stage": step, "done": position < index or stage == Stage.DONE, "current": position == index}
        for position, step in enumerate(STAGE_ORDER)
    ]


def _first_date(queryset, key: str, function):
    dated = queryset.order_by().values(key).annotate(day=function("session__date")).values("day")
    return Subquery(dated)


def cycles_for_list(program: Program) -> QuerySet[Cycle]:
    """The program's cycles, newest first, with ``stage``, their model teacher, ``team_size``, ``version_count``,
    the first open lesson's date (``lesson_date``) and the last reflection's (``reflection_date``), as a QuerySet
    to filter and page: one query (a page of it; the paginator adds its count)."""
    lessons = OpenLesson.objects.filter(cycle_id=OuterRef("pk"))
    reflections = Reflection.objects.filter(cycle_id=OuterRef("pk"))
    return (
        with_stage(program.lesson_cycles.all())
        .select_related("model_teacher")
        .annotate(
            team_size=count_subquery(Cycle.team.through.objects.filter(cycle_id=OuterRef("pk")), "cycle_id"),
            version_count=count_subquery(PlanVersion.objects.filter(cycle_id=OuterRef("pk")), "cycle_id"),
            lesson_date=_first_date(lessons, "cycle_id", Min),
            reflection_date=_first_date(reflections, "cycle_id", Max),
        )
        .order_by("-created_at", "-pk")
    )


def latest_version(cycle: Cycle) -> PlanVersion | None:
    """The cycle's newest plan version (one query), or None before the first save."""
    return cycle.plan_versions.select_related("saved_by").order_by("-number").first()


def team_choices(program: Program, cycle: Cycle | None = None) -> QuerySet[Person]:
    """Who may be on a cycle's team: the program's teachers and facilitators taking part, the school's active
    facilitators (who lead the community whether or not on the roster), and whoever is already on the team."""
    choosable = Q(pk__in=Person.objects.participants_of(program, [PersonKind.TEACHER, PersonKind.FACILITATOR]))
    choosable |= Q(school_id=program.school_id, kind=PersonKind.FACILITATOR, archived_at__isnull=True)
    if cycle is not None and cycle.pk:
        choosable |= Q(pk__in=cycle.team.values("pk"))
    return Person.objects.filter(choosable).order_by("name")


def cycle_page(access: ProgramAccess, cycle: Cycle) -> dict:
    """What a cycle's page shows. Six queries (seven for a cycle read without ``with_stage``): the team, the
    latest plan version with who saved it and the number of versions, the plan's files, the open lessons with
    their sessions and present counts, the reflections with their sessions, the cycles started from this one.
    ``open_lessons`` and ``reflections`` (with ``.session``) feed the Do and See parts of the page."""
    stage = stage_of(cycle)
    team = list(cycle.team.order_by("name"))
    plan = (
        cycle.plan_versions.select_related("saved_by")
        .annotate(total=Subquery(_versions_total(), output_field=IntegerField()))
        .order_by("-number")
        .first()
    )
    files = list(cycle.plan_files.order_by("uploaded_at", "pk"))
    for item in files:
        item.may_delete = access.can_edit(item.uploaded_by_id)
    open_lessons = list(
        OpenLesson.objects.filter(cycle=cycle)
        .select_related("session__facilitator")
        .annotate(
            present_count=Count("session__attendance", filter=Q(session__attendance__status="present")),
        )
        .order_by("session__date", "session__start_time", "pk")
    )
    reflections = list(Reflection.objects.filter(cycle=cycle).select_related("session").order_by("session__date", "pk"))
    next_cycles = list(cycle.next_cycles.order_by("created_at", "pk"))
    for record in [*open_lessons, *reflections]:
        record.session.program = access.program  # session.week and page_url read the program: no query per row
        record.cycle = cycle
    return {
        "cycle": cycle,
        "stage": stage,
        "steps": stage_steps(stage),
        "team": team,
        "plan": plan,
        "version_count": plan.total if plan else 0,
        "files": files,
        "open_lessons": open_lessons,
        "reflections": reflections,
        "next_cycles": next_cycles,
        "may_change": access.can_change(cycle),
    }


def _versions_total():
    return (
        PlanVersion.objects.filter(cycle_id=OuterRef("cycle_id"))
        .order_by()
        .values("cycle_id")
        .annotate(n=Count("pk"))
        .values("n")
    )


def plan_history(cycle: Cycle) -> list[PlanVersion]:
    """Every version of the cycle's plan, newest first, with who saved it: one query."""
    return list(cycle.plan_versions.select_related("saved_by").order_by("-number"))
