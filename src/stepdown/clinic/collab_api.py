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
from stepdown.clinic import notes, proposals
from stepdown.clinic.access import require_access
from stepdown.clinic.api import STAFF_ERRORS
from stepdown.clinic.collab_schemas import NoteOut, ProposalOut
from stepdown.clinic.guards import staff_api_user
from stepdown.clinic.schemas import ClinicNoteIn, ProposalIn
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
def create_patient_note(
    request: HttpRequest, person_id: int, payload: ClinicNoteIn
) -> Status[NoteOut]:
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


# -- plan proposals ----------------------------------------------------------------------------


@collab_router.get(
    "/clinic/patients/{person_id}/proposals",
    response={200: list[ProposalOut], **STAFF_ERRORS},
    summary="The plan changes your clinic proposed to a person (their consent must name plan)",
)
def list_patient_proposals(request: HttpRequest, person_id: int) -> list[ProposalOut]:
    viewer = staff_api_user(request)
    found = proposals.proposals_for_viewer(viewer, person_id)
    consent = require_access(viewer, person_id, DataClass.PLAN)
    record_access(
        actor=viewer,
        owner=consent.owner,
        data_classes=[DataClass.PLAN],
        kind=Kind.API,
        route=route_of(request),
    )
    return [ProposalOut.of(view) for view in found]


@collab_router.post(
    "/clinic/patients/{person_id}/proposals",
    response={201: ProposalOut, **STAFF_ERRORS},
    summary="Propose a hold, a slow-down or a new plan from today's dose; the person decides",
)
def create_patient_proposal(
    request: HttpRequest, person_id: int, payload: ProposalIn
) -> Status[ProposalOut]:
    viewer = staff_api_user(request)
    proposal = proposals.proposal_create(
        author=viewer,
        person_id=person_id,
        kind=payload.kind,
        reason=payload.reason,
        days=payload.days,
        rate_pct=payload.rate_pct,
        interval_days=payload.interval_days,
        kind_of_access=Kind.API,
        route=route_of(request),
    )
    return Status(201, ProposalOut.of(proposals.view_of(proposal)))


@collab_router.get(
    "/proposals",
    response={200: list[ProposalOut], **API_ERRORS},
    summary="Plan changes your clinicians proposed, newest first, with the new end date",
)
def list_my_proposals(request: HttpRequest) -> list[ProposalOut]:
    owner = request_owner(request)
    return [ProposalOut.of(view) for view in proposals.proposals_for_person(owner=owner)]


@collab_router.post(
    "/proposals/{proposal_id}/accept",
    response={200: ProposalOut, **API_ERRORS},
    summary="Accept a proposal: your plan changes (refused if your plan changed since)",
)
def accept_proposal(request: HttpRequest, proposal_id: int) -> ProposalOut:
    proposal = proposals.proposal_accept(owner=request_owner(request), proposal_id=proposal_id)
    return ProposalOut.of(proposals.view_of(proposal))


@collab_router.post(
    "/proposals/{proposal_id}/decline",
    response={200: ProposalOut, **API_ERRORS},
    summary="Decline a proposal: your plan does not change",
)
def decline_proposal(request: HttpRequest, proposal_id: int) -> ProposalOut:
    proposal = proposals.proposal_decline(owner=request_owner(request), proposal_id=proposal_id)
    return ProposalOut.of(proposals.view_of(proposal))
