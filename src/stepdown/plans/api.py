"""API routes for taper plans (the plan's calendar file, ``/plans/{plan_id}.ics``, is served by
the reminders app's router)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.http import HttpRequest
from ninja import Router
from ninja.responses import Status

from stepdown.accounts.requests import request_owner
from stepdown.errors import NotFound
from stepdown.plans import adjust_services, end_services, selectors, services
from stepdown.plans.models import Plan
from stepdown.plans.schemas import CancelIn, HoldIn, PlanIn, PlanOut, ReinstateIn, SlowIn
from stepdown.schemas import API_ERRORS

router = Router(tags=["plans"])


def _decimal(value: float | None) -> Decimal | None:
    """A JSON number as an exact decimal (via its shortest text form)."""
    return None if value is None else Decimal(str(value))


def _out(plan: Plan) -> PlanOut:
    return PlanOut.of(plan, plan.adjustments.all())


@router.get(
    "/plans", response={200: list[PlanOut], **API_ERRORS}, summary="List plans, newest first"
)
def list_plans(request: HttpRequest) -> list[PlanOut]:
    plans = selectors.plans_for(owner=request_owner(request)).prefetch_related("adjustments")
    return [_out(plan) for plan in plans]


@router.post(
    "/plans",
    response={200: PlanOut, 201: PlanOut, **API_ERRORS},
    summary="Start a plan (a repeated client_id returns the original with 200)",
)
def create_plan(request: HttpRequest, payload: PlanIn) -> Status[PlanOut]:
    fields = payload.model_dump()
    for name in ("start_g", "rate_pct", "step_g", "ed50_g", "resolution_g", "stop_below_g"):
        fields[name] = _decimal(fields[name])
    reminder = fields.pop("reminder_time")
    fields["reminder_time"] = dt.time.fromisoformat(reminder) if reminder else None
    result = services.plan_create(owner=request_owner(request), **fields)
    return Status(201 if result.created else 200, _out(result.plan))


@router.get("/plans/current", response={200: PlanOut, **API_ERRORS}, summary="The active plan")
def current_plan(request: HttpRequest) -> PlanOut:
    plan = selectors.current_plan(owner=request_owner(request))
    if plan is None:
        raise NotFound("plan")
    return _out(plan)


@router.get("/plans/{plan_id}", response={200: PlanOut, **API_ERRORS}, summary="A plan")
def get_plan(request: HttpRequest, plan_id: int) -> PlanOut:
    return _out(selectors.plan_get(owner=request_owner(request), plan_id=plan_id))


@router.post(
    "/plans/{plan_id}/hold",
    response={200: PlanOut, **API_ERRORS},
    summary="Stay on today's step longer; everything later moves by as many days",
)
def hold(request: HttpRequest, plan_id: int, payload: HoldIn) -> PlanOut:
    plan = adjust_services.plan_hold(
        owner=request_owner(request), plan_id=plan_id, **payload.model_dump()
    )
    return _out(plan)


@router.post(
    "/plans/{plan_id}/reinstate",
    response={200: PlanOut, **API_ERRORS},
    summary="Go back to the previous, higher step for one interval",
)
def reinstate(request: HttpRequest, plan_id: int, payload: ReinstateIn) -> PlanOut:
    plan = adjust_services.plan_reinstate(
        owner=request_owner(request), plan_id=plan_id, **payload.model_dump()
    )
    return _out(plan)


@router.post(
    "/plans/{plan_id}/slow",
    response={200: PlanOut, **API_ERRORS},
    summary="Re-plan the rest more gently (lower rate, smaller step or longer interval)",
)
def slow(request: HttpRequest, plan_id: int, payload: SlowIn) -> PlanOut:
    fields = payload.model_dump()
    fields["rate_pct"] = _decimal(fields["rate_pct"])
    fields["step_g"] = _decimal(fields["step_g"])
    plan = adjust_services.plan_slow(owner=request_owner(request), plan_id=plan_id, **fields)
    return _out(plan)


@router.post(
    "/plans/{plan_id}/cancel",
    response={200: PlanOut, **API_ERRORS},
    summary="End the plan early (it stays in the history)",
)
def cancel(request: HttpRequest, plan_id: int, payload: CancelIn) -> PlanOut:
    plan = end_services.plan_cancel(
        owner=request_owner(request), plan_id=plan_id, **payload.model_dump()
    )
    return _out(plan)
