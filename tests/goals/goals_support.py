"""Local times for the goals tests (Sam, the ``person`` fixture, lives in Chicago)."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

CHICAGO = ZoneInfo("America/Chicago")
# A winter Tuesday at noon in Chicago (CST, UTC-6): 18:00 UTC.
TODAY = dt.date(2026, 1, 20)
NOW = dt.datetime(2026, 1, 20, 12, 0, tzinfo=CHICAGO)


def at(day: dt.date, hour: int, minute: int = 0, zone: ZoneInfo = CHICAGO) -> dt.datetime:
    """A local wall-clock time in ``zone`` (Chicago unless told)."""
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=zone)


def days_ago(count: int) -> dt.date:
    return TODAY - dt.timedelta(days=count)
