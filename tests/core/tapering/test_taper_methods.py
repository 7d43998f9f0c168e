"""Known-answer tests for each taper method; every expected number is worked out by hand."""

from __future__ import annotations

import itertools
import math
from datetime import date, timedelta
from decimal import Decimal

import pytest

from stepdown.core.tapering import StepKind, TaperPlan, plan_taper

START = date(2025, 1, 6)


def dailies(plan: TaperPlan) -> list[str]:
    return [f"{step.daily_g:f}" for step in plan.steps]


def test_proportional_12_g_at_10_percent_follows_the_hand_worked_sequence() -> None:
    # Each cut keeps 90 % of the current amount, rounded UP to 0.1 g; when rounding up would
    # leave the amount unchanged, the cut is one 0.1 g unit instead. Below 0.5 g: stop next.
    #   12.0 (stabilisation, 7 days)
    #   12.0×0.9=10.80→10.8   10.8×0.9=9.72→9.8   9.8×0.9=8.82→8.9   8.9×0.9=8.01→8.1
    #   8.1×0.9=7.29→7.3      7.3×0.9=6.57→6.6    6.6×0.9=5.94→6.0   6.0×0.9=5.40→5.4
    #   5.4×0.9=4.86→4.9      4.9×0.9=4.41→4.5    4.5×0.9=4.05→4.1   4.1×0.9=3.69→3.7
    #   3.7×0.9=3.33→3.4      3.4×0.9=3.06→3.1    3.1×0.9=2.79→2.8   2.8×0.9=2.52→2.6
    #   2.6×0.9=2.34→2.4      2.4×0.9=2.16→2.2    2.2×0.9=1.98→2.0   2.0×0.9=1.80→1.8
    #   1.8×0.9=1.62→1.7      1.7×0.9=1.53→1.6    1.6×0.9=1.44→1.5   1.5×0.9=1.35→1.4
    #   1.4×0.9=1.26→1.3      1.3×0.9=1.17→1.2    1.2×0.9=1.08→1.1   1.1×0.9=0.99→1.0
    #   1.0×0.9=0.90→0.9
    #   0.9×0.9=0.81→0.9 (no cut) → one unit: 0.8;  0.8→0.72→0.8 → 0.7;  0.7→0.63→0.7 → 0.6
    #   0.6→0.54→0.6 → 0.5;  0.5 is not below 0.5, so 0.5→0.45→0.5 → 0.4;  0.4 < 0.5 → stop.
    plan = plan_taper(start_g=12, start_date=START)
    assert dailies(plan) == [
        "12.0",
        "10.8", "9.8", "8.9", "8.1", "7.3", "6.6", "6.0", "5.4", "4.9", "4.5", "4.1", "3.7",
        "3.4", "3.1", "2.8", "2.6", "2.4", "2.2", "2.0", "1.8", "1.7", "1.6", "1.5", "1.4",
        "1.3", "1.2", "1.1", "1.0", "0.9", "0.8", "0.7", "0.6", "0.5", "0.4",
    ]  # fmt: skip
    assert plan.steps[0].kind is StepKind.STABILISE
    assert all(step.kind is StepKind.CUT for step in plan.steps[1:])
    # Step 0: 6–12 January; step k (k ≥ 1) starts 7·k days after 6 January.
    assert (plan.steps[0].start_date, plan.steps[0].end_date) == (START, date(2025, 1, 12))
    assert plan.steps[1].start_date == date(2025, 1, 13)
    # Step 34 starts 6 Jan + 238 days: 25 days to 31 Jan, then Feb 28 (53), Mar 31 (84),
    # Apr 30 (114), May 31 (145), Jun 30 (175), Jul 31 (206), Aug 31 (237) → 1 September.
    assert plan.steps[34].start_date == date(2025, 9, 1)
    assert plan.steps[34].end_date == date(2025, 9, 7)
    assert plan.end_date == date(2025, 9, 8)


def test_without_stabilisation_step_0_is_already_the_first_cut() -> None:
    plan = plan_taper(start_g=12, start_date=START, stabilize_days=0)
    assert dailies(plan)[:3] == ["10.8", "9.8", "8.9"]
    assert plan.steps[0].start_date == START
    assert plan.steps[0].kind is StepKind.CUT


