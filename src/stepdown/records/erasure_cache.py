"""The erased person's cached values: their keys, worked out before the rows go, deleted after.

Per-person caches are keyed on the person's id and ``data_revision`` (``web.cache_keys``), so a
cached value of an erased account can never be served: no one signs in as that id again (ids are
not reused on either database). The entries would still hold health data until they expire
(``TIMEOUT_S``, ten minutes), so the ones of the current revision are deleted at once. A cache
in another worker process's own memory is out of reach; it expires on its own (the copies
``web.revision_cache`` keeps in each process within a minute).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone

from stepdown.accounts.clock import local_today
from stepdown.accounts.models import User
from stepdown.journal.models import Dose
from stepdown.plans.models import Plan
from stepdown.web import fragments, revision_cache
from stepdown.web.cache_keys import revision_key

# The journal pages hold this many doses (journal.views.dose_list).
_JOURNAL_PAGE = 50


def _page_keys(user: User, pages: list[str], now: dt.datetime) -> list[str]:
    minutes = range(fragments.TIMEOUT_S // 60 + 1)
    moments = [timezone.localtime(now - dt.timedelta(minutes=m), user.zone) for m in minutes]
    stamps = [moment.strftime("%Y-%m-%dT%H:%M") for moment in moments]
    return [
        revision_key(f"page:{page}", user, user.time_zone, language, stamp)
        for page in pages
        for language, _name in settings.LANGUAGES
        for stamp in stamps
    ]


def cached_keys(user: User, owned: dict[type[models.Model], list[Any]]) -> list[str]:
    """Every key the person's values may be cached under at their current revision."""
    now = timezone.now()
    today = local_today(user, now=now)
    days = [today + dt.timedelta(days=shift) for shift in (-1, 0, 1)]
    doses = len(owned.get(Dose, ()))
    pages = ["today", "checkins", "goals", "plan", "journal:"]
    pages += [f"journal:{number}" for number in range(1, doses // _JOURNAL_PAGE + 2)]
    pages += [f"plan:{pk}" for pk in owned.get(Plan, ())]
    return [
        revision_key("alerts-summary", user),
        *(revision_key("today-summary", user, day) for day in days),
        *(revision_key("journal-window", user, day) for day in days),
        *_page_keys(user, pages, now),
    ]


def forget(keys: list[str]) -> None:
    revision_cache.forget(keys)
