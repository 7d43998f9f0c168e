"""What passed between the person and a clinic: consents, the notes shared with the person,
conversations and plan proposals.

A clinic is written as its export id and name. On import each clinic of the file becomes a
clinic of its own on the target, with no members (``ImportContext.clinic``): an imported
consent is the person's record of what they signed, and lets nobody on the target see anything.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from stepdown.clinic.consents import data_classes_clean
from stepdown.clinic.models import Consent, Conversation, Message, Note, PlanProposal
from stepdown.records.export_format.people import person_ref
from stepdown.records.export_format.table import Context, Row, Table, columns

if TYPE_CHECKING:
    from stepdown.accounts.models import User


def clinic_ref(item: Any) -> Row:
    return {"id": item.clinic_id, "name": item.clinic.name}


@columns("clinic")
def _clinic_out(item: Any, owner: User) -> Row:
    return {"clinic": clinic_ref(item)}


def _clinic_in(ctx: Context, row: Row, item: Any) -> None:
    item.clinic = ctx.clinic(row.get("clinic"))


@columns("clinic", "clinicians")
def _consent_out(consent: Consent, owner: User) -> Row:
    named = sorted(consent.clinicians.all(), key=lambda user: user.email)
    return {"clinic": clinic_ref(consent), "clinicians": [person_ref(u, owner) for u in named]}


def _consent_clinicians(ctx: Context, row: Row, consent: Consent) -> None:
    # A many-to-many needs the saved consent's primary key.
    people = [ctx.person(ref) for ref in row.get("clinicians") or []]
    consent.clinicians.set([person for person in people if person is not None])


@columns("clinic", "plan_revision")
def _proposal_out(proposal: PlanProposal, owner: User) -> Row:
    # The revision is the id of the plan's newest adjustment: a reference into "adjustments".
    return {"clinic": clinic_ref(proposal), "plan_revision": proposal.plan_revision or None}


def _proposal_in(ctx: Context, row: Row, proposal: PlanProposal) -> None:
    _clinic_in(ctx, row, proposal)
    proposal.plan_revision = ctx.pk("adjustments", row.get("plan_revision")) or 0


CONSENTS = Table(
    name="consents",
    model=Consent,
    json={"data_classes": lambda value, item: data_classes_clean(value)},
    fields=(
        "data_classes",
        "purpose",
        "expires_on",
        "expires_at",
        "expiry_event",
        "signature",
        "signed_at",
        "version",
        "superseded_at",
        "revoked_at",
    ),
    refs={"previous": "consents"},
    order=("signed_at", "pk"),
    extra_out=_consent_out,
    extra_in=_clinic_in,
    after_save=_consent_clinicians,
)

NOTES = Table(
    name="notes",
    model=Note,
    fields=("text", "shared_with_person", "created_at"),
    people=("author",),
    where={"shared_with_person": True},
    order=("created_at", "pk"),
    extra_out=_clinic_out,
    extra_in=_clinic_in,
)

MESSAGES = Table(
    name="messages",
    model=Message,
    fields=("from_person", "text", "created_at", "read_at", "client_id"),
    people=("author",),
    accessor="messages",
    parent="conversation",
    order=("created_at", "pk"),
)

CONVERSATIONS = Table(
    name="conversations",
    model=Conversation,
    fields=("created_at", "person_emailed_at", "clinic_emailed_at"),
    children=(MESSAGES,),
    order=("created_at", "pk"),
    extra_out=_clinic_out,
    extra_in=_clinic_in,
)

PLAN_PROPOSALS = Table(
    name="plan_proposals",
    model=PlanProposal,
    fields=(
        "kind",
        "days",
        "rate_pct",
        "interval_days",
        "reason",
        "status",
        "created_at",
        "decided_at",
    ),
    refs={"plan": "plans"},
    people=("author",),
    order=("created_at", "pk"),
    extra_out=_proposal_out,
    extra_in=_proposal_in,
)

TABLES = (CONSENTS, NOTES, CONVERSATIONS, PLAN_PROPOSALS)
