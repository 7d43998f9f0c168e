"""Schedules as dates: default intervals, and which window a day falls in.

A schedule opens a window every ``interval_days`` local days from its ``starts_on`` day. A
window stays open for ``window_days`` local days (the daily check-in: the person's whole day).
After that it is closed: unanswered, it is *missed*, and an answer given later counts for the
day it is given (as an extra response, or for the next window once that opens), never for the
closed window.

A new account is not asked everything on its first day (``FIRST_DUE_AFTER_DAYS``): the daily
check-in starts at once, the PHQ-9 and GAD-7 after the first week, the SDS and DSM-5 criteria
after the first month. Every questionnaire can still be answered on demand at any time.

References
----------
Each default interval comes from its instrument's ``default_interval_days``: the daily check-in
every day (assumption: its 24-hour window), PHQ-9 and GAD-7 every 14 days (their two-week recall,
Kroenke2001, Spitzer2006), SDS and the DSM-5 criteria every 30 days (assumption: monthly, with a
past-month wording adapted from the published 12 months; see ``docs/instruments.md``).
The window lengths are an assumption: a quarter of the interval, at least one day and at most a
week, so a two-week questionnaire stays open three days and a monthly one a week. The interval
limits a person may choose and the first-due delays are assumptions too (see below).
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass

from stepdown.core.instruments import get_instrument

SCHEDULABLE = ("daily", "phq9", "gad7", "sds", "dsm5_sud")


def _default_interval(code: str) -> int:
    days = get_instrument(code).default_interval_days
    if days is None:  # unreachable for the instruments above; a new one must say how often
        raise ValueError(f"{code} has no default interval")
    return days


# Instrument code -> default interval in days, from each instrument's definition (sources there).
DEFAULT_INTERVALS: dict[str, int] = {code: _default_interval(code) for code in SCHEDULABLE}

# Days after the account is created before a default schedule's first window opens. Assumption:
# five questionnaires on the first day is too much; the daily check-in starts at once (it is what
# the taper is watched with, and it asks the daily self-harm question), the two-week screens
# after a first week, the monthly dependence questions after a first month.
FIRST_DUE_AFTER_DAYS: dict[str, int] = {"daily": 0, "phq9": 7, "gad7": 7, "sds": 30, "dsm5_sud": 30}

# Assumption: the range a person may choose for each interval. These stay on: the daily
# check-in is what the taper is watched with, and the PHQ-9 carries the
# only scheduled self-harm question (item 9). A person may space the PHQ-9 out, up to monthly.
ALWAYS_ON = ("daily", "phq9")
INTERVAL_LIMITS: dict[str, tuple[int, int]] = {
    "daily": (1, 1),
    "phq9": (7, 28),
    "gad7": (7, 90),
    "sds": (7, 90),
    "dsm5_sud": (7, 90),
}
MAX_WINDOW_DAYS = 7  # assumption: see window_days


def window_days(interval_days: int) -> int:
    """How many local days a window stays open (assumption: a quarter of the interval, 1-7)."""
    if interval_days <= 1:
        return 1
    return max(1, min(MAX_WINDOW_DAYS, interval_days // 4))


@dataclass(frozen=True)
class Window:
    """One window of a schedule, in local dates; ``end`` is the first day it is closed."""

    start: dt.date
    end: dt.date
    interval_days: int

    @property
    def next_start(self) -> dt.date:
        return self.start + dt.timedelta(days=self.interval_days)

    @property
    def previous_start(self) -> dt.date:
        return self.start - dt.timedelta(days=self.interval_days)

    def is_open(self, day: dt.date) -> bool:
        return self.start <= day < self.end


def first_window_start(*, joined_on: dt.date, instrument: str) -> dt.date:
    """A default schedule's first window: ``FIRST_DUE_AFTER_DAYS`` after the local day the
    account was created."""
    return joined_on + dt.timedelta(days=FIRST_DUE_AFTER_DAYS[instrument])


@functools.lru_cache(maxsize=4096)
def last_closed_window(
    *, starts_on: dt.date, interval_days: int, day: dt.date
) -> tuple[dt.date, dt.date] | None:
    """The latest window that has closed by ``day`` as ``(start, end)``: the current one once
    it has closed, or while it is open the one before it; ``None`` before the first has closed.

    Cached: the clinic dashboard asks it for every person and questionnaire, and people who
    joined on the same day share the answer."""
    if day < starts_on:
        return None
    window = window_for(starts_on=starts_on, interval_days=interval_days, day=day)
    start = window.previous_start if window.is_open(day) else window.start
    if start < starts_on:
        return None
    return start, start + dt.timedelta(days=window_days(interval_days))


def window_for(*, starts_on: dt.date, interval_days: int, day: dt.date) -> Window:
    """The latest window that has started by ``day`` (the first one when ``day`` is earlier)."""
    if interval_days < 1:
        raise ValueError("interval_days must be at least 1")
    elapsed = max(0, (day - starts_on).days)
    start = starts_on + dt.timedelta(days=(elapsed // interval_days) * interval_days)
    return Window(
        start=start,
        end=start + dt.timedelta(days=window_days(interval_days)),
        interval_days=interval_days,
    )
