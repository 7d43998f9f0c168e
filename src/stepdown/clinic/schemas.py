"""API bodies of the clinic routes and of a person's consents."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from stepdown.clinic import wording
from stepdown.clinic.data_classes import ALL, describe
from stepdown.clinic.models import (
    Consent,
    Membership,
    Note,
    PatientInvitation,
    PlanProposal,
    StaffInvitation,
)
from stepdown.schemas import IsoDate, Out, StrictIn


class MfaRequiredOut(Out):
    detail: str
    code: str


class MemberInviteIn(StrictIn):
    constraint_model = StaffInvitation

    email: str
    role: str = "clinician"
    clinic_id: int | None = None


class StaffInvitationOut(Out):
    id: int
    email: str
    role: str
    expires_at: dt.datetime

    @classmethod
    def of(cls, invitation: StaffInvitation) -> StaffInvitationOut:
        return cls(
            id=invitation.pk,
            email=invitation.email,
            role=invitation.role,
            expires_at=invitation.expires_at,
        )


class MemberOut(Out):
    id: int
    user_id: int
    email: str
    name: str
    role: str
    active: bool
    deactivated_at: dt.datetime | None

    @classmethod
    def of(cls, membership: Membership) -> MemberOut:
        return cls(
            id=membership.pk,
            user_id=membership.user_id,
            email=membership.user.email,
            name=wording.person_name(membership.user),
            role=membership.role,
            active=membership.active,
            deactivated_at=membership.deactivated_at,
        )


class PatientInvitationIn(StrictIn):
    clinician_ids: list[int] | None = None
    clinic_id: int | None = None


class PatientInvitationOut(Out):
    code: str
    url: str
    expires_at: dt.datetime

    @classmethod
    def of(cls, invitation: PatientInvitation, code: str, url: str) -> PatientInvitationOut:
        return cls(code=code, url=url, expires_at=invitation.expires_at)


class ClinicOut(Out):
    id: int
    name: str


class RecipientOut(Out):
    id: int
    name: str


class DataClassOut(Out):
    code: str
    label: str
    explanation: str


class InvitationCodeIn(StrictIn):
    invitation_code: str


class InvitationPreviewOut(Out):
    """What the person is asked to sign, before they sign it."""

    clinic: ClinicOut
    recipients: list[RecipientOut]
    recipients_text: str
    data_classes: list[DataClassOut]
    purpose: str
    purpose_text: str
    revoke_text: str
    notice: str
    expires_at: dt.datetime

    @classmethod
    def of(cls, invitation: PatientInvitation) -> InvitationPreviewOut:
        clinicians = list(invitation.clinicians.all())
        return cls(
            clinic=ClinicOut(id=invitation.clinic_id, name=invitation.clinic.name),
            recipients=[RecipientOut(id=u.pk, name=wording.person_name(u)) for u in clinicians],
            recipients_text=wording.recipients_text(invitation.clinic.name, clinicians),
            data_classes=[
                DataClassOut(code=code, label=label, explanation=text)
                for code, label, text in describe(ALL)
            ],
            purpose="treatment",
            purpose_text=wording.PURPOSE_TEXT,
            revoke_text=wording.REVOKE_TEXT,
            notice=wording.REDISCLOSURE_NOTICE,
            expires_at=invitation.expires_at,
        )


class ConsentIn(StrictIn):
    constraint_model = Consent

    invitation_code: str
    data_classes: list[str]
    expires_on: IsoDate | None = None
    signature: str


class ConsentChangeIn(StrictIn):
    constraint_model = Consent

    data_classes: list[str]
    expires_on: IsoDate | None = None
    signature: str


class ConsentOut(Out):
    """One signed consent, with every element the person signed."""

    id: int
    status: str
    clinic: ClinicOut
    recipients: list[RecipientOut]
    recipients_text: str
    data_classes: list[str]
    purpose: str
    expires_on: dt.date | None
    expiry_event: str
    signature: str
    signed_at: dt.datetime
    version: int
    previous_id: int | None
    revoked_at: dt.datetime | None
    superseded_at: dt.datetime | None
    revoke_text: str
    notice: str

    @classmethod
    def of(cls, consent: Consent) -> ConsentOut:
        clinicians = list(consent.clinicians.all())
        return cls(
            id=consent.pk,
            status=consent.status,
            clinic=ClinicOut(id=consent.clinic_id, name=consent.clinic.name),
            recipients=[RecipientOut(id=u.pk, name=wording.person_name(u)) for u in clinicians],
            recipients_text=wording.recipients_text(consent.clinic.name, clinicians),
            data_classes=list(consent.data_classes),
            purpose=consent.purpose,
            expires_on=consent.expires_on,
            expiry_event=consent.expiry_event,
            signature=consent.signature,
            signed_at=consent.signed_at,
            version=consent.version,
            previous_id=consent.previous_id,
            revoked_at=consent.revoked_at,
            superseded_at=consent.superseded_at,
            revoke_text=wording.REVOKE_TEXT.replace("{id}", str(consent.pk)),
            notice=wording.REDISCLOSURE_NOTICE,
        )


# -- notes, plan proposals and messages (request bodies; the answers are in collab_schemas) ----


class ClinicNoteIn(StrictIn):
    constraint_model = Note

    text: str
    shared_with_person: bool = False


class ProposalIn(StrictIn):
    constraint_model = PlanProposal

    kind: Literal["hold", "slow", "new_plan"]
    days: int | None = None
    rate_pct: float | None = None
    interval_days: int | None = None
    reason: str
