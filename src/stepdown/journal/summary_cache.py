"""Today's summary, cached until the journal changes or the local day turns.

Computing the summary costs a few aggregate queries; the Today page and ``/api/v1/today`` are the
most requested reads. The key holds the person's ``data_revision`` (bumped by every journal write,
and loaded with the user at no extra query) and their local date, so a cached value can never be
older than the last write.
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from stepdown.accounts.clock import local_today
from stepdown.accounts.models import User
from stepdown.journal.selectors import TodaySummary, today_summary
from stepdown.web.cache_keys import revision_key
from stepdown.web.revision_cache import remembered

TIMEOUT_S = 600


def cached_today_summary(*, owner: User, now: dt.datetime | None = None) -> TodaySummary:
    now = now or timezone.now()
    key = revision_key("today-summary", owner, local_today(owner, now=now))
    return remembered(key, lambda: today_summary(owner=owner, now=now), timeout_s=TIMEOUT_S)
