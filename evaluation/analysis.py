"""The analysis of a program's evaluation — data reduction, display and conclusion, as the study did it — read
at a fixed number of queries whatever the number of responses:

- ``instrument_results(instrument)``: per item and phase n, mean, sd, distribution and score index; per aspect
  the scale (each respondent's mean of its Likert items) per phase; baseline → endline comparisons.
- ``program_evaluation(program)``: every aspect of Table 1 with what each source says about it — observations,
  interviews, questionnaires and the activities' weekly indicators (read through the core's plug-in contract,
  never from an activity app) — the triangulation, and the measured evidence of the summary table.
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from komunitas import activities
from komunitas.models import Program

from .models import Answer, Aspect, Instrument, InstrumentKind, Item, ItemType, Phase, Response
from .stats import Comparison, Description, compare, describe, scored

PHASES = [Phase.BASELINE, Phase.WEEKLY, Phase.ENDLINE]
BEFORE, AFTER = _("baseline"), _("endline")  # the phases, short, as evidence names them


# --- one instrument --------------------------------------------------------------------------------------------


@dataclass
class ItemResult:
    item: Item
    phases: dict[str, Description] = field(default_factory=dict)  # Likert: scores; yes/no: share of yes; number
    comparison: Comparison | None = None  # Likert only, baseline → endline
    texts: list[str] = field(default_factory=list)  # text items: the answers, newest first
    labels: list[tuple[int, str]] = field(default_factory=list)  # Likert: the scale's points, for the distribution

    @property
    def answered(self) -> bool:
        return any(description.n for description in self.phases.values())


@dataclass
class ScaleResult:
    """The Likert items of one instrument tied to one aspect, taken together (one mean per respondent)."""

    aspect: Aspect | None
    items: int
    phases: dict[str, Description] = field(default_factory=dict)
    comparison: Comparison | None = None


@dataclass
class InstrumentResults:
    instrument: Instrument
    counts: dict[str, int]  # responses per phase
    items: list[ItemResult]
    scales: list[ScaleResult]


def _respondent_key(row) -> object:
    """Who answered, for pairing: the person, or the response itself when anonymous (never paired)."""
    return row["response__respondent_id"] or f"r{row['response_id']}"


def _likert_scores(instrument: Instrument, items: dict[int, Item], rows) -> dict[int, dict[str, dict]]:
    """item id → phase → respondent key → score (a respondent answering twice in a phase: their mean)."""
    bounds = instrument.scale_bounds
    collected: dict = defaultdict(lambda: defaultdict(lambda: defaultdict(list)))
    for row in rows:
        item = items.get(row["item_id"])
        if item is None or item.type != ItemType.LIKERT or row["value"] is None:
            continue
        value = scored(row["value"], reverse=item.reverse, bounds=bounds)
        collected[item.pk][row["response__phase"]][_respondent_key(row)].append(value)
    return {
        item_id: {phase: {key: statistics.fmean(v) for key, v in people.items()} for phase, people in phases.items()}
        for item_id, phases in collected.items()
    }


def _scales(instrument: Instrument, items: list[Item], likert: dict[int, dict[str, dict]]) -> list[ScaleResult]:
    top = instrument.scale_bounds[1]
    by_aspect: dict = defaultdict(list)
    for item in items:
        if item.type == ItemType.LIKERT:
            by_aspect[item.aspect].append(item)
    results = []
    for aspect, aspect_items in sorted(
        by_aspect.items(), key=lambda pair: (pair[0] is None, getattr(pair[0], "order", 0))
    ):
        per_phase = {}
        for phase in PHASES:
            people: dict = defaultdict(list)
            for item in aspect_items:
                for key, score in likert.get(item.pk, {}).get(phase, {}).items():
                    people[key].append(score)
            per_phase[phase] = {key: statistics.fmean(scores) for key, scores in people.items()}
        result = ScaleResult(
            aspect, len(aspect_items), {p: describe(v.values(), top=top) for p, v in per_phase.items()}
        )
        if per_phase[Phase.BASELINE] and per_phase[Phase.ENDLINE]:
            result.comparison = compare(per_phase[Phase.BASELINE], per_phase[Phase.ENDLINE], top=top)
        results.append(result)
    return results


def instrument_results(instrument: Instrument) -> InstrumentResults:
    """Three queries: the items (with their aspects), the answers, the responses per phase."""
    items = list(instrument.items.select_related("aspect"))
    by_id = {item.pk: item for item in items}
    rows = list(
        Answer.objects.filter(response__instrument=instrument)
        .order_by("-response__date", "-response_id")
        .values("response_id", "response__phase", "response__respondent_id", "item_id", "value", "text")
    )
    counts = dict(
        instrument.responses.values_list("phase").annotate(n=Count("pk")).order_by().values_list("phase", "n")
    )
    likert = _likert_scores(instrument, by_id, rows)
    top = instrument.scale_bounds[1]
    results = []
    for item in items:
        result = ItemResult(item)
        if item.type == ItemType.LIKERT:
            result.labels = instrument.scale_choices
            per_phase = likert.get(item.pk, {})
            result.phases = {phase: describe(per_phase.get(phase, {}).values(), top=top) for phase in PHASES}
            if per_phase.get(Phase.BASELINE) and per_phase.get(Phase.ENDLINE):
                result.comparison = compare(per_phase[Phase.BASELINE], per_phase[Phase.ENDLINE], top=top)
        elif item.type in (ItemType.YES_NO, ItemType.NUMBER):
            for phase in PHASES:
                values = [r["value"] for r in rows if r["item_id"] == item.pk and r["response__phase"] == phase]
                values = [v for v in values if v is not None]
                result.phases[phase] = describe(values, top=1 if item.type == ItemType.YES_NO else None)
        else:
            result.texts = [r["text"] for r in rows if r["item_id"] == item.pk and r["text"]]
        results.append(result)
    return InstrumentResults(instrument, counts, results, _scales(instrument, items, likert))


# --- the whole program: triangulation and the summary table ------------------------------------------------------


class Source:
    OBSERVATION = "observation"
    INTERVIEW = "interview"
    QUESTIONNAIRE = "questionnaire"
    ACTIVITY = "activity"

    LABELS = {
        OBSERVATION: _("Observations"),
        INTERVIEW: _("Interviews"),
        QUESTIONNAIRE: _("Questionnaires"),
        ACTIVITY: _("Activity records"),
    }


@dataclass
class Evidence:
    """One measured figure for an aspect: ``before`` → ``after`` in ``unit``, with what each covers."""

    source: str
    label: str
    before: float | None
    after: float | None
    unit: str = ""
    before_label: str = ""
    after_label: str = ""
    n: int | None = None
    note: str = ""

    @property
    def change(self) -> float | None:
        return None if self.before is None or self.after is None else self.after - self.before


@dataclass
class AspectEvaluation:
    aspect: Aspect
    evidence: list[Evidence] = field(default_factory=list)
    quotes: list[str] = field(default_factory=list)  # what interviews said about it, newest first
    interviews: int = 0  # interview answers about it

    @property
    def sources(self) -> list[str]:
        found = {item.source for item in self.evidence}
        if self.interviews:
            found.add(Source.INTERVIEW)
        return [source for source in Source.LABELS if source in found]

    @property
    def source_labels(self) -> list[str]:
        return [str(Source.LABELS[source]) for source in self.sources]

    @property
    def single_source(self) -> bool:
        """Triangulation needs at least two sources; one alone is flagged."""
        return len(self.sources) < 2

    def by_source(self, source: str) -> list[Evidence]:
        return [item for item in self.evidence if item.source == source]

    # Templates cannot call with arguments.
    @property
    def observations(self) -> list[Evidence]:
        return self.by_source(Source.OBSERVATION)

    @property
    def questionnaires(self) -> list[Evidence]:
        return self.by_source(Source.QUESTIONNAIRE)

    @property
    def activity(self) -> list[Evidence]:
        return self.by_source(Source.ACTIVITY)


def _weeks_label(weeks: list[int]) -> str:
    if not weeks:
        return ""
    first, last = weeks[0], weeks[-1]
    return (
        str(_("week %(n)s") % {"n": first}) if first == last else str(_("weeks %(a)s–%(b)s") % {"a": first, "b": last})
    )


def early_late(
    values: list[float | None], span: int = 2
) -> tuple[tuple[float, list[int]], tuple[float, list[int]]] | None:
    """The mean of the first ``span`` weeks that have a value, and of the last ``span`` (weeks numbered from 1);
    None when fewer than two weeks have one."""
    weeks = [(number, value) for number, value in enumerate(values, start=1) if value is not None]
    if len(weeks) < 2:
        return None
    span = min(span, len(weeks) // 2)
    first, last = weeks[:span], weeks[-span:]
    return (
        (statistics.fmean(v for _, v in first), [n for n, _ in first]),
        (statistics.fmean(v for _, v in last), [n for n, _ in last]),
    )


def _indicator_evidence(program: Program) -> dict[str, list[Evidence]]:
    """aspect key → the activities' weekly indicators, early weeks → late weeks."""
    found: dict[str, list[Evidence]] = defaultdict(list)
    for indicator, weekly in activities.weekly_indicators(program):
        ends = early_late(weekly)
        if ends is None:
            continue
        (before, first_weeks), (after, last_weeks) = ends
        found[indicator.aspect].append(
            Evidence(
                Source.ACTIVITY,
                str(indicator.name),
                before,
                after,
                str(indicator.unit),
                _weeks_label(first_weeks),
                _weeks_label(last_weeks),
            )
        )
    return found


