"""Reminder preferences as JSON."""

from __future__ import annotations

import datetime as dt
from typing import Any

from stepdown.reminders.models import ReminderPreference


def _clock(value: dt.time | None) -> str | None:
    return value.strftime("%H:%M") if value is not None else None


def preferences_json(prefs: ReminderPreference) -> dict[str, Any]:
    return {
        "checkin_time": _clock(prefs.checkin_time),
        "step_eve": prefs.step_eve,
        "questionnaires": prefs.questionnaires,
        "email": prefs.email,
        "quiet_start": _clock(prefs.quiet_start),
        "quiet_end": _clock(prefs.quiet_end),
        "time_zone": prefs.owner.time_zone,
        "unsubscribed_at": prefs.unsubscribed_at,
        "updated_at": prefs.updated_at if prefs.pk else None,
    }
