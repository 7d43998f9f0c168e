"""core/numbers.py: a number rounded and written as people read it, checked against an
independent computation with exact fractions (half to even, as Python's ``round`` does)."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from stepdown.core.numbers import formatted, plain, with_mark


def _expected(value: Decimal, places: int) -> str:
    scaled = round(Fraction(value) * 10**places)  # half to even on the exact value
    whole, part = divmod(abs(scaled), 10**places)
    digits = f"{part:0{places}d}".rstrip("0") if places else ""
    sign = "-" if scaled < 0 else ""
    return f"{sign}{whole}" + (f".{digits}" if digits else "")


@given(
    st.decimals(min_value=-(10**9), max_value=10**9, allow_nan=False, allow_infinity=False),
    st.integers(min_value=0, max_value=4),
)
def test_rounding_matches_exact_arithmetic_from_tiny_to_huge(value: Decimal, places: int) -> None:
    assert plain(value, places) == _expected(value, places)


@pytest.mark.parametrize(
    ("value", "places", "text"),
    [
        (0, 2, "0"),
        (Decimal("0.000"), 2, "0"),
        (-0.001, 2, "0"),  # never "-0"
        (2.5, 0, "2"),  # half to even
        (3.5, 0, "4"),
        (9.50, 2, "9.5"),
        (10, 2, "10"),
        (1e-9, 3, "0"),
        (123456789.125, 2, "123456789.12"),
        ("not a number", 2, None),
        (float("nan"), 2, None),
        (float("inf"), 2, None),
    ],
)
def test_edges(value: object, places: int, text: str | None) -> None:
    assert plain(value, places) == text


def test_the_decimal_mark_follows_the_language() -> None:
    assert with_mark("-9.5", "fr") == "-9,5"
    assert with_mark("9.5", "fr-CA") == "9,5"
    assert with_mark("9.5", "en") == "9.5"
    assert with_mark("9.5", "de") == "9.5"  # a language Stepdown does not speak: English's mark
    assert formatted(9.5, ".2f", "fr") == "9,50"