def _observation_evidence(program: Program, instrument: Instrument, items: list[Item], rows, weeks: int) -> list:
    """Per aspect: the observations' index (% of the top score) in the early weeks → the late weeks."""
    bounds = instrument.scale_bounds
    # aspect id → week → scores; aspect id → the observations (responses) that rated it
    scores: dict = defaultdict(lambda: defaultdict(list))
    observations: dict = defaultdict(set)
    by_id = {item.pk: item for item in items}
    for row in rows:
        item = by_id.get(row["item_id"])
        if item is None or item.type != ItemType.LIKERT or item.aspect_id is None or row["value"] is None:
            continue
        week = program.week_of(row["response__date"])
        if week is not None:
            score = scored(row["value"], reverse=item.reverse, bounds=bounds)
            scores[item.aspect_id][week].append(100 * score / bounds[1])
            observations[item.aspect_id].add(row["response_id"])
    evidence = []
    for aspect_id, per_week in scores.items():
        weekly = [statistics.fmean(per_week[n]) if per_week.get(n) else None for n in range(1, weeks + 1)]
        ends = early_late(weekly)
        if ends is None:
            continue
        (before, first), (after, last) = ends
        n = len(observations[aspect_id])  # observations, not the ratings in them
        evidence.append((aspect_id, Evidence(
            Source.OBSERVATION, instrument.title, before, after, "%", _weeks_label(first), _weeks_label(last), n,
        )))  # fmt: skip
    return evidence


