"""API routes for clinicians' notes, plan proposals and messages: the clinician's side under
``/clinic/patients/{person_id}/...`` and the person's side (``/notes``, ``/proposals``,
``/messages``). Every clinician read through these routes is recorded (one event each)."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Router
from ninja.responses import Status

from stepdown.accounts.requests import request_owner
from stepdown.audit.models import DataClass, Kind
from stepdown.audit.routes import route_of
from stepdown.audit.services import record_access
from stepdown.clinic import notes
from stepdown.clinic.access import require_access
from stepdown.clinic.api import STAFF_ERRORS
from stepdown.clinic.collab_schemas import NoteOut
from stepdown.clinic.guards import staff_api_user
from stepdown.clinic.schemas import NoteIn
from stepdown.schemas import API_ERRORS

collab_router = Router(tags=["clinic collaboration"])


# -- notes -------------------------------------------------------------------------------------


@collab_router.get(
    "/clinic/patients/{person_id}/notes",
    response={200: list[NoteOut], **STAFF_ERRORS},
    summary="A person's notes your clinic keeps (their consent must name notes)",
)
def list_patient_notes(request: HttpRequest, person_id: int) -> list[NoteOut]:
    viewer = staff_api_user(request)
    found = notes.notes_for_viewer(viewer, person_id)
    consent = require_access(viewer, person_id, DataClass.NOTES)
    record_access(
        actor=viewer,
        owner=consent.owner,
        data_classes=[DataClass.NOTES],
        kind=Kind.API,
        route=route_of(request),
    )
    return [NoteOut.of(note) for note in found]


@collab_router.post(
    "/clinic/patients/{person_id}/notes",
    response={201: NoteOut, **STAFF_ERRORS},
    summary="Write a note about a person; shared_with_person lets them read it",
)
def create_patient_note(request: HttpRequest, person_id: int, payload: NoteIn) -> Status[NoteOut]:
    note = notes.note_create(
        author=staff_api_user(request),
        person_id=person_id,
        text=payload.text,
        shared_with_person=payload.shared_with_person,
        kind=Kind.API,
        route=route_of(request),
    )
    return Status(201, NoteOut.of(note))


@collab_router.get(
    "/notes",
    response={200: list[NoteOut], **API_ERRORS},
    summary="Notes your clinicians shared with you, newest first",
)
def list_my_notes(request: HttpRequest) -> list[NoteOut]:
    return [NoteOut.of(note) for note in notes.shared_notes_of(owner=request_owner(request))]
