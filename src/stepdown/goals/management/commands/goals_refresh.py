"""``goals_refresh``: the daily summary of nudges and the monthly risk snapshot, for everyone.

Run once a day (cron, or the background worker when it exists): for each active person it checks
yesterday, a complete local day, against their goals and limits and the tolerance signals, and
stores a risk snapshot when theirs changed or is a month old. Each person costs a constant
number of queries; people are read in batches.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand

from stepdown.accounts.models import User
from stepdown.goals.services_daily import daily_refresh


class Command(BaseCommand):
    help = "Check yesterday against everyone's goals and limits; keep monthly risk snapshots."

    def handle(self, *args: Any, **options: Any) -> None:
        people = nudged = snapshots = 0
        for owner in User.objects.filter(is_active=True).order_by("pk").iterator(chunk_size=200):
            outcome = daily_refresh(owner=owner)
            people += 1
            nudged += outcome.new_nudges
            snapshots += int(outcome.snapshot_stored)
        self.stdout.write(
            f"{people} people checked on {dt.date.today().isoformat()}: "
            f"{nudged} new nudge{'' if nudged == 1 else 's'}, "
            f"{snapshots} risk snapshot{'' if snapshots == 1 else 's'} stored."
        )
