"""API schemas for alerts and suggested adjustments. Request bodies are strict."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from ninja import Schema
from pydantic import Field

from stepdown.schemas import QueryFilters, StrictIn

SeverityName = Literal["critical", "high", "moderate", "low", "info"]
AlertStatus = Literal["open", "acknowledged", "resolved"]
SuggestionStatus = Literal["suggested", "accepted", "declined", "superseded"]
SuggestionKindName = Literal["hold", "reinstate", "slow"]


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


class EventOut(Schema):
    status: AlertStatus
    by: Literal["person", "stepdown", "clinician"]
    note: str
    at: dt.datetime


class AdjustmentOut(Schema):
    """The plan history entry an accepted suggestion produced."""

    id: int
    kind: Literal["create", "hold", "reinstate", "slow", "cancel", "complete"]
    date: dt.date
    reason: str
    source: str
    end_date_before: dt.date | None
    end_date_after: dt.date


class SuggestionOut(Schema):
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


class AlertOut(Schema):
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


class AlertListOut(Schema):
    items: list[AlertOut]
    count: int
    limit: int
    offset: int
