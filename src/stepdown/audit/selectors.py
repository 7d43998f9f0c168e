"""Reading the access log: only ever one person's own rows."""

from __future__ import annotations

import datetime as dt

from django.db.models import QuerySet
from django.utils import timezone

from stepdown.accounts.models import User
from stepdown.audit.models import AccessEvent

# 42 CFR Part 2 §2.25: an accounting of disclosures covers the past three years.
DISCLOSURE_YEARS = 3


def events_for(*, owner: User) -> QuerySet[AccessEvent]:
    """Everything recorded about ``owner``'s data, newest first."""
    return AccessEvent.objects.filter(owner=owner).order_by("-at", "-id")


def disclosure_window_start(now: dt.datetime | None = None) -> dt.datetime:
    """The same moment three years ago (29 February falls back to the 28th)."""
    now = now or timezone.now()
    try:
        return now.replace(year=now.year - DISCLOSURE_YEARS)
    except ValueError:
        return now.replace(year=now.year - DISCLOSURE_YEARS, day=28)


def disclosures_for(*, owner: User, now: dt.datetime | None = None) -> QuerySet[AccessEvent]:
    """The accounting of disclosures: ``owner``'s events of the past three years, oldest first."""
    since = disclosure_window_start(now)
    return AccessEvent.objects.filter(owner=owner, at__gte=since).order_by("at", "id")
