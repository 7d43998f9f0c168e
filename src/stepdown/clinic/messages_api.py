"""API routes for messages: the person's side (``/messages``) and the clinician's
(``/clinic/patients/{person_id}/messages``). Each clinician read is one access-log event."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Router
from ninja.responses import Status

from stepdown.accounts.requests import request_owner
from stepdown.audit.models import DataClass, Kind
from stepdown.audit.routes import route_of
from stepdown.audit.services import record_access
from stepdown.clinic import messages
from stepdown.clinic.api import STAFF_ERRORS
from stepdown.clinic.guards import staff_api_user
from stepdown.clinic.messages_schemas import (
    ClinicMessageIn,
    ClinicMessageOut,
    ConversationOut,
    MessagesOut,
    MessagesReadIn,
    MessagesReadOut,
    PersonMessageIn,
)
from stepdown.schemas import API_ERRORS
from stepdown.web.site import site_url

messages_router = Router(tags=["messages"])


@messages_router.get(
    "/messages",
    response={200: MessagesOut, **API_ERRORS},
    summary="Your conversations with your clinics, each with its newest messages (oldest first)",
)
def list_my_messages(request: HttpRequest) -> MessagesOut:
    return MessagesOut.of(messages.threads_for_person(owner=request_owner(request)))


@messages_router.post(
    "/messages",
    response={200: ClinicMessageOut, 201: ClinicMessageOut, **API_ERRORS},
    summary="Write to a clinic you share with (a repeated client_id returns the original with 200)",
)
def send_my_message(request: HttpRequest, payload: PersonMessageIn) -> Status[ClinicMessageOut]:
    result = messages.message_send_by_person(
        owner=request_owner(request),
        text=payload.text,
        clinic_id=payload.clinic_id,
        client_id=payload.client_id,
        site_url=site_url(request),
    )
    return Status(201 if result.created else 200, ClinicMessageOut.of(result.message))


@messages_router.post(
    "/messages/read",
    response={200: MessagesReadOut, **API_ERRORS},
    summary="Mark your clinics' messages read (one clinic's with clinic_id)",
)
def read_my_messages(request: HttpRequest, payload: MessagesReadIn) -> MessagesReadOut:
    marked = messages.messages_read_by_person(
        owner=request_owner(request), clinic_id=payload.clinic_id
    )
    return MessagesReadOut(marked=marked)


@messages_router.get(
    "/clinic/patients/{person_id}/messages",
    response={200: ConversationOut, **STAFF_ERRORS},
    summary="Your clinic's conversation with a person (while a consent covers them and you)",
)
def list_patient_messages(request: HttpRequest, person_id: int) -> ConversationOut:
    viewer = staff_api_user(request)
    consent, thread = messages.thread_for_clinician(viewer=viewer, person_id=person_id)
    record_access(
        actor=viewer,
        owner=consent.owner,
        data_classes=[DataClass.MESSAGES],
        kind=Kind.API,
        route=route_of(request),
    )
    return ConversationOut.of(thread)


@messages_router.post(
    "/clinic/patients/{person_id}/messages",
    response={200: ClinicMessageOut, 201: ClinicMessageOut, **STAFF_ERRORS},
    summary="Write to a person (a repeated client_id returns the original with 200)",
)
def send_patient_message(
    request: HttpRequest, person_id: int, payload: ClinicMessageIn
) -> Status[ClinicMessageOut]:
    result = messages.message_send_by_clinician(
        author=staff_api_user(request),
        person_id=person_id,
        text=payload.text,
        client_id=payload.client_id,
        site_url=site_url(request),
        kind=Kind.API,
        route=route_of(request),
    )
    return Status(201 if result.created else 200, ClinicMessageOut.of(result.message))


@messages_router.post(
    "/clinic/patients/{person_id}/messages/read",
    response={200: MessagesReadOut, **STAFF_ERRORS},
    summary="Mark the person's messages to your clinic read",
)
def read_patient_messages(request: HttpRequest, person_id: int) -> MessagesReadOut:
    marked = messages.messages_read_by_clinician(
        viewer=staff_api_user(request), person_id=person_id
    )
    return MessagesReadOut(marked=marked)
