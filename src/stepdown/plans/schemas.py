"""API schemas for taper plans. Request bodies are strict: unknown fields are refused."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable
from typing import Any, Literal, cast

from pydantic import Field

from stepdown.core.tapering import plan_to_dict
from stepdown.plans.models import Plan, PlanAdjustment
from stepdown.plans.snapshot import taper_of
from stepdown.schemas import IsoDate, Out, StrictIn, UuidText, clock, number

MethodName = Literal["proportional", "linear", "occupancy"]
# The models' choices; a stored value is cast to them for the type checker (pydantic checks it).
StatusName = Literal["active", "cancelled", "completed"]
KindName = Literal["create", "hold", "reinstate", "slow", "cancel", "complete"]
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


class StepOut(Out):
    index: int
    start_date: dt.date
    end_date: dt.date
    days: int
    daily_g: float
    doses_per_day: int
    dose_g: list[float]


class ParamsOut(Out):
    rate_pct: float | None
    step_g: float | None
    ed50_g: float | None
    interval_days: int
    stabilize_days: int
    resolution_g: float
    stop_below_g: float
    doses_per_day: int
    target_doses_per_day: int

    @classmethod
    def of(cls, plan: Plan) -> ParamsOut:
        return cls(
            rate_pct=number(plan.rate_pct),
            step_g=number(plan.step_g),
            ed50_g=number(plan.ed50_g),
            interval_days=plan.interval_days,
            stabilize_days=plan.stabilize_days,
            resolution_g=float(plan.resolution_g),
            stop_below_g=float(plan.stop_below_g),
            doses_per_day=plan.doses_per_day,
            target_doses_per_day=plan.target_doses_per_day,
        )


class HistoryOut(Out):
    kind: KindName
    date: dt.date
    reason: str
    source: str
    detail: dict[str, Any]
    end_date_before: dt.date | None
    end_date_after: dt.date
    created_at: dt.datetime

    @classmethod
    def of(cls, entry: PlanAdjustment) -> HistoryOut:
        return cls(
            kind=cast(KindName, entry.kind),
            date=entry.effective_date,
            reason=entry.reason,
            source=entry.source,
            detail=entry.detail,
            end_date_before=entry.end_date_before,
            end_date_after=entry.end_date_after,
            created_at=entry.created_at,
        )


class PlanOut(Out):
    id: int
    status: StatusName
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

    @classmethod
    def of(cls, plan: Plan, history: Iterable[PlanAdjustment]) -> PlanOut:
        """The plan in the CLI's JSON shape (``plan_to_dict``) plus its id, state and history."""
        return cls(
            id=plan.pk,
            status=cast(StatusName, plan.status),
            **plan_to_dict(taper_of(plan)),
            product_id=plan.product_id,
            product_name=plan.product.name if plan.product else None,
            params=ParamsOut.of(plan),
            reminder_time=clock(plan.reminder_time),
            client_id=plan.client_id,
            created_at=plan.created_at,
            ended_at=plan.ended_at,
            history=[HistoryOut.of(entry) for entry in history],
        )