def _questionnaire_evidence(instrument: Instrument, items: list[Item], rows) -> list:
    """Per aspect: the scale's mean baseline → endline (of the scale's top), paired when it can be; and the item
    that changed most."""
    likert = _likert_scores(instrument, {item.pk: item for item in items}, rows)
    top = instrument.scale_bounds[1]
    evidence = []
    for scale in _scales(instrument, items, likert):
        if scale.aspect is None or scale.comparison is None:
            continue
        comparison = scale.comparison
        note = str(_("paired")) if comparison.paired else ""
        evidence.append((scale.aspect.pk, Evidence(
            Source.QUESTIONNAIRE, instrument.title, comparison.before.mean, comparison.after.mean,
            str(_("of %(top)s") % {"top": top}), str(BEFORE), str(AFTER),
            comparison.after.n, note,
        )))  # fmt: skip
        best = None
        for item in items:
            phases = likert.get(item.pk, {})
            if item.reverse or item.aspect_id != scale.aspect.pk:  # a negative statement's score reads backwards
                continue
            if not phases.get(Phase.BASELINE) or not phases.get(Phase.ENDLINE):
                continue
            item_comparison = compare(phases[Phase.BASELINE], phases[Phase.ENDLINE], top=top)
            if best is None or (item_comparison.change or 0) > (best[1].change or 0):
                best = (item, item_comparison)
        if best:
            item, item_comparison = best
            quoted = f"“{item.text.rstrip('.:;')}”"
            evidence.append((scale.aspect.pk, Evidence(
                Source.QUESTIONNAIRE, quoted, item_comparison.before.mean, item_comparison.after.mean,
                str(_("of %(top)s") % {"top": top}), str(BEFORE), str(AFTER),
                item_comparison.after.n, str(_("paired")) if item_comparison.paired else "",
            )))  # fmt: skip
    return evidence


