"""Tolerance signals and the ``escalation`` alert, at their thresholds and with little data.

Layout used throughout: the journal starts on day 0, ``today`` is day 34, so the baseline is days
0–27 (28 days) and the recent week is days 28–34 (7 days).
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from stepdown.core.rules import DayTotal, escalation_alerts, tolerance_signals
from stepdown.core.rules.tolerance import SignalKind

START = date(2025, 1, 6)
TODAY = 34


def day(offset: int) -> date:
    return START + timedelta(days=offset)


def total(offset: int, grams: str, doses: int = 1) -> DayTotal:
    return DayTotal(day=day(offset), total_g=Decimal(grams), dose_count=doses)


def history(baseline_g: str, recent: list[str], *, first: int = 0) -> list[DayTotal]:
    """Every baseline day (``first``..27) at ``baseline_g``, then the 7 recent days as given."""
    days = [total(offset, baseline_g) for offset in range(first, 28)]
    days += [total(28 + index, grams) for index, grams in enumerate(recent)]
    return days


def kinds(days: list[DayTotal], *, journal_start: int = 0, today: int = TODAY) -> set[SignalKind]:
    found = tolerance_signals(days=days, journal_start=day(journal_start), today=day(today))
    return {signal.kind for signal in found}


# --- 7-day average at least 20 % above the previous 28 days' ------------------------------------


def test_average_exactly_20_percent_above_baseline_is_a_signal() -> None:
    # Baseline 28 × 2 g = 56 g, 2.0 g a day. Recent 7 × 2.4 g = 16.8 g, 2.4 g a day = 1.2 × 2.0.
    assert SignalKind.AVERAGE_RISE in kinds(history("2", ["2.4"] * 7))


def test_average_just_under_20_percent_above_baseline_is_not() -> None:
    # Recent 6 × 2.4 + 2.3 = 16.7 g, 2.386 g a day, 19.3 % above 2.0.
    assert SignalKind.AVERAGE_RISE not in kinds(history("2", ["2.4"] * 6 + ["2.3"]))


def test_a_stable_pattern_raises_nothing() -> None:
    assert kinds(history("2", ["2"] * 7)) == set()


def test_a_fall_in_use_raises_nothing() -> None:
    assert kinds(history("4", ["2"] * 7)) == set()


def test_the_average_rise_alert_states_both_averages() -> None:
    (alert,) = escalation_alerts(days=history("2", ["3"] * 7), journal_start=day(0), today=day(34))
    # 3.0 g versus 2.0 g a day: 50 % more.
    assert alert.code == "escalation"
    assert alert.cause_key == "average_rise"
    assert "3 g" in alert.explanation
    assert "2 g" in alert.explanation
    assert "50 %" in alert.explanation


# --- minimum-data rule ---------------------------------------------------------------------------


def test_no_signal_until_the_journal_covers_35_days() -> None:
    # Journal from day 1: days 1–34 are only 34 days, one short of 7 + 28.
    days = history("2", ["4"] * 7, first=1)
    assert kinds(days, journal_start=1) == set()


def test_the_same_rise_is_a_signal_once_the_journal_covers_35_days() -> None:
    days = history("2", ["4"] * 7, first=0)
    assert SignalKind.AVERAGE_RISE in kinds(days, journal_start=0)


def test_the_first_weeks_never_raise_tolerance_alerts() -> None:
    # A 10-day-old journal with use doubling every few days and daily use throughout.
    days = [total(offset, str(1 + offset), doses=1 + offset // 3) for offset in range(10)]
    assert escalation_alerts(days=days, journal_start=day(0), today=day(9)) == ()


def test_baseline_needs_four_days_of_use() -> None:
    # Three baseline days of 1 g, then 3 g a day: too little baseline to compare with.
    days = [total(offset, "1") for offset in (3, 10, 17)] + history("0", [], first=28)
    days += [total(28 + index, "3") for index in range(7)]
    assert SignalKind.AVERAGE_RISE not in kinds(days)
    with_fourth = [*days, total(24, "1")]
    assert SignalKind.AVERAGE_RISE in kinds(with_fourth)


def test_days_before_the_journal_started_are_ignored() -> None:
    # Entries dated before journal_start (e.g. imported) do not make a baseline.
    days = history("2", ["4"] * 7)
    assert kinds(days, journal_start=1) == set()


# --- doses per day rising ----------------------------------------------------------------------


def doses_history(baseline_doses: int, recent_doses: list[int]) -> list[DayTotal]:
    days = [total(offset, "2", doses=baseline_doses) for offset in range(28)]
    days += [total(28 + index, "2", doses=count) for index, count in enumerate(recent_doses)]
    return days


def test_one_more_dose_a_day_on_average_is_a_signal() -> None:
    # Baseline 2 doses a day; recent 3 a day: 3 − 2 = 1.
    found = kinds(doses_history(2, [3] * 7))
    assert found == {SignalKind.DOSES_PER_DAY_RISING}


def test_less_than_one_more_dose_a_day_is_not() -> None:
    # Recent (6 × 3 + 2) / 7 = 20/7 = 2.857 doses a day; 0.857 more than 2.
    assert kinds(doses_history(2, [3] * 6 + [2])) == set()


def test_doses_signal_needs_three_recent_days_of_use() -> None:
    days = [total(offset, "2", doses=2) for offset in range(28)]
    days += [total(33, "2", doses=6), total(34, "2", doses=6)]
    assert SignalKind.DOSES_PER_DAY_RISING not in kinds(days)
    days.append(total(32, "2", doses=6))
    assert SignalKind.DOSES_PER_DAY_RISING in kinds(days)


# --- a run of daily use longer than usual ------------------------------------------------------

# An occasional pattern: pairs of days (2 in a row at most) in the 28 days before day 30.
PAIRS = [total(offset, "2") for offset in (2, 3, 9, 10, 16, 17, 23, 24)]


def test_three_days_in_a_row_after_pairs_is_a_signal() -> None:
    days = [*PAIRS, total(30, "2"), total(31, "2"), total(32, "2")]
    (signal,) = tolerance_signals(days=days, journal_start=day(0), today=day(32))
    assert signal.kind is SignalKind.DAILY_RUN
    assert signal.run_start == day(30)
    assert (signal.recent, signal.baseline) == (Decimal(3), Decimal(2))


def test_two_days_in_a_row_is_not_a_signal() -> None:
    days = [*PAIRS, total(30, "2"), total(31, "2")]
    assert kinds(days, today=31) == set()


def test_a_run_no_longer_than_the_usual_longest_is_not_a_signal() -> None:
    # Baseline holds a 3-day run (days 9–11); a new 3-day run is not longer than usual.
    days = [*PAIRS, total(11, "2"), total(30, "2"), total(31, "2"), total(32, "2")]
    assert kinds(days, today=32) == set()
    days.append(total(33, "2"))
    assert kinds(days, today=33) == {SignalKind.DAILY_RUN}


def test_a_run_through_yesterday_is_still_current_early_today() -> None:
    days = [*PAIRS, total(30, "2"), total(31, "2"), total(32, "2")]
    assert kinds(days, today=33) == {SignalKind.DAILY_RUN}
    # Two days without use: the run is over. (The week's average is still up: 3 × 2 g / 7 =
    # 0.86 g a day against 8 × 2 g / 28 = 0.57 g, so only the run signal is checked here.)
    assert SignalKind.DAILY_RUN not in kinds(days, today=34)


def test_a_run_needs_28_journal_days_before_it_began() -> None:
    # The run starts on day 27; 27 − 28 = day −1 is before the journal began.
    days = [total(offset, "2") for offset in (2, 3, 9, 10, 16, 17, 27, 28, 29)]
    assert kinds(days, today=29) == set()


def test_the_run_alert_is_keyed_to_the_day_the_run_began() -> None:
    days = [*PAIRS, total(30, "2"), total(31, "2"), total(32, "2")]
    (alert,) = escalation_alerts(days=days, journal_start=day(0), today=day(32))
    assert alert.cause_key == f"daily_run:{day(30).isoformat()}"
    assert "3 days in a row" in alert.explanation


def test_two_days_in_a_row_is_not_a_signal_even_after_single_days() -> None:
    # Usual longest run 1 (single days 2, 9, 16, 23); a weekend pair is longer, but under 3.
    singles = [total(offset, "2") for offset in (2, 9, 16, 23)]
    days = [*singles, total(30, "2"), total(31, "2")]
    assert kinds(days, today=31) == set()
    assert kinds([*days, total(32, "2")], today=32) == {SignalKind.DAILY_RUN}
