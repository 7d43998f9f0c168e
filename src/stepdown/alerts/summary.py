"""The bell's number and which plans have suggestions waiting, cached per data revision.

The bell sits on every signed-in page, so it must not add a query to each of them. The summary
(one aggregate query) is cached under the person's ``data_revision``, which is loaded with the
user at no extra query; every change to an alert or a suggestion bumps it
(``accounts.services.data_changed``), as every journal write does, so a cached value is never
older than the last change, in any process. When the value is not cached, the tags render a
placeholder that htmx fills from a small endpoint, which computes and caches it: the page
itself still makes no extra query.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.cache import cache

from stepdown.accounts.models import User
from stepdown.accounts.services import data_changed
from stepdown.alerts.models import Alert, SuggestedAdjustment
from stepdown.web.cache_keys import revision_key

TIMEOUT_S = 600


@dataclass(frozen=True)
class AlertSummary:
    open_count: int
    pending_plan_ids: frozenset[int]


def _key(owner: User) -> str:
    return revision_key("alerts-summary", owner)


def cached_summary(*, owner: User) -> AlertSummary | None:
    """The cached summary for the person's current revision, or ``None`` (no query)."""
    found = cache.get(_key(owner))
    return found if isinstance(found, AlertSummary) else None


def alert_summary(*, owner: User) -> AlertSummary:
    """Compute (two indexed queries) and cache the summary."""
    open_count = Alert.objects.filter(
        owner=owner, kind=Alert.Kind.ALERT, status=Alert.Status.OPEN
    ).count()
    pending = (
        SuggestedAdjustment.objects.filter(owner=owner, status=SuggestedAdjustment.Status.SUGGESTED)
        .values_list("plan_id", flat=True)
        .distinct()
    )
    summary = AlertSummary(open_count=open_count, pending_plan_ids=frozenset(pending))
    cache.set(_key(owner), summary, TIMEOUT_S)
    return summary


def alerts_changed(*, owner: User) -> None:
    """Call after any change to the person's alerts or suggestions (inside the transaction)."""
    data_changed(owner=owner)
