"""Known answers for the one-compartment model, worked by hand from its equations."""

from __future__ import annotations

import math
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stepdown.core import pharmacokinetics as pk
from stepdown.core.tapering import plan_taper

FAST_KA = 1e6  # absorption practically instantaneous: a dose lands in the body at once


def test_with_instant_absorption_one_dose_halves_every_half_life() -> None:
    # A(t) = D·e^(−k·t) with k = ln2/24: 1 g → 0.5 g at 24 h, 0.25 g at 48 h, 0.125 g at 72 h.
    # (The finite ka adds a factor ka/(ka − k) = 1 + 2.9e-8, hence the tolerance.)
    series = pk.simulate([(0, 1.0)], t_h=[0.001, 24, 48, 72], ka_per_h=FAST_KA)
    assert series.amount[1:] == pytest.approx([0.5, 0.25, 0.125], rel=1e-7)
    assert series.amount[0] == pytest.approx(1.0, rel=1e-4)


def test_one_dose_with_slow_absorption_follows_the_bateman_curve() -> None:
    # ka = 0.5/h, half-life 24 h (k = 0.028881/h), 1 g, at t = 2 h:
    #   A = ka/(ka − k)·(e^(−k·2) − e^(−ka·2)) = 0.5/0.471119 × (0.943874 − 0.367879)
    #     = 1.061302 × 0.575995 = 0.61130 g
    series = pk.simulate([(0, 1.0)], t_h=[2], ka_per_h=0.5)
    assert series.amount[0] == pytest.approx(0.61130, abs=1e-4)


def test_nothing_is_in_the_body_before_the_first_dose() -> None:
    series = pk.simulate([(10, 3.0)], t_h=[0, 5, 10])
    assert series.amount == (0.0, 0.0, 0.0)


def test_equal_absorption_and_elimination_rates_use_the_limit_formula() -> None:
    # ka = k: A(t) = D·k·t·e^(−k·t). With half-life ln2 h, k = 1/h: at t = 1 h, A = e^(−1).
    series = pk.simulate([(0, 1.0)], t_h=[1], half_life_h=math.log(2), ka_per_h=1.0)
    assert series.amount[0] == pytest.approx(math.exp(-1), rel=1e-9)


def test_steady_state_peak_is_the_accumulation_ratio_times_the_dose() -> None:
    # Instant absorption, 1 g every 24 h with a 24 h half-life: e^(−k·τ) = 1/2, so
    # R = 1/(1 − 1/2) = 2: just after a dose at steady state the body holds 2 g, just before
    # the next one 1 g. After 20 doses the remainder 2^−20 is negligible; sampling 0.001 h
    # after the dose (absorption done, decay e^(−k·0.001) = 1 − 2.9e-5) sets the tolerance.
    doses = [(24.0 * i, 1.0) for i in range(21)]
    series = pk.simulate(doses, t_h=[480.001, 503.999], ka_per_h=FAST_KA)
    assert series.amount == pytest.approx([2.0, 1.0], rel=1e-4)
    assert pk.accumulation_ratio(every_h=24, half_life_h=24) == pytest.approx(2.0)


def test_accumulation_ratio_for_twice_a_day() -> None:
    # τ = 12 h, half-life 24 h: e^(−k·12) = 2^(−1/2) = 0.707107; R = 1/0.292893 = 3.414214.
    assert pk.accumulation_ratio(every_h=12, half_life_h=24) == pytest.approx(3.414214, rel=1e-6)


@settings(max_examples=60)
@given(
    first=st.lists(st.tuples(st.floats(0, 200), st.floats(0, 20)), min_size=0, max_size=8),
    second=st.lists(st.tuples(st.floats(0, 200), st.floats(0, 20)), min_size=0, max_size=8),
    half_life=st.floats(1, 100),
)
def test_superposition_the_sum_of_two_schedules_is_the_sum_of_their_amounts(
    first: list[tuple[float, float]], second: list[tuple[float, float]], half_life: float
) -> None:
    times = [float(t) for t in range(0, 300, 7)]
    both = pk.simulate(first + second, t_h=times, half_life_h=half_life)
    one = pk.simulate(first, t_h=times, half_life_h=half_life)
    two = pk.simulate(second, t_h=times, half_life_h=half_life)
    for total, a, b in zip(both.amount, one.amount, two.amount, strict=True):
        assert total == pytest.approx(a + b, rel=1e-9, abs=1e-12)


@settings(max_examples=60)
@given(dose=st.floats(0.01, 100), scale=st.floats(0.1, 10))
def test_amount_is_proportional_to_the_dose(dose: float, scale: float) -> None:
    times = [1.0, 5.0, 30.0]
    base = pk.simulate([(0, dose)], t_h=times)
    scaled = pk.simulate([(0, dose * scale)], t_h=times)
    assert scaled.amount == pytest.approx([a * scale for a in base.amount], rel=1e-9)


@pytest.mark.parametrize("half_life", [23.0, 24.0, 45.0, 68.0])
def test_default_absorption_puts_the_peak_one_hour_after_a_dose(half_life: float) -> None:
    ka = pk.absorption_rate_for_tmax(half_life_h=half_life)
    # The defining equation ln(ka/k) = ka − k (for t_max = 1 h) holds ...
    k = math.log(2) / half_life
    assert math.log(ka / k) == pytest.approx(ka - k, rel=1e-9)
    # ... and the simulated curve is highest at 1 h among samples 6 minutes apart.
    series = pk.simulate([(0, 1.0)], t_h=[i / 10 for i in range(40)], half_life_h=half_life)
    assert series.t_h[series.amount.index(max(series.amount))] == pytest.approx(1.0)


