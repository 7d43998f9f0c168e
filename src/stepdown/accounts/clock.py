"""A person's local day: the clock helpers every app uses."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from stepdown.accounts.models import User


def local_today(owner: User, *, now: dt.datetime | None = None) -> dt.date:
    return (now or timezone.now()).astimezone(owner.zone).date()


def day_start(owner: User, day: dt.date) -> dt.datetime:
    """The instant a local day begins in the person's time zone."""
    return dt.datetime.combine(day, dt.time.min, tzinfo=owner.zone)
