"""Reads of alerts, nudges and suggestions, always scoped to one owner. Nothing here writes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from stepdown.accounts.models import User
from stepdown.alerts.models import CARD_CODES, Alert, AlertEvent, SuggestedAdjustment
from stepdown.alerts.nudges import NudgeGroup, group_by_code
from stepdown.errors import NotFound
from stepdown.plans.models import Plan, PlanAdjustment
from stepdown.web.raw_rows import raw_models

SHOWN_FOR_DAYS = 14  # a nudge older than this is no longer news
# Enough for two weeks of the busiest pattern (a nudge per dose at a dozen doses a day), so
# grouping by kind sees every kind; still a bounded read.
CURRENT_NUDGES = 200
TODAY_NUDGES = 3


def alerts_for(
    *, owner: User, status: str | None = None, severity: str | None = None
) -> QuerySet[Alert]:
    """The person's alerts, newest first, each with its suggestion (one join) and, once
    evaluated, its history (one more query for the whole page)."""
    alerts = (
        Alert.objects.filter(owner=owner, kind=Alert.Kind.ALERT)
        .select_related("suggestion", "suggestion__adjustment")
        .prefetch_related(Prefetch("events", queryset=AlertEvent.objects.order_by("created_at")))
    )
    if status is not None:
        alerts = alerts.filter(status=status)
    if severity is not None:
        alerts = alerts.filter(severity=severity)
    return alerts.order_by("-created_at", "-pk")


def alert_get(*, owner: User, alert_id: int) -> Alert:
    """One of the person's alerts with its history; :class:`NotFound` for anyone else's."""
    try:
        return alerts_for(owner=owner).get(pk=alert_id)
    except Alert.DoesNotExist:
        raise NotFound("alert") from None


def suggestions_for(*, owner: User, status: str | None = None) -> QuerySet[SuggestedAdjustment]:
    """The person's suggested adjustments, newest first, with their alert and plan entry."""
    found = SuggestedAdjustment.objects.filter(owner=owner).select_related("alert", "adjustment")
    if status is not None:
        found = found.filter(status=status)
    return found.order_by("-created_at", "-pk")


def suggestion_get(*, owner: User, suggestion_id: int) -> SuggestedAdjustment:
    try:
        return suggestions_for(owner=owner).get(pk=suggestion_id)
    except SuggestedAdjustment.DoesNotExist:
        raise NotFound("suggestion") from None


def suggestions_behind(
    *, owner: User, adjustments: list[PlanAdjustment]
) -> dict[int, SuggestedAdjustment]:
    """The accepted suggestions that made these plan history entries, by entry id: one query."""
    found = SuggestedAdjustment.objects.filter(
        owner=owner, adjustment__in=[entry.pk for entry in adjustments]
    ).select_related("alert", "owner")
    return {
        suggestion.adjustment_id: suggestion for suggestion in found if suggestion.adjustment_id
    }


def pending_for_plan(*, owner: User, plan: Plan) -> list[SuggestedAdjustment]:
    """Suggestions waiting for the person's answer on ``plan``: one query."""
    if plan.owner_id != owner.pk or not plan.is_active:
        return []
    return list(
        suggestions_for(owner=owner, status=SuggestedAdjustment.Status.SUGGESTED).filter(plan=plan)
    )


# --- nudges ---------------------------------------------------------------------------------


def nudges_for(*, owner: User) -> QuerySet[Alert]:
    """Every nudge card of the person, shown or dismissed, newest first."""
    return Alert.objects.filter(owner=owner, code__in=CARD_CODES)


def nudge_get(*, owner: User, nudge_id: int) -> Alert:
    if not 0 < nudge_id < 2**63:  # beyond any database integer: cannot exist
        raise NotFound("nudge")
    try:
        return nudges_for(owner=owner).get(pk=nudge_id)
    except Alert.DoesNotExist:
        raise NotFound("nudge") from None


# Plain SQL: read on every Today page, the ORM query cost more to build than to run
# (docs/performance.md). The order is the model's.
_CURRENT_NUDGES_SQL = (  # noqa: S608 (placeholders only)
    'SELECT * FROM "alerts_alert" WHERE "owner_id" = %s AND "code" IN ({codes}) '
    'AND "dismissed_at" IS NULL AND "created_at" >= %s '
    'ORDER BY "created_at" DESC, "id" DESC LIMIT %s'
).format(codes=", ".join(["%s"] * len(CARD_CODES)))


def nudges_current(*, owner: User, limit: int = CURRENT_NUDGES) -> list[Alert]:
    """Nudges not dismissed from the last ``SHOWN_FOR_DAYS`` days, newest first (one query)."""
    since = timezone.now() - dt.timedelta(days=SHOWN_FOR_DAYS)
    return raw_models(Alert, _CURRENT_NUDGES_SQL, [owner.pk, *CARD_CODES, since, limit])


@dataclass(frozen=True)
class TodayNudges:
    """The nudge cards for Today: one per kind, newest first, and whether more kinds wait."""

    groups: tuple[NudgeGroup, ...]
    more: bool


def nudges_for_today(*, owner: User, limit: int = TODAY_NUDGES) -> TodayNudges:
    """At most ``limit`` nudge cards (one per kind, see ``nudges.group_by_code``): one query."""
    groups = group_by_code(nudges_current(owner=owner))
    return TodayNudges(groups=tuple(groups[:limit]), more=len(groups) > limit)
