"""API routes: the risk profile and its history, goals and limits."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Router

from stepdown.accounts.requests import request_owner
from stepdown.goals import selectors, services
from stepdown.goals.risk import risk_now
from stepdown.goals.schemas import (
    GoalIn,
    GoalOut,
    RiskOut,
    SnapshotOut,
)
from stepdown.schemas import API_ERRORS, exact_decimal

router = Router(tags=["goals"])


@router.get(
    "/risk",
    response={200: RiskOut, **API_ERRORS},
    summary="The risk profile, computed now (reads only; snapshot_id: the latest stored, or null)",
)
def get_risk(request: HttpRequest) -> RiskOut:
    return RiskOut.of(risk_now(owner=request_owner(request)))


@router.get(
    "/risk/history", response={200: list[SnapshotOut], **API_ERRORS}, summary="Past risk profiles"
)
def get_risk_history(request: HttpRequest) -> list[SnapshotOut]:
    return [SnapshotOut.of(item) for item in selectors.risk_history(owner=request_owner(request))]


@router.get("/goals", response={200: GoalOut, **API_ERRORS}, summary="Goal and limits")
def get_goals(request: HttpRequest) -> GoalOut:
    return GoalOut.of(selectors.goal_for(owner=request_owner(request)))


@router.put("/goals", response={200: GoalOut, **API_ERRORS}, summary="Replace goal and limits")
def put_goals(request: HttpRequest, payload: GoalIn) -> GoalOut:
    fields = {name: exact_decimal(value) for name, value in payload.model_dump().items()}
    return GoalOut.of(services.goal_save(owner=request_owner(request), fields=fields))
