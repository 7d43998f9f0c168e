"""API schemas for other-substance uses, medicines and interaction look-ups."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Literal

from ninja import Schema
from pydantic import Field

from stepdown.schemas import IsoDateTime, QueryFilters, StrictIn, UuidText
from stepdown.substances.models import SubstanceUse

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
    ingredients: list[str]
    matched_as: (
        Literal["exact", "brand", "other name", "class name", "partial", "close spelling"] | None
    )
    match_label: str | None = Field(
        description='How the name was matched in words: "brand", "close spelling — did you '
        'mean quetiapine?"'
    )
    did_you_mean: str | None
    needs_confirmation: bool = Field(
        description="A close spelling is a guess: on the medicines list it raises no alert "
        "until confirmed (PUT /medicines with its name in `confirm`)."
    )


class InteractionFilters(QueryFilters):
    names: str = Field(
        min_length=1, max_length=5000, description="Comma-separated names, e.g. Xanax,gabapentin"
    )


class MedicineOut(InteractionReportOut):
    highest_severity: SeverityName | None


class DependenceWarningOut(Schema):
    """An active taper plan alongside a benzodiazepine or drinking on most days."""

    code: Literal["two_tapers"]
    benzodiazepine_medicines: list[str]
    regular_alcohol: bool
    regular_benzodiazepines: bool
    message: str


class MedicinesOut(Schema):
    medicines: list[MedicineOut]
    dependence_warning: DependenceWarningOut | None = None


class MedicinesIn(StrictIn):
    medicines: list[str] = Field(max_length=100)
    confirm: list[str] = Field(
        default_factory=list,
        max_length=100,
        description="Names on the list whose close-spelling match the person confirms.",
    )


class SubstanceFilters(QueryFilters):
    """List filters: local dates, both inclusive, and a page."""

    since: dt.date | None = None
    until: dt.date | None = None
    limit: int = Field(100, ge=1, le=1000)
    offset: int = Field(0, ge=0, le=1_000_000_000)


class SubstanceIn(StrictIn):
    constraint_model = SubstanceUse

    category: CategoryName
    amount: float = Field(gt=0, le=10_000)
    unit: UnitName | None = None
    name: str = Field("", max_length=100)
    taken_at: IsoDateTime | None = None
    note: str = Field("", max_length=500)
    client_id: UuidText | None = None


class SubstancePatch(StrictIn):
    constraint_model = SubstanceUse

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
    medicines: list[str] = Field(
        description="The person's own medicines that add to the same harm (sedation, "
        "seizures or serotonin toxicity)."
    )


class SubstanceCreatedOut(SubstanceOut):
    warnings: list[CoUseWarningOut]


class SubstanceListOut(Schema):
    items: list[SubstanceOut]
    count: int
    limit: int
    offset: int
