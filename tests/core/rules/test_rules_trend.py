"""Use trending up: the last 7 complete days against the 7 before, by the one averaging rule."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from stepdown.core.rules import DayTotal, use_rising
from stepdown.core.rules.trend import RISE

TODAY = date(2026, 12, 2)  # a Wednesday


def _fortnight(earlier: str, recent: str, *, today_g: str = "0") -> list[DayTotal]:
    """14 complete days (7 at ``earlier`` g, then 7 at ``recent`` g) and today."""
    days = []
    for back in range(14, 0, -1):
        grams = Decimal(earlier if back > 7 else recent)
        days.append(DayTotal(day=TODAY - timedelta(days=back), total_g=grams, dose_count=1))
    days.append(DayTotal(day=TODAY, total_g=Decimal(today_g), dose_count=int(today_g != "0")))
    return days


def test_plus_80_percent_in_two_weeks_is_pointed_out() -> None:
    # 2.5 g a day, then 4.5 g a day: 4.5 / 2.5 = 1.8, +80 %.
    (alert,) = use_rising(
        days=_fortnight("2.5", "4.5"), journal_start=TODAY - timedelta(days=14), today=TODAY
    )
    assert alert.code == "use_rising"
    assert "4.5 g a day, 80 % more than the 2.5 g a day" in alert.explanation
    assert alert.cause_key == "week:2026-11-30"  # once per calendar week


def test_a_rise_below_the_threshold_is_quiet() -> None:
    # 2 g then 2.9 g: +45 %, below the 50 % assumption.
    assert (
        use_rising(
            days=_fortnight("2", "2.9"), journal_start=TODAY - timedelta(days=14), today=TODAY
        )
        == ()
    )


def test_today_does_not_count_and_a_short_journal_is_quiet() -> None:
    # A heavy morning today changes nothing: today is not over.
    assert (
        use_rising(
            days=_fortnight("3", "3", today_g="20"),
            journal_start=TODAY - timedelta(days=14),
            today=TODAY,
        )
        == ()
    )
    # Only 13 complete days: the earlier week is not whole.
    assert (
        use_rising(days=_fortnight("1", "5"), journal_start=TODAY - timedelta(days=13), today=TODAY)
        == ()
    )


@given(
    earlier=st.integers(min_value=1, max_value=200), recent=st.integers(min_value=0, max_value=400)
)
def test_the_rule_fires_exactly_at_half_again(earlier: int, recent: int) -> None:
    days = _fortnight(str(Decimal(earlier) / 10), str(Decimal(recent) / 10))
    fired = bool(use_rising(days=days, journal_start=TODAY - timedelta(days=14), today=TODAY))
    # Independent check in whole tenths of a gram: recent ≥ 1.5 × earlier and ≥ 1 g a day.
    assert fired == (recent * 2 >= earlier * 3 and recent >= 10)
    assert Decimal("0.5") == RISE
