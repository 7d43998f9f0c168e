"""A person's local day: the clock helpers every app uses."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from typing import Protocol

from django.utils import timezone


class Clocked(Protocol):
    """Anyone with a time zone: a ``User``, or a lighter value that carries theirs."""

    @property
    def zone(self) -> zoneinfo.ZoneInfo: ...


def local_today(owner: Clocked, *, now: dt.datetime | None = None) -> dt.date:
    return (now or timezone.now()).astimezone(owner.zone).date()


def day_start(owner: Clocked, day: dt.date) -> dt.datetime:
    """The instant a local day begins in the person's time zone."""
    return dt.datetime.combine(day, dt.time.min, tzinfo=owner.zone)
