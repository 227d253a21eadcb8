"""The evaluation's statistics against values worked out by hand (the arithmetic is in the comments): describing
a set of scores, the score index and its bands, reversed items, paired and unpaired comparisons, missing answers
(never zeros), and the early → late weeks of a weekly figure."""

import math

import pytest

from evaluation import services
from evaluation.analysis import early_late, instrument_results
from evaluation.models import Instrument, InstrumentKind, Item, ItemType, Phase
from evaluation.stats import Comparison, band, compare, describe, pooled_d, scored
from komunitas.models import PersonKind

# --- describe ---------------------------------------------------------------------------------------------------


def test_describe_a_small_set():
    d = describe([5, 4, 4, 3, 2], top=5)
    # n = 5; sum = 5 + 4 + 4 + 3 + 2 = 18; mean = 18 / 5 = 3.6
    assert d.n == 5
    assert d.mean == pytest.approx(3.6)
    # deviations 1.4, 0.4, 0.4, -0.6, -1.6; squares 1.96 + 0.16 + 0.16 + 0.36 + 2.56 = 5.2
    # sample variance = 5.2 / (5 - 1) = 1.3; sd = √1.3 = 1.140175…
    assert d.sd == pytest.approx(1.140175, abs=1e-6)
    # index = mean / top · 100 = 3.6 / 5 · 100 = 72 → "good" (60–80)
    assert d.index == pytest.approx(72.0)
    assert d.band == "good"
    # how many gave each value, highest value first
    assert d.distribution == {5: 1, 4: 2, 3: 1, 2: 1}
    assert list(d.distribution) == [5, 4, 3, 2]


def test_describe_on_a_four_point_scale():
    d = describe([4, 3, 3, 2], top=4)
    # mean = 12 / 4 = 3; deviations 1, 0, 0, -1 → variance = 2 / 3; sd = √0.6667 = 0.816497
    assert (d.n, d.mean) == (4, 3.0)
    assert d.sd == pytest.approx(math.sqrt(2 / 3))
    # index = 3 / 4 · 100 = 75
    assert d.index == pytest.approx(75.0)


def test_describe_one_value_and_none():
    one = describe([4], top=5)
    # a single answer: mean 4, no sample sd (it needs two), index 4 / 5 · 100 = 80
    assert (one.n, one.mean, one.sd, one.index) == (1, 4.0, None, pytest.approx(80.0))
    empty = describe([], top=5)
    assert (empty.n, empty.mean, empty.sd, empty.index, empty.distribution, empty.band) == (0, None, None, None, {}, "")


def test_describe_without_top_has_no_index():
    d = describe([2.0, 6.0])
    # mean (2 + 6) / 2 = 4; deviations ±2 → variance (4 + 4) / 1 = 8; sd = √8
    assert d.mean == 4.0 and d.sd == pytest.approx(math.sqrt(8))
    assert d.index is None and d.band == ""


# --- bands and reversed items -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("index", "expected"),
    [
        (0, "very poor"),
        (19.99, "very poor"),
        (20, "poor"),  # a boundary belongs to the band above
        (39.9, "poor"),
        (40, "fair"),
        (59.999, "fair"),
        (60, "good"),
        (79.9, "good"),
        (80, "very good"),
        (99.9, "very good"),
        (100, "very good"),
        (None, ""),
    ],
)
def test_band_boundaries(index, expected):
    assert band(index) == expected


def test_scored_reverses_on_a_five_to_one_scale():
    bounds = (1, 5)
    # mirrored in the scale: low + high - value = 1 + 5 - value = 6 - value
    assert [scored(v, reverse=True, bounds=bounds) for v in (5, 4, 3, 2, 1)] == [1, 2, 3, 4, 5]
    assert [scored(v, reverse=False, bounds=bounds) for v in (5, 4, 3, 2, 1)] == [5, 4, 3, 2, 1]


def test_scored_reverses_on_a_one_to_four_scale():
    bounds = (1, 4)
    # 1 + 4 - value = 5 - value: 4 → 1, 3 → 2, 2 → 3, 1 → 4
    assert [scored(v, reverse=True, bounds=bounds) for v in (4, 3, 2, 1)] == [1, 2, 3, 4]
    assert scored(3, reverse=False, bounds=bounds) == 3


