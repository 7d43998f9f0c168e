"""API schemas for reminder preferences."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from pydantic import BeforeValidator, Field

from stepdown.reminders.models import ReminderPreference
from stepdown.schemas import Out, StrictIn, clock, refusal

_CLOCK = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")


def _clock(value: Any) -> Any:
    if not isinstance(value, str) or not _CLOCK.fullmatch(value):
        raise refusal("time_of_day", "must be a time of day as HH:MM, such as 20:00")
    return dt.time.fromisoformat(value)


ClockTime = Annotated[dt.time, BeforeValidator(_clock), Field(strict=False)]


class PreferencesIn(StrictIn):
    """Every preference, replaced at once (times are local, ``null`` turns a time off)."""

    checkin_time: ClockTime | None
    step_eve: bool
    questionnaires: bool
    email: bool
    quiet_start: ClockTime | None
    quiet_end: ClockTime | None


class PreferencesOut(Out):
    checkin_time: str | None
    step_eve: bool
    questionnaires: bool
    email: bool
    quiet_start: str | None
    quiet_end: str | None
    time_zone: str
    unsubscribed_at: dt.datetime | None
    updated_at: dt.datetime | None

    @classmethod
    def of(cls, prefs: ReminderPreference) -> PreferencesOut:
        return cls(
            checkin_time=clock(prefs.checkin_time),
            step_eve=prefs.step_eve,
            questionnaires=prefs.questionnaires,
            email=prefs.email,
            quiet_start=clock(prefs.quiet_start),
            quiet_end=clock(prefs.quiet_end),
            time_zone=prefs.owner.time_zone,
            unsubscribed_at=prefs.unsubscribed_at,
            updated_at=prefs.updated_at if prefs.pk else None,
        )
