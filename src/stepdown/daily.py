"""The once-a-day jobs, run by ``stepdown worker`` (or cron: ``stepdown worker --once``).

Day-based rules need a complete day to judge (missed check-ins, escalation, yesterday's nudges,
the monthly risk snapshot); each job is idempotent, so running it twice in a day adds nothing.
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from stepdown.accounts.models import User
from stepdown.alerts.daily import alerts_daily
from stepdown.goals.services_daily import daily_refresh


def run_daily_jobs(*, now: dt.datetime | None = None) -> int:
    """Run every daily job for every active person; returns how many people were visited."""
    now = now or timezone.now()
    alerts_daily(now=now)
    people = 0
    for owner in User.objects.filter(is_active=True).iterator():
        daily_refresh(owner=owner, now=now)
        people += 1
    return people
