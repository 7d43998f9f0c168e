"""Property tests: the invariants every plan from ``plan_taper`` must keep."""

from __future__ import annotations

import itertools
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from stepdown.core.tapering import StepKind, TaperPlan, plan_taper
from stepdown.core.units import is_multiple_of, round_up_to

# Up to 0.5 g: a coarser resolution cannot end within the 25 % cap (see the validation tests).
RESOLUTIONS = [Decimal(v) for v in ("0.001", "0.01", "0.05", "0.1", "0.25", "0.5")]


@st.composite
def plan_arguments(draw: st.DrawFn) -> dict[str, Any]:
    resolution = draw(st.sampled_from(RESOLUTIONS))
    # From one unit up to the 1000 g ceiling (edges: tiny and huge starts).
    units = draw(st.integers(min_value=1, max_value=int(Decimal(1000) / resolution)))
    start = resolution * units
    doses = draw(st.integers(min_value=1, max_value=6))
    method = draw(st.sampled_from(["proportional", "linear", "occupancy"]))
    arguments: dict[str, Any] = {
        "start_g": start,
        "start_date": draw(st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 1, 1))),
        "method": method,
        "interval_days": draw(st.integers(min_value=7, max_value=28)),
        "stabilize_days": draw(st.integers(min_value=1, max_value=14)),
        "resolution_g": resolution,
        "stop_below_g": draw(st.sampled_from([None, 4 * resolution, Decimal("0.5"), Decimal(2)]))
        if resolution <= Decimal("0.125")
        else draw(st.sampled_from([None, Decimal(2)])),
        "doses_per_day": doses,
        "target_doses_per_day": draw(st.integers(min_value=1, max_value=doses)),
    }
    if method != "linear":
        rate = draw(st.decimals(min_value=5, max_value=25, places=1))
        arguments["rate_pct"] = rate
    if method == "linear":
        # At least 1/200 of the start per step keeps plans under the step ceiling; at most a
        # quarter of the start is the step cap.
        low = max(1, units // 200)
        high = max(low, min(low * 20, units // 4))
        arguments["step_g"] = resolution * draw(st.integers(min_value=low, max_value=high))
    if method == "occupancy":
        # ED50 at least a tenth of the start: far below it, equal occupancy steps from near
        # saturation would take thousands of steps (refused, see the validation tests).
        ed50_low = max(Decimal("0.5"), (start / 10).quantize(Decimal("0.1")))
        arguments["ed50_g"] = draw(
            st.decimals(min_value=ed50_low, max_value=ed50_low * 40, places=1)
        )
    return arguments


def check_invariants(plan: TaperPlan, arguments: dict[str, Any]) -> None:
    resolution = arguments["resolution_g"]
    steps = plan.steps
    # Contiguous, numbered, and the plan ends the day after its last step.
    assert steps[0].start_date == arguments["start_date"]
    for before, after in itertools.pairwise(steps):
        assert after.start_date == before.end_date + timedelta(days=1)
    assert [step.index for step in steps] == list(range(len(steps)))
    assert plan.end_date == steps[-1].end_date + timedelta(days=1)
    for step in steps:
        # Only days with a dose; each amount is a resolution multiple; doses add up.
        assert step.daily_g > 0
        assert is_multiple_of(step.daily_g, resolution)
        assert all(dose > 0 and is_multiple_of(dose, resolution) for dose in step.dose_g)
        assert sum(step.dose_g) == step.daily_g
        assert len(step.dose_g) == step.doses_per_day
        # Doses within a day differ by at most one unit (an even split).
        assert max(step.dose_g) - min(step.dose_g) <= resolution
    # Never above the amount taken now, never increasing, doses per day never increasing.
    assert steps[0].daily_g <= Decimal(str(arguments["start_g"]))
    for before, after in itertools.pairwise(steps):
        assert after.daily_g <= before.daily_g
        assert after.doses_per_day <= before.doses_per_day
        if after.kind is StepKind.CUT:
            assert after.daily_g <= before.daily_g - resolution  # at least one unit
        else:
            # One dose fewer: the smallest dose is left out, the others stay as they were.
            assert after.kind is StepKind.CONSOLIDATE
            assert after.daily_g == before.daily_g - min(before.dose_g)
            assert after.doses_per_day == before.doses_per_day - 1
    check_safety_invariants(plan)
    # Step lengths: stabilisation first, then the interval.
    assert steps[0].kind is StepKind.STABILISE
    assert steps[0].days == arguments["stabilize_days"]
    assert all(step.days == arguments["interval_days"] for step in steps[1:])


def check_safety_invariants(plan: TaperPlan) -> None:
    """The three safety properties of every plan, whatever its method and settings."""
    steps = plan.steps
    # 1. No single dose is ever larger than the largest dose of the first step.
    largest = max(steps[0].dose_g)
    assert all(dose <= largest for step in steps for dose in step.dose_g)
    # 2. Every step but the final one (to zero) cuts at most 25 % of the day before it,
    #    including step 0 of a plan without stabilisation (cut from the start amount).
    amounts = [plan.start_g, *(step.daily_g for step in steps)]
    for before, after in itertools.pairwise(amounts):
        assert (before - after) * 4 <= before
    # 3. The final step (to nothing) starts only from below the threshold, which is ≤ 2 g.
    assert plan.params.stop_below_g <= 2
    assert steps[-1].daily_g < plan.params.stop_below_g or len(steps) == 1


@settings(max_examples=200)
@given(plan_arguments())
def test_every_plan_keeps_the_invariants(arguments: dict[str, Any]) -> None:
    check_invariants(plan_taper(**arguments), arguments)


@settings(max_examples=200)
@given(plan_arguments())
def test_proportional_cuts_never_exceed_the_rate_except_single_units(
    arguments: dict[str, Any],
) -> None:
    arguments = {
        **arguments,
        "method": "proportional",
        "step_g": None,
        "ed50_g": None,
        "rate_pct": arguments.get("rate_pct", Decimal(10)),
    }
    plan = plan_taper(**arguments)
    rate = arguments["rate_pct"] / 100
    cuts = [step for step in plan.steps if step.kind is StepKind.CUT]
    for step in cuts:
        before = plan.steps[step.index - 1].daily_g
        cut = before - step.daily_g
        assert cut <= rate * before or cut == arguments["resolution_g"]


@settings(max_examples=200)
@given(plan_arguments())
def test_linear_cuts_equal_the_rounded_step(arguments: dict[str, Any]) -> None:
    if arguments["method"] != "linear":
        arguments = {
            **{k: v for k, v in arguments.items() if k not in ("rate_pct", "ed50_g")},
            "method": "linear",
            "step_g": arguments["resolution_g"] * 3,
        }
        if not 4 <= arguments["start_g"] / arguments["step_g"] <= 900:
            return
    plan = plan_taper(**arguments)
    step = plan.params.step_g
    assert step is not None
    for before, after in zip(plan.steps, plan.steps[1:], strict=False):
        if after.kind is StepKind.CUT:
            # The fixed step, or, where that would cut more than 25 %, exactly the cap.
            capped = round_up_to(before.daily_g * Decimal("0.75"), arguments["resolution_g"])
            assert before.daily_g - after.daily_g == step or (
                before.daily_g - step < capped == after.daily_g
            )


@settings(max_examples=100)
@given(
    start=st.decimals(min_value="0.5", max_value=1000, places=1),
    stabilize=st.integers(min_value=0, max_value=30),
)
def test_plans_from_a_whole_gram_scale_end_and_start_where_expected(
    start: Decimal, stabilize: int
) -> None:
    plan = plan_taper(start_g=start, start_date=date(2025, 1, 1), stabilize_days=stabilize)
    assert plan.steps[-1].daily_g < Decimal("0.5")  # default threshold: the last step is below
    if stabilize:
        assert plan.steps[0].daily_g == start
    else:
        assert plan.steps[0].daily_g < start