def program_evaluation(program: Program) -> list[AspectEvaluation]:
    """Every aspect with its evidence from each source. Queries: aspects, instruments, items, answers (four),
    plus what the activities' weekly indicators cost (fixed per activity)."""
    aspects = list(program.aspects.all())
    evaluations = {aspect.pk: AspectEvaluation(aspect) for aspect in aspects}
    key_to_aspect = {aspect.key: aspect.pk for aspect in aspects if aspect.key}
    for key, found in _indicator_evidence(program).items():
        if key in key_to_aspect:
            evaluations[key_to_aspect[key]].evidence += found

    instruments = {instrument.pk: instrument for instrument in program.instruments.all()}
    items_of: dict[int, list[Item]] = defaultdict(list)
    for item in Item.objects.filter(instrument__program=program).select_related("aspect"):
        items_of[item.instrument_id].append(item)
    rows_of: dict[int, list] = defaultdict(list)
    answers = Answer.objects.filter(response__instrument__program=program).order_by("-response__date", "-response_id")
    for row in answers.values(
        "response_id", "response__instrument_id", "response__phase", "response__respondent_id", "response__date",
        "item_id", "item__aspect_id", "value", "text",
    ):  # fmt: skip
        rows_of[row["response__instrument_id"]].append(row)

    weeks = program.weeks
    for instrument_id, instrument in instruments.items():
        items, rows = items_of[instrument_id], rows_of[instrument_id]
        if instrument.kind == InstrumentKind.OBSERVATION:
            found = _observation_evidence(program, instrument, items, rows, weeks)
        elif instrument.kind == InstrumentKind.QUESTIONNAIRE:
            found = _questionnaire_evidence(instrument, items, rows)
        else:
            found = []
            for row in rows:
                aspect_id = row["item__aspect_id"]
                if aspect_id in evaluations and row["text"]:
                    evaluations[aspect_id].interviews += 1
                    quotes = evaluations[aspect_id].quotes
                    if len(quotes) < 3 and row["text"] not in quotes:
                        evaluations[aspect_id].quotes.append(row["text"])
        for aspect_id, evidence in found:
            if aspect_id in evaluations:
                evaluations[aspect_id].evidence.append(evidence)
    return [evaluations[aspect.pk] for aspect in aspects]


def response_counts(program: Program) -> dict[int, dict[str, int]]:
    """instrument id → phase → responses. One query."""
    counts: dict[int, dict[str, int]] = defaultdict(dict)
    rows = (
        Response.objects.filter(instrument__program=program)
        .values_list("instrument_id", "phase")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for instrument_id, phase, n in rows:
        counts[instrument_id][phase] = n
    return counts
