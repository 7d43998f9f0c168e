"""API routes for instruments, questionnaire responses and the due list."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.http import HttpRequest
from ninja import Query, Router
from ninja.responses import Status

from stepdown.accounts.clock import local_today
from stepdown.accounts.requests import request_owner
from stepdown.checkins import selectors, services
from stepdown.checkins.schemas import (
    DueListOut,
    DueOut,
    InstrumentOut,
    InstrumentSummaryOut,
    ResponseFilters,
    ResponseIn,
    ResponseListOut,
    ResponseOut,
    ResponsePatch,
)
from stepdown.checkins.wording import page_instrument
from stepdown.core.instruments import INSTRUMENTS, UnknownInstrumentError
from stepdown.errors import InvalidInput, NotFound
from stepdown.schemas import API_ERRORS

router = Router(tags=["checkins"])


def _answers(raw: dict[str, Any]) -> dict[str, Any]:
    """Floats from JSON become exact decimals (via their shortest text form)."""
    return {k: Decimal(str(v)) if isinstance(v, float) else v for k, v in raw.items()}


@router.get(
    "/instruments",
    response={200: list[InstrumentSummaryOut], **API_ERRORS},
    summary="List questionnaires",
)
def list_instruments(request: HttpRequest) -> list[InstrumentSummaryOut]:
    # Worded in the request's language (Accept-Language; English by default), like the pages.
    return [InstrumentSummaryOut.of(page_instrument(code)) for code in INSTRUMENTS]


@router.get(
    "/instruments/{code}",
    response={200: InstrumentOut, **API_ERRORS},
    summary="A questionnaire's definition: items, scoring, bands, flags, licence and sources",
)
def get_instrument_definition(request: HttpRequest, code: str) -> InstrumentOut:
    try:
        return InstrumentOut.full(page_instrument(code))
    except UnknownInstrumentError:
        raise NotFound("instrument") from None


@router.get(
    "/responses",
    response={200: ResponseListOut, **API_ERRORS},
    summary="List questionnaire responses, newest first",
)
def list_responses(request: HttpRequest, filters: Query[ResponseFilters]) -> ResponseListOut:
    if filters.instrument is not None and filters.instrument not in INSTRUMENTS:
        message = f"Unknown instrument {filters.instrument!r}."
        raise InvalidInput("instrument", message, location="query")
    responses = selectors.responses_for(
        owner=request_owner(request),
        instrument=filters.instrument,
        since=filters.since,
        until=filters.until,
        drafts=filters.drafts,
    )
    page = list(responses[filters.offset : filters.offset + filters.limit])
    return ResponseListOut(
        items=[ResponseOut.of(r) for r in page],
        count=responses.count(),
        limit=filters.limit,
        offset=filters.offset,
    )


@router.post(
    "/responses",
    response={200: ResponseOut, 201: ResponseOut, **API_ERRORS},
    summary="Answer a questionnaire; the server scores it (a repeated client_id returns the "
    "original with 200)",
)
def create_response(request: HttpRequest, payload: ResponseIn) -> Status[ResponseOut]:
    result = services.response_submit(
        owner=request_owner(request),
        instrument=payload.instrument,
        answers=_answers(payload.answers),
        client_id=payload.client_id,
        for_date=payload.for_date,
    )
    return Status(201 if result.created else 200, ResponseOut.of(result.response))


@router.get(
    "/responses/{response_id}", response={200: ResponseOut, **API_ERRORS}, summary="A response"
)
def get_response(request: HttpRequest, response_id: int) -> ResponseOut:
    return ResponseOut.of(
        selectors.response_get(owner=request_owner(request), response_id=response_id)
    )


@router.patch(
    "/responses/{response_id}",
    response={200: ResponseOut, **API_ERRORS},
    summary="Change a response's answers on the day it counts for; it is scored again",
)
def patch_response(request: HttpRequest, response_id: int, payload: ResponsePatch) -> ResponseOut:
    result = services.response_update(
        owner=request_owner(request), response_id=response_id, answers=_answers(payload.answers)
    )
    return ResponseOut.of(result.response)


@router.get("/due", response={200: DueListOut, **API_ERRORS}, summary="What is due now")
def due(request: HttpRequest) -> DueListOut:
    owner = request_owner(request)
    return DueListOut(
        date=local_today(owner),
        time_zone=owner.time_zone,
        items=[DueOut.of(item) for item in selectors.due_now(owner=owner)],
    )
