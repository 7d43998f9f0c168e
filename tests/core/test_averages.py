"""The one averaging rule: days from the first dose on, today left out."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from stepdown.core.averages import daily_average

TODAY = dt.date(2026, 12, 2)


def _days(grams: list[str], *, last: dt.date) -> list[tuple[dt.date, Decimal]]:
    first = last - dt.timedelta(days=len(grams) - 1)
    return [(first + dt.timedelta(days=n), Decimal(g)) for n, g in enumerate(grams)]


def test_seven_days_at_11_8_g_average_11_8_g_in_a_90_day_window() -> None:
    # 83 days before the journal began, 7 days at 11.8 g, and today with nothing yet.
    window = _days(["0"] * 83 + ["11.8"] * 7 + ["0"], last=TODAY)
    found = daily_average(window, first_day=TODAY - dt.timedelta(days=7), today=TODAY)
    assert found is not None
    assert (found.days, found.total_g, found.g_per_day) == (7, Decimal("82.6"), Decimal("11.80"))


def test_today_is_left_out_even_when_it_has_doses() -> None:
    window = _days(["4", "4", "30"], last=TODAY)
    found = daily_average(window, first_day=TODAY - dt.timedelta(days=2), today=TODAY)
    assert found is not None
    assert found.g_per_day == Decimal("4.00")


def test_a_day_without_doses_after_the_first_dose_counts_as_zero() -> None:
    window = _days(["6", "0", "0"], last=TODAY - dt.timedelta(days=1))
    found = daily_average(window, first_day=TODAY - dt.timedelta(days=3), today=TODAY)
    assert found is not None
    assert found.g_per_day == Decimal("2.00")


def test_no_journal_or_only_today_gives_no_average() -> None:
    assert daily_average(_days(["3"], last=TODAY), first_day=None, today=TODAY) is None
    assert daily_average(_days(["3"], last=TODAY), first_day=TODAY, today=TODAY) is None


@given(
    tenths=st.lists(st.integers(min_value=0, max_value=1000), min_size=1, max_size=60),
    lead=st.integers(min_value=0, max_value=30),
)
def test_days_before_the_first_dose_never_change_the_average(tenths: list[int], lead: int) -> None:
    """Padding the window with days before the journal began changes nothing."""
    grams = [Decimal(t) / 10 for t in tenths]
    yesterday = TODAY - dt.timedelta(days=1)
    journal = _days([str(g) for g in grams], last=yesterday)
    first_day = journal[0][0]
    padded = _days(["0"] * lead, last=first_day - dt.timedelta(days=1)) if lead else []
    plain = daily_average(journal, first_day=first_day, today=TODAY)
    wide = daily_average(padded + journal, first_day=first_day, today=TODAY)
    assert plain == wide
    assert plain is not None
    assert plain.days == len(grams)
    assert min(grams) <= plain.total_g / plain.days <= max(grams)
