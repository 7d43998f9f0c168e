"""Impossible parameters raise TaperError naming the field; the start check guards increases."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

import pytest

from stepdown.core.tapering import (
    TAPER_METHODS,
    TaperError,
    check_start_against_recent,
    get_method,
    plan_taper,
)

START = date(2025, 1, 6)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"start_g": 0}, "start_g"),
        ({"start_g": -3}, "start_g"),
        ({"start_g": "abc"}, "start_g"),
        ({"start_g": "NaN"}, "start_g"),
        ({"start_g": "Infinity"}, "start_g"),
        ({"start_g": 5000}, "start_g"),
        ({"start_g": "0.05"}, "start_g"),  # less than one 0.1 g unit
        ({"method": "cold-turkey"}, "method"),
        ({"rate_pct": "4.9"}, "rate_pct"),
        ({"rate_pct": "25.1"}, "rate_pct"),
        ({"resolution_g": 0}, "resolution_g"),
        ({"resolution_g": "-0.1"}, "resolution_g"),
        ({"resolution_g": "0.0001"}, "resolution_g"),
        ({"interval_days": 6}, "interval_days"),
        ({"interval_days": 0}, "interval_days"),
        ({"stabilize_days": -1}, "stabilize_days"),
        ({"stop_below_g": "-0.1"}, "stop_below_g"),
        ({"doses_per_day": 0}, "doses_per_day"),
        ({"doses_per_day": 2, "target_doses_per_day": 3}, "target_doses_per_day"),
        ({"step_g": 1}, "step_g"),  # step_g does not apply to the proportional method
        ({"ed50_g": 5}, "ed50_g"),
        ({"method": "linear"}, "step_g"),  # linear needs a step
        ({"method": "linear", "rate_pct": 10, "step_g": 1}, "rate_pct"),
        ({"method": "linear", "step_g": "0.04"}, "step_g"),  # rounds to zero
        ({"method": "linear", "step_g": "0.1", "start_g": 500}, "step_g"),  # > 1000 steps
        ({"method": "occupancy"}, "ed50_g"),
        ({"method": "occupancy", "ed50_g": 0}, "ed50_g"),
        (
            {"method": "occupancy", "ed50_g": "0.5", "start_g": 1000, "resolution_g": "0.01"},
            "ed50_g",
        ),
        ({"start_date": datetime(2025, 1, 6, 8, 0)}, "start_date"),
        ({"start_date": date(9999, 12, 1)}, "start_date"),
        ({"start_g": "0.4", "stabilize_days": 0}, "start_g"),  # below the threshold at once
    ],
)
def test_impossible_parameters_name_their_field(changes: dict[str, Any], field: str) -> None:
    arguments: dict[str, Any] = {"start_g": 12, "start_date": START, **changes}
    with pytest.raises(TaperError) as caught:
        plan_taper(**arguments)
    assert caught.value.field == field
    assert str(caught.value)  # a message a person can read


def test_taper_error_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="unknown method"):
        get_method("nope")


def test_registry_lists_the_three_methods() -> None:
    assert set(TAPER_METHODS) == {"proportional", "linear", "occupancy"}


def test_rate_limits_are_inclusive() -> None:
    for rate in ("5", "25"):
        plan = plan_taper(start_g=12, start_date=START, rate_pct=rate, stabilize_days=0)
        # 5 %: 12 × 0.95 = 11.4;  25 %: 12 × 0.75 = 9.0
        assert plan.steps[0].daily_g == {"5": Decimal("11.4"), "25": Decimal("9.0")}[rate]


def test_start_above_recent_average_needs_confirmation() -> None:
    with pytest.raises(TaperError) as caught:
        check_start_against_recent(start_g="12.5", recent_avg_g="11.857", confirmed=False)
    assert caught.value.field == "start_g"
    assert "11.86" in str(caught.value)


def test_start_above_recent_average_is_allowed_once_confirmed() -> None:
    check_start_against_recent(start_g="12.5", recent_avg_g="11.857", confirmed=True)


@pytest.mark.parametrize("start", ["11.857", "10", "0.1"])
def test_start_at_or_below_recent_average_passes(start: str) -> None:
    check_start_against_recent(start_g=start, recent_avg_g="11.857", confirmed=False)


def test_without_a_recent_average_there_is_nothing_to_check() -> None:
    check_start_against_recent(start_g=40, recent_avg_g=None, confirmed=False)


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        # Stopping from more than 2 g a day is refused, however the plan is set up.
        ({"stop_below_g": "2.1"}, "stop_below_g", "at most 2 g"),
        ({"stop_below_g": 14}, "stop_below_g", "at most 2 g"),
        # With a 0.1 g scale, 0.3 → 0.2 g would be a 33 % cut: stop below at least 0.4 g.
        ({"stop_below_g": "0.3"}, "stop_below_g", "at least 0.4 g"),
        ({"stop_below_g": 0}, "stop_below_g", "at least 0.4 g"),
        # 0.7 g capsules: 3 → 2 capsules (2.1 → 1.4 g) is 33 % and 2.1 g is above 2 g.
        ({"resolution_g": "0.7"}, "resolution_g", "finer scale"),
        # A linear step above 25 % of the start: 12 g allows at most 3 g.
        ({"method": "linear", "step_g": 4}, "step_g", "largest allowed step is 3.0 g"),
        ({"method": "linear", "step_g": "10.8"}, "step_g", "largest allowed step is 3.0 g"),
    ],
)
def test_steps_beyond_the_cap_are_refused_with_the_limit(
    changes: dict[str, Any], field: str, words: str
) -> None:
    with pytest.raises(TaperError) as caught:
        plan_taper(**{"start_g": 12, "start_date": START, **changes})
    assert caught.value.field == field
    assert words in caught.value.message


def test_a_linear_step_of_exactly_a_quarter_is_allowed() -> None:
    plan = plan_taper(start_g=12, start_date=START, method="linear", step_g=3)
    assert plan.steps[1].daily_g == Decimal("9.0")
