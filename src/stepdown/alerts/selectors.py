"""Reads of alerts and suggestions, always scoped to one owner."""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet

from stepdown.accounts.models import User
from stepdown.alerts.models import Alert, AlertEvent, SuggestedAdjustment
from stepdown.errors import NotFound
from stepdown.plans.models import Plan


def alerts_for(
    *, owner: User, status: str | None = None, severity: str | None = None
) -> QuerySet[Alert]:
    """The person's alerts, newest first, each with its suggestion (one join) and, once
    evaluated, its history (one more query for the whole page)."""
    alerts = (
        Alert.objects.filter(owner=owner)
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


def pending_for_plan(*, owner: User, plan: Plan) -> list[SuggestedAdjustment]:
    """Suggestions waiting for the person's answer on ``plan``: one query."""
    if plan.owner_id != owner.pk or not plan.is_active:
        return []
    return list(
        suggestions_for(owner=owner, status=SuggestedAdjustment.Status.SUGGESTED).filter(plan=plan)
    )