def test_absorption_rate_for_a_24_hour_half_life_is_about_5_per_hour() -> None:
    # Solving ln x = c(x − 1) with c = ln2/24 = 0.028881 by hand (trying x): x = 181 gives
    # ln 181 = 5.198 vs 0.028881 × 180 = 5.199, so ka = k·x ≈ 0.028881 × 181 ≈ 5.23 per hour.
    assert pk.absorption_rate_for_tmax(half_life_h=24) == pytest.approx(5.23, abs=0.01)


def test_no_absorption_rate_gives_a_1_h_peak_for_a_very_short_half_life() -> None:
    with pytest.raises(pk.PharmacokineticsError) as caught:
        pk.absorption_rate_for_tmax(half_life_h=0.5)
    assert caught.value.field == "half_life_h"


def test_steady_state_takes_five_half_lives() -> None:
    # 5 × 24 h = 120 h = 5 days; with the band 23–68 h: 4.8 to 14.2 days.
    assert pk.steady_state_time_h(24) == 120
    assert pk.steady_state_time_h(68) / 24 == pytest.approx(14.1667, abs=1e-4)


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"half_life_h": 0}, "half_life_h"),
        ({"half_life_h": float("nan")}, "half_life_h"),
        ({"ka_per_h": -1}, "ka_per_h"),
    ],
)
def test_impossible_model_parameters_name_their_field(kwargs: dict[str, float], field: str) -> None:
    with pytest.raises(pk.PharmacokineticsError) as caught:
        pk.simulate([(0, 1.0)], t_h=[1], **kwargs)
    assert caught.value.field == field


def test_negative_doses_are_refused() -> None:
    with pytest.raises(pk.PharmacokineticsError):
        pk.simulate([(0, -1.0)], t_h=[1])


def test_default_samples_are_hourly_until_five_half_lives_after_the_last_dose() -> None:
    series = pk.simulate([(0, 1.0)])
    assert series.t_h[:3] == (0.0, 1.0, 2.0)
    assert series.t_h[-1] == 120.0


def test_plan_level_is_one_during_stabilisation_and_halves_daily_after_the_end() -> None:
    # Before the plan the person is at steady state on the start amount (level 1.0); a long
    # stabilisation keeps it there. With a 24 h half-life, once the last dose is absorbed the
    # daily mean halves every day: a day's samples are each half those of the day before.
    # 1.9 g is below the 2 g threshold: the stabilisation is the only step, then nothing.
    plan = plan_taper(start_g="1.9", start_date=date(2025, 1, 1), stop_below_g=2,
                      stabilize_days=20)  # fmt: skip
    assert len(plan.steps) == 1
    levels = pk.plan_levels(plan, half_life_h=24, band_half_life_h=(24, 24))
    assert levels.level[:20] == pytest.approx([1.0] * 20, rel=1e-5)
    after = levels.dates.index(plan.end_date)
    assert levels.level[after + 2] / levels.level[after + 1] == pytest.approx(0.5, rel=1e-6)
    assert levels.dates[0] == date(2025, 1, 1)


def test_plan_level_band_contains_the_default_and_lags_with_longer_half_lives() -> None:
    plan = plan_taper(start_g=12, start_date=date(2025, 1, 1), doses_per_day=3)
    levels = pk.plan_levels(plan)
    for low, level, high in zip(levels.low, levels.level, levels.high, strict=True):
        assert low <= level <= high
    # One day into the first cut (10 %), the slow 68 h body is still nearer the old level.
    first_cut = levels.dates.index(plan.steps[1].start_date)
    assert levels.high[first_cut] > levels.level[first_cut]
    # A step lasting a week reaches its new level (0.9) within about 3 % at t½ 24 h:
    last_day = levels.dates.index(plan.steps[1].end_date)
    assert levels.level[last_day] == pytest.approx(0.9, abs=0.9 * 0.03)


def test_the_number_of_doses_does_not_change_the_steady_daily_level() -> None:
    # At steady state the daily mean is dose/(k·24 h) whatever the timing of the doses, so
    # after 28 days each step's level is its share of the start amount, in 4 or 3 doses.
    plan = plan_taper(start_g=12, start_date=date(2025, 1, 1), doses_per_day=4,
                      target_doses_per_day=1, interval_days=28)  # fmt: skip
    assert [step.doses_per_day for step in plan.steps[:3]] == [4, 3, 3]
    levels = pk.plan_levels(plan)
    for step in plan.steps[:4]:
        expected = float(step.daily_g / plan.start_g)
        end = levels.dates.index(step.end_date)
        assert levels.level[end] == pytest.approx(expected, abs=1e-3)


def test_settled_dates_are_five_half_lives_after_each_step_starts() -> None:
    plan = plan_taper(start_g=12, start_date=date(2025, 1, 1))
    # 5 × 24 h = 5 days; 5 × 68 h = 340 h = 14.17 days → 15 whole days.
    assert pk.step_settled_dates(plan)[1] == plan.steps[1].start_date + timedelta(days=5)
    assert pk.step_settled_dates(plan, half_life_h=68)[1] == plan.steps[1].start_date + (
        timedelta(days=15)
    )


def test_settled_ranges_span_the_half_life_band_and_advice_uses_the_long_end() -> None:
    # 23 h: 5 × 23 = 115 h = 4.8 days → 5; 68 h: 340 h = 14.17 days → 15 (not the 24 h
    # default's 5 days alone, which the old "settled by" column showed).
    plan = plan_taper(start_g=12, start_date=date(2025, 1, 1))
    early, late = pk.step_settled_ranges(plan)[1]
    assert early == plan.steps[1].start_date + timedelta(days=5)
    assert late == plan.steps[1].start_date + timedelta(days=15)
    assert pk.long_settle_days() == 15
