"""Hold, reinstate and slow: known answers and properties."""

from __future__ import annotations

import itertools
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stepdown.core.tapering import (
    StepKind,
    TaperError,
    TaperPlan,
    current_step_index,
    hold,
    plan_taper,
    reinstate,
    slow,
)

START = date(2025, 1, 6)


def base_plan(**changes: Any) -> TaperPlan:
    # 12.0 (6–12 Jan), 10.8 (13–19 Jan), 9.8 (20–26 Jan), 8.9 (27 Jan–2 Feb), ... (see the
    # hand-worked sequence in test_taper_methods.py); it ends on 8 September 2025.
    return plan_taper(**{"start_g": 12, "start_date": START, **changes})


def dailies(plan: TaperPlan) -> list[str]:
    return [f"{step.daily_g:f}" for step in plan.steps]


def test_current_step_is_the_one_covering_the_day() -> None:
    plan = base_plan()
    assert current_step_index(plan, as_of=date(2025, 1, 12)) == 0
    assert current_step_index(plan, as_of=date(2025, 1, 13)) == 1


@pytest.mark.parametrize("day", [date(2025, 1, 5), date(2025, 9, 8), date(2026, 1, 1)])
def test_adjusting_outside_the_plan_is_refused(day: date) -> None:
    with pytest.raises(TaperError) as caught:
        hold(base_plan(), as_of=day, days=7)
    assert caught.value.field == "as_of"


def test_hold_extends_current_step() -> None:
    plan = base_plan()
    held = hold(plan, as_of=date(2025, 1, 15), days=7)
    # Step 1 (10.8 g) ran 13–19 Jan; now 13–26 Jan; step 2 moves from 20 Jan to 27 Jan.
    assert held.steps[1].start_date == date(2025, 1, 13)
    assert held.steps[1].end_date == date(2025, 1, 26)
    assert held.steps[2].start_date == date(2025, 1, 27)
    assert held.end_date == date(2025, 9, 15)  # 8 Sep + 7 days
    assert dailies(held) == dailies(plan)
    assert held.steps[0] == plan.steps[0]


@pytest.mark.parametrize("days", [0, -1, 366])
def test_hold_needs_a_sensible_number_of_days(days: int) -> None:
    with pytest.raises(TaperError) as caught:
        hold(base_plan(), as_of=date(2025, 1, 15), days=days)
    assert caught.value.field == "days"


def test_reinstate_goes_back_one_step_then_cuts_again_from_there() -> None:
    plan = base_plan()
    back = reinstate(plan, as_of=date(2025, 1, 22))
    # On 22 Jan the person is on step 2 (9.8 g, since 20 Jan). Step 2 now ends on 21 Jan;
    # from 22 Jan they take 10.8 g for one interval (22–28 Jan), then the cuts resume from
    # 10.8: 10.8 × 0.9 = 9.72 → 9.8 (29 Jan), 9.8 × 0.9 = 8.82 → 8.9, ...
    assert back.steps[2].end_date == date(2025, 1, 21)
    reinstated = back.steps[3]
    assert reinstated.kind is StepKind.REINSTATE
    assert (reinstated.start_date, reinstated.end_date) == (date(2025, 1, 22), date(2025, 1, 28))
    assert reinstated.daily_g == Decimal("10.8")
    assert dailies(back)[4:7] == ["9.8", "8.9", "8.1"]
    # The full 9.8 g step used to start on 20 Jan and now starts on 29 Jan, and the same
    # sequence follows it: everything after moves by 9 days (8 Sep → 17 Sep).
    assert back.end_date == plan.end_date + timedelta(days=9)


def test_reinstate_on_the_first_day_of_a_step_replaces_it() -> None:
    back = reinstate(base_plan(), as_of=date(2025, 1, 20))
    assert back.steps[2].kind is StepKind.REINSTATE
    assert back.steps[2].daily_g == Decimal("10.8")
    assert back.steps[2].start_date == date(2025, 1, 20)


def test_reinstate_twice_goes_back_two_steps() -> None:
    once = reinstate(base_plan(), as_of=date(2025, 1, 22))  # back to 10.8 on 22 Jan
    twice = reinstate(once, as_of=date(2025, 1, 24))  # 10.8 is current; back to 12.0
    current = twice.steps[current_step_index(twice, as_of=date(2025, 1, 24))]
    assert current.kind is StepKind.REINSTATE
    assert current.daily_g == Decimal("12.0")


