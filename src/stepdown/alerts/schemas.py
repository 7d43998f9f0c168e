"""API schemas for alerts, nudges and suggested adjustments. Request bodies are strict."""

from __future__ import annotations

import datetime as dt
from typing import Literal, cast

from pydantic import Field

from stepdown.alerts.models import Alert, AlertEvent, SuggestedAdjustment
from stepdown.alerts.nudges import action_for, learn_url
from stepdown.plans.models import PlanAdjustment
from stepdown.plans.schemas import KindName
from stepdown.schemas import Out, QueryFilters, StrictIn

# The models' choices; a stored value is cast to them for the type checker (pydantic checks it
# again when the payload is built).
SeverityName = Literal["critical", "high", "moderate", "low", "info"]
AlertStatus = Literal["open", "acknowledged", "resolved"]
SuggestionStatus = Literal["suggested", "accepted", "declined", "superseded"]
SuggestionKindName = Literal["hold", "reinstate", "slow"]
ActorName = Literal["person", "stepdown", "clinician"]


class AlertFilters(QueryFilters):
    status: AlertStatus | None = None
    severity: SeverityName | None = None
    limit: int = Field(50, ge=1, le=200)
    offset: int = Field(0, ge=0, le=1_000_000_000)


class SuggestionFilters(QueryFilters):
    status: SuggestionStatus | None = None


class NoteIn(StrictIn):
    """An optional note kept in the alert's history."""

    note: str = Field("", max_length=500)


class DecisionIn(StrictIn):
    """The reason kept with the decision; when empty on accept, one naming the alert is used."""

    reason: str = Field("", max_length=500)


class EventOut(Out):
    status: AlertStatus
    by: ActorName
    note: str
    at: dt.datetime

    @classmethod
    def of(cls, event: AlertEvent, owner_id: int) -> EventOut:
        by: ActorName = "stepdown"
        if event.actor_id is not None:
            by = "person" if event.actor_id == owner_id else "clinician"
        return cls(
            status=cast(AlertStatus, event.status), by=by, note=event.note, at=event.created_at
        )


class AdjustmentOut(Out):
    """The plan history entry an accepted suggestion produced."""

    id: int
    kind: KindName
    date: dt.date
    reason: str
    source: str
    end_date_before: dt.date | None
    end_date_after: dt.date

    @classmethod
    def of(cls, entry: PlanAdjustment) -> AdjustmentOut:
        return cls(
            id=entry.pk,
            kind=cast(KindName, entry.kind),
            date=entry.effective_date,
            reason=entry.reason,
            source=entry.source,
            end_date_before=entry.end_date_before,
            end_date_after=entry.end_date_after,
        )


class SuggestionOut(Out):
    id: int
    alert_id: int
    plan_id: int
    kind: SuggestionKindName
    days: int | None
    status: SuggestionStatus
    reason: str
    created_at: dt.datetime
    decided_at: dt.datetime | None
    adjustment: AdjustmentOut | None

    @classmethod
    def of(cls, suggestion: SuggestedAdjustment) -> SuggestionOut:
        adjustment = suggestion.adjustment
        return cls(
            id=suggestion.pk,
            alert_id=suggestion.alert_id,
            plan_id=suggestion.plan_id,
            kind=cast(SuggestionKindName, suggestion.kind),
            days=suggestion.days,
            status=cast(SuggestionStatus, suggestion.status),
            reason=suggestion.reason,
            created_at=suggestion.created_at,
            decided_at=suggestion.decided_at,
            adjustment=None if adjustment is None else AdjustmentOut.of(adjustment),
        )


class AlertOut(Out):
    id: int
    code: str
    severity: SeverityName
    title: str
    explanation: str
    action: str
    source: str
    learn_slug: str
    learn_url: str
    cause_key: str
    status: AlertStatus
    created_at: dt.datetime
    acknowledged_at: dt.datetime | None
    resolved_at: dt.datetime | None
    history: list[EventOut]
    suggestion: SuggestionOut | None

    @classmethod
    def of(cls, alert: Alert) -> AlertOut:
        """An alert with its history and suggestion (prefetched by ``selectors.alerts_for``)."""
        suggestion = getattr(alert, "suggestion", None)
        return cls(
            id=alert.pk,
            code=alert.code,
            severity=cast(SeverityName, alert.severity),
            title=alert.title,
            explanation=alert.explanation,
            action=alert.action,
            source=alert.source,
            learn_slug=alert.learn_slug,
            learn_url=alert.learn_url,
            cause_key=alert.cause_key,
            status=cast(AlertStatus, alert.status),
            created_at=alert.created_at,
            acknowledged_at=alert.acknowledged_at,
            resolved_at=alert.resolved_at,
            history=[EventOut.of(event, alert.owner_id) for event in alert.events.all()],
            suggestion=None if suggestion is None else SuggestionOut.of(suggestion),
        )


class AlertListOut(Out):
    items: list[AlertOut]
    count: int
    limit: int
    offset: int


class NudgeOut(Out):
    id: int
    code: str
    cause_key: str
    severity: str
    title: str
    explanation: str
    action: str
    action_label: str
    action_url: str
    second_action_label: str
    second_action_url: str
    source: str
    learn_slug: str
    learn_url: str
    created_at: dt.datetime
    dismissed_at: dt.datetime | None

    @classmethod
    def of(cls, nudge: Alert) -> NudgeOut:
        action = action_for(nudge)
        return cls(
            id=nudge.pk,
            code=nudge.code,
            cause_key=nudge.cause_key,
            severity=nudge.severity,
            title=nudge.title,
            explanation=nudge.explanation,
            action=action.text,
            action_label=action.label,
            action_url=action.url,
            second_action_label=action.second_label,
            second_action_url=action.second_url,
            source=nudge.source,
            learn_slug=nudge.learn_slug,
            learn_url=learn_url(nudge.learn_slug),
            created_at=nudge.created_at,
            dismissed_at=nudge.dismissed_at,
        )
