"""API schemas for support contacts, reasons to change and the urge log."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from stepdown.learn.models import ReasonToChange, SupportContact, UrgeLog
from stepdown.learn.selectors import SupportSummary
from stepdown.schemas import IsoDateTime, Out, QueryFilters, StrictIn, UuidText

HelpedName = Literal[
    "waited", "breathing", "moving", "contact", "food_drink", "distraction", "reasons", "nothing"
]


class ContactIn(StrictIn):
    constraint_model = SupportContact

    name: str = Field(min_length=1, max_length=80)
    how_to_reach: str = Field(min_length=1, max_length=200)
    note: str = Field("", max_length=200)


class ContactPatch(StrictIn):
    constraint_model = SupportContact

    name: str | None = Field(None, min_length=1, max_length=80)
    how_to_reach: str | None = Field(None, min_length=1, max_length=200)
    note: str | None = Field(None, max_length=200)


class ContactOut(Out):
    id: int
    name: str
    how_to_reach: str
    note: str

    @classmethod
    def of(cls, contact: SupportContact) -> ContactOut:
        return cls(
            id=contact.pk,
            name=contact.name,
            how_to_reach=contact.how_to_reach,
            note=contact.note,
        )


class ReasonIn(StrictIn):
    constraint_model = ReasonToChange

    text: str = Field(min_length=1, max_length=300)


class ReasonOut(Out):
    id: int
    text: str

    @classmethod
    def of(cls, reason: ReasonToChange) -> ReasonOut:
        return cls(id=reason.pk, text=reason.text)


class SupportOut(Out):
    contacts: list[ContactOut]
    reasons: list[ReasonOut]

    @classmethod
    def of(cls, summary: SupportSummary) -> SupportOut:
        return cls(
            contacts=[ContactOut.of(c) for c in summary.contacts],
            reasons=[ReasonOut.of(r) for r in summary.reasons],
        )


class UrgeIn(StrictIn):
    constraint_model = UrgeLog

    strength: int = Field(ge=0, le=10)
    helped: list[HelpedName] = Field(default_factory=list, max_length=8)
    note: str = Field("", max_length=300)
    started_at: IsoDateTime | None = None
    client_id: UuidText | None = None


class UrgeOut(Out):
    id: int
    strength: int
    helped: list[str]
    note: str
    started_at: dt.datetime | None
    logged_at: dt.datetime
    minutes: int | None
    client_id: str | None

    @classmethod
    def of(cls, urge: UrgeLog) -> UrgeOut:
        return cls(
            id=urge.pk,
            strength=urge.strength,
            helped=list(urge.helped),
            note=urge.note,
            started_at=urge.started_at,
            logged_at=urge.logged_at,
            minutes=urge.minutes,
            client_id=str(urge.client_id) if urge.client_id else None,
        )


class UrgeFilters(QueryFilters):
    limit: int = Field(50, ge=1, le=500)
    offset: int = Field(0, ge=0, le=1_000_000_000)
