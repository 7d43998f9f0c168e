"""Amounts and rounding to what a scale or a capsule can deliver.

Amounts are ``Decimal`` so that "a multiple of 0.1 g" is exact; floats would turn 0.3 g into
0.30000000000000004 g and break equality with a scale's reading.
"""

from __future__ import annotations

from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_EVEN, Decimal
from enum import StrEnum


class DoseUnit(StrEnum):
    """How a person measured a dose."""

    GRAM = "g"
    MILLIGRAM = "mg"
    CAPSULE = "capsule"
    MILLILITRE = "ml"


MG_PER_G = Decimal(1000)


def to_decimal(value: Decimal | float | int | str) -> Decimal:
    """Exact decimal for ``value``; floats go through ``str`` so 0.1 stays 0.1."""
    if isinstance(value, Decimal):
        return value
    return Decimal(str(value))


def _quantise(value: Decimal, step: Decimal, rounding: str) -> Decimal:
    if step <= 0:
        raise ValueError("the rounding step must be greater than zero")
    units = (value / step).to_integral_value(rounding=rounding)
    return units * step if units else Decimal(0)


def round_up_to(value: Decimal, step: Decimal) -> Decimal:
    """Smallest multiple of ``step`` that is at least ``value``."""
    return _quantise(value, step, ROUND_CEILING)


def round_down_to(value: Decimal, step: Decimal) -> Decimal:
    """Largest multiple of ``step`` that is at most ``value``."""
    return _quantise(value, step, ROUND_FLOOR)


def round_to(value: Decimal, step: Decimal) -> Decimal:
    """Nearest multiple of ``step`` (ties to even, so repeated rounding does not drift)."""
    return _quantise(value, step, ROUND_HALF_EVEN)


def is_multiple_of(value: Decimal, step: Decimal) -> bool:
    """Whether ``value`` is an exact multiple of ``step``."""
    if step <= 0:
        raise ValueError("the step must be greater than zero")
    return value % step == 0
