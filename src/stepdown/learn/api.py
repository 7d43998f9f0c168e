"""API routes for a person's support contacts, reasons to change and urge log."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Query, Router
from ninja.responses import Status

from stepdown.accounts.requests import request_owner
from stepdown.learn import selectors, services
from stepdown.learn.schemas import (
    ContactIn,
    ContactOut,
    ContactPatch,
    ReasonIn,
    ReasonOut,
    SupportOut,
    UrgeFilters,
    UrgeIn,
    UrgeOut,
)
from stepdown.schemas import API_ERRORS

router = Router(tags=["learn"])


@router.get(
    "/support",
    response={200: SupportOut, **API_ERRORS},
    summary="Your support contacts and reasons to change, as shown when cravings are high",
)
def get_support(request: HttpRequest) -> SupportOut:
    return SupportOut.of(selectors.support_for(owner=request_owner(request)))


@router.get(
    "/support/contacts", response={200: list[ContactOut], **API_ERRORS}, summary="List contacts"
)
def list_contacts(request: HttpRequest) -> list[ContactOut]:
    return [ContactOut.of(c) for c in selectors.contacts_for(owner=request_owner(request))]


@router.post("/support/contacts", response={201: ContactOut, **API_ERRORS}, summary="Add a contact")
def create_contact(request: HttpRequest, payload: ContactIn) -> Status[ContactOut]:
    contact = services.contact_create(owner=request_owner(request), **payload.model_dump())
    return Status(201, ContactOut.of(contact))


@router.patch(
    "/support/contacts/{contact_id}",
    response={200: ContactOut, **API_ERRORS},
    summary="Change a contact",
)
def patch_contact(request: HttpRequest, contact_id: int, payload: ContactPatch) -> ContactOut:
    changes = payload.model_dump(exclude_unset=True)
    return ContactOut.of(
        services.contact_update(owner=request_owner(request), contact_id=contact_id, **changes)
    )


@router.delete(
    "/support/contacts/{contact_id}", response={204: None, **API_ERRORS}, summary="Remove a contact"
)
def delete_contact(request: HttpRequest, contact_id: int) -> Status[None]:
    services.contact_delete(owner=request_owner(request), contact_id=contact_id)
    return Status(204, None)


@router.get(
    "/support/reasons", response={200: list[ReasonOut], **API_ERRORS}, summary="List reasons"
)
def list_reasons(request: HttpRequest) -> list[ReasonOut]:
    return [ReasonOut.of(r) for r in selectors.reasons_for(owner=request_owner(request))]


@router.post("/support/reasons", response={201: ReasonOut, **API_ERRORS}, summary="Add a reason")
def create_reason(request: HttpRequest, payload: ReasonIn) -> Status[ReasonOut]:
    reason = services.reason_create(owner=request_owner(request), text=payload.text)
    return Status(201, ReasonOut.of(reason))


@router.patch(
    "/support/reasons/{reason_id}",
    response={200: ReasonOut, **API_ERRORS},
    summary="Change a reason",
)
def patch_reason(request: HttpRequest, reason_id: int, payload: ReasonIn) -> ReasonOut:
    reason = services.reason_update(
        owner=request_owner(request), reason_id=reason_id, text=payload.text
    )
    return ReasonOut.of(reason)


@router.delete(
    "/support/reasons/{reason_id}", response={204: None, **API_ERRORS}, summary="Remove a reason"
)
def delete_reason(request: HttpRequest, reason_id: int) -> Status[None]:
    services.reason_delete(owner=request_owner(request), reason_id=reason_id)
    return Status(204, None)


@router.get(
    "/urges", response={200: list[UrgeOut], **API_ERRORS}, summary="Logged urges, newest first"
)
def list_urges(request: HttpRequest, filters: Query[UrgeFilters]) -> list[UrgeOut]:
    urges = selectors.urges_for(owner=request_owner(request))
    return [UrgeOut.of(u) for u in urges[filters.offset : filters.offset + filters.limit]]


@router.post(
    "/urges",
    response={200: UrgeOut, 201: UrgeOut, **API_ERRORS},
    summary="Log an urge (a repeated client_id returns the original with 200)",
)
def create_urge(request: HttpRequest, payload: UrgeIn) -> Status[UrgeOut]:
    result = services.urge_log_create(owner=request_owner(request), **payload.model_dump())
    return Status(201 if result.created else 200, UrgeOut.of(result.urge))


@router.delete("/urges/{urge_id}", response={204: None, **API_ERRORS}, summary="Remove an urge")
def delete_urge(request: HttpRequest, urge_id: int) -> Status[None]:
    services.urge_log_delete(owner=request_owner(request), urge_id=urge_id)
    return Status(204, None)
