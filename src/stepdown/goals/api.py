"""API routes: onboarding answers, the risk profile and its history, goals and limits."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.http import HttpRequest
from ninja import Router

from stepdown.accounts.requests import request_owner
from stepdown.goals import selectors, services
from stepdown.goals.risk import risk_now
from stepdown.goals.schemas import (
    GoalIn,
    GoalOut,
    OnboardingIn,
    OnboardingOut,
    RiskOut,
    SnapshotOut,
)
from stepdown.profile import selectors as profile_selectors
from stepdown.schemas import API_ERRORS

router = Router(tags=["goals"])


def _decimal(value: Any) -> Any:
    """Floats from JSON become exact decimals (via their shortest text form)."""
    return Decimal(str(value)) if isinstance(value, float) else value


@router.get(
    "/onboarding", response={200: OnboardingOut, **API_ERRORS}, summary="Onboarding answers"
)
def get_onboarding(request: HttpRequest) -> OnboardingOut:
    owner = request_owner(request)
    record = profile_selectors.onboarding_for(owner=owner)
    if record is None:
        return OnboardingOut.not_started(owner)
    return OnboardingOut.of(record, profile_selectors.medicines_for(owner=owner))


@router.put(
    "/onboarding",
    response={200: OnboardingOut, **API_ERRORS},
    summary="Replace all onboarding answers (marks onboarding complete)",
)
def put_onboarding(request: HttpRequest, payload: OnboardingIn) -> OnboardingOut:
    owner = request_owner(request)
    answers = payload.model_dump(exclude={"medicines"})
    answers = {name: _decimal(value) for name, value in answers.items()}
    record = services.onboarding_replace(owner=owner, answers=answers, medicines=payload.medicines)
    return OnboardingOut.of(record, profile_selectors.medicines_for(owner=owner))


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
    fields = {name: _decimal(value) for name, value in payload.model_dump().items()}
    return GoalOut.of(services.goal_save(owner=request_owner(request), fields=fields))