def test_scored_reverses_on_a_scale_that_does_not_start_at_one():
    # 0–3: 0 + 3 - value: 3 → 0, 0 → 3
    assert scored(3, reverse=True, bounds=(0, 3)) == 0
    assert scored(0, reverse=True, bounds=(0, 3)) == 3


# --- compare ----------------------------------------------------------------------------------------------------


def test_paired_comparison_uses_only_the_respondents_of_both_phases():
    before = {"a": 2, "b": 3, "c": 3, "d": 4, "x": 1}  # x answered only at baseline
    after = {"a": 4, "b": 4, "c": 5, "d": 4, "e": 5}  # e answered only at endline
    c = compare(before, after, top=5)
    assert c.paired
    # common: a, b, c, d. before 2, 3, 3, 4 (mean 12 / 4 = 3); after 4, 4, 5, 4 (mean 17 / 4 = 4.25)
    assert (c.before.n, c.after.n) == (4, 4)
    assert c.before.mean == pytest.approx(3.0)
    assert c.after.mean == pytest.approx(4.25)
    assert c.change == pytest.approx(1.25)
    # changes 2, 1, 2, 0: mean 5 / 4 = 1.25; deviations 0.75, -0.25, 0.75, -1.25;
    # squares 0.5625 + 0.0625 + 0.5625 + 1.5625 = 2.75; variance 2.75 / 3 = 0.916667; sd = 0.957427
    # d_z = 1.25 / 0.957427 = 1.305582
    assert c.effect == pytest.approx(1.305582, abs=1e-6)
    assert c.effect_label == "large"
    # t = mean / (sd / √n) = 1.25 / (0.957427 / 2) = 2.611165, df = n - 1 = 3
    assert c.t == pytest.approx(2.611165, abs=1e-6)
    assert c.df == 3
    # the indexes are on the compared respondents only: 3 / 5 · 100 = 60, 4.25 / 5 · 100 = 85
    assert c.before.index == pytest.approx(60.0) and c.after.index == pytest.approx(85.0)


def test_paired_comparison_with_no_spread_in_the_changes_has_no_effect_size():
    c = compare({"a": 2, "b": 3}, {"a": 4, "b": 5})
    # changes 2, 2: sd 0 — d_z and t would divide by zero, so they are not given
    assert c.paired and c.change == 2.0
    assert (c.effect, c.t, c.df) == (None, None, 1)
    assert c.effect_label == ""


def test_anonymous_keys_never_pair_and_the_pooled_d_is_used():
    # anonymous answers have a key of their own ("r<response id>"): no key is in both phases
    before = {"r1": 2, "r2": 3, "r3": 4}
    after = {"r4": 3, "r5": 4, "r6": 5, "r7": 4}
    c = compare(before, after, top=5)
    assert not c.paired
    assert (c.t, c.df) == (None, None)
    # before: mean 3, variance (1 + 0 + 1) / 2 = 1; after: mean 16 / 4 = 4, variance (1 + 0 + 1 + 0) / 3 = 0.6667
    assert c.before.mean == 3.0 and c.after.mean == 4.0
    # pooled sd = √(((3 - 1)·1 + (4 - 1)·0.6667) / (3 + 4 - 2)) = √(4 / 5) = 0.894427; d = (4 - 3) / 0.894427
    assert c.effect == pytest.approx(1.118034, abs=1e-6)
    assert pooled_d([2, 3, 4], [3, 4, 5, 4]) == pytest.approx(1 / math.sqrt(0.8))


def test_a_single_common_respondent_is_not_a_paired_comparison():
    # one key in both phases is too few to pair: the groups are compared as they are
    c = compare({"a": 2, "b": 4}, {"a": 3, "c": 5})
    assert not c.paired
    # before 2, 4 (mean 3, variance 2); after 3, 5 (mean 4, variance 2); pooled sd √((2 + 2) / 2) = √2
    # d = (4 - 3) / √2 = 0.707107 → "medium"
    assert c.effect == pytest.approx(1 / math.sqrt(2))
    assert c.effect_label == "medium"


def test_pooled_d_needs_two_answers_in_each_group():
    assert pooled_d([3], [4, 5]) is None
    assert pooled_d([3, 3], [4, 4]) is None  # no spread at all: pooled sd 0


