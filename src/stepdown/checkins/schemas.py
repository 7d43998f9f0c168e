"""API schemas for instruments, responses and the due list.

A response body carries answers only: ``total``, ``band``, ``subscores`` and ``flags`` are
computed by the server, so sending them is rejected like any other unknown field.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Literal

from ninja import Schema
from pydantic import Field

from stepdown.schemas import IsoDate, QueryFilters, StrictIn, UuidText

AnswerIn = int | float | bool | str | None
Answers = dict[str, AnswerIn]


class ResponseIn(StrictIn):
    instrument: str = Field(min_length=1, max_length=32)
    answers: Answers = Field(max_length=100)
    client_id: UuidText | None = None
    for_date: IsoDate | None = None


class ResponsePatch(StrictIn):
    answers: Answers = Field(max_length=100)


class ResponseFilters(QueryFilters):
    """List filters: an instrument code and local dates, both inclusive, and a page.

    ``drafts`` includes unfinished drafts (kept for a flag they raised; ``total`` is null).
    """

    instrument: str | None = Field(None, max_length=32)
    since: dt.date | None = None
    until: dt.date | None = None
    drafts: bool = False
    limit: int = Field(100, ge=1, le=1000)
    offset: int = Field(0, ge=0, le=1_000_000_000)


class OptionOut(Schema):
    value: int
    label: str


class AskedIfOut(Schema):
    items: list[str]
    minimum: int


class ItemOut(Schema):
    code: str
    text: str
    kind: Literal["choice", "yes_no", "number", "text"]
    options: list[OptionOut]
    minimum: int | float | None
    maximum: int | float | None
    decimal_places: int
    unit: str | None
    min_label: str | None
    max_label: str | None
    max_length: int | None
    optional: bool
    asked_if: AskedIfOut | None
    section: str
    help_text: str


class SubscoreDefOut(Schema):
    code: str
    label: str
    items: list[str]


class BandOut(Schema):
    name: str
    label: str
    low: int
    high: int


class FlagDefOut(Schema):
    code: str
    description: str
    sources: list[str]


class CutoffOut(Schema):
    population: str
    at_least: int
    source: str
    note: str


class InstrumentSummaryOut(Schema):
    code: str
    name: str
    version: str
    description: str
    audience: Literal["self_report", "clinician"]
    validated: bool
    wording: Literal["published", "paraphrased", "stepdown"]
    time_window: str
    default_interval_days: int | None
    item_count: int


class InstrumentOut(InstrumentSummaryOut):
    instructions: str
    items: list[ItemOut]
    total_items: list[str]
    total_label: str
    total_range: list[int]
    subscores: list[SubscoreDefOut]
    bands: list[BandOut]
    flags: list[FlagDefOut]
    reference_cutoffs: list[CutoffOut]
    licence: str
    attribution: str | None
    sources: list[str]
    notes: list[str]


class LineOut(Schema):
    region: str
    name: str
    how: str
    href: str


class CrisisOut(Schema):
    url: str
    message: str
    lines: list[LineOut]
    emergency: str
    safety_plan_url: str
    offer_asq: bool
    asq_url: str | None


class ResponseOut(Schema):
    id: int
    instrument: str
    version: str
    local_date: dt.date
    scheduled: bool
    window_start: dt.datetime | None
    window_end: dt.datetime | None
    answers: dict[str, int | float | str]
    total: int | None  # None only for an unfinished draft (complete is false)
    complete: bool
    band: str | None
    band_label: str | None
    subscores: dict[str, int | float]
    flags: list[str]
    crisis: CrisisOut | None
    client_id: uuid.UUID | None
    created_at: dt.datetime
    updated_at: dt.datetime


class ResponseListOut(Schema):
    items: list[ResponseOut]
    count: int
    limit: int
    offset: int


class DueOut(Schema):
    instrument: str
    name: str
    status: Literal["due", "done", "missed", "upcoming"]
    window_start: dt.datetime
    window_end: dt.datetime
    next_due: dt.date
    response_id: int | None
    missed_previous: dt.date | None
    preferred_time: str | None
    url: str


class DueListOut(Schema):
    date: dt.date
    time_zone: str
    items: list[DueOut]