def test_proportional_in_capsules_of_half_a_gram() -> None:
    # 6 g = 12 capsules of 0.5 g; 20 % cuts, amounts rounded up to whole capsules. With 0.5 g
    # capsules the threshold defaults to four capsules (2.0 g): 3 → 2 capsules would be 33 %.
    #   12×0.8=9.6→10 (5.0 g)   10×0.8=8→8 (4.0)   8×0.8=6.4→7 (3.5)   7×0.8=5.6→6 (3.0)
    #   6×0.8=4.8→5 (2.5)       5×0.8=4→4 (2.0)    4×0.8=3.2→4 = no cut → 3 (1.5, 25 %)
    #   1.5 < 2.0: the plan ends after 1.5 g.
    plan = plan_taper(
        start_g=6, start_date=START, rate_pct=20, resolution_g="0.5", stabilize_days=0
    )
    assert plan.params.stop_below_g == 2
    assert [step.daily_g for step in plan.steps] == [
        Decimal(v) for v in ("5", "4", "3.5", "3", "2.5", "2", "1.5")
    ]


def test_start_amount_is_rounded_down_to_the_resolution() -> None:
    # 12.34 g on a 0.1 g scale → 12.3 g; 6.2 g in 0.5 g capsules → 12 capsules = 6.0 g.
    assert plan_taper(start_g="12.34", start_date=START).start_g == Decimal("12.3")
    assert plan_taper(start_g="6.2", start_date=START, resolution_g="0.5").start_g == 6


def test_linear_cuts_the_rounded_step_each_time_then_shrinks_to_the_cap() -> None:
    # step 1.3 g on a 0.5 g resolution: 1.3/0.5 = 2.6 units → nearest is 3 units = 1.5 g.
    # No cut may exceed 25 %: the smallest next amount is ⌈0.75 × units⌉.
    #   10.0 (stabilisation) → 8.5 → 7.0 → 5.5 (5.5/7.0: 21 %) → 5.5−1.5 = 4.0 would be 27 %:
    #   ⌈0.75×11⌉ = 9 units = 4.5 → 4.5−1.5 = 3.0 is 33 %: ⌈6.75⌉ = 7 = 3.5 → ⌈5.25⌉ = 6 = 3.0
    #   → ⌈4.5⌉ = 5 = 2.5 → ⌈3.75⌉ = 4 = 2.0 (not below 2) → ⌈3⌉ = 3 = 1.5 < 2 → stop.
    plan = plan_taper(
        start_g=10,
        start_date=START,
        method="linear",
        step_g="1.3",
        resolution_g="0.5",
        stop_below_g=2,
    )
    assert plan.params.step_g == Decimal("1.5")
    assert dailies(plan) == [
        "10.0", "8.5", "7.0", "5.5", "4.5", "3.5", "3.0", "2.5", "2.0", "1.5"
    ]  # fmt: skip


def test_linear_tail_becomes_proportional_at_the_cap() -> None:
    # 0.5 g steps from 3 g: 3.0 → 2.5 → 2.0 → 1.5 (25 %); 1.5 − 0.5 = 1.0 would be 33 %:
    #   ⌈0.75×15⌉ = 12 → 1.2 → ⌈9⌉ = 9 → 0.9 → ⌈6.75⌉ = 7 → 0.7 → ⌈5.25⌉ = 6 → 0.6
    #   → ⌈4.5⌉ = 5 → 0.5 (not below 0.5) → ⌈3.75⌉ = 4 → 0.4 < 0.5 → stop.
    plan = plan_taper(start_g=3, start_date=START, method="linear", step_g="0.5")
    assert dailies(plan) == [
        "3.0", "2.5", "2.0", "1.5", "1.2", "0.9", "0.7", "0.6", "0.5", "0.4"
    ]  # fmt: skip


