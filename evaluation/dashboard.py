"""What the evaluation adds to the program dashboard (the plug-in contract): the questionnaires' scales at
baseline and endline, and what is missing — a questionnaire nobody answered at the start, or at the end.

Both are cached with the rest of the dashboard until the school's data changes (komunitas/dashboard.py)."""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext as _

from komunitas.activities import Attention, Panel
from komunitas.charts import grouped_bar_chart

from .analysis import Source, program_evaluation, response_counts
from .models import InstrumentKind, Phase

ENDLINE_WEEKS = 2  # the endline is due in the program's last two weeks


def scales_panel(access) -> Panel | None:
    """Each questionnaire scale's mean at baseline and endline, per Table 1 aspect (the queries of
    ``program_evaluation``). No panel until a questionnaire has both."""
    scales = [
        (evaluation.aspect, item)
        for evaluation in program_evaluation(access.program)
        for item in evaluation.by_source(Source.QUESTIONNAIRE)
        if not item.label.startswith("“")  # the scale itself, not its most-changed statement
    ]
    if not scales:
        return None
    labels = [f"{aspect.name}: {item.label}" for aspect, item in scales]
    chart = grouped_bar_chart(
        labels,
        [
            (_("Baseline"), [item.before for _aspect, item in scales]),
            (_("Endline"), [item.after for _aspect, item in scales]),
        ],
        title=_("Questionnaire scales, baseline and endline"),
        description=_("Mean score of each questionnaire's statements about a Table 1 aspect."),
        axis_labels=[str(number) for number in range(1, len(scales) + 1)],
        label_header=_("Aspect: questionnaire"),
        chart_id="questionnaire-scales",
    )
    return Panel(
        template="evaluation/includes/_dashboard_panel.html",
        context={"chart": chart, "labels": labels},
        order=80,
    )


def missing_questionnaires(access) -> list[Attention]:
    """Questionnaires without a baseline answer once the program has run a week, or without an endline answer
    in its last two weeks and after (two queries), for those who run the evaluation."""
    if not access.can("evaluate"):
        return []
    program = access.program
    today = timezone.localdate()
    week = program.current_week(today) or (program.weeks + 1 if today > program.end_date else 0)
    if week < 2:
        return []
    counts = response_counts(program)
    questionnaires = list(program.instruments.filter(kind=InstrumentKind.QUESTIONNAIRE).order_by("title"))
    items = []
    no_baseline = [q for q in questionnaires if not counts.get(q.pk, {}).get(Phase.BASELINE)]
    if no_baseline:
        items.append(
            Attention(
                _("Questionnaires with no baseline answer yet (the start's figures cannot be measured later)"),
                [(q.title, q.get_absolute_url()) for q in no_baseline[:3]],
            )
        )
    if week > program.weeks - ENDLINE_WEEKS:
        phases = {q.pk: counts.get(q.pk, {}) for q in questionnaires}
        no_endline = [q for q in questionnaires if Phase.BASELINE in phases[q.pk] and Phase.ENDLINE not in phases[q.pk]]
        if no_endline:
            items.append(
                Attention(
                    _("Questionnaires answered at baseline but not yet at endline"),
                    [(q.title, q.get_absolute_url()) for q in no_endline[:3]],
                )
            )
    return items
