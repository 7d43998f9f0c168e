"""Template filters that turn numbers into what people read."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.conf import settings
from django.utils.formats import number_format
from django.utils.translation import override

from stepdown.web.templatetags.stepdown import elapsed, num


@pytest.mark.parametrize(
    ("value", "places", "shown"),
    [
        (Decimal("2.50"), 2, "2.5"),
        (Decimal("12.000"), 3, "12"),
        (Decimal("0.525"), 2, "0.52"),  # ties to even, like the journal's rounding
        (12.34567, 1, "12.3"),
        (None, 2, "—"),
        (Decimal("100"), 2, "100"),
    ],
)
def test_num_drops_trailing_zeros(value: object, places: int, shown: str) -> None:
    assert num(value, places) == shown


@pytest.mark.parametrize(
    ("minutes", "shown"),
    [(0, "0 min"), (45, "45 min"), (146, "2 h 26 min"), (60 * 24 * 3 + 4 * 60 + 5, "3 d 4 h")],
)
def test_elapsed_is_short(minutes: int, shown: str) -> None:
    assert elapsed(dt.timedelta(minutes=minutes)) == shown
    assert elapsed(None) == "—"


@pytest.mark.parametrize("language", [code for code, _name in settings.LANGUAGES])
@pytest.mark.parametrize(
    "value", [Decimal("2.5"), Decimal("-0.25"), Decimal("12345.678"), 0, 1234567, 0.1]
)
def test_num_writes_what_djangos_number_format_writes(language: str, value: object) -> None:
    """Each language's decimal mark and no digit grouping, as Django's formats have them."""
    with override(language):
        rounded = Decimal(str(value)).quantize(Decimal("0.001")).normalize()
        assert num(value, 3) == number_format(rounded)
