"""The daily evaluation: rules that depend on the passing of days, for everyone.

``missed_checkins`` can only notice a silence when a day passes, and the daily run also catches
up anything a trigger could not record (see ``signals``). The tolerance signals
(``escalation``) are judged on yesterday, a complete day, as the goals app's daily job does.

``escalation`` and the goals app's nudges read the same core rule. The goals app already shows
it as a nudge card on Today; here it is recorded once a day as an alert so that it appears in
the notification centre and, later, in a clinician's view, with no second card on Today.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from stepdown.accounts.models import User
from stepdown.alerts.services import SAFETY_NET_CODES, alerts_evaluate
from stepdown.journal.selectors import local_today

# Interaction findings are recorded by the substances app when a medicine or substance is
# logged; escalation is judged on yesterday (below).
DAY_CODES = tuple(code for code in SAFETY_NET_CODES if code not in ("interaction", "escalation"))
YESTERDAY_CODES = ("escalation",)
BATCH = 200


@dataclass(frozen=True)
class DailyResult:
    people: int
    new_alerts: int


def alerts_daily_for(*, owner: User, now: dt.datetime | None = None) -> int:
    """Evaluate the day-based rules for one person; returns how many alerts were new."""
    today = local_today(owner, now=now)
    fresh = alerts_evaluate(owner=owner, codes=DAY_CODES, today=today)
    fresh += alerts_evaluate(owner=owner, codes=YESTERDAY_CODES, today=today - dt.timedelta(days=1))
    return len(fresh)


def alerts_daily(*, now: dt.datetime | None = None) -> DailyResult:
    """The daily job for every active person (the worker and ``alerts_daily`` call this)."""
    people = new = 0
    for owner in User.objects.filter(is_active=True).order_by("pk").iterator(chunk_size=BATCH):
        new += alerts_daily_for(owner=owner, now=now)
        people += 1
    return DailyResult(people=people, new_alerts=new)
