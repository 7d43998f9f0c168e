"""Today's numbers written in Python (``today.numbers``) are the cards the template wrote: the
template they replace is kept as the reference (``numbers_reference.html``), and both are
rendered for days with and without doses, estimates, lab values and averages, in English and
French, in the person's zone.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from django.template import engines
from django.utils import timezone, translation

from stepdown.journal.selectors import TodaySummary
from stepdown.today.numbers import numbers_html

# The cards as templates/today/today.html wrote them before they were written in Python.
REFERENCE = engines["django"].from_string(
    "{% load i18n stepdown %}" + (Path(__file__).parent / "numbers_reference.html").read_text()
)

LAST = dt.datetime(2026, 3, 6, 21, 5, tzinfo=dt.UTC)
DAY = dt.date(2026, 3, 6)


def _summary(**changes: Any) -> TodaySummary:
    values: dict[str, Any] = {
        "date": DAY,
        "total_g": Decimal("12.500"),
        "dose_count": 5,
        "mitragynine_mg": Decimal("180.5"),
        "mitragynine_estimated": False,
        "last_dose_at": LAST,
        "avg_7d_g": Decimal("10.94"),
        "avg_28d_g": Decimal("11.05"),
        "first_day": DAY,
        "chart": (),
        "rolling_7d_g": (),
    }
    return TodaySummary(**(values | changes))


DAYS = {
    "usual": {},
    "one dose, estimated": {"dose_count": 1, "mitragynine_estimated": True},
    "estimated, no figure": {"mitragynine_mg": None, "mitragynine_estimated": True},
    "no doses yet": {
        "total_g": Decimal(0),
        "dose_count": 0,
        "mitragynine_mg": None,
        "last_dose_at": None,
        "avg_7d_g": None,
        "avg_28d_g": None,
    },
    "half up and thousands": {"mitragynine_mg": Decimal("1234.5"), "total_g": Decimal("0.125")},
}


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("day", DAYS.values(), ids=DAYS.keys())
def test_the_cards_are_written_as_the_template_wrote_them(
    day: dict[str, Any], language: str
) -> None:
    summary = _summary(**day)
    since_last = dt.timedelta(hours=3, minutes=7) if summary.last_dose_at else None
    with translation.override(language), timezone.override("America/Chicago"):
        expected = REFERENCE.render({"summary": summary, "since_last": since_last})
        assert numbers_html(summary, since_last) == expected


def test_the_cards_say_what_the_day_was() -> None:
    """Known answers: the total, the count, the estimate and the time in Chicago."""
    with timezone.override("America/Chicago"):
        html = numbers_html(_summary(mitragynine_estimated=True), dt.timedelta(minutes=45))
    assert "12.5 g" in html
    assert "5 doses" in html
    assert "≈ 181 mg" in html  # half up, as the floatformat filter rounds
    assert "at Fri 15:05" in html
    assert "45 min" in html
    assert "10.9 g" in html
    assert "28 days: 11 g" in html  # 11.05 to one place, ties to even as the journal rounds
