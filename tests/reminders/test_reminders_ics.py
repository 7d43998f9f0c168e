"""The step alarm in the pure calendar export: one per step, its text following its moment."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

from icalendar import Calendar

from stepdown.core.tapering import plan_taper
from stepdown.exports.ics import plan_to_ics

STAMP = datetime(2025, 1, 1, 9, 30, tzinfo=UTC)


def _alarms(offset: timedelta | None) -> list[list[Any]]:
    # 1.2 g in 2 doses from Monday 6 January: 1.2 g (6–12 Jan), 1.1 g from the 13th, ...
    plan = plan_taper(start_g="1.2", start_date=date(2025, 1, 6), doses_per_day=2)
    data = plan_to_ics(plan, plan_id="p42", stamp=STAMP, step_change_alarm=offset)
    return [event.walk("VALARM") for event in Calendar.from_ical(data).walk("VEVENT")]


def test_the_evening_before_says_tomorrow() -> None:
    alarms = _alarms(-timedelta(hours=5))
    assert all(len(per_event) == 1 for per_event in alarms)
    first, second = alarms[0][0], alarms[1][0]
    assert first.decoded("TRIGGER") == -timedelta(hours=5)
    assert str(first["DESCRIPTION"]) == "Your taper plan starts tomorrow: 1.2 g a day, in 2 doses."
    assert str(second["DESCRIPTION"]) == "Tomorrow your target is 1.1 g a day, in 2 doses."
    assert "REPEAT" not in second


def test_the_steps_own_morning_says_from_today() -> None:
    alarms = _alarms(timedelta(hours=8))
    assert str(alarms[0][0]["DESCRIPTION"]).startswith("Your taper plan starts today")
    assert str(alarms[1][0]["DESCRIPTION"]).startswith("From today your target is 1.1 g")


def test_off_by_default() -> None:
    assert all(per_event == [] for per_event in _alarms(None))