def test_occupancy_follows_equal_occupancy_steps_worked_by_hand() -> None:
    # ED50 = 10 g, start 10 g, first cut 10 %: O(D) = D/(10+D), O_0 = 1/2.
    #   ΔO = O(10) − O(9) = 1/2 − 9/19 = 1/38, so O_k = (19 − k)/38 and
    #   D_k = 10·O_k/(1 − O_k) = 10(19 − k)/(19 + k), each rounded up to 0.1 g:
    #   k=1 180/20 = 9.0     k=2 170/21 = 8.095→8.1   k=3 160/22 = 7.27→7.3
    #   k=4 150/23 = 6.52→6.6  k=5 140/24 = 5.83→5.9  k=6 130/25 = 5.2
    #   k=7 120/26 = 4.62→4.7  k=8 110/27 = 4.07→4.1  k=9 100/28 = 3.57→3.6
    #   k=10 90/29 = 3.10→3.2  k=11 80/30 = 2.67→2.7  k=12 70/31 = 2.26→2.3
    #   k=13 60/32 = 1.875→1.9 k=14 50/33 = 1.52→1.6  k=15 40/34 = 1.18→1.2
    #   k=16 30/35 = 0.857→0.9 k=17 20/36 = 0.556→0.6, but 0.9 → 0.6 is a 33 % cut: the cap
    #   gives ⌈0.75×9⌉ = 0.7; then D_17 = 0.6 (14 %); k=18 10/37 = 0.27→0.3 is capped at
    #   ⌈4.5⌉ = 0.5; then ⌈3.75⌉ = 0.4 < 0.5 → stop.
    # (The old code re-anchored on each rounded amount: 6.6 → 6.0 → 5.4 ..., a longer plan.)
    plan = plan_taper(start_g=10, start_date=START, method="occupancy", ed50_g=10, stabilize_days=0)
    assert dailies(plan) == [
        "9.0", "8.1", "7.3", "6.6", "5.9", "5.2", "4.7", "4.1", "3.6", "3.2",
        "2.7", "2.3", "1.9", "1.6", "1.2", "0.9", "0.7", "0.6", "0.5", "0.4",
    ]  # fmt: skip


def test_occupancy_schedule_is_not_lengthened_by_rounding() -> None:
    # 12 g, ED50 12 g, 10 %: O_0 = 1/2, O(10.8) = 10.8/22.8 = 9/19, ΔO = 1/38 as above, so
    # D_k = 12(19 − k)/(19 + k): the defined plan reaches D_k ≤ 4.8 g (below ED50/2) at
    # k = 9 (12·10/28 = 4.29); every amount down to there is exactly ⌈D_k⌉.
    plan = plan_taper(start_g=12, start_date=START, method="occupancy", ed50_g=12, stabilize_days=0)
    expected = [math.ceil(12 * (19 - k) / (19 + k) * 10 - 1e-9) / 10 for k in range(1, 10)]
    assert [float(step.daily_g) for step in plan.steps[:9]] == expected
    assert expected[:3] == [10.8, 9.8, 8.8]  # 216/20, 204/21 = 9.71, 192/22 = 8.73


def test_occupancy_cuts_get_smaller_in_grams_towards_the_end() -> None:
    plan = plan_taper(start_g=10, start_date=START, method="occupancy", ed50_g=10)
    amounts = [step.daily_g for step in plan.steps]
    cuts = [before - after for before, after in itertools.pairwise(amounts)]
    # From the hand-worked sequence above: the first cut is 1.0 g, the late ones 0.2–0.3 g.
    assert cuts[0] == Decimal("1.0")
    assert max(cuts[-5:]) <= Decimal("0.3")


def test_fewer_doses_leave_out_a_dose_instead_of_merging() -> None:
    # 12 g in 5 doses, target 3: stabilisation 5 × 2.4. Leaving out one 2.4 g dose is a 20 %
    # cut (9.6 g in 4 × 2.4); the next, 2.4 of 9.6, is exactly 25 % (7.2 g in 3 × 2.4). Then
    # the first proportional cut: 7.2 × 0.9 = 6.48 → 6.5 = 65 units / 3 → 2.2 + 2.2 + 2.1;
    # 6.5 × 0.9 = 5.85 → 5.9 → 2.0 + 2.0 + 1.9. No dose is ever above 2.4 g.
    plan = plan_taper(start_g=12, start_date=START, doses_per_day=5, target_doses_per_day=3)
    first = plan.steps[:5]
    assert [step.kind for step in first] == [
        StepKind.STABILISE,
        StepKind.CONSOLIDATE,
        StepKind.CONSOLIDATE,
        StepKind.CUT,
        StepKind.CUT,
    ]
    assert [step.dose_g for step in first] == [
        (Decimal("2.4"),) * 5,
        (Decimal("2.4"),) * 4,
        (Decimal("2.4"),) * 3,
        (Decimal("2.2"), Decimal("2.2"), Decimal("2.1")),
        (Decimal("2.0"), Decimal("2.0"), Decimal("1.9")),
    ]
    assert max(max(step.dose_g) for step in plan.steps) == Decimal("2.4")


