"""The first run's last step: the baseline questionnaires (the study's "angket" at the start, compared with the
endline at the end). From the starter instruments (``starter.py``) when the program has none yet, each questionnaire
gets a public baseline link (``/q/<token>/``) open until the end of the program's second week."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.db.models import Count, Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from komunitas.activities import SetupStep, StepState
from komunitas.models import Program

from .models import Instrument, InstrumentKind, Phase, QuestionnaireLink
from .starter import starter_instruments_load

BASELINE_WEEKS = 2  # the baseline is answered before the activities have changed much
MIN_OPEN_DAYS = 6


def questionnaires(program: Program):
    """The program's questionnaires, each with ``baseline_open`` (an open baseline link) and ``baseline_answers``.
    One query."""
    open_links = QuestionnaireLink.objects.open().filter(instrument=OuterRef("pk"), phase=Phase.BASELINE)
    return (
        program.instruments.filter(kind=InstrumentKind.QUESTIONNAIRE)
        .annotate(
            baseline_open=Exists(open_links),
            baseline_answers=Count("responses", filter=Q(responses__phase=Phase.BASELINE)),
        )
        .order_by("audience", "title", "pk")
    )


def baseline_state(program: Program) -> StepState:
    """Done when the program has questionnaires and each has a baseline link open or baseline answers."""
    rows = list(questionnaires(program))
    ready = sum(1 for q in rows if q.baseline_open or q.baseline_answers)
    if not rows:
        return StepState(done=False, summary=_("No questionnaires yet"))
    summary = ngettext(
        "%(ready)s of %(n)s questionnaire open for the baseline",
        "%(ready)s of %(n)s questionnaires open for the baseline",
        len(rows),
    ) % {"ready": ready, "n": len(rows)}
    return StepState(done=ready == len(rows), summary=summary)


def default_closing(program: Program, now: dt.datetime | None = None) -> dt.datetime:
    """The end (23:59) of the program's second week, or of the sixth day from now when that is later."""
    now = timezone.localtime(now)
    last_day = max(program.week_range(BASELINE_WEEKS)[1], now.date() + dt.timedelta(days=MIN_OPEN_DAYS))
    return now.replace(year=last_day.year, month=last_day.month, day=last_day.day, hour=23, minute=59, second=0,
                       microsecond=0)  # fmt: skip


@transaction.atomic
def baseline_open(*, program: Program, user, closing: dt.datetime | None = None) -> tuple[list[Instrument], int]:
    """Add the starter instruments the program lacks (none when it has questionnaires of its own), then open a
    baseline link for each questionnaire without one. Returns (instruments added, links opened)."""
    added = []
    if not program.instruments.filter(kind=InstrumentKind.QUESTIONNAIRE).exists():
        added = starter_instruments_load(program, user=user)
    closing = closing or default_closing(program)
    links = [
        QuestionnaireLink(instrument=q, phase=Phase.BASELINE, expires_at=closing, created_by=user)
        for q in questionnaires(program)
        if not q.baseline_open
    ]
    for link in links:
        link.save()  # one by one: each gets its token and its audit-log entry
    return added, len(links)


STEP = SetupStep(
    key="baseline",
    title=gettext_lazy("Baseline questionnaires"),
    description=gettext_lazy(
        "Open the starter questionnaires for teachers, students and parents before the activities begin, so the "
        "end of the program has a start to compare with. Adapt their wording first if you like."
    ),
    url=lambda program: reverse("evaluation:baseline", args=[program.pk]),
    state=baseline_state,
    order=50,
)
