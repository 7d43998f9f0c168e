"""Which reminders are due, worked out from local clock times. Pure Python: no Django, no I/O.

A reminder belongs to a local day and a time of day in the person's time zone. When that moment
falls inside the person's quiet hours, the reminder waits until they end. It stays due from that
moment until it *expires*, when what it reminds of is over (the day's check-in window has closed,
the questionnaire's window has closed, the new step's first day has passed); a reminder that
would wait past its expiry is not given at all.

Local times become instants with :mod:`zoneinfo`. A clock time that does not exist on the day
clocks go forward (02:30 in Chicago on a March Sunday) is read with the offset from before the
change, so it lands an hour later on the clock (03:30); a time that happens twice when clocks go
back means its first occurrence. All comparisons are made in UTC, because Python compares two
datetimes that share a ``tzinfo`` by their wall-clock reading and would get DST days wrong.

References
----------
The default times are assumptions, not clinical numbers: the daily check-in reminder at 20:00
(late enough to describe the day), other reminders at 19:00 when no time is chosen (early
evening, before most people's quiet hours), quiet hours 22:00-08:00.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from zoneinfo import ZoneInfo

DEFAULT_CHECKIN_TIME = dt.time(20, 0)  # assumption, see the module docstring
DEFAULT_TIME = dt.time(19, 0)  # assumption: reminders without a chosen time
DEFAULT_QUIET_START = dt.time(22, 0)  # assumption
DEFAULT_QUIET_END = dt.time(8, 0)  # assumption
DAILY_INSTRUMENT = "daily"

_DAY = dt.timedelta(days=1)


class Kind(StrEnum):
    """What a reminder is about."""

    CHECKIN = "checkin"  # the daily check-in, at the person's reminder time
    STEP = "step"  # the day before a taper step begins
    QUESTIONNAIRE = "questionnaire"  # a scheduled questionnaire whose window is open


@dataclass(frozen=True)
class QuietHours:
    """Local clock times from ``start`` (inclusive) to ``end`` (exclusive); may span midnight."""

    start: dt.time
    end: dt.time

    def __post_init__(self) -> None:
        if self.start == self.end:
            raise ValueError("quiet hours must start and end at different times")

    @property
    def spans_midnight(self) -> bool:
        return self.start > self.end

    def contains(self, clock: dt.time) -> bool:
        if self.spans_midnight:
            return clock >= self.start or clock < self.end
        return self.start <= clock < self.end

    def end_after(self, day: dt.date, clock: dt.time) -> tuple[dt.date, dt.time]:
        """The local day and time the quiet hours containing ``clock`` on ``day`` end."""
        if self.spans_midnight and clock >= self.start:
            return day + _DAY, self.end
        return day, self.end


@dataclass(frozen=True)
class Preferences:
    """What the person wants reminding of. ``checkin_time`` ``None`` means no check-in reminder."""

    checkin_time: dt.time | None = DEFAULT_CHECKIN_TIME
    step_eve: bool = True
    questionnaires: bool = True
    quiet: QuietHours | None = None

    @property
    def other_time(self) -> dt.time:
        """When the step and questionnaire reminders come without a time of their own."""
        return self.checkin_time or DEFAULT_TIME


@dataclass(frozen=True)
class OpenItem:
    """A scheduled check-in or questionnaire whose window is open and not answered yet.

    ``opens_on`` is its first local day, ``closes_on`` the first local day it is closed.
    """

    instrument: str
    opens_on: dt.date
    closes_on: dt.date
    preferred_time: dt.time | None = None


@dataclass(frozen=True)
class StepStart:
    """A taper step: the local day it begins and its daily target."""

    starts_on: dt.date
    daily_g: Decimal
    doses_per_day: int
    first: bool = False


@dataclass(frozen=True)
class Reminder:
    """One reminder: what, which occurrence (``due_key``), and from when until when (UTC)."""

    kind: Kind
    due_key: str
    send_at: dt.datetime
    expires_at: dt.datetime
    step: StepStart | None = None

    def is_due(self, now: dt.datetime) -> bool:
        return self.send_at <= now.astimezone(dt.UTC) < self.expires_at


def local_instant(day: dt.date, clock: dt.time, zone: ZoneInfo) -> dt.datetime:
    """The UTC instant of a local day and clock time (see the module docstring for DST)."""
    return dt.datetime.combine(day, clock, tzinfo=zone).astimezone(dt.UTC)


def _shifted(day: dt.date, clock: dt.time, quiet: QuietHours | None) -> tuple[dt.date, dt.time]:
    """The local day and time a reminder planned for ``clock`` on ``day`` is given."""
    if quiet is not None and quiet.contains(clock):
        return quiet.end_after(day, clock)
    return day, clock


def _reminder(
    kind: Kind,
    due_key: str,
    *,
    day: dt.date,
    clock: dt.time,
    expires_on: dt.date,
    prefs: Preferences,
    zone: ZoneInfo,
    step: StepStart | None = None,
) -> Reminder | None:
    send_day, send_clock = _shifted(day, clock, prefs.quiet)
    send_at = local_instant(send_day, send_clock, zone)
    expires_at = local_instant(expires_on, dt.time.min, zone)
    if send_at >= expires_at:
        return None
    return Reminder(kind, due_key, send_at, expires_at, step)


def planned_reminders(
    *,
    prefs: Preferences,
    zone: ZoneInfo,
    open_items: list[OpenItem],
    steps: list[StepStart],
) -> list[Reminder]:
    """Every reminder these items and steps call for, with its moment and expiry.

    The check-in reminder comes at ``checkin_time`` on the day. A questionnaire's comes once per
    window, on its first day, at its own preferred time or else ``prefs.other_time``. A step's
    comes the evening before it begins, at ``prefs.other_time``, and is useful until the end of
    the step's first day.
    """
    reminders: list[Reminder | None] = []
    for item in open_items:
        if item.instrument == DAILY_INSTRUMENT:
            if prefs.checkin_time is not None:
                reminders.append(
                    _reminder(
                        Kind.CHECKIN,
                        item.opens_on.isoformat(),
                        day=item.opens_on,
                        clock=prefs.checkin_time,
                        expires_on=item.closes_on,
                        prefs=prefs,
                        zone=zone,
                    )
                )
        elif prefs.questionnaires:
            reminders.append(
                _reminder(
                    Kind.QUESTIONNAIRE,
                    f"{item.instrument}:{item.opens_on.isoformat()}",
                    day=item.opens_on,
                    clock=item.preferred_time or prefs.other_time,
                    expires_on=item.closes_on,
                    prefs=prefs,
                    zone=zone,
                )
            )
    if prefs.step_eve:
        for step in steps:
            reminders.append(
                _reminder(
                    Kind.STEP,
                    step.starts_on.isoformat(),
                    day=step.starts_on - _DAY,
                    clock=prefs.other_time,
                    expires_on=step.starts_on + _DAY,
                    prefs=prefs,
                    zone=zone,
                    step=step,
                )
            )
    return [reminder for reminder in reminders if reminder is not None]


def due_reminders(
    *,
    prefs: Preferences,
    zone: ZoneInfo,
    now: dt.datetime,
    open_items: list[OpenItem],
    steps: list[StepStart],
) -> list[Reminder]:
    """The reminders due at ``now`` (an aware datetime): their moment has come, not expired."""
    if now.tzinfo is None:
        raise ValueError("now must be an aware datetime")
    planned = planned_reminders(prefs=prefs, zone=zone, open_items=open_items, steps=steps)
    return [reminder for reminder in planned if reminder.is_due(now)]


def step_alarm_offset(prefs: Preferences) -> dt.timedelta | None:
    """Where a calendar alarm for a new step goes, relative to the start of the step's day.

    Calendar alarms on all-day events use floating local time, so this is clock arithmetic:
    at 19:00 the evening before, ``-5 h``; moved out of quiet hours 18:00-08:00, ``+8 h`` (the
    step's own morning). ``None`` when the person does not want step reminders.
    """
    if not prefs.step_eve:
        return None
    eve = dt.date(2001, 1, 1)  # any day: only the difference matters
    day, clock = _shifted(eve, prefs.other_time, prefs.quiet)
    return dt.datetime.combine(day, clock) - dt.datetime.combine(eve + _DAY, dt.time.min)
