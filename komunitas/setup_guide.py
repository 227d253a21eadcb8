"""A new program's first run: the guide that walks a facilitator from an empty program to a planned one.

The steps come from the plug-in contract (``Activity.setup_steps``): the core's four are here (students and parents,
teachers, the schedule, the teachers' accounts), the evaluation adds the baseline questionnaires. Each step says
whether it is done from the data itself (one query), so a step done elsewhere — people typed in on the roster,
sessions planned one by one — counts too. A step can be skipped and returned to; the skipped keys are kept in
``ProgramSetup``. Programs without a ``ProgramSetup`` (made before the guide, the demo's) show no guide on their
dashboard, and the guide's page still works for them.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from . import activities
from .contract import SetupStep, StepState
from .models import Participant, PersonKind, Program, ProgramSetup

ROSTER, TEACHERS, SCHEDULE, ACCOUNTS = "roster", "teachers", "schedule", "accounts"


def _current_kinds(program: Program) -> dict[str, int]:
    counts = (
        Participant.objects.current()
        .filter(program=program)
        .aggregate(
            students=Count("person", filter=Q(person__kind=PersonKind.STUDENT), distinct=True),
            parents=Count("person", filter=Q(person__kind=PersonKind.PARENT), distinct=True),
            teachers=Count("person", filter=Q(person__kind=PersonKind.TEACHER), distinct=True),
            with_account=Count(
                "person", filter=Q(person__kind=PersonKind.TEACHER, person__user__isnull=False), distinct=True
            ),
        )
    )
    return counts


def roster_state(program: Program) -> StepState:
    counts = _current_kinds(program)
    students = ngettext("%(n)s student", "%(n)s students", counts["students"]) % {"n": counts["students"]}
    parents = ngettext("%(n)s parent", "%(n)s parents", counts["parents"]) % {"n": counts["parents"]}
    return StepState(done=counts["students"] > 0, summary=f"{students}, {parents}")


def teachers_state(program: Program) -> StepState:
    count = _current_kinds(program)["teachers"]
    return StepState(done=count > 0, summary=ngettext("%(n)s teacher", "%(n)s teachers", count) % {"n": count})


def schedule_state(program: Program) -> StepState:
    count = program.sessions.count()
    summary = ngettext("%(n)s session on the schedule", "%(n)s sessions on the schedule", count) % {"n": count}
    return StepState(done=count > 0, summary=summary)


def accounts_state(program: Program) -> StepState:
    counts = _current_kinds(program)
    done = counts["teachers"] > 0 and counts["with_account"] == counts["teachers"]
    summary = _("%(with)s of %(all)s teachers have an account") % {
        "with": counts["with_account"],
        "all": counts["teachers"],
    }
    return StepState(done=done, summary=summary)


def _url(name: str, query: str = ""):
    return lambda program: reverse(name, args=[program.pk]) + query


CORE_STEPS = [
    SetupStep(
        key=ROSTER,
        title=_("Students and their parents"),
        description=_(
            "Upload Dapodik's student list as the operator downloads it (Peserta Didik → Unduh → Daftar PD): the "
            "students, their class and their parents come in at once. Or fill in the app's template."
        ),
        url=_url("people_import"),
        state=roster_state,
        order=10,
        more=lambda program: [(_("Add one by one"), reverse("person_create", args=[program.pk]) + "?kind=student")],
    ),
    SetupStep(
        key=TEACHERS,
        title=_("Teachers"),
        description=_(
            "Upload Dapodik's staff list (GTK → Unduh): teachers and the principal are recognised, other staff are "
            "left out. Or type them in."
        ),
        url=_url("people_import"),
        state=teachers_state,
        order=20,
        more=lambda program: [(_("Add one by one"), reverse("person_create", args=[program.pk]) + "?kind=teacher")],
    ),
    SetupStep(
        key=SCHEDULE,
        title=_("The schedule"),
        description=_(
            "Plan the ten weeks from templates: the forum every week, the clubs twice a week, a parent class every "
            "second week, lesson-study cycles. Adjust each before anything is created."
        ),
        url=_url("schedule_plan"),
        state=schedule_state,
        order=30,
    ),
    SetupStep(
        key=ACCOUNTS,
        title=_("Teachers' accounts"),
        description=_(
            "Give each teacher an account: a one-time link to choose a password, sent by e-mail or handed out on a "
            "printed sheet at a staff meeting."
        ),
        url=_url("staff_accounts"),
        state=accounts_state,
        order=40,
        more=lambda program: [(_("Print the sign-in sheet"), reverse("staff_accounts_sheet", args=[program.pk]))],
    ),
]


@dataclass
class GuideStep:
    step: SetupStep
    state: StepState
    skipped: bool
    url: str
    more: list

    @property
    def status(self) -> str:
        return "done" if self.state.done else "skipped" if self.skipped else "todo"


@dataclass
class Guide:
    setup: ProgramSetup | None
    steps: list[GuideStep]

    @property
    def left(self) -> list[GuideStep]:
        """Steps neither done nor skipped."""
        return [step for step in self.steps if step.status == "todo"]

    @property
    def skipped(self) -> list[GuideStep]:
        return [step for step in self.steps if step.status == "skipped"]

    @property
    def done_count(self) -> int:
        return sum(step.state.done for step in self.steps)

    @property
    def next(self) -> GuideStep | None:
        left = self.left
        return left[0] if left else None

    @property
    def complete(self) -> bool:
        return self.done_count == len(self.steps)


def guide(program: Program, setup: ProgramSetup | None = None) -> Guide:
    """Every step with its state (one query each) and whether it was skipped."""
    skipped = set(setup.skipped) if setup else set()
    steps = [
        GuideStep(
            step=step,
            state=step.state(program),
            skipped=step.key in skipped,
            url=step.url(program),
            more=list(step.more(program)) if step.more else [],
        )
        for step in activities.setup_steps()
    ]
    return Guide(setup=setup, steps=steps)


def dashboard_guide(program: Program) -> Guide | None:
    """The guide for the dashboard: None when the program has none, it was finished, or every step is done (one
    query then; one more per step while it shows)."""
    setup = ProgramSetup.objects.filter(program=program).first()
    if setup is None or setup.finished_at:
        return None
    current = guide(program, setup)
    return None if current.complete else current


def step_keys() -> set[str]:
    return {step.key for step in activities.setup_steps()}


@transaction.atomic
def setup_mark(*, program: Program, key: str, skipped: bool) -> ProgramSetup:
    """Skip a step, or return to it. ValueError for a key no step has."""
    if key not in step_keys():
        raise ValueError(f"no setup step {key!r}")
    setup, _created = ProgramSetup.objects.select_for_update().get_or_create(program=program)
    keys = [k for k in setup.skipped if k != key] + ([key] if skipped else [])
    if keys != setup.skipped:
        setup.skipped = keys
        setup.save(update_fields=["skipped"])
    return setup


@transaction.atomic
def setup_finish(*, program: Program, finished: bool = True) -> ProgramSetup:
    """Hide the guide from the dashboard (``finished``), or bring it back."""
    setup, _created = ProgramSetup.objects.select_for_update().get_or_create(program=program)
    setup.finished_at = timezone.now() if finished else None
    setup.save(update_fields=["finished_at"])
    return setup
