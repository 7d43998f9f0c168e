"""Goals and limits: each limit at, just below and just above its threshold, in local time."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from stepdown.core.rules import (
    DayTotal,
    DoseEvent,
    Limits,
    day_totals,
    dose_in_zone,
    doses_too_close,
    late_use,
    off_day_use,
    over_daily_limit,
    past_goal_end,
    too_many_days,
)
from stepdown.core.rules.limits import is_late, week_start

NEW_YORK = ZoneInfo("America/New_York")
BERLIN = ZoneInfo("Europe/Berlin")
MONDAY = date(2025, 3, 3)


def day(offset: int) -> date:
    return MONDAY + timedelta(days=offset)


def used(offset: int, grams: str = "2") -> DayTotal:
    return DayTotal(day=day(offset), total_g=Decimal(grams), dose_count=1)


def local(y: int, mo: int, d: int, h: int, mi: int = 0, zone: ZoneInfo = NEW_YORK) -> DoseEvent:
    return DoseEvent(taken_at=datetime(y, mo, d, h, mi, tzinfo=zone), dose_g=Decimal(1))


# --- at most X g a day -------------------------------------------------------------------------


def test_exactly_the_daily_limit_is_within_it() -> None:
    assert over_daily_limit(days=[used(0, "3.0")], limits=Limits(max_g_per_day=Decimal(3))) == ()


def test_a_tenth_of_a_gram_over_the_daily_limit_nudges() -> None:
    (alert,) = over_daily_limit(days=[used(0, "3.1")], limits=Limits(max_g_per_day=Decimal(3)))
    assert alert.code == "over_daily_limit"
    assert alert.cause_key == "day:2025-03-03"
    assert "3.1 g" in alert.explanation
    assert "3 g" in alert.explanation


def test_no_daily_limit_set_means_no_nudge() -> None:
    assert over_daily_limit(days=[used(0, "40")], limits=Limits()) == ()


# --- at most Y days a week ---------------------------------------------------------------------


def test_three_days_in_a_week_is_within_a_three_day_limit() -> None:
    days = [used(0), used(1), used(2)]
    assert too_many_days(days=days, limits=Limits(max_days_per_week=3)) == ()


def test_a_fourth_day_in_seven_nudges_for_the_days_beyond_the_limit() -> None:
    days = [used(0), used(1), used(2), used(3), used(4)]
    alerts = too_many_days(days=days, limits=Limits(max_days_per_week=3))
    # Thu 6 March is the 4th day of use within 7 days, Fri 7 March the 5th.
    assert [a.cause_key for a in alerts] == ["day:2025-03-06", "day:2025-03-07"]
    assert "on 5 days" in alerts[-1].explanation


def test_ten_days_in_a_row_are_pointed_out_on_the_sixth_day_whatever_the_weekday() -> None:
    """Counted per calendar week, a run from Wednesday under a 5-day limit was first flagged on
    the Saturday after next (the 11th day); a rolling 7 days flags the 6th day of use."""
    days = [used(n) for n in range(2, 12)]  # Wed 5 March to Fri 14 March
    alerts = too_many_days(days=days, limits=Limits(max_days_per_week=5))
    assert alerts[0].cause_key == "day:2025-03-10"  # the 6th day of use in a row
    assert len(alerts) == 5  # the 6th to the 10th day each make 6 or 7 days within 7


def test_a_one_day_limit_says_day_not_days() -> None:
    """Regression: "your goal is at most 1 days a week"."""
    (alert,) = too_many_days(days=[used(0), used(1)], limits=Limits(max_days_per_week=1))
    assert alert.explanation == (
        "In the 7 days to 4 March you used kratom on 2 days. Your goal is at most 1 day a week. "
        "Days without kratom help keep tolerance from building."
    )


def test_a_two_day_limit_says_days() -> None:
    alerts = too_many_days(days=[used(0), used(1), used(2)], limits=Limits(max_days_per_week=2))
    assert "you used kratom on 3 days. Your goal is at most 2 days a week." in alerts[0].explanation


def test_a_no_use_goal_says_one_day_of_use_and_zero_days() -> None:
    """With a limit of 0 a single day of use is over it: "on 1 day", "at most 0 days"."""
    (alert,) = too_many_days(days=[used(0)], limits=Limits(max_days_per_week=0))
    assert "you used kratom on 1 day. Your goal is at most 0 days a week." in alert.explanation


def test_days_across_a_monday_still_count_together() -> None:
    # Sun 9 March and Mon 10–Wed 12 March: 4 days within 7, above a 3-day limit.
    days = [used(6), used(7), used(8), used(9)]
    (alert,) = too_many_days(days=days, limits=Limits(max_days_per_week=3))
    assert alert.cause_key == "day:2025-03-12"


def test_days_eight_days_apart_do_not_count_together() -> None:
    days = [used(0), used(1), used(2), used(9)]
    assert too_many_days(days=days, limits=Limits(max_days_per_week=3)) == ()


def test_week_start_of_a_sunday_is_the_monday_before() -> None:
    assert week_start(date(2025, 3, 9)) == date(2025, 3, 3)


def test_days_without_use_do_not_count_towards_the_week() -> None:
    empty = DayTotal(day=day(3), total_g=Decimal(0), dose_count=0)
    days = [used(0), used(1), used(2), empty]
    assert too_many_days(days=days, limits=Limits(max_days_per_week=3)) == ()


# --- at least Z hours between doses ------------------------------------------------------------


def test_exactly_the_minimum_gap_is_allowed() -> None:
    doses = [local(2025, 3, 4, 8), local(2025, 3, 4, 12)]
    assert doses_too_close(doses=doses, limits=Limits(min_hours_between=Decimal(4))) == ()


def test_a_minute_short_of_the_minimum_gap_nudges() -> None:
    doses = [local(2025, 3, 4, 8), local(2025, 3, 4, 11, 59)]
    (alert,) = doses_too_close(doses=doses, limits=Limits(min_hours_between=Decimal(4)))
    assert alert.code == "doses_too_close"
    assert alert.cause_key == "dose:2025-03-04T11:59:00-05:00"


def test_gap_is_real_time_across_the_spring_daylight_saving_change() -> None:
    # 9 March 2025, New York: 00:30 EST is 05:30 UTC, 04:00 EDT is 08:00 UTC. The clocks show
    # 3.5 h apart but only 2.5 h passed, which is under a 3 h minimum.
    doses = [local(2025, 3, 9, 0, 30), local(2025, 3, 9, 4, 0)]
    (alert,) = doses_too_close(doses=doses, limits=Limits(min_hours_between=Decimal(3)))
    assert "2.5 h" in alert.explanation


def test_doses_are_compared_in_time_order_whatever_the_input_order() -> None:
    doses = [local(2025, 3, 4, 20), local(2025, 3, 4, 8), local(2025, 3, 4, 14)]
    assert doses_too_close(doses=doses, limits=Limits(min_hours_between=Decimal(6))) == ()


# --- no use after a chosen time ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("moment", "late"),
    [
        (time(21, 0), False),  # exactly the chosen time is allowed
        (time(21, 1), True),
        (time(23, 59), True),
        (time(1, 30), True),  # small hours still count as late
        (time(4, 59), True),
        (time(5, 0), False),  # the night is over (assumption NIGHT_ENDS_AT)
        (time(12, 0), False),
    ],
)
def test_late_window_runs_from_the_chosen_time_to_the_end_of_the_night(
    moment: time, late: bool
) -> None:
    assert is_late(moment, no_use_after=time(21, 0)) is late


@pytest.mark.parametrize(
    ("moment", "late"), [(time(1, 0), False), (time(3, 0), True), (time(6, 0), False)]
)
def test_a_limit_after_midnight_covers_only_the_rest_of_the_night(moment: time, late: bool) -> None:
    assert is_late(moment, no_use_after=time(2, 0)) is late


def test_one_nudge_per_day_with_late_doses() -> None:
    doses = [local(2025, 3, 4, 22), local(2025, 3, 4, 23), local(2025, 3, 5, 10)]
    (alert,) = late_use(doses=doses, limits=Limits(no_use_after=time(21, 0)))
    assert alert.cause_key == "day:2025-03-04"
    assert "22:00" in alert.explanation


# --- time-zone day boundaries ------------------------------------------------------------------


def test_a_dose_at_2330_local_counts_for_that_local_day() -> None:
    # 04:30 UTC on 7 March is 23:30 EST on 6 March in New York.
    instant = datetime(2025, 3, 7, 4, 30, tzinfo=UTC)
    dose = dose_in_zone(taken_at=instant, time_zone=NEW_YORK, dose_g="4")
    (total,) = day_totals([dose])
    assert total.day == date(2025, 3, 6)
    (alert,) = over_daily_limit(days=[total], limits=Limits(max_g_per_day=Decimal(3)))
    assert alert.cause_key == "day:2025-03-06"
    (late,) = late_use(doses=[dose], limits=Limits(no_use_after=time(22, 0)))
    assert late.cause_key == "day:2025-03-06"


def test_the_same_instant_is_the_next_morning_in_berlin() -> None:
    # 04:30 UTC is 05:30 CET on 7 March: not late for a 22:00 limit, and on 7 March.
    instant = datetime(2025, 3, 7, 4, 30, tzinfo=UTC)
    dose = dose_in_zone(taken_at=instant, time_zone=BERLIN, dose_g="4")
    assert day_totals([dose])[0].day == date(2025, 3, 7)
    assert late_use(doses=[dose], limits=Limits(no_use_after=time(22, 0))) == ()


def test_doses_either_side_of_local_midnight_make_two_days() -> None:
    # 23:30 and 00:30 New York time: 2 g on 6 March, 2 g on 7 March, neither over a 3 g limit.
    doses = [
        dose_in_zone(
            taken_at=datetime(2025, 3, 7, 4, 30, tzinfo=UTC), time_zone=NEW_YORK, dose_g=2
        ),
        dose_in_zone(
            taken_at=datetime(2025, 3, 7, 5, 30, tzinfo=UTC), time_zone=NEW_YORK, dose_g=2
        ),
    ]
    totals = day_totals(doses)
    assert [total.day for total in totals] == [date(2025, 3, 6), date(2025, 3, 7)]
    assert over_daily_limit(days=totals, limits=Limits(max_g_per_day=Decimal(3))) == ()


def test_naive_times_are_refused() -> None:
    with pytest.raises(ValueError, match="aware"):
        dose_in_zone(taken_at=datetime(2025, 3, 7, 4, 30), time_zone=NEW_YORK, dose_g=1)
    with pytest.raises(ValueError, match="aware"):
        DoseEvent(taken_at=datetime(2025, 3, 7, 4, 30), dose_g=Decimal(1))


# --- end date ----------------------------------------------------------------------------------


def test_use_on_the_end_date_itself_is_within_the_goal() -> None:
    limits = Limits(end_date=day(7))
    assert past_goal_end(days=[used(7)], limits=limits) == ()


def test_use_after_the_end_date_nudges_once_with_the_count() -> None:
    limits = Limits(end_date=day(7))
    (alert,) = past_goal_end(days=[used(7), used(8), used(10)], limits=limits)
    assert alert.cause_key == "end:2025-03-10"
    assert "2 days" in alert.explanation


def test_limits_reject_impossible_values() -> None:
    with pytest.raises(ValueError, match="between 0 and 7"):
        Limits(max_days_per_week=8)
    with pytest.raises(ValueError, match="negative"):
        Limits(max_g_per_day=Decimal(-1))


# --- only on some weekdays ---------------------------------------------------------------------


def test_saturday_use_breaks_a_weekdays_only_goal() -> None:
    weekdays = Limits(allowed_weekdays=frozenset(range(5)))
    days = [used(0), used(4), used(5, "1.5")]  # Mon 3, Fri 7, Sat 8 March
    (alert,) = off_day_use(days=days, limits=weekdays)
    assert alert.cause_key == "day:2025-03-08"
    assert "1.5 g on Saturday 8 March" in alert.explanation
    assert "weekdays (Monday to Friday)" in alert.explanation


def test_no_weekdays_chosen_means_any_day() -> None:
    assert off_day_use(days=[used(5), used(6)], limits=Limits()) == ()


def test_a_day_without_use_on_a_free_day_is_fine() -> None:
    empty = DayTotal(day=day(5), total_g=Decimal(0), dose_count=0)
    assert off_day_use(days=[empty], limits=Limits(allowed_weekdays=frozenset({0}))) == ()


def test_weekdays_outside_0_to_6_are_refused() -> None:
    with pytest.raises(ValueError, match="allowed_weekdays"):
        Limits(allowed_weekdays=frozenset({7}))