@pytest.mark.parametrize(
    ("effect", "label"), [(0.19, "negligible"), (-0.2, "small"), (0.49, "small"), (0.5, "medium"), (-0.8, "large")]
)
def test_effect_labels(effect, label):
    assert Comparison(describe([1]), describe([2]), False, effect).effect_label == label


# --- missing answers are never zeros --------------------------------------------------------------------------


@pytest.mark.django_db
def test_an_item_answered_by_three_of_five_has_n_three(program, facilitator):
    instrument = Instrument.objects.create(
        program=program, kind=InstrumentKind.QUESTIONNAIRE, title="Angket", audience=PersonKind.TEACHER
    )
    always = Item.objects.create(instrument=instrument, order=1, text="Selalu dijawab", type=ItemType.LIKERT)
    sometimes = Item.objects.create(
        instrument=instrument, order=2, text="Kadang dijawab", type=ItemType.LIKERT, required=False
    )
    count = Item.objects.create(instrument=instrument, order=3, text="Jumlah", type=ItemType.NUMBER, required=False)
    for first, second, third in [(5, 4, 2), (4, None, None), (3, 2, 6), (4, 3, None), (2, None, 0)]:
        answers = [(always, float(first), "")]
        if second is not None:
            answers.append((sometimes, float(second), ""))
        if third is not None:
            answers.append((count, float(third), ""))
        services.response_record(
            instrument=instrument, answers=answers, phase=Phase.BASELINE, date=program.start_date, user=facilitator
        )
    results = {result.item.pk: result for result in instrument_results(instrument).items}
    # every respondent answered the first: 5, 4, 3, 4, 2 → mean 18 / 5 = 3.6
    assert results[always.pk].phases[Phase.BASELINE].n == 5
    assert results[always.pk].phases[Phase.BASELINE].mean == pytest.approx(3.6)
    # the second was answered by three: 4, 2, 3 → n 3, mean 9 / 3 = 3 (with zeros for the blanks it would be 9 / 5)
    optional = results[sometimes.pk].phases[Phase.BASELINE]
    assert optional.n == 3
    assert optional.mean == pytest.approx(3.0)
    assert optional.distribution == {4: 1, 3: 1, 2: 1}
    # a number item: 2, 6, 0 were given (a real zero counts, a blank does not) → n 3, mean 8 / 3
    numbers = results[count.pk].phases[Phase.BASELINE]
    assert numbers.n == 3
    assert numbers.mean == pytest.approx(8 / 3)
    # and nobody answered at endline: n 0, no mean
    assert results[sometimes.pk].phases[Phase.ENDLINE].n == 0
    assert results[sometimes.pk].phases[Phase.ENDLINE].mean is None


# --- early → late weeks ----------------------------------------------------------------------------------------


def test_early_late_takes_the_first_and_last_two_weeks_with_a_value():
    # weeks with a value: 2 (40), 3 (50), 5 (60), 6 (80), 7 (90); span = min(2, 5 // 2) = 2
    # early: weeks 2 and 3, (40 + 50) / 2 = 45; late: weeks 6 and 7, (80 + 90) / 2 = 85
    (early, early_weeks), (late, late_weeks) = early_late([None, 40, 50, None, 60, 80, 90])
    assert (early, early_weeks) == (45.0, [2, 3])
    assert (late, late_weeks) == (85.0, [6, 7])


def test_early_late_with_three_weeks_takes_one_week_each_end():
    # three weeks with a value: span = min(2, 3 // 2) = 1, so weeks 1 and 4, never overlapping
    (early, early_weeks), (late, late_weeks) = early_late([10, None, 30, 50])
    assert (early, early_weeks, late, late_weeks) == (10.0, [1], 50.0, [4])


def test_early_late_with_a_wider_span():
    # span 3 with 6 weeks: (1 + 2 + 3) / 3 = 2 and (4 + 5 + 6) / 3 = 5
    (early, early_weeks), (late, late_weeks) = early_late([1, 2, 3, 4, 5, 6], span=3)
    assert (early, early_weeks, late, late_weeks) == (2.0, [1, 2, 3], 5.0, [4, 5, 6])


def test_early_late_zero_is_a_value_and_none_is_not():
    (early, _), (late, _) = early_late([0, None, None, 100])
    assert (early, late) == (0.0, 100.0)


@pytest.mark.parametrize("values", [[], [None, None], [None, 7, None]])
def test_early_late_needs_two_weeks(values):
    assert early_late(values) is None
