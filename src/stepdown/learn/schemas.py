"""API schemas for support contacts, reasons to change and the urge log."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from ninja import Schema
from pydantic import Field

from stepdown.learn.models import ReasonToChange, SupportContact, UrgeLog
from stepdown.schemas import IsoDateTime, QueryFilters, StrictIn, UuidText

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


class ContactOut(Schema):
    id: int
    name: str
    how_to_reach: str
    note: str


class ReasonIn(StrictIn):
    constraint_model = ReasonToChange

    text: str = Field(min_length=1, max_length=300)


class ReasonOut(Schema):
    id: int
    text: str


class SupportOut(Schema):
    contacts: list[ContactOut]
    reasons: list[ReasonOut]


class UrgeIn(StrictIn):
    constraint_model = UrgeLog

    strength: int = Field(ge=0, le=10)
    helped: list[HelpedName] = Field(default_factory=list, max_length=8)
    note: str = Field("", max_length=300)
    started_at: IsoDateTime | None = None
    client_id: UuidText | None = None


class UrgeOut(Schema):
    id: int
    strength: int
    helped: list[str]
    note: str
    started_at: dt.datetime | None
    logged_at: dt.datetime
    minutes: int | None
    client_id: str | None


class UrgeFilters(QueryFilters):
    limit: int = Field(50, ge=1, le=500)
    offset: int = Field(0, ge=0, le=1_000_000_000)
