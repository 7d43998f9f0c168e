"""API routes: the person's reminder preferences."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Router

from stepdown.accounts.requests import request_owner
from stepdown.reminders import selectors, services
from stepdown.reminders.presenters import preferences_json
from stepdown.reminders.schemas import PreferencesIn, PreferencesOut
from stepdown.schemas import API_ERRORS

router = Router(tags=["reminders"])


@router.get(
    "/reminders", response={200: PreferencesOut, **API_ERRORS}, summary="Reminder preferences"
)
def get_preferences(request: HttpRequest) -> dict[str, Any]:
    return preferences_json(selectors.preferences_for(owner=request_owner(request)))


@router.put(
    "/reminders",
    response={200: PreferencesOut, **API_ERRORS},
    summary="Replace the reminder preferences",
)
def put_preferences(request: HttpRequest, payload: PreferencesIn) -> dict[str, Any]:
    prefs = services.preferences_update(owner=request_owner(request), **payload.model_dump())
    return preferences_json(prefs)