def test_thirty_grams_in_six_doses_never_becomes_one_big_dose() -> None:
    # The reported case: 30 g in 6 doses of 5 g, target one dose a day. Doses are left out
    # while each is at most 25 % of the day (30 → 25 → 20 → 15 g, all 5 g doses); from 15 g
    # in 3 doses a dose is a third of the day, so the amount is cut instead, and the number
    # of doses falls only when every dose fits under 5 g: 9.9 g = 2 doses (5.0 + 4.9), one
    # dose only at 4.9 g. The old planner kept 30 g and merged it into one 30 g dose.
    plan = plan_taper(start_g=30, start_date=START, doses_per_day=6, target_doses_per_day=1)
    assert [f"{step.daily_g:f}" for step in plan.steps[:4]] == ["30.0", "25.0", "20.0", "15.0"]
    assert max(max(step.dose_g) for step in plan.steps) == Decimal("5.0")
    two = next(step for step in plan.steps if step.doses_per_day == 2)
    one = next(step for step in plan.steps if step.doses_per_day == 1)
    assert (two.daily_g, one.daily_g) == (Decimal("9.9"), Decimal("4.9"))


def test_without_stabilisation_a_dose_too_large_to_leave_out_is_cut_instead() -> None:
    # 12 g in 3 doses, target 2: leaving out a 4 g dose would cut 33 %, so step 0 is a 10 %
    # cut to 10.8 g, still in 3 doses (3.6 each, the cap for every later dose). Two doses fit
    # under 3.6 g only from 7.2 g: 12 → 10.8 → 9.8 → 8.9 → 8.1 → 7.3 → 6.6 = 3.3 + 3.3.
    plan = plan_taper(
        start_g=12, start_date=START, doses_per_day=3, target_doses_per_day=2, stabilize_days=0
    )
    assert plan.steps[0].kind is StepKind.CUT
    assert plan.steps[0].dose_g == (Decimal("3.6"),) * 3
    assert [step.doses_per_day for step in plan.steps[:6]] == [3, 3, 3, 3, 3, 2]
    assert plan.steps[5].dose_g == (Decimal("3.3"), Decimal("3.3"))


def test_doses_per_day_fall_as_the_amount_gets_small() -> None:
    # 1.2 g in 3 doses of 0.4 g. A dose under 0.5 g is not worth keeping separate, but no dose
    # may exceed 0.4 g: 1.1 = .4+.4+.3, 1.0 = .4+.3+.3, 0.9 = 3 × .3, 0.8 = .4+.4 (two fit),
    # 0.7 = .4+.3, 0.6 = .3+.3, 0.5 = .3+.2, 0.4 = one dose. (The old plan kept 3 doses to the
    # end: 0.4 g as 0.2 + 0.1 + 0.1.)
    plan = plan_taper(start_g="1.2", start_date=START, doses_per_day=3)
    assert [step.doses_per_day for step in plan.steps] == [3, 3, 3, 3, 2, 2, 2, 2, 1]
    assert plan.steps[-1].dose_g == (Decimal("0.4"),)


def test_doses_below_the_minimum_merge_only_up_to_the_first_largest_dose() -> None:
    # 6 g in 3 doses of 2 g: at 1.4 g two doses of at least 0.5 g (0.7 + 0.7), below 1.0 g one.
    plan = plan_taper(start_g=6, start_date=START, doses_per_day=3)
    for step in plan.steps:
        grams = step.daily_g
        assert step.doses_per_day == (3 if grams >= Decimal("1.5") else 2 if grams >= 1 else 1)


def test_a_start_below_the_threshold_holds_only_the_stabilisation_step() -> None:
    plan = plan_taper(start_g="0.4", start_date=START)
    assert dailies(plan) == ["0.4"]
    assert plan.end_date == START + timedelta(days=7)


def test_interval_and_stabilisation_set_the_step_lengths() -> None:
    plan = plan_taper(start_g=5, start_date=START, interval_days=14, stabilize_days=3)
    assert plan.steps[0].days == 3
    assert {step.days for step in plan.steps[1:]} == {14}


@pytest.mark.parametrize("method", ["proportional", "occupancy"])
def test_rate_defaults_to_ten_percent(method: str) -> None:
    extra = {"ed50_g": 10} if method == "occupancy" else {}
    plan = plan_taper(start_g=10, start_date=START, method=method, stabilize_days=0, **extra)
    assert plan.params.rate_pct == 10
    assert plan.steps[0].daily_g == Decimal("9.0")  # 10 × 0.9 = 9.0 in both methods


def test_planned_amount_by_day_is_none_before_and_zero_after_the_plan() -> None:
    plan = plan_taper(start_g=12, start_date=START)
    assert plan.daily_g_on(START - timedelta(days=1)) is None
    assert plan.daily_g_on(START) == Decimal("12.0")
    assert plan.daily_g_on(date(2025, 1, 13)) == Decimal("10.8")  # first cut, see above
    assert plan.daily_g_on(plan.end_date) == 0
    assert plan.step_on(plan.end_date) is None
