"""Alerts and suggestions as JSON, and the one useful link each alert offers on a page."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.urls import NoReverseMatch, reverse

from stepdown.alerts.models import Alert, AlertEvent, SuggestedAdjustment
from stepdown.plans.models import PlanAdjustment


@dataclass(frozen=True)
class ActionLink:
    label: str
    url: str


def _url(name: str, fallback: str) -> str:
    try:
        return reverse(name)
    except NoReverseMatch:  # an app that is not installed in this deployment
        return fallback


def action_link(alert: Alert) -> ActionLink:
    """Where the alert's one useful action happens."""
    code, cause = alert.code, alert.cause_key
    if code in ("self_harm", "medical_warning"):
        return ActionLink("Get help now", reverse("web:help"))
    if code in ("severe_withdrawal", "worse_after_cut", "over_target"):
        suggestion = getattr(alert, "suggestion", None)
        if suggestion is not None and suggestion.is_pending:
            return ActionLink(
                "See the suggestion on your plan", reverse("plans:page") + "#suggestions"
            )
        return ActionLink("Open your plan", reverse("plans:page"))
    if code == "missed_checkins":
        return ActionLink("Do today's check-in", reverse("checkins:checkin_home"))
    if code in ("potency_jump", "seven_oh_product", "failed_contaminant"):
        return ActionLink("Your products", reverse("journal:product_list"))
    if code == "interaction":
        if cause.startswith("medicine:"):
            return ActionLink("Your medicines", _url("substances:medicines", alert.learn_url))
        return ActionLink("Other substances", _url("substances:home", alert.learn_url))
    if code == "escalation":
        return ActionLink("Your goals and limits", reverse("goals:goals"))
    return ActionLink("Learn more", alert.learn_url)


def _by(event: AlertEvent, owner_id: int) -> str:
    if event.actor_id is None:
        return "stepdown"
    return "person" if event.actor_id == owner_id else "clinician"


def event_json(event: AlertEvent, owner_id: int) -> dict[str, Any]:
    return {
        "status": event.status,
        "by": _by(event, owner_id),
        "note": event.note,
        "at": event.created_at,
    }


def adjustment_json(entry: PlanAdjustment | None) -> dict[str, Any] | None:
    if entry is None:
        return None
    return {
        "id": entry.pk,
        "kind": entry.kind,
        "date": entry.effective_date,
        "reason": entry.reason,
        "source": entry.source,
        "end_date_before": entry.end_date_before,
        "end_date_after": entry.end_date_after,
    }


def suggestion_json(suggestion: SuggestedAdjustment) -> dict[str, Any]:
    return {
        "id": suggestion.pk,
        "alert_id": suggestion.alert_id,
        "plan_id": suggestion.plan_id,
        "kind": suggestion.kind,
        "days": suggestion.days,
        "status": suggestion.status,
        "reason": suggestion.reason,
        "created_at": suggestion.created_at,
        "decided_at": suggestion.decided_at,
        "adjustment": adjustment_json(suggestion.adjustment),
    }


def alert_json(alert: Alert) -> dict[str, Any]:
    """An alert with its history and suggestion (prefetched by ``selectors.alerts_for``)."""
    suggestion = getattr(alert, "suggestion", None)
    return {
        "id": alert.pk,
        "code": alert.code,
        "severity": alert.severity,
        "title": alert.title,
        "explanation": alert.explanation,
        "action": alert.action,
        "source": alert.source,
        "learn_slug": alert.learn_slug,
        "learn_url": alert.learn_url,
        "cause_key": alert.cause_key,
        "status": alert.status,
        "created_at": alert.created_at,
        "acknowledged_at": alert.acknowledged_at,
        "resolved_at": alert.resolved_at,
        "history": [event_json(event, alert.owner_id) for event in alert.events.all()],
        "suggestion": suggestion_json(suggestion) if suggestion is not None else None,
    }
