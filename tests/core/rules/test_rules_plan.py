"""``over_target`` and ``missed_checkins`` at and around their thresholds."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from stepdown.core.rules import (
    DayTotal,
    PlanStepView,
    SuggestionKind,
    missed_checkins,
    over_target,
)

START = date(2025, 5, 5)


def day(offset: int) -> date:
    return START + timedelta(days=offset)


def total(offset: int, grams: str) -> DayTotal:
    return DayTotal(day=day(offset), total_g=Decimal(grams), dose_count=2)


STEP = PlanStepView(start_date=day(0), end_date=day(13), daily_g=Decimal(4))

# --- over_target: ≥ 25 % above target on 3 of the last 5 days ---------------------------------
# Target 4 g: 1.25 × 4 = 5.0 g is the first total that counts as over.


def test_three_of_five_days_at_25_percent_over_suggest_slowing() -> None:
    days = [total(9, "5.0"), total(10, "4"), total(11, "5.0"), total(12, "4"), total(13, "5.0")]
    (alert,) = over_target(days=days, steps=[STEP], today=day(13))
    assert alert.code == "over_target"
    assert alert.cause_key == f"step:{day(0).isoformat()}"
    assert alert.suggestion is not None
    assert (alert.suggestion.kind, alert.suggestion.days) == (SuggestionKind.SLOW, 7)


def test_just_under_25_percent_does_not_count() -> None:
    # 4.99 g is 24.75 % over: only two days count.
    days = [total(9, "5.0"), total(11, "4.99"), total(13, "5.0")]
    assert over_target(days=days, steps=[STEP], today=day(13)) == ()


def test_days_outside_the_last_five_do_not_count() -> None:
    # Day 8 is the sixth day back from day 13.
    days = [total(8, "6"), total(11, "6"), total(13, "6")]
    assert over_target(days=days, steps=[STEP], today=day(13)) == ()


def test_days_before_the_plan_began_have_no_target() -> None:
    step = PlanStepView(start_date=day(11), end_date=day(20), daily_g=Decimal(4))
    days = [total(9, "9"), total(10, "9"), total(11, "6"), total(12, "6")]
    assert over_target(days=days, steps=[step], today=day(13)) == ()


def test_after_the_plan_ends_the_alert_names_the_last_step() -> None:
    days = [total(11, "6"), total(12, "6"), total(13, "6"), total(14, "6"), total(15, "6")]
    (alert,) = over_target(days=days, steps=[STEP], today=day(15))
    # Days 14 and 15 are past the plan; days 11–13 are over target on STEP.
    assert alert.cause_key == f"step:{day(0).isoformat()}"


def test_over_target_never_blames() -> None:
    days = [total(11, "6"), total(12, "6"), total(13, "6")]
    (alert,) = over_target(days=days, steps=[STEP], today=day(13))
    text = f"{alert.title} {alert.explanation} {alert.action}".lower()
    assert "fail" not in text
    assert "should have" not in text


# --- missed_checkins: none for 3 days while on a plan -------------------------------------------


def test_three_days_without_a_check_in_on_a_plan_raise_a_reminder() -> None:
    # Today day 10: days 7, 8, 9 (and today) without a check-in; the last was day 6.
    (alert,) = missed_checkins(checkin_days={day(5), day(6)}, steps=[STEP], today=day(10))
    assert alert.cause_key == f"since:{day(6).isoformat()}"


def test_a_check_in_within_the_three_days_is_enough() -> None:
    assert missed_checkins(checkin_days={day(7)}, steps=[STEP], today=day(10)) == ()


def test_a_check_in_today_is_enough() -> None:
    assert missed_checkins(checkin_days={day(10)}, steps=[STEP], today=day(10)) == ()


def test_a_plan_younger_than_three_days_gets_no_reminder() -> None:
    step = PlanStepView(start_date=day(8), end_date=day(20), daily_g=Decimal(4))
    assert missed_checkins(checkin_days=set(), steps=[step], today=day(10)) == ()
    # Plan from day 7: days 7, 8, 9 are all plan days without a check-in.
    step = PlanStepView(start_date=day(7), end_date=day(20), daily_g=Decimal(4))
    (alert,) = missed_checkins(checkin_days=set(), steps=[step], today=day(10))
    assert alert.cause_key == f"plan:{day(7).isoformat()}"


def test_no_reminder_without_a_current_plan() -> None:
    assert missed_checkins(checkin_days=set(), steps=[STEP], today=day(20)) == ()
    assert missed_checkins(checkin_days=set(), steps=[], today=day(10)) == ()
