"""The worker's periodic work: the one daily job, run by ``stepdown worker`` (and by cron with
``stepdown worker --once``).

Day-based rules need a complete day to judge (missed check-ins, the tolerance signals and the
nudges about yesterday), and the risk history keeps at least one snapshot a month. Each app's
part is its own service; this module only visits every active person and calls them. Every part
is idempotent, so running the job twice in a day adds nothing. See docs/cli.md ("worker").
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from stepdown.accounts.models import User
from stepdown.alerts.evaluation import notices_daily
from stepdown.goals.history import journal_window
from stepdown.goals.models import RiskSnapshot
from stepdown.goals.risk import risk_refresh
from stepdown.skin.services import photos_resume

BATCH = 200


@dataclass(frozen=True)
class DailyRun:
    """What one run of the daily job did."""

    people: int
    new_notices: int
    snapshots: int
    photos_resumed: int = 0


def run_daily_jobs(*, now: dt.datetime | None = None) -> DailyRun:
    """Run the daily job for every active person, as of ``now`` (default: now)."""
    now = now or timezone.now()
    people = notices = snapshots = 0
    for owner in User.objects.filter(is_active=True).order_by("pk").iterator(chunk_size=BATCH):
        notices += notices_daily(owner=owner, now=now)
        # Stored only when the profile changed or the last snapshot is a month old.
        window = journal_window(owner=owner, now=now)
        result = risk_refresh(owner=owner, trigger=RiskSnapshot.Trigger.MONTHLY, window=window)
        snapshots += result.stored
        people += 1
    # Also on the worker's start: an upload whose worker stopped mid-way is prepared again.
    resumed = photos_resume(now=now)
    return DailyRun(people=people, new_notices=notices, snapshots=snapshots, photos_resumed=resumed)
