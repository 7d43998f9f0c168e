"""Known-answer tests for each taper method; every expected number is worked out by hand."""

from __future__ import annotations

import itertools
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
    # 6 g = 12 capsules of 0.5 g; 20 % cuts, amounts rounded up to whole capsules:
    #   12×0.8=9.6→10 (5.0 g)   10×0.8=8→8 (4.0)   8×0.8=6.4→7 (3.5)   7×0.8=5.6→6 (3.0)
    #   6×0.8=4.8→5 (2.5)       5×0.8=4→4 (2.0)    4×0.8=3.2→4 = no cut → 3 (1.5)
    #   3×0.8=2.4→3 → 2 (1.0)   2×0.8=1.6→2 → 1 (0.5)   0.5 is not below 0.5:
    #   1×0.8=0.8→1 → 0 capsules: the plan ends after 0.5 g.
    plan = plan_taper(
        start_g=6, start_date=START, rate_pct=20, resolution_g="0.5", stabilize_days=0
    )
    assert [step.daily_g for step in plan.steps] == [
        Decimal(v) for v in ("5", "4", "3.5", "3", "2.5", "2", "1.5", "1", "0.5")
    ]


def test_start_amount_is_rounded_down_to_the_resolution() -> None:
    # 12.34 g on a 0.1 g scale → 12.3 g; 6.2 g in 0.5 g capsules → 12 capsules = 6.0 g.
    assert plan_taper(start_g="12.34", start_date=START).start_g == Decimal("12.3")
    assert plan_taper(start_g="6.2", start_date=START, resolution_g="0.5").start_g == 6


def test_linear_cuts_the_rounded_step_each_time() -> None:
    # step 1.3 g on a 0.5 g resolution: 1.3/0.5 = 2.6 units → nearest is 3 units = 1.5 g.
    #   10.0 (stabilisation) → 8.5 → 7.0 → 5.5 → 4.0 → 2.5; 2.5 < 3 (stop_below) → stop.
    plan = plan_taper(
        start_g=10,
        start_date=START,
        method="linear",
        step_g="1.3",
        resolution_g="0.5",
        stop_below_g=3,
    )
    assert plan.params.step_g == Decimal("1.5")
    assert dailies(plan) == ["10.0", "8.5", "7.0", "5.5", "4.0", "2.5"]


def test_linear_last_step_is_followed_by_zero_when_the_next_cut_reaches_zero() -> None:
    # 3.0 → 2.5 → 2.0 → 1.5 → 1.0 → 0.5; 0.5 is not below 0.5 but 0.5 − 0.5 = 0 → stop.
    plan = plan_taper(start_g=3, start_date=START, method="linear", step_g="0.5")
    assert dailies(plan) == ["3.0", "2.5", "2.0", "1.5", "1.0", "0.5"]


def test_occupancy_follows_equal_occupancy_steps_worked_by_hand() -> None:
    # ED50 = 10 g, start 10 g, first cut 10 %: O(D) = D/(10+D).
    #   ΔO = O(10) − O(9) = 1/2 − 9/19 = 1/38.
    # Next amount D' from D: O' = D/(10+D) − 1/38 = (37D − 10) / (38(10+D)),
    #   1 − O' = (390 + D) / (38(10+D)),  so D' = 10·O'/(1−O') = 10(37D − 10)/(390 + D),
    # rounded up to 0.1 g:
    #   10  → 3600/400 = 9.0        9.0 → 3230/399 = 8.095→8.1   8.1 → 2897/398.1 = 7.277→7.3
    #   7.3 → 2601/397.3 = 6.547→6.6   6.6 → 2342/396.6 = 5.905→6.0   6.0 → 2120/396 = 5.354→5.4
    #   5.4 → 1898/395.4 = 4.8002→4.9  4.9 → 1713/394.9 = 4.338→4.4   4.4 → 1528/394.4 = 3.874→3.9
    #   3.9 → 1343/393.9 = 3.410→3.5   3.5 → 1195/393.5 = 3.037→3.1   3.1 → 1047/393.1 = 2.663→2.7
    #   2.7 → 899/392.7 = 2.289→2.3    2.3 → 751/392.3 = 1.914→2.0    2.0 → 640/392 = 1.633→1.7
    #   1.7 → 529/391.7 = 1.351→1.4    1.4 → 418/391.4 = 1.068→1.1    1.1 → 307/391.1 = 0.785→0.8
    #   0.8 → 196/390.8 = 0.5015→0.6   0.6 → 122/390.6 = 0.312→0.4    0.4 < 0.5 → stop.
    plan = plan_taper(start_g=10, start_date=START, method="occupancy", ed50_g=10, stabilize_days=0)
    assert dailies(plan) == [
        "9.0", "8.1", "7.3", "6.6", "6.0", "5.4", "4.9", "4.4", "3.9", "3.5",
        "3.1", "2.7", "2.3", "2.0", "1.7", "1.4", "1.1", "0.8", "0.6", "0.4",
    ]  # fmt: skip


def test_occupancy_cuts_get_smaller_in_grams_towards_the_end() -> None:
    plan = plan_taper(start_g=10, start_date=START, method="occupancy", ed50_g=10)
    amounts = [step.daily_g for step in plan.steps]
    cuts = [before - after for before, after in itertools.pairwise(amounts)]
    # From the hand-worked sequence above: the first cut is 1.0 g, the late ones 0.2–0.3 g.
    assert cuts[0] == Decimal("1.0")
    assert max(cuts[-5:]) <= Decimal("0.3")


def test_consolidation_drops_one_dose_per_step_before_cutting() -> None:
    # 12 g in 5 doses, target 3: stabilisation 5 × 2.4; then 4 × 3.0; then 3 × 4.0 (same
    # 12.0 g); then the first cut 12.0 × 0.9 = 10.8 in 3 × 3.6; then 9.8 = 98 units / 3 =
    # 32 rest 2 → 3.3 + 3.3 + 3.2.
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
        (Decimal("3.0"),) * 4,
        (Decimal("4.0"),) * 3,
        (Decimal("3.6"),) * 3,
        (Decimal("3.3"), Decimal("3.3"), Decimal("3.2")),
    ]


def test_without_stabilisation_the_first_step_already_drops_a_dose() -> None:
    plan = plan_taper(
        start_g=12, start_date=START, doses_per_day=3, target_doses_per_day=2, stabilize_days=0
    )
    assert plan.steps[0].kind is StepKind.CONSOLIDATE
    assert plan.steps[0].dose_g == (Decimal("6.0"), Decimal("6.0"))


def test_small_amounts_get_fewer_doses_than_one_unit_each() -> None:
    # 0.3 g in 3 doses of 0.1; linear 0.1 g steps with no stop threshold:
    #   0.3 = 3 × 0.1 → 0.2 = 2 × 0.1 → 0.1 = 1 × 0.1 → 0.
    plan = plan_taper(
        start_g="0.3",
        start_date=START,
        method="linear",
        step_g="0.1",
        doses_per_day=3,
        stop_below_g=0,
    )
    assert [step.doses_per_day for step in plan.steps] == [3, 2, 1]
    assert plan.end_date == START + timedelta(days=21)


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
