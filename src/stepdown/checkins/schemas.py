"""API schemas for instruments, responses and the due list.

A response body carries answers only: ``total``, ``band``, ``subscores`` and ``flags`` are
computed by the server, so sending them is rejected like any other unknown field.
"""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from typing import Literal

from django.urls import reverse
from pydantic import Field

from stepdown.checkins.models import Response
from stepdown.checkins.selectors import DueItem
from stepdown.checkins.services import needs_crisis
from stepdown.checkins.wording import band_label
from stepdown.core.instruments import Instrument, Item
from stepdown.schemas import IsoDate, Out, QueryFilters, StrictIn, UuidText, clock
from stepdown.web.resources import CRISIS_LINES, SUPPORT_LINES

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


def _number(value: Decimal | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


class OptionOut(Out):
    value: int
    label: str


class AskedIfOut(Out):
    items: list[str]
    minimum: int


class ItemOut(Out):
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

    @classmethod
    def of(cls, item: Item) -> ItemOut:
        asked_if = item.asked_if
        return cls(
            code=item.code,
            text=item.text,
            kind=item.kind.value,
            options=[OptionOut(value=o.value, label=o.label) for o in item.options],
            minimum=_number(item.minimum),
            maximum=_number(item.maximum),
            decimal_places=item.decimal_places,
            unit=item.unit,
            min_label=item.min_label,
            max_label=item.max_label,
            max_length=item.max_length,
            optional=item.optional,
            asked_if=(
                AskedIfOut(items=list(asked_if.items), minimum=asked_if.minimum)
                if asked_if
                else None
            ),
            section=item.section,
            help_text=item.help_text,
        )


class SubscoreDefOut(Out):
    code: str
    label: str
    items: list[str]


class BandOut(Out):
    name: str
    label: str
    low: int
    high: int


class FlagDefOut(Out):
    code: str
    description: str
    sources: list[str]


class CutoffOut(Out):
    population: str
    at_least: int
    source: str
    note: str


class InstrumentSummaryOut(Out):
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

    @classmethod
    def of(cls, instrument: Instrument) -> InstrumentSummaryOut:
        return cls(
            code=instrument.code,
            name=instrument.name,
            version=instrument.version,
            description=instrument.description,
            audience=instrument.audience.value,
            validated=instrument.validated,
            wording=instrument.wording.value,
            time_window=instrument.time_window,
            default_interval_days=instrument.default_interval_days,
            item_count=len(instrument.items),
        )


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

    @classmethod
    def full(cls, instrument: Instrument) -> InstrumentOut:
        low, high = instrument.total_range
        return cls(
            **dict(InstrumentSummaryOut.of(instrument)),
            instructions=instrument.instructions,
            items=[ItemOut.of(item) for item in instrument.items],
            total_items=list(instrument.total_items),
            total_label=instrument.total_label,
            total_range=[low, high],
            subscores=[
                SubscoreDefOut(code=s.code, label=s.label, items=list(s.items))
                for s in instrument.subscores
            ],
            bands=[
                BandOut(name=b.name, label=b.label, low=b.low, high=b.high)
                for b in instrument.bands
            ],
            flags=[
                FlagDefOut(code=f.code, description=f.description, sources=list(f.sources))
                for f in instrument.flags
            ],
            reference_cutoffs=[
                CutoffOut(
                    population=c.population, at_least=c.at_least, source=c.source, note=c.note
                )
                for c in instrument.reference_cutoffs
            ],
            licence=instrument.licence,
            attribution=instrument.attribution,
            sources=list(instrument.sources),
            notes=list(instrument.notes),
        )


class LineOut(Out):
    region: str
    name: str
    how: str
    href: str


class CrisisOut(Out):
    url: str
    message: str
    lines: list[LineOut]
    emergency: str
    safety_plan_url: str
    offer_asq: bool
    asq_url: str | None

    @classmethod
    def of(cls, response: Response) -> CrisisOut:
        """What an API client needs to show help at once, before any score."""
        offer_asq = response.instrument == "phq9"
        return cls(
            url=reverse("checkins:crisis") + f"?response={response.pk}",
            message=(
                "Your answers say you may be having thoughts of harming yourself. You do not "
                "have to face this alone: help is there right now."
            ),
            lines=[
                LineOut(region=line.region, name=line.name, how=line.how, href=line.href)
                for line in (*CRISIS_LINES, *SUPPORT_LINES)
            ],
            emergency="Call your local emergency number if you are in danger now.",
            safety_plan_url=reverse("checkins:safety_plan"),
            offer_asq=offer_asq,
            asq_url=reverse("checkins:answer", args=["asq"]) if offer_asq else None,
        )


class ResponseOut(Out):
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
    entered_by_clinician: bool  # a clinician rated it (COWS) on the clinic's patient page
    band: str | None
    band_label: str | None
    subscores: dict[str, int | float]
    flags: list[str]
    crisis: CrisisOut | None
    client_id: uuid.UUID | None
    created_at: dt.datetime
    updated_at: dt.datetime

    @classmethod
    def of(cls, response: Response) -> ResponseOut:
        flags = list(response.flags)
        band = response.band
        return cls(
            id=response.pk,
            instrument=response.instrument,
            version=response.version,
            local_date=response.local_date,
            scheduled=response.scheduled,
            window_start=response.window_start,
            window_end=response.window_end,
            answers=response.answers,
            total=response.total,
            complete=response.complete,
            entered_by_clinician=response.entered_by_id is not None,
            band=band or None,
            band_label=band_label(response.instrument, band) if band else None,
            subscores=response.subscores,
            flags=flags,
            crisis=CrisisOut.of(response) if needs_crisis(flags) else None,
            client_id=response.client_id,
            created_at=response.created_at,
            updated_at=response.updated_at,
        )


class ResponseListOut(Out):
    items: list[ResponseOut]
    count: int
    limit: int
    offset: int


class DueOut(Out):
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

    @classmethod
    def of(cls, item: DueItem) -> DueOut:
        return cls(
            instrument=item.instrument,
            name=item.name,
            status=item.status.value,
            window_start=item.window_start,
            window_end=item.window_end,
            next_due=item.next_due,
            response_id=item.response_id,
            missed_previous=item.missed_previous,
            preferred_time=clock(item.preferred_time),
            url=reverse("checkins:answer", args=[item.instrument]),
        )


class DueListOut(Out):
    date: dt.date
    time_zone: str
    items: list[DueOut]
