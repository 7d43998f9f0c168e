"""Reminder pages: the settings form, the step line on Today, and the calendar's step alarms."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
import time_machine
from django.test import Client
from icalendar import Calendar
from tests.reminders.conftest import TODAY, set_preferences

from stepdown.reminders.models import ReminderPreference

pytestmark = pytest.mark.django_db

FORM = {
    "checkin_time": "21:00",
    "step_eve": "on",
    "questionnaires": "on",
    "email": "on",
    "quiet_start": "22:30",
    "quiet_end": "07:00",
}
NOON = dt.datetime(2025, 2, 10, 18, 0, tzinfo=dt.UTC)  # 12:00 CST on Monday 10 February


def _plan(owner: Any) -> Any:
    """12 g, 10 % a week in 4 doses from the 10th: 12 g to the 16th, 10.8 g from the 17th."""
    from stepdown.plans.services import plan_create

    with time_machine.travel(NOON, tick=False):
        return plan_create(
            owner=owner,
            start_g=Decimal(12),
            method="proportional",
            rate_pct=Decimal(10),
            doses_per_day=4,
            start_date=TODAY,
        ).plan


def test_the_settings_page_saves_preferences(web: Client, person: Any) -> None:
    page = web.get("/reminders/")
    assert page.status_code == 200
    text = page.content.decode()
    assert 'name="checkin_time"' in text
    assert "never amounts" in text
    response = web.post("/reminders/", FORM)
    assert response.status_code == 302
    prefs = ReminderPreference.objects.get(owner=person)
    assert (prefs.checkin_time, prefs.email) == (dt.time(21, 0), True)
    assert (prefs.quiet_start, prefs.quiet_end) == (dt.time(22, 30), dt.time(7, 0))


def test_unticked_boxes_and_an_empty_time_turn_reminders_off(web: Client, person: Any) -> None:
    web.post("/reminders/", {"checkin_time": "", "quiet_start": "", "quiet_end": ""})
    prefs = ReminderPreference.objects.get(owner=person)
    assert (prefs.checkin_time, prefs.step_eve, prefs.questionnaires, prefs.email) == (
        None,
        False,
        False,
        False,
    )
    assert prefs.quiet is None


def test_half_of_quiet_hours_is_shown_next_to_the_field(web: Client, person: Any) -> None:
    response = web.post("/reminders/", FORM | {"quiet_end": ""})
    assert response.status_code == 422
    text = response.content.decode()
    assert 'id="id_quiet_end-error"' in text
    assert "or neither" in text
    assert not ReminderPreference.objects.filter(owner=person).exists()


def test_the_settings_page_needs_sign_in(client: Client) -> None:
    response = client.get("/reminders/")
    assert response.status_code == 302
    assert "/login" in response["Location"]


def test_account_settings_link_to_reminders(web: Client) -> None:
    assert 'href="/reminders/"' in web.get("/account/settings/").content.decode()


def test_today_shows_tomorrows_target_the_day_before_a_step(web: Client, person: Any) -> None:
    _plan(person)
    eve = dt.datetime(2025, 2, 16, 18, 0, tzinfo=dt.UTC)  # noon on Sunday the 16th
    with time_machine.travel(eve, tick=False):
        text = web.get("/today/").content.decode()
    assert 'data-testid="upcoming-step"' in text
    assert "Tomorrow your target is <strong>10.8 g a day</strong>, in 4 doses" in text
    assert "(today: 12 g)" in text


def test_today_is_quiet_on_other_days_and_when_turned_off(web: Client, person: Any) -> None:
    _plan(person)
    with time_machine.travel(dt.datetime(2025, 2, 15, 18, 0, tzinfo=dt.UTC), tick=False):
        assert 'data-testid="upcoming-step"' not in web.get("/today/").content.decode()
    set_preferences(person, step_eve=False, email=False)
    with time_machine.travel(dt.datetime(2025, 2, 16, 18, 0, tzinfo=dt.UTC), tick=False):
        assert 'data-testid="upcoming-step"' not in web.get("/today/").content.decode()


def _alarms(web: Client, plan: Any) -> list[list[Any]]:
    response = web.get(f"/plan/{plan.pk}.ics")
    assert response.status_code == 200
    events = Calendar.from_ical(response.content).walk("VEVENT")
    return [event.walk("VALARM") for event in events]


def test_the_calendar_has_a_step_alarm_the_evening_before_each_step(
    web: Client, person: Any
) -> None:
    plan = _plan(person)
    alarms = _alarms(web, plan)
    assert len(alarms) == 35  # one event per step, as in the plan tests
    assert all(len(per_event) == 1 for per_event in alarms)
    second = alarms[1][0]
    # Default check-in time 20:00: 4 hours before the step's first midnight.
    assert second.decoded("TRIGGER") == -dt.timedelta(hours=4)
    assert str(second["ACTION"]) == "DISPLAY"
    assert str(second["DESCRIPTION"]) == "Tomorrow your target is 10.8 g a day, in 4 doses."
    # The plan starts the day it was made: its first alarm is on that day (20:00), not the
    # evening before it existed.
    assert alarms[0][0].decoded("TRIGGER") == dt.timedelta(hours=20)
    assert str(alarms[0][0]["DESCRIPTION"]).startswith("Your taper plan starts today: 12.0 g a day")


def test_the_calendar_alarm_follows_quiet_hours_and_can_be_turned_off(
    web: Client, person: Any
) -> None:
    plan = _plan(person)
    set_preferences(person, quiet_start=dt.time(18), quiet_end=dt.time(8))
    moved = _alarms(web, plan)[1][0]
    # 20:00 is inside 18:00–08:00, so the alarm waits for 08:00 on the step's own day.
    assert moved.decoded("TRIGGER") == dt.timedelta(hours=8)
    assert str(moved["DESCRIPTION"]).startswith("From today your target is 10.8 g")
    set_preferences(person, step_eve=False)
    assert all(per_event == [] for per_event in _alarms(web, plan))


def test_reading_reminders_takes_a_constant_number_of_queries(
    person: Any, django_assert_max_num_queries: Any
) -> None:
    from stepdown.plans.adjust_services import plan_hold
    from stepdown.reminders.selectors import preferences_for, reminders_due_for, upcoming_step

    plan = _plan(person)
    with time_machine.travel(NOON, tick=False):
        for _ in range(20):
            plan_hold(owner=person, plan_id=plan.pk, days=1, reason="one more day")
    prefs = set_preferences(person)
    eve = dt.datetime(2025, 3, 9, 2, 0, tzinfo=dt.UTC)  # 20:00 CST on 8 March
    with time_machine.travel(eve, tick=False):
        # preferences, active plan
        with django_assert_max_num_queries(2):
            upcoming = upcoming_step(owner=person)
        saved = preferences_for(owner=person)
        # schedules, responses (the due list), active plan
        with django_assert_max_num_queries(3):
            due = reminders_due_for(owner=person, prefs=saved)
    # 20 days of holds moved the 10.8 g step from the 17th of February to the 9th of March.
    assert upcoming is not None
    assert (upcoming.starts_on, upcoming.daily_g) == (dt.date(2025, 3, 9), Decimal("10.8"))
    assert ("step", "2025-03-09") in {(r.kind.value, r.due_key) for r in due}
    assert prefs.email is True