def test_reinstate_during_consolidation_brings_back_the_dose() -> None:
    plan = base_plan(doses_per_day=4, target_doses_per_day=2)
    # Step 0 is 12.0 g in 4 × 3.0; step 1 (13–19 Jan) leaves out one dose: 9.0 g in 3 × 3.0
    # (a 25 % cut). Going back means 12.0 g in 4 doses again (already taken), then 9.0 in 3;
    # leaving out another 3.0 g dose would be 33 %, so then 9.0 × 0.9 = 8.1 in 3 × 2.7.
    back = reinstate(plan, as_of=date(2025, 1, 15))
    assert [step.doses_per_day for step in back.steps[:5]] == [4, 3, 4, 3, 3]
    assert dailies(back)[:5] == ["12.0", "9.0", "12.0", "9.0", "8.1"]


def test_reinstate_during_stabilisation_is_refused() -> None:
    with pytest.raises(TaperError) as caught:
        reinstate(base_plan(), as_of=date(2025, 1, 8))
    assert caught.value.field == "as_of"


def test_slow_with_a_lower_rate_replans_the_rest_from_the_current_amount() -> None:
    slowed = slow(base_plan(), as_of=date(2025, 1, 22), rate_pct=5)
    # Current step 2 (9.8 g, 20–26 Jan) stays; then 5 %: 9.8 × 0.95 = 9.31 → 9.4,
    # 9.4 × 0.95 = 8.93 → 9.0, 9.0 × 0.95 = 8.55 → 8.6.
    assert dailies(slowed)[:6] == ["12.0", "10.8", "9.8", "9.4", "9.0", "8.6"]
    assert slowed.steps[2].end_date == date(2025, 1, 26)
    assert slowed.params.rate_pct == 5


def test_slow_with_a_longer_interval_stretches_the_current_step_too() -> None:
    slowed = slow(base_plan(), as_of=date(2025, 1, 22), interval_days=14)
    # Step 2 started on 20 Jan; with 14-day steps it runs to 2 Feb; 8.9 g starts 3 Feb.
    assert slowed.steps[2].end_date == date(2025, 2, 2)
    assert (slowed.steps[3].start_date, slowed.steps[3].daily_g) == (
        date(2025, 2, 3),
        Decimal("8.9"),
    )
    assert {step.days for step in slowed.steps[3:]} == {14}


def test_slow_linear_with_a_smaller_step() -> None:
    plan = plan_taper(start_g=5, start_date=START, method="linear", step_g=1)
    # 5.0 (stabilisation), 4.0 (13–19 Jan), then 0.5 g steps: 3.5, 3.0, 2.5, ...
    slowed = slow(plan, as_of=date(2025, 1, 14), step_g="0.5")
    assert dailies(slowed)[:5] == ["5.0", "4.0", "3.5", "3.0", "2.5"]


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({}, "rate_pct"),
        ({"rate_pct": 10}, "rate_pct"),  # not lower than now
        ({"rate_pct": 4}, "rate_pct"),  # below the allowed range
        ({"interval_days": 7}, "interval_days"),  # not longer
        ({"step_g": 1}, "step_g"),  # no step in a proportional plan
    ],
)
def test_slow_refuses_changes_that_are_not_slower(changes: dict[str, Any], field: str) -> None:
    with pytest.raises(TaperError) as caught:
        slow(base_plan(), as_of=date(2025, 1, 22), **changes)
    assert caught.value.field == field


def test_slow_occupancy_with_a_lower_rate_gives_gentler_cuts() -> None:
    plan = plan_taper(start_g=10, start_date=START, method="occupancy", ed50_g=10)
    slowed = slow(plan, as_of=date(2025, 1, 14), rate_pct=5)
    assert slowed.end_date > plan.end_date
    assert all(
        new.daily_g >= old.daily_g for new, old in zip(slowed.steps, plan.steps, strict=False)
    )


