"""API routes: the person's reminder preferences, and the plan as a calendar file.

The calendar route is ``/plans/{plan_id}.ics``: ninja turns ``{plan_id}`` into Django's
``<int:plan_id>`` converter, so ``.ics`` after it is a literal suffix and ``/plans/current`` can
never be mistaken for a plan id. It keeps the "plans" tag it always had.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from ninja import Router

from stepdown.accounts.requests import request_owner
from stepdown.plans import selectors as plans
from stepdown.reminders import selectors, services
from stepdown.reminders.calendar import ics_response, plan_ics
from stepdown.reminders.schemas import PreferencesIn, PreferencesOut
from stepdown.schemas import API_ERRORS

router = Router(tags=["reminders"])
# Added before the plans router, which would read "1.ics" in /plans/1.ics as a plan id.
calendar_router = Router(tags=["plans"])


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


@calendar_router.get(
    "/plans/{plan_id}.ics",
    response={200: None, **API_ERRORS},
    summary="The plan as an iCalendar file: each step an all-day event",
    openapi_extra={
        "responses": {
            "200": {
                "description": "text/calendar (RFC 5545)",
                "content": {"text/calendar": {"schema": {"type": "string"}}},
            }
        }
    },
)
def plan_calendar(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan = plans.plan_get(owner=request_owner(request), plan_id=plan_id)
    return ics_response(plan_ics(plan), filename=f"plan-{plan.pk}.ics")
