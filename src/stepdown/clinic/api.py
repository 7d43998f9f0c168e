"""API routes: the clinic's side (members, patient invitations) and a person's consents."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Router
from ninja.responses import Status

from stepdown.accounts.requests import request_owner
from stepdown.clinic import consents, selectors, services
from stepdown.clinic.guards import staff_api_user
from stepdown.clinic.schemas import (
    ConsentChangeIn,
    ConsentIn,
    ConsentOut,
    InvitationCodeIn,
    InvitationPreviewOut,
    MemberInviteIn,
    MemberOut,
    MfaRequiredOut,
    PatientInvitationIn,
    PatientInvitationOut,
    StaffInvitationOut,
)
from stepdown.schemas import API_ERRORS
from stepdown.web.site import site_url

router = Router(tags=["clinic"])
consent_router = Router(tags=["consents"])

# Clinic routes also answer 403 with "code": "mfa_required" before the second factor.
STAFF_ERRORS = {**API_ERRORS, 403: MfaRequiredOut}


@router.get(
    "/members",
    response={200: list[MemberOut], **STAFF_ERRORS},
    summary="List the members of the clinic you administer (admins only)",
)
def list_members(request: HttpRequest, clinic_id: int | None = None) -> list[MemberOut]:
    viewer = staff_api_user(request)
    return [MemberOut.of(m) for m in selectors.members_of(viewer=viewer, clinic_id=clinic_id)]


@router.post(
    "/members",
    response={201: StaffInvitationOut, **STAFF_ERRORS},
    summary="Invite a clinician by email: a single-use link that expires (admins only)",
)
def invite_member(request: HttpRequest, payload: MemberInviteIn) -> Status[StaffInvitationOut]:
    invitation = services.staff_invite(
        admin=staff_api_user(request),
        email=payload.email,
        role=payload.role,
        clinic_id=payload.clinic_id,
        site_url=site_url(request),
    )
    return Status(201, StaffInvitationOut.of(invitation))


@router.delete(
    "/members/{member_id}",
    response={204: None, **STAFF_ERRORS},
    summary="Deactivate a membership: that clinician's access ends on their next request",
)
def deactivate_member(request: HttpRequest, member_id: int) -> Status[None]:
    services.membership_deactivate(admin=staff_api_user(request), membership_id=member_id)
    return Status(204, None)


@router.post(
    "/invitations",
    response={201: PatientInvitationOut, **STAFF_ERRORS},
    summary="Invite a person to share with the clinic: a code to type and a link",
)
def invite_person(
    request: HttpRequest, payload: PatientInvitationIn
) -> Status[PatientInvitationOut]:
    invitation, code = services.patient_invitation_create(
        clinician=staff_api_user(request),
        clinician_ids=payload.clinician_ids,
        clinic_id=payload.clinic_id,
    )
    url = services.patient_invitation_link(code, site_url(request))
    return Status(201, PatientInvitationOut.of(invitation, code, url))


@consent_router.post(
    "/invitation",
    response={200: InvitationPreviewOut, **API_ERRORS},
    summary="What an invitation code asks you to share, before you sign",
)
def preview_invitation(request: HttpRequest, payload: InvitationCodeIn) -> InvitationPreviewOut:
    return InvitationPreviewOut.of(selectors.invitation_by_code(payload.invitation_code))


@consent_router.post(
    "",
    response={201: ConsentOut, **API_ERRORS},
    summary="Sign a consent to share with a clinic, with its invitation code",
)
def sign_consent(request: HttpRequest, payload: ConsentIn) -> Status[ConsentOut]:
    consent = consents.consent_sign(
        owner=request_owner(request),
        invitation_code=payload.invitation_code,
        data_classes=payload.data_classes,
        expires_on=payload.expires_on,
        signature=payload.signature,
    )
    return Status(201, ConsentOut.of(consent))


@consent_router.get(
    "",
    response={200: list[ConsentOut], **API_ERRORS},
    summary="List your consents, newest first: active, expired, replaced and revoked",
)
def list_consents(request: HttpRequest) -> list[ConsentOut]:
    return [ConsentOut.of(c) for c in selectors.consents_of(owner=request_owner(request))]


@consent_router.get(
    "/{consent_id}",
    response={200: ConsentOut, **API_ERRORS},
    summary="One of your consents",
)
def get_consent(request: HttpRequest, consent_id: int) -> ConsentOut:
    owner = request_owner(request)
    return ConsentOut.of(selectors.consent_of(owner=owner, consent_id=consent_id))


@consent_router.post(
    "/{consent_id}/change",
    response={201: ConsentOut, **API_ERRORS},
    summary="Change what you share with that clinic: a new signed version replaces this one",
)
def change_consent(
    request: HttpRequest, consent_id: int, payload: ConsentChangeIn
) -> Status[ConsentOut]:
    owner = request_owner(request)
    new = consents.consent_change(
        owner=owner,
        consent_id=consent_id,
        data_classes=payload.data_classes,
        expires_on=payload.expires_on,
        signature=payload.signature,
    )
    return Status(201, ConsentOut.of(selectors.consent_of(owner=owner, consent_id=new.pk)))


@consent_router.post(
    "/{consent_id}/revoke",
    response={200: ConsentOut, **API_ERRORS},
    summary="Revoke a consent: the clinic sees nothing more from your next request on",
)
def revoke_consent(request: HttpRequest, consent_id: int) -> ConsentOut:
    owner = request_owner(request)
    consents.consent_revoke(owner=owner, consent_id=consent_id)
    return ConsentOut.of(selectors.consent_of(owner=owner, consent_id=consent_id))


# -- the triage dashboard (clinic.dashboard_api) ------------------------------------------------
from stepdown.clinic import dashboard_api  # noqa: E402  (its route joins this router)

dashboard_api.register(router, STAFF_ERRORS)
