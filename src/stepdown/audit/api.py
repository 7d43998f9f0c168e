"""API routes for the person's own access log: who read their data, and the CSV accounting of
disclosures. Reading one's own log is not itself logged."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from ninja import Query, Router

from stepdown.accounts.requests import request_owner
from stepdown.audit import selectors
from stepdown.audit.report import csv_response
from stepdown.audit.schemas import AccessEventOut, AccessLogFilters, AccessLogOut
from stepdown.schemas import API_ERRORS

router = Router(tags=["access log"])


@router.get(
    "/access-log",
    response={200: AccessLogOut, **API_ERRORS},
    summary="Who saw your data: every access by someone else, newest first",
)
def list_access_log(request: HttpRequest, filters: Query[AccessLogFilters]) -> AccessLogOut:
    owner = request_owner(request)
    events = selectors.events_for(owner=owner)
    page = events[filters.offset : filters.offset + filters.limit]
    return AccessLogOut(
        items=[AccessEventOut.of(event, owner.zone) for event in page],
        count=events.count(),
        limit=filters.limit,
        offset=filters.offset,
    )


@router.get(
    "/access-log.csv",
    response={200: None, **API_ERRORS},
    summary="The accounting of disclosures of the past three years, as CSV",
    openapi_extra={
        "responses": {
            "200": {
                "description": "text/csv: one row per access, oldest first",
                "content": {"text/csv": {"schema": {"type": "string"}}},
            }
        }
    },
)
def access_log_csv(request: HttpRequest) -> HttpResponse:
    return csv_response(request_owner(request))
