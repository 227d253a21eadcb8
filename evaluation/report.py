"""The evaluation's sections of the final report (the plug-in contract's ``report_sections``): the results
expected (Table 1's final conditions), the instruments used (method), Table 1 with its measured evidence and the
triangulation (results), and the instruments themselves (appendix).

The report goes to the district too, so it carries no interview quote (few are interviewed: a quote is as good
as a name) and no answer by name: counts and figures only."""

from __future__ import annotations

from collections import defaultdict

from django.db.models import Count
from django.utils.translation import gettext as _

from komunitas.activities import ReportPart, ReportSection

from .analysis import Source, program_evaluation
from .models import Item


def expected_results(access) -> ReportSection | None:
    """BAB I: the results expected, Table 1's final conditions. One query."""
    aspects = [aspect for aspect in access.program.aspects.all() if aspect.final_condition]
    if not aspects:
        return None
    return ReportSection(
        key="expected",
        title=_("Expected results"),
        template="evaluation/includes/_report_expected.html",
        context={"aspects": aspects},
        order=10,
        part=ReportPart.INTRODUCTION,
    )


def instruments_used(access) -> ReportSection | None:
    """BAB II: the instruments, with their items and responses counted. One query."""
    instruments = list(
        access.program.instruments.annotate(
            item_n=Count("items", distinct=True), response_n=Count("responses", distinct=True)
        ).order_by("kind", "pk")
    )
    if not instruments:
        return None
    return ReportSection(
        key="instruments",
        title=_("Evaluation method and instruments"),
        template="evaluation/includes/_report_instruments.html",
        context={"instruments": instruments},
        order=90,
        part=ReportPart.METHOD,
    )


def evaluation_results(access) -> ReportSection | None:
    """BAB II results: Table 1 with its measured evidence, and the triangulation. ``program_evaluation``'s
    queries (four, plus the activities' indicators)."""
    evaluations = program_evaluation(access.program)
    if not evaluations:
        return None
    return ReportSection(
        key="evaluation",
        title=_("Evaluation: the change in the learning community"),
        template="evaluation/includes/_report_results.html",
        context={"evaluations": evaluations, "sources": Source.LABELS},
        order=90,
        part=ReportPart.RESULTS,
    )


def instruments_appendix(access) -> ReportSection | None:
    """Lampiran: every instrument with its items. Two queries (instruments, items)."""
    instruments = list(access.program.instruments.order_by("kind", "pk"))
    if not instruments:
        return None
    items = defaultdict(list)
    for item in Item.objects.filter(instrument__program=access.program).order_by("instrument_id", "order", "pk"):
        items[item.instrument_id].append(item)
    return ReportSection(
        key="instruments_appendix",
        title=_("Evaluation instruments"),
        template="evaluation/includes/_report_instruments_appendix.html",
        context={"instruments": [(instrument, items[instrument.pk]) for instrument in instruments]},
        order=10,
        part=ReportPart.APPENDIX,
    )
