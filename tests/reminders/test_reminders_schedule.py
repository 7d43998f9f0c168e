"""The pure reminder schedule: local times, quiet hours, daylight saving time, step eves."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from stepdown.reminders.schedule import (
    Kind,
    OpenItem,
    Preferences,
    QuietHours,
    StepStart,
    due_reminders,
    planned_reminders,
    step_alarm_offset,
)

CHICAGO = ZoneInfo("America/Chicago")
BERLIN = ZoneInfo("Europe/Berlin")
UTC = dt.UTC


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, tzinfo=UTC)


def daily(day: dt.date) -> OpenItem:
    return OpenItem("daily", opens_on=day, closes_on=day + dt.timedelta(days=1))


def questionnaire(day: dt.date, days_open: int = 3, at: dt.time | None = None) -> OpenItem:
    return OpenItem("phq9", day, day + dt.timedelta(days=days_open), preferred_time=at)


def step(day: dt.date, grams: str = "9.8", *, first: bool = False) -> StepStart:
    return StepStart(starts_on=day, daily_g=Decimal(grams), doses_per_day=3, first=first)


NO_QUIET = Preferences(checkin_time=dt.time(20, 0), quiet=None)


def test_check_in_reminder_is_due_from_its_time_to_the_end_of_the_day() -> None:
    # Mon 10 Feb 2025, Chicago is CST (UTC−6): 20:00 local = 02:00 UTC on the 11th; the day
    # ends at local midnight = 06:00 UTC on the 11th.
    items = [daily(dt.date(2025, 2, 10))]
    [reminder] = planned_reminders(prefs=NO_QUIET, zone=CHICAGO, open_items=items, steps=[])
    assert (reminder.kind, reminder.due_key) == (Kind.CHECKIN, "2025-02-10")
    assert reminder.send_at == utc(2025, 2, 11, 2, 0)
    assert reminder.expires_at == utc(2025, 2, 11, 6, 0)
    assert not reminder.is_due(utc(2025, 2, 11, 1, 59))
    assert reminder.is_due(utc(2025, 2, 11, 2, 0))
    assert reminder.is_due(utc(2025, 2, 11, 5, 59))
    assert not reminder.is_due(utc(2025, 2, 11, 6, 0))


def test_no_check_in_time_means_no_check_in_reminder() -> None:
    prefs = Preferences(checkin_time=None, quiet=None)
    items = [daily(dt.date(2025, 2, 10))]
    assert planned_reminders(prefs=prefs, zone=CHICAGO, open_items=items, steps=[]) == []


def test_a_reminder_in_quiet_hours_waits_until_they_end_across_the_spring_change() -> None:
    # Sat 8 March 2025, 20:00 CST is inside 19:00–07:00 quiet hours. They end at 07:00 on
    # Sunday 9 March, after clocks went forward: 07:00 CDT (UTC−5) = 12:00 UTC. Adding the
    # 11 wall-clock hours to 02:00 UTC would wrongly give 13:00 UTC.
    prefs = Preferences(checkin_time=None, quiet=QuietHours(dt.time(19), dt.time(7)))
    items = [questionnaire(dt.date(2025, 3, 8), at=dt.time(20, 0))]
    [reminder] = planned_reminders(prefs=prefs, zone=CHICAGO, open_items=items, steps=[])
    assert reminder.send_at == utc(2025, 3, 9, 12, 0)

    def due(now: dt.datetime) -> list[Any]:
        return due_reminders(prefs=prefs, zone=CHICAGO, now=now, open_items=items, steps=[])

    assert due(utc(2025, 3, 9, 2, 0)) == []  # 20:00 Saturday: quiet
    assert due(utc(2025, 3, 9, 11, 59)) == []  # 06:59 CDT Sunday: still quiet
    assert due(utc(2025, 3, 9, 12, 0)) == [reminder]


def test_a_time_skipped_by_the_spring_change_comes_an_hour_later_on_the_clock() -> None:
    # 02:30 does not exist in Chicago on 9 March 2025; read with CST it is 08:30 UTC = 03:30 CDT.
    prefs = Preferences(checkin_time=dt.time(2, 30), quiet=None)
    [reminder] = planned_reminders(
        prefs=prefs, zone=CHICAGO, open_items=[daily(dt.date(2025, 3, 9))], steps=[]
    )
    assert reminder.send_at == utc(2025, 3, 9, 8, 30)
    assert reminder.send_at.astimezone(CHICAGO).time() == dt.time(3, 30)


def test_a_time_repeated_by_the_autumn_change_means_its_first_occurrence() -> None:
    # 01:30 happens twice in Chicago on 2 Nov 2025; the first is CDT (UTC−5) = 06:30 UTC.
    prefs = Preferences(checkin_time=dt.time(1, 30), quiet=None)
    [reminder] = planned_reminders(
        prefs=prefs, zone=CHICAGO, open_items=[daily(dt.date(2025, 11, 2))], steps=[]
    )
    assert reminder.send_at == utc(2025, 11, 2, 6, 30)
    # That day has 25 hours: it ends at midnight CST = 06:00 UTC on the 3rd.
    assert reminder.expires_at == utc(2025, 11, 3, 6, 0)


def test_the_same_local_time_follows_berlins_change() -> None:
    # Berlin: CET (UTC+1) on 29 March 2025, CEST (UTC+2) from 30 March.
    before, after = dt.date(2025, 3, 29), dt.date(2025, 3, 30)
    planned = planned_reminders(
        prefs=NO_QUIET, zone=BERLIN, open_items=[daily(before), daily(after)], steps=[]
    )
    assert [r.send_at for r in planned] == [utc(2025, 3, 29, 19, 0), utc(2025, 3, 30, 18, 0)]


def test_a_check_in_reminder_that_would_wait_past_midnight_is_dropped() -> None:
    # 23:00 is inside 22:00–07:00; by 07:00 the next day this day's check-in has closed.
    prefs = Preferences(checkin_time=dt.time(23, 0), quiet=QuietHours(dt.time(22), dt.time(7)))
    items = [daily(dt.date(2025, 2, 10))]
    assert planned_reminders(prefs=prefs, zone=CHICAGO, open_items=items, steps=[]) == []


def test_quiet_hours_within_one_day() -> None:
    # 13:00–15:00: a 14:00 reminder comes at 15:00 CST = 21:00 UTC the same day.
    prefs = Preferences(checkin_time=dt.time(14, 0), quiet=QuietHours(dt.time(13), dt.time(15)))
    [reminder] = planned_reminders(
        prefs=prefs, zone=CHICAGO, open_items=[daily(dt.date(2025, 2, 10))], steps=[]
    )
    assert reminder.send_at == utc(2025, 2, 10, 21, 0)


def test_quiet_hours_include_their_start_and_exclude_their_end() -> None:
    quiet = QuietHours(dt.time(22), dt.time(8))
    assert quiet.contains(dt.time(22, 0))
    assert quiet.contains(dt.time(3, 0))
    assert not quiet.contains(dt.time(8, 0))
    assert not quiet.contains(dt.time(21, 59))
    with pytest.raises(ValueError, match="different"):
        QuietHours(dt.time(8), dt.time(8))


def test_a_questionnaire_uses_its_own_time_else_the_check_in_time() -> None:
    day = dt.date(2025, 2, 10)
    own, other = (
        questionnaire(day, at=dt.time(9, 15)),
        OpenItem("gad7", day, day + dt.timedelta(days=3)),
    )
    planned = planned_reminders(prefs=NO_QUIET, zone=CHICAGO, open_items=[own, other], steps=[])
    assert [(r.kind, r.due_key) for r in planned] == [
        (Kind.QUESTIONNAIRE, "phq9:2025-02-10"),
        (Kind.QUESTIONNAIRE, "gad7:2025-02-10"),
    ]
    # 09:15 CST = 15:15 UTC; 20:00 CST = 02:00 UTC next day. Both stay due for the 3-day window.
    assert [r.send_at for r in planned] == [utc(2025, 2, 10, 15, 15), utc(2025, 2, 11, 2, 0)]
    assert planned[0].expires_at == utc(2025, 2, 13, 6, 0)


def test_questionnaire_reminders_can_be_turned_off_without_the_check_in_one() -> None:
    prefs = Preferences(checkin_time=dt.time(20, 0), questionnaires=False, quiet=None)
    day = dt.date(2025, 2, 10)
    planned = planned_reminders(
        prefs=prefs, zone=CHICAGO, open_items=[daily(day), questionnaire(day)], steps=[]
    )
    assert [r.kind for r in planned] == [Kind.CHECKIN]


def test_the_step_reminder_comes_the_evening_before_and_lasts_through_its_first_day() -> None:
    # No check-in time: the step reminder comes at 19:00 on Sun 16 Feb (CST) = 01:00 UTC on
    # the 17th, and is useful until the end of the 17th (06:00 UTC on the 18th).
    prefs = Preferences(checkin_time=None, quiet=None)
    steps = [step(dt.date(2025, 2, 17))]
    [reminder] = planned_reminders(prefs=prefs, zone=CHICAGO, open_items=[], steps=steps)
    assert (reminder.kind, reminder.due_key) == (Kind.STEP, "2025-02-17")
    assert reminder.step == steps[0]
    assert reminder.send_at == utc(2025, 2, 17, 1, 0)
    assert reminder.expires_at == utc(2025, 2, 18, 6, 0)
    saturday_evening = utc(2025, 2, 16, 1, 0)  # 19:00 on the 15th: two days before
    assert not due_reminders(
        prefs=prefs, zone=CHICAGO, now=saturday_evening, open_items=[], steps=steps
    )
    assert due_reminders(
        prefs=prefs, zone=CHICAGO, now=utc(2025, 2, 17, 1, 0), open_items=[], steps=steps
    ) == [reminder]


def test_a_step_reminder_in_quiet_hours_comes_on_the_steps_morning() -> None:
    # 20:00 on the 16th is inside 18:00–08:00: it waits until 08:00 CST on the 17th = 14:00 UTC.
    prefs = Preferences(checkin_time=dt.time(20), quiet=QuietHours(dt.time(18), dt.time(8)))
    [reminder] = planned_reminders(
        prefs=prefs, zone=CHICAGO, open_items=[], steps=[step(dt.date(2025, 2, 17))]
    )
    assert reminder.send_at == utc(2025, 2, 17, 14, 0)


def test_step_reminders_can_be_turned_off() -> None:
    prefs = Preferences(step_eve=False, quiet=None)
    steps = [step(dt.date(2025, 2, 17))]
    assert planned_reminders(prefs=prefs, zone=CHICAGO, open_items=[], steps=steps) == []


def test_now_must_be_aware() -> None:
    with pytest.raises(ValueError, match="aware"):
        due_reminders(
            prefs=NO_QUIET, zone=CHICAGO, now=dt.datetime(2025, 2, 10), open_items=[], steps=[]
        )


@pytest.mark.parametrize(
    ("prefs", "offset"),
    [
        # 20:00 the evening before: 4 hours before the step's midnight.
        (Preferences(checkin_time=dt.time(20), quiet=None), -dt.timedelta(hours=4)),
        # no check-in time: 19:00, 5 hours before.
        (Preferences(checkin_time=None, quiet=None), -dt.timedelta(hours=5)),
        # 20:00 inside 18:00–08:00: the step's own morning at 08:00.
        (
            Preferences(checkin_time=dt.time(20), quiet=QuietHours(dt.time(18), dt.time(8))),
            dt.timedelta(hours=8),
        ),
        # 06:00 inside 22:00–07:00: 07:00 the day before, 17 hours before midnight.
        (
            Preferences(checkin_time=dt.time(6), quiet=QuietHours(dt.time(22), dt.time(7))),
            -dt.timedelta(hours=17),
        ),
        (Preferences(step_eve=False), None),
    ],
)
def test_the_calendar_alarm_offset_matches_the_step_reminder(
    prefs: Preferences, offset: dt.timedelta | None
) -> None:
    assert step_alarm_offset(prefs) == offset
