"""API routes: the person's reminder preferences."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Router

from stepdown.accounts.requests import request_owner
from stepdown.reminders import selectors, services
from stepdown.reminders.schemas import PreferencesIn, PreferencesOut
from stepdown.schemas import API_ERRORS

router = Router(tags=["reminders"])


@router.get(
    "/reminders", response={200: PreferencesOut, **API_ERRORS}, summary="Reminder preferences"
)
def get_preferences(request: HttpRequest) -> PreferencesOut:
    return PreferencesOut.of(selectors.preferences_for(owner=request_owner(request)))


@router.put(
    "/reminders",
    response={200: PreferencesOut, **API_ERRORS},
    summary="Replace the reminder preferences",
)
def put_preferences(request: HttpRequest, payload: PreferencesIn) -> PreferencesOut:
    prefs = services.preferences_update(owner=request_owner(request), **payload.model_dump())
    return PreferencesOut.of(prefs)