def check_adjusted(plan: TaperPlan, adjusted: TaperPlan) -> None:
    """What every adjustment keeps: nothing above the start amount (a go-back returns only to
    an amount already planned), no dose above the first step's largest, every cut but the
    final one at most 25 %, and the final step only from below the stop threshold."""
    largest = max(plan.steps[0].dose_g)
    assert all(step.daily_g <= plan.start_g for step in adjusted.steps)
    assert all(max(step.dose_g) <= largest for step in adjusted.steps)
    taken = {step.daily_g for step in plan.steps}
    for before, after in itertools.pairwise(adjusted.steps):
        if after.daily_g > before.daily_g:
            assert after.kind is StepKind.REINSTATE
            assert after.daily_g in taken
        else:
            assert (before.daily_g - after.daily_g) * 4 <= before.daily_g
    assert adjusted.steps[-1].daily_g < plan.params.stop_below_g or len(adjusted.steps) == 1


@st.composite
def plan_and_day(draw: st.DrawFn) -> tuple[TaperPlan, date]:
    method = draw(st.sampled_from(["proportional", "linear", "occupancy"]))
    choices: dict[str, dict[str, Any]] = {
        "proportional": {"rate_pct": draw(st.integers(min_value=6, max_value=25))},
        "linear": {"step_g": draw(st.sampled_from(["0.5", "1", "2"]))},
        "occupancy": {"ed50_g": draw(st.integers(min_value=1, max_value=50))},
    }
    extra = choices[method]
    plan = plan_taper(
        # From 8 g a 2 g linear step is within the 25 % cap.
        start_g=draw(st.decimals(min_value=8, max_value=60, places=1)),
        start_date=START,
        method=method,
        doses_per_day=draw(st.integers(min_value=1, max_value=4)),
        target_doses_per_day=1,
        stabilize_days=draw(st.integers(min_value=0, max_value=10)),
        **extra,
    )
    offset = draw(st.integers(min_value=0, max_value=(plan.end_date - START).days - 1))
    return plan, START + timedelta(days=offset)


@settings(max_examples=100)
@given(plan_and_day(), st.integers(min_value=1, max_value=60))
def test_hold_moves_the_end_by_exactly_the_held_days(
    case: tuple[TaperPlan, date], days: int
) -> None:
    plan, day = case
    held = hold(plan, as_of=day, days=days)
    assert held.end_date == plan.end_date + timedelta(days=days)
    assert [s.daily_g for s in held.steps] == [s.daily_g for s in plan.steps]
    current = current_step_index(plan, as_of=day)
    assert held.steps[:current] == plan.steps[:current]
    check_adjusted(plan, held)


@settings(max_examples=100)
@given(plan_and_day())
def test_reinstate_keeps_history_and_never_increases_after_going_back(
    case: tuple[TaperPlan, date],
) -> None:
    plan, day = case
    current = current_step_index(plan, as_of=day)
    if current == 0:
        # Nothing earlier is higher (the first step): refused, naming the day.
        with pytest.raises(TaperError) as caught:
            reinstate(plan, as_of=day)
        assert caught.value.field == "as_of"
        return
    back = reinstate(plan, as_of=day)
    assert back.steps[:current] == plan.steps[:current]
    new = back.steps[current_step_index(back, as_of=day)]
    assert new.kind is StepKind.REINSTATE
    assert new.start_date == day
    previous = plan.steps[current - 1]
    assert (new.daily_g, new.doses_per_day) == (previous.daily_g, previous.doses_per_day)
    later = back.steps[new.index :]
    assert all(b.daily_g <= a.daily_g for a, b in itertools.pairwise(later))
    assert back.end_date > plan.end_date
    check_adjusted(plan, back)


@settings(max_examples=100)
@given(plan_and_day(), st.integers(min_value=8, max_value=28))
def test_slow_never_ends_earlier_and_keeps_history(
    case: tuple[TaperPlan, date], interval: int
) -> None:
    plan, day = case
    params = plan.params
    changes: dict[str, Any] = {"interval_days": interval}
    if params.rate_pct is not None and params.rate_pct > 5:
        changes = {"rate_pct": params.rate_pct - 1}
    slowed = slow(plan, as_of=day, **changes)
    current = current_step_index(plan, as_of=day)
    assert slowed.steps[:current] == plan.steps[:current]
    assert slowed.steps[current].daily_g == plan.steps[current].daily_g
    if params.method != "occupancy" or "interval_days" in changes:
        # An occupancy schedule with a smaller ΔO lands on different grams, so its end can
        # move a step either way; its cuts are gentler in occupancy, not always in days.
        assert slowed.end_date >= plan.end_date
    check_adjusted(plan, slowed)
