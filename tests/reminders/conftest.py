"""Fixtures for the reminder tests: Sam joined on a fixed day, and his email preferences."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

# Sam (Chicago, CST = UTC−6 in February) joined on Monday 10 February 2025 at 09:00 local, so
# every default check-in schedule opens its first window that day.
JOINED = dt.datetime(2025, 2, 10, 15, 0, tzinfo=dt.UTC)
TODAY = dt.date(2025, 2, 10)
# 20:05 in Chicago on the 10th: just after the default 20:00 check-in reminder.
EVENING = dt.datetime(2025, 2, 11, 2, 5, tzinfo=dt.UTC)
SITE = "https://stepdown.example.org"
DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def sam(person: Any) -> Any:
    person.date_joined = JOINED
    person.save(update_fields=["date_joined"])
    return person


def set_preferences(owner: Any, **changes: Any) -> Any:
    """Save preferences: email on, the defaults otherwise, with ``changes`` on top."""
    from stepdown.reminders.services import preferences_update

    values: dict[str, Any] = {
        "checkin_time": dt.time(20, 0),
        "step_eve": True,
        "questionnaires": True,
        "email": True,
        "quiet_start": dt.time(22, 0),
        "quiet_end": dt.time(8, 0),
    }
    return preferences_update(owner=owner, **(values | changes))
