"""Rounding to what a scale or a capsule can deliver."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stepdown.core.units import is_multiple_of, round_down_to, round_to, round_up_to

STEPS = st.sampled_from(
    [Decimal("0.1"), Decimal("0.05"), Decimal("0.5"), Decimal("0.25"), Decimal(1)]
)
AMOUNTS = st.decimals(min_value=Decimal(0), max_value=Decimal(1000), places=4)


def test_known_roundings() -> None:
    assert round_up_to(Decimal("9.72"), Decimal("0.1")) == Decimal("9.8")
    assert round_down_to(Decimal("9.72"), Decimal("0.1")) == Decimal("9.7")
    assert round_to(Decimal("0.525"), Decimal("0.01")) == Decimal("0.52")  # tie to even
    assert round_up_to(Decimal("1.2"), Decimal("0.5")) == Decimal("1.5")  # capsules of 0.5 g
    assert round_up_to(Decimal(0), Decimal("0.1")) == 0


def test_a_zero_step_is_refused() -> None:
    with pytest.raises(ValueError, match="greater than zero"):
        round_up_to(Decimal(1), Decimal(0))


@settings(max_examples=300)
@given(value=AMOUNTS, step=STEPS)
def test_rounding_up_gives_the_smallest_multiple_not_below(value: Decimal, step: Decimal) -> None:
    rounded = round_up_to(value, step)
    assert is_multiple_of(rounded, step)
    assert value <= rounded < value + step


@settings(max_examples=300)
@given(value=AMOUNTS, step=STEPS)
def test_rounding_down_gives_the_largest_multiple_not_above(value: Decimal, step: Decimal) -> None:
    rounded = round_down_to(value, step)
    assert is_multiple_of(rounded, step)
    assert value - step < rounded <= value


@settings(max_examples=300)
@given(value=AMOUNTS, step=STEPS)
def test_rounding_is_idempotent(value: Decimal, step: Decimal) -> None:
    once = round_to(value, step)
    assert round_to(once, step) == once
    assert abs(once - value) <= step / 2
