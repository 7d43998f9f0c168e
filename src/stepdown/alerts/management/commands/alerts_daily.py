"""``alerts_daily``: run the day-based alert rules for everyone (once a day, cron or worker)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from stepdown.alerts.daily import alerts_daily


class Command(BaseCommand):
    help = "Check everyone's recent days against the safety-net rules; store new alerts."

    def handle(self, *args: Any, **options: Any) -> None:
        result = alerts_daily()
        plural = "" if result.new_alerts == 1 else "s"
        self.stdout.write(f"{result.people} people checked: {result.new_alerts} new alert{plural}.")
