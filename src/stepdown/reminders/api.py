"""API routes: the person's reminder preferences."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Router

from stepdown.accounts.models import User
from stepdown.reminders import selectors, services
from stepdown.reminders.presenters import preferences_json
from stepdown.reminders.schemas import PreferencesIn, PreferencesOut
from stepdown.schemas import MessageOut, ValidationErrorOut

router = Router(tags=["reminders"])

ERRORS: dict[int, Any] = {
    400: MessageOut,
    401: MessageOut,
    404: MessageOut,
    422: ValidationErrorOut,
}


def _owner(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)  # the bearer-token auth sets it
    return user


@router.get("/reminders", response={200: PreferencesOut, **ERRORS}, summary="Reminder preferences")
def get_preferences(request: HttpRequest) -> dict[str, Any]:
    return preferences_json(selectors.preferences_for(owner=_owner(request)))


@router.put(
    "/reminders",
    response={200: PreferencesOut, **ERRORS},
    summary="Replace the reminder preferences",
)
def put_preferences(request: HttpRequest, payload: PreferencesIn) -> dict[str, Any]:
    prefs = services.preferences_update(owner=_owner(request), **payload.model_dump())
    return preferences_json(prefs)
