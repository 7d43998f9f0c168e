"""Writes for check-in schedules: how often each questionnaire is due, its reminder time, on or
off (the windows they open are in ``checkins.windows``).
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone
from django.utils.translation import gettext as _

from stepdown.accounts.clock import local_today
from stepdown.accounts.models import User
from stepdown.checkins import selectors
from stepdown.checkins.models import Schedule
from stepdown.checkins.windows import ALWAYS_ON, INTERVAL_LIMITS, SCHEDULABLE
from stepdown.errors import InvalidInput


def schedule_update(
    *,
    owner: User,
    instrument: str,
    interval_days: int | None = None,
    preferred_time: dt.time | None = None,
    enabled: bool = True,
    now: dt.datetime | None = None,
) -> Schedule:
    """Set a person's schedule for one instrument (interval, reminder time, on or off)."""
    if instrument not in SCHEDULABLE:
        raise InvalidInput(
            "instrument", _("%(instrument)s has no schedule.") % {"instrument": repr(instrument)}
        )
    current = next(s for s in selectors.schedules_for(owner=owner) if s.instrument == instrument)
    interval = interval_days if interval_days is not None else current.interval_days
    low, high = INTERVAL_LIMITS[instrument]
    if not low <= interval <= high:
        message = (
            _("The daily check-in is once a day.")
            if low == high
            else _("Choose between %(low)s and %(high)s days.") % {"low": low, "high": high}
        )
        raise InvalidInput("interval_days", message)
    if not enabled and instrument in ALWAYS_ON:
        raise InvalidInput(
            "enabled", _("%(name)s stays on; you can change how often.") % {"name": current.name}
        )
    if instrument == "daily" and preferred_time is not None:
        raise InvalidInput(
            "preferred_time",
            _("The daily check-in is reminded at the check-in time in the reminder settings."),
        )
    today = local_today(owner, now=now or timezone.now())
    # Turning a schedule back on starts it afresh today, so the time it was off is not "missed".
    starts_on = today if enabled and not current.enabled else current.starts_on
    schedule, _created = Schedule.objects.update_or_create(
        owner=owner,
        instrument=instrument,
        defaults={
            "interval_days": interval,
            "preferred_time": preferred_time,
            "enabled": enabled,
            "starts_on": starts_on,
        },
    )
    return schedule
