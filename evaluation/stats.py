"""The statistics of the analysis, on plain numbers (no database): describing a set of scores, the score index
with its usual bands, and baseline → endline comparisons with an effect size. The standard library's
``statistics`` does the arithmetic; tests check every figure against values computed by hand.

Missing answers are never zeros: callers pass only the answers given, and ``n`` always says how many.
"""

from __future__ import annotations

import math
import statistics
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

# The score index's bands, as Indonesian evaluation reports use them (0–20 sangat kurang … 80–100 sangat baik).
BANDS = [
    (20, _("very poor")),
    (40, _("poor")),
    (60, _("fair")),
    (80, _("good")),
    (100, _("very good")),
]


def band(index: float | None) -> str:
    """The band of a score index in %: 0–20 very poor … 80–100 very good (a boundary belongs to the band above)."""
    if index is None:
        return ""
    for upper, label in BANDS:
        if index < upper:
            return str(label)
    return str(BANDS[-1][1])


def scored(value: float, *, reverse: bool, bounds: tuple[int, int]) -> float:
    """A Likert answer's score: its value, or for a negative statement the value mirrored in the scale."""
    low, high = bounds
    return low + high - value if reverse else value


@dataclass(frozen=True)
class Description:
    n: int
    mean: float | None
    sd: float | None  # sample standard deviation; None below two answers
    index: float | None  # the mean as a % of the scale's highest score
    distribution: dict = field(default_factory=dict)  # value → how many gave it

    @property
    def band(self) -> str:
        return band(self.index)


def describe(values: Iterable[float], *, top: float | None = None) -> Description:
    """n, mean, standard deviation and distribution of ``values``; the index when ``top`` (the highest score
    of the scale) is given."""
    values = list(values)
    if not values:
        return Description(0, None, None, None, {})
    mean = statistics.fmean(values)
    sd = statistics.stdev(values) if len(values) > 1 else None
    index = 100 * mean / top if top else None
    return Description(len(values), mean, sd, index, dict(sorted(Counter(values).items(), reverse=True)))


@dataclass(frozen=True)
class Comparison:
    """Baseline → endline. ``paired`` when the same respondents answered both (only they are compared); else
    the two groups as they are. ``effect`` is Cohen's d: d_z (mean change / sd of the changes) when paired,
    the pooled-sd d when not. ``t`` (with ``df``) is the paired t statistic."""

    before: Description
    after: Description
    paired: bool
    effect: float | None = None
    t: float | None = None
    df: int | None = None

    @property
    def change(self) -> float | None:
        if self.before.mean is None or self.after.mean is None:
            return None
        return self.after.mean - self.before.mean

    @property
    def effect_label(self) -> str:
        """Cohen's usual words for |d|: below 0.2 negligible, small, medium, from 0.8 large."""
        if self.effect is None:
            return ""
        size = abs(self.effect)
        if size < 0.2:
            return str(_("negligible"))
        if size < 0.5:
            return str(_("small"))
        if size < 0.8:
            return str(_("medium"))
        return str(_("large"))


def compare(before: Mapping, after: Mapping, *, top: float | None = None) -> Comparison:
    """Compare two phases, each a mapping of respondent key → score (an anonymous answer has a key of its own,
    so it is never paired). With two or more respondents in both phases the comparison is paired, on them only."""
    common = [key for key in before if key in after]
    if len(common) >= 2:
        first, second = [before[key] for key in common], [after[key] for key in common]
        changes = [b - a for a, b in zip(first, second, strict=True)]
        sd = statistics.stdev(changes)
        mean_change = statistics.fmean(changes)
        effect = mean_change / sd if sd else None
        t = mean_change / (sd / math.sqrt(len(changes))) if sd else None
        return Comparison(describe(first, top=top), describe(second, top=top), True, effect, t, len(changes) - 1)
    first, second = list(before.values()), list(after.values())
    return Comparison(describe(first, top=top), describe(second, top=top), False, pooled_d(first, second))


def pooled_d(first: list[float], second: list[float]) -> float | None:
    """Cohen's d of two independent groups, with the pooled standard deviation; None when it cannot be told."""
    n1, n2 = len(first), len(second)
    if n1 < 2 or n2 < 2:
        return None
    pooled = math.sqrt(((n1 - 1) * statistics.variance(first) + (n2 - 1) * statistics.variance(second)) / (n1 + n2 - 2))
    return (statistics.fmean(second) - statistics.fmean(first)) / pooled if pooled else None
