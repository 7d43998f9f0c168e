"""The calendar export parses back through icalendar with the plan's steps intact."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, timezone

import pytest
from icalendar import Calendar

from stepdown.core.tapering import TaperPlan, hold, plan_taper
from stepdown.exports.ics import plan_to_ics

STAMP = datetime(2025, 1, 1, 9, 30, tzinfo=UTC)


def parse(data: bytes) -> Calendar:
    return Calendar.from_ical(data)


def plan() -> TaperPlan:
    # 1.2 g in 2 doses: 1.2 (6–12 Jan) → 1.1 → 1.0 → 0.9 → 0.8 → 0.7 → 0.6 → 0.5 → 0.4.
    return plan_taper(start_g="1.2", start_date=date(2025, 1, 6), doses_per_day=2)


def test_each_step_is_an_all_day_event_with_an_exclusive_end() -> None:
    the_plan = plan()
    events = parse(plan_to_ics(the_plan, plan_id="p42", stamp=STAMP)).walk("VEVENT")
    assert len(events) == len(the_plan.steps) == 9
    for event, step in zip(events, the_plan.steps, strict=True):
        start = event.decoded("DTSTART")
        end = event.decoded("DTEND")
        assert type(start) is date
        assert type(end) is date
        assert start == step.start_date
        assert end == step.end_date + timedelta(days=1)
    assert events[0].decoded("DTEND") == date(2025, 1, 13)  # last day 12 Jan, exclusive 13


def test_summary_shows_the_daily_amount_doses_and_product() -> None:
    events = parse(
        plan_to_ics(plan(), plan_id="p42", stamp=STAMP, product_name="Green Maeng Da")
    ).walk("VEVENT")
    assert str(events[0]["SUMMARY"]) == (
        "Taper plan: 1.2 g a day of Green Maeng Da (2 doses: 0.6 + 0.6 g)"
    )
    assert "1.1 g a day" in str(events[1]["SUMMARY"])
    assert "no planned dose from 2025-03-10" in str(events[-1]["DESCRIPTION"])


def test_uids_are_stable_and_derived_from_plan_id_and_step_index() -> None:
    first = plan_to_ics(plan(), plan_id="p42", stamp=STAMP)
    again = plan_to_ics(plan(), plan_id="p42", stamp=STAMP)
    assert first == again
    uids = [str(event["UID"]) for event in parse(first).walk("VEVENT")]
    assert uids[:2] == ["p42-step-0@stepdown", "p42-step-1@stepdown"]
    assert len(set(uids)) == len(uids)


def test_a_held_plan_keeps_uids_and_moves_the_dates() -> None:
    held = hold(plan(), as_of=date(2025, 1, 14), days=7)
    events = parse(plan_to_ics(held, plan_id="p42", stamp=STAMP)).walk("VEVENT")
    assert str(events[2]["UID"]) == "p42-step-2@stepdown"
    assert events[2].decoded("DTSTART") == date(2025, 1, 27)  # was 20 Jan, +7 days


def test_daily_reminder_is_an_alarm_repeating_every_day_of_the_step() -> None:
    events = parse(plan_to_ics(plan(), plan_id="p42", stamp=STAMP, reminder_time=time(8, 30))).walk(
        "VEVENT"
    )
    alarms = events[0].walk("VALARM")
    assert len(alarms) == 1
    alarm = alarms[0]
    assert str(alarm["ACTION"]) == "DISPLAY"
    assert alarm.decoded("TRIGGER") == timedelta(hours=8, minutes=30)
    # 7-day step: the first reminder plus 6 repeats, one day apart.
    assert alarm.decoded("REPEAT") == 6
    assert alarm.decoded("DURATION") == timedelta(days=1)


def test_without_a_reminder_there_are_no_alarms() -> None:
    calendar = parse(plan_to_ics(plan(), plan_id="p42", stamp=STAMP))
    assert calendar.walk("VALARM") == []


def test_calendar_has_the_required_properties_and_a_utc_stamp() -> None:
    stamp = datetime(2025, 1, 1, 10, 30, tzinfo=timezone(timedelta(hours=1)))
    calendar = parse(plan_to_ics(plan(), plan_id="p42", stamp=stamp, title="My plan"))
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["PRODID"]).startswith("-//Stepdown//")
    assert str(calendar["X-WR-CALNAME"]) == "My plan"
    event = calendar.walk("VEVENT")[0]
    assert event.decoded("DTSTAMP") == datetime(2025, 1, 1, 9, 30, tzinfo=UTC)


@pytest.mark.parametrize("plan_id", ["", "has space"])
def test_plan_id_must_be_a_usable_identifier(plan_id: str) -> None:
    with pytest.raises(ValueError, match="plan_id"):
        plan_to_ics(plan(), plan_id=plan_id, stamp=STAMP)


def test_stamp_must_be_aware() -> None:
    with pytest.raises(ValueError, match="aware"):
        plan_to_ics(plan(), plan_id="p42", stamp=datetime(2025, 1, 1))


def test_a_plan_that_starts_the_day_it_is_made_never_says_tomorrow_about_today() -> None:
    # Made on Monday 6 January, first step that same day; the step alarm is at 19:00 the
    # evening before (-5 h), which for the first step would be Sunday, before the plan existed.
    the_plan = plan()
    data = plan_to_ics(
        the_plan,
        plan_id="p42",
        stamp=STAMP,
        step_change_alarm=-timedelta(hours=5),
        made_on=date(2025, 1, 6),
    )
    events = parse(data).walk("VEVENT")
    first = events[0].walk("VALARM")[0]
    assert first.decoded("TRIGGER") == timedelta(hours=19)  # 19:00 on 6 January itself
    assert str(first["DESCRIPTION"]) == "Your taper plan starts today: 1.2 g a day, in 2 doses."
    # Later steps keep their evening-before alarm.
    second = events[1].walk("VALARM")[0]
    assert second.decoded("TRIGGER") == -timedelta(hours=5)
    assert str(second["DESCRIPTION"]).startswith("Tomorrow your target is 1.1 g")


def test_a_plan_made_days_ahead_keeps_the_evening_before() -> None:
    data = plan_to_ics(
        plan(),
        plan_id="p42",
        stamp=STAMP,
        step_change_alarm=-timedelta(hours=5),
        made_on=date(2025, 1, 2),
    )
    first = parse(data).walk("VEVENT")[0].walk("VALARM")[0]
    assert first.decoded("TRIGGER") == -timedelta(hours=5)
    assert str(first["DESCRIPTION"]).startswith("Your taper plan starts tomorrow")
