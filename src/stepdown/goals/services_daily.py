"""The daily job's work for one person; the worker (or ``goals_refresh``) calls it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from stepdown.accounts.models import User
from stepdown.goals.history import journal_window
from stepdown.goals.models import RiskSnapshot
from stepdown.goals.nudges import nudges_refresh
from stepdown.goals.risk import risk_refresh


@dataclass(frozen=True)
class DailyOutcome:
    new_nudges: int
    snapshot_stored: bool


def daily_refresh(*, owner: User, now: dt.datetime | None = None) -> DailyOutcome:
    """Nudges for yesterday (a complete local day) and the monthly risk snapshot.

    The risk snapshot is stored only when the profile changed or the last one is 30 days old,
    so running this every day keeps at least one snapshot a month.
    """
    window = journal_window(owner=owner, now=now)
    yesterday = window.today - dt.timedelta(days=1)
    fresh = nudges_refresh(owner=owner, window=window, today=yesterday)
    result = risk_refresh(owner=owner, trigger=RiskSnapshot.Trigger.MONTHLY, window=window)
    return DailyOutcome(new_nudges=len(fresh), snapshot_stored=result.stored)
