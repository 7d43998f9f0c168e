"""API routes for alerts, nudges and the plan adjustments they suggest."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Query, Router

from stepdown.accounts.models import User
from stepdown.accounts.requests import request_owner
from stepdown.alerts import selectors, services
from stepdown.alerts.schemas import (
    AlertFilters,
    AlertListOut,
    AlertOut,
    DecisionIn,
    NoteIn,
    NudgeOut,
    SuggestionFilters,
    SuggestionOut,
)
from stepdown.schemas import API_ERRORS

router = Router(tags=["alerts"])
# The nudges keep the place (and the tag) they had in the API's document, next to the goals.
nudges_router = Router(tags=["goals"])

# Suggestions come a few a month at most; the list is bounded all the same.
SUGGESTIONS_LISTED = 200


def _alert(owner: User, alert_id: int) -> AlertOut:
    return AlertOut.of(selectors.alert_get(owner=owner, alert_id=alert_id))


@router.get(
    "/alerts", response={200: AlertListOut, **API_ERRORS}, summary="List alerts, newest first"
)
def list_alerts(request: HttpRequest, filters: Query[AlertFilters]) -> AlertListOut:
    alerts = selectors.alerts_for(
        owner=request_owner(request), status=filters.status, severity=filters.severity
    )
    page = list(alerts[filters.offset : filters.offset + filters.limit])
    return AlertListOut(
        items=[AlertOut.of(alert) for alert in page],
        count=alerts.count(),
        limit=filters.limit,
        offset=filters.offset,
    )


@router.get("/alerts/{alert_id}", response={200: AlertOut, **API_ERRORS}, summary="An alert")
def get_alert(request: HttpRequest, alert_id: int) -> AlertOut:
    return _alert(request_owner(request), alert_id)


@router.post(
    "/alerts/{alert_id}/acknowledge",
    response={200: AlertOut, **API_ERRORS},
    summary="Mark an alert as seen (it leaves the bell's count)",
)
def acknowledge(request: HttpRequest, alert_id: int, payload: NoteIn) -> AlertOut:
    owner = request_owner(request)
    services.alert_acknowledge(owner=owner, alert_id=alert_id, note=payload.note)
    return _alert(owner, alert_id)


@router.post(
    "/alerts/{alert_id}/resolve",
    response={200: AlertOut, **API_ERRORS},
    summary="Mark an alert as dealt with",
)
def resolve(request: HttpRequest, alert_id: int, payload: NoteIn) -> AlertOut:
    owner = request_owner(request)
    services.alert_resolve(owner=owner, alert_id=alert_id, note=payload.note)
    return _alert(owner, alert_id)


@router.get(
    "/suggestions",
    response={200: list[SuggestionOut], **API_ERRORS},
    summary="Suggested plan adjustments, newest first",
)
def list_suggestions(
    request: HttpRequest, filters: Query[SuggestionFilters]
) -> list[SuggestionOut]:
    found = selectors.suggestions_for(owner=request_owner(request), status=filters.status)
    return [SuggestionOut.of(suggestion) for suggestion in found[:SUGGESTIONS_LISTED]]


@router.post(
    "/suggestions/{suggestion_id}/accept",
    response={200: SuggestionOut, **API_ERRORS},
    summary="Accept a suggestion: the plan changes, with the alert as the reason",
)
def accept(request: HttpRequest, suggestion_id: int, payload: DecisionIn) -> SuggestionOut:
    owner = request_owner(request)
    services.suggestion_accept(owner=owner, suggestion_id=suggestion_id, reason=payload.reason)
    return SuggestionOut.of(selectors.suggestion_get(owner=owner, suggestion_id=suggestion_id))


@router.post(
    "/suggestions/{suggestion_id}/decline",
    response={200: SuggestionOut, **API_ERRORS},
    summary="Decline a suggestion: the plan stays as it is; the answer is recorded",
)
def decline(request: HttpRequest, suggestion_id: int, payload: DecisionIn) -> SuggestionOut:
    owner = request_owner(request)
    services.suggestion_decline(owner=owner, suggestion_id=suggestion_id, reason=payload.reason)
    return SuggestionOut.of(selectors.suggestion_get(owner=owner, suggestion_id=suggestion_id))


@nudges_router.get(
    "/nudges",
    response={200: list[NudgeOut], **API_ERRORS},
    summary="Open nudges (the journal is checked against goals and limits after each write)",
)
def list_nudges(request: HttpRequest) -> list[NudgeOut]:
    return [NudgeOut.of(nudge) for nudge in selectors.nudges_current(owner=request_owner(request))]


@nudges_router.post(
    "/nudges/{nudge_id}/dismiss",
    response={200: NudgeOut, **API_ERRORS},
    summary="Dismiss a nudge (it will not come back for the same cause)",
)
def dismiss_nudge(request: HttpRequest, nudge_id: int) -> NudgeOut:
    return NudgeOut.of(services.nudge_dismiss(owner=request_owner(request), nudge_id=nudge_id))
