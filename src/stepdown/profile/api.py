"""API routes: the onboarding answers (``/api/v1/onboarding``)."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Router

from stepdown.accounts.requests import request_owner
from stepdown.profile import selectors, services
from stepdown.profile.schemas import OnboardingIn, OnboardingOut
from stepdown.schemas import API_ERRORS, exact_decimal

# The routes keep the tag (and the place) they had in the API's document, with the goals.
router = Router(tags=["goals"])


@router.get(
    "/onboarding", response={200: OnboardingOut, **API_ERRORS}, summary="Onboarding answers"
)
def get_onboarding(request: HttpRequest) -> OnboardingOut:
    owner = request_owner(request)
    record = selectors.onboarding_for(owner=owner)
    if record is None:
        return OnboardingOut.not_started(owner)
    return OnboardingOut.of(record, selectors.medicines_for(owner=owner))


@router.put(
    "/onboarding",
    response={200: OnboardingOut, **API_ERRORS},
    summary="Replace all onboarding answers (marks onboarding complete)",
)
def put_onboarding(request: HttpRequest, payload: OnboardingIn) -> OnboardingOut:
    owner = request_owner(request)
    answers = payload.model_dump(exclude={"medicines"})
    answers = {name: exact_decimal(value) for name, value in answers.items()}
    record = services.onboarding_replace(owner=owner, answers=answers, medicines=payload.medicines)
    return OnboardingOut.of(record, selectors.medicines_for(owner=owner))
