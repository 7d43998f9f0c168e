"""API schemas for taper plans. Request bodies are strict: unknown fields are refused."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any, Literal

from ninja import Schema
from pydantic import Field

from stepdown.plans.models import Plan
from stepdown.schemas import IsoDate, StrictIn, UuidText

MethodName = Literal["proportional", "linear", "occupancy"]
Reason = Field(min_length=1, max_length=500)


class PlanIn(StrictIn):
    """A new plan; parameters as in ``stepdown plan`` (see docs/tapering.md)."""

    constraint_model = Plan
    start_g: float = Field(gt=0, le=1000)
    method: MethodName = "proportional"
    rate_pct: float | None = None
    step_g: float | None = None
    ed50_g: float | None = None
    interval_days: int = Field(7, ge=1, le=365)
    stabilize_days: int = Field(7, ge=0, le=365)
    resolution_g: float = Field(0.1, gt=0, le=1000)
    # None: 0.5 g, or four resolution units for coarse capsules; at most 2 g (checked with a
    # field error by the planner).
    stop_below_g: float | None = Field(None, ge=0, le=1000)
    doses_per_day: int = Field(1, ge=1, le=24)
    target_doses_per_day: int | None = Field(None, ge=1, le=24)
    start_date: IsoDate | None = None
    product_id: int | None = None
    reminder_time: str | None = Field(None, pattern=r"^([01]\d|2[0-3]):[0-5]\d$")
    confirm_above_recent: bool = False
    replace_current: bool = False
    reason: str = Field("", max_length=500)
    client_id: UuidText | None = None


class HoldIn(StrictIn):
    days: int = Field(ge=1, le=365)
    reason: str = Reason
    client_id: UuidText | None = None


class ReinstateIn(StrictIn):
    reason: str = Reason
    client_id: UuidText | None = None


class SlowIn(StrictIn):
    """Give at least one of ``rate_pct`` (lower), ``step_g`` (smaller, linear plans) and
    ``interval_days`` (longer)."""

    rate_pct: float | None = None
    step_g: float | None = None
    interval_days: int | None = Field(None, ge=1, le=365)
    reason: str = Reason
    client_id: UuidText | None = None


class CancelIn(StrictIn):
    reason: str = Reason
    client_id: UuidText | None = None


class StepOut(Schema):
    index: int
    start_date: dt.date
    end_date: dt.date
    days: int
    daily_g: float
    doses_per_day: int
    dose_g: list[float]


class ParamsOut(Schema):
    rate_pct: float | None
    step_g: float | None
    ed50_g: float | None
    interval_days: int
    stabilize_days: int
    resolution_g: float
    stop_below_g: float
    doses_per_day: int
    target_doses_per_day: int


class HistoryOut(Schema):
    kind: Literal["create", "hold", "reinstate", "slow", "cancel", "complete"]
    date: dt.date
    reason: str
    source: str
    detail: dict[str, Any]
    end_date_before: dt.date | None
    end_date_after: dt.date
    created_at: dt.datetime


class PlanOut(Schema):
    id: int
    status: Literal["active", "cancelled", "completed"]
    method: str
    start_g: float
    start_date: dt.date
    end_date: dt.date
    steps: list[StepOut]
    product_id: int | None
    product_name: str | None
    params: ParamsOut
    reminder_time: str | None
    client_id: uuid.UUID | None
    created_at: dt.datetime
    ended_at: dt.datetime | None
    history: list[HistoryOut]
