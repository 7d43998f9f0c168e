"""API bodies of clinicians' notes, plan proposals and messages (``clinic.collab_api``)."""

from __future__ import annotations

import datetime as dt

from stepdown.clinic.models import Note
from stepdown.clinic.proposals import ProposalView
from stepdown.clinic.wording import person_name
from stepdown.schemas import Out, number


class NoteOut(Out):
    id: int
    clinic_id: int
    clinic_name: str
    author: str
    text: str
    shared_with_person: bool
    created_at: dt.datetime

    @classmethod
    def of(cls, note: Note) -> NoteOut:
        return cls(
            id=note.pk,
            clinic_id=note.clinic_id,
            clinic_name=note.clinic.name,
            author=person_name(note.author) if note.author else "A former clinician",
            text=note.text,
            shared_with_person=note.shared_with_person,
            created_at=note.created_at,
        )


class ProposalOut(Out):
    """A proposed plan change; ``new_end_date`` (the first day without a planned dose) is what
    the core computes for accepting it today, ``None`` when it no longer applies."""

    id: int
    clinic_id: int
    clinic_name: str
    proposed_by: str
    kind: str
    days: int | None
    rate_pct: float | None
    interval_days: int | None
    reason: str
    status: str
    stale: bool
    plan_id: int
    current_end_date: dt.date | None
    new_end_date: dt.date | None
    created_at: dt.datetime
    decided_at: dt.datetime | None

    @classmethod
    def of(cls, view: ProposalView) -> ProposalOut:
        proposal = view.proposal
        return cls(
            id=proposal.pk,
            clinic_id=proposal.clinic_id,
            clinic_name=proposal.clinic.name,
            proposed_by=view.proposer,
            kind=proposal.kind,
            days=proposal.days,
            rate_pct=number(proposal.rate_pct) if proposal.rate_pct is not None else None,
            interval_days=proposal.interval_days,
            reason=proposal.reason,
            status="stale" if view.stale and proposal.status == "pending" else proposal.status,
            stale=view.stale,
            plan_id=proposal.plan_id,
            current_end_date=view.current_end,
            new_end_date=view.new_end,
            created_at=proposal.created_at,
            decided_at=proposal.decided_at,
        )
