"""API schemas for other-substance uses, medicines and interaction look-ups."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Literal

from ninja import Schema
from pydantic import Field

from stepdown.schemas import IsoDateTime, QueryFilters, StrictIn, UuidText

CategoryName = Literal["alcohol", "opioids", "benzodiazepines", "stimulants", "cannabis", "other"]
UnitName = Literal["standard_drink", "mg", "g", "ml", "tablet", "dose"]
SeverityName = Literal["high", "moderate", "low"]
# Names are looked up one by one; a request with more is a mistake, not a medicines list.
MAX_NAMES = 50


class InteractionOut(Schema):
    class_: str = Field(alias="class")
    label: str
    severity: SeverityName
    mechanism: str
    advice: str
    evidence: str
    basis: Literal["observed", "theoretical"]
    sources: list[str]


class InteractionReportOut(Schema):
    """One name checked: ``resolved`` is null when it is not in the knowledge base."""

    name: str
    resolved: str | None
    classes: list[str]
    match: Literal["exact", "alias", "fuzzy", "partial"] | None
    unrecognised: list[str]
    interactions: list[InteractionOut]


class InteractionFilters(QueryFilters):
    names: str = Field(
        min_length=1, max_length=5000, description="Comma-separated names, e.g. Xanax,gabapentin"
    )


class MedicineOut(InteractionReportOut):
    highest_severity: SeverityName | None


class MedicinesOut(Schema):
    medicines: list[MedicineOut]


class MedicinesIn(StrictIn):
    medicines: list[str] = Field(max_length=100)


class SubstanceFilters(QueryFilters):
    """List filters: local dates, both inclusive, and a page."""

    since: dt.date | None = None
    until: dt.date | None = None
    limit: int = Field(100, ge=1, le=1000)
    offset: int = Field(0, ge=0, le=1_000_000_000)


class SubstanceIn(StrictIn):
    category: CategoryName
    amount: float = Field(gt=0, le=10_000)
    unit: UnitName | None = None
    name: str = Field("", max_length=100)
    taken_at: IsoDateTime | None = None
    note: str = Field("", max_length=500)
    client_id: UuidText | None = None


class SubstancePatch(StrictIn):
    category: CategoryName | None = None
    amount: float | None = Field(None, gt=0, le=10_000)
    unit: UnitName | None = None
    name: str | None = Field(None, max_length=100)
    taken_at: IsoDateTime | None = None
    note: str | None = Field(None, max_length=500)


class SubstanceOut(Schema):
    id: int
    category: CategoryName
    name: str
    resolved: str | None
    amount: float
    unit: UnitName
    taken_at: dt.datetime
    note: str
    client_id: uuid.UUID | None
    highest_severity: SeverityName | None
    original_substance: bool


class CoUseWarningOut(Schema):
    code: Literal["kratom_within_24h"]
    severity: SeverityName
    substance: str
    kratom_taken_at: dt.datetime
    kratom_after: bool
    hours_apart: float
    interactions: list[InteractionOut]
    learn_url: str


class SubstanceCreatedOut(SubstanceOut):
    warnings: list[CoUseWarningOut]


class SubstanceListOut(Schema):
    items: list[SubstanceOut]
    count: int
    limit: int
    offset: int
