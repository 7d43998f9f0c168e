"""API schemas for other-substance uses, medicines and interaction look-ups."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable
from typing import Literal, cast

from django.urls import reverse
from pydantic import Field

from stepdown.core.interactions import Report
from stepdown.core.interactions.serialize import interaction_to_dict, report_to_dict
from stepdown.core.rules import LearnSlug
from stepdown.schemas import IsoDateTime, Out, QueryFilters, StrictIn, UuidText
from stepdown.substances.dependence import DependenceWarning
from stepdown.substances.models import SubstanceUse
from stepdown.substances.warnings import CoUseWarning, substance_interactions

CategoryName = Literal["alcohol", "opioids", "benzodiazepines", "stimulants", "cannabis", "other"]
UnitName = Literal["standard_drink", "mg", "g", "ml", "tablet", "dose"]
SeverityName = Literal["high", "moderate", "low"]
# Names are looked up one by one; a request with more is a mistake, not a medicines list.
MAX_NAMES = 50


class InteractionOut(Out):
    class_: str = Field(alias="class")
    label: str
    severity: SeverityName
    mechanism: str
    advice: str
    evidence: str
    basis: Literal["observed", "theoretical"]
    sources: list[str]


# Built from the core's ``report_to_dict``, the shape ``stepdown interactions --format json``
# prints too (a test compares the two), so a script can use either.
class InteractionReportOut(Out):
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

    @classmethod
    def of(cls, report: Report) -> InteractionReportOut:
        return cls.model_validate(report_to_dict(report))


class InteractionFilters(QueryFilters):
    names: str = Field(
        min_length=1, max_length=5000, description="Comma-separated names, e.g. Xanax,gabapentin"
    )


class MedicineOut(InteractionReportOut):
    highest_severity: SeverityName | None

    @classmethod
    def of(cls, report: Report) -> MedicineOut:
        severity = report.highest_severity
        highest = None if severity is None else severity.value
        return cls.model_validate(report_to_dict(report) | {"highest_severity": highest})


class DependenceWarningOut(Out):
    """An active taper plan alongside a benzodiazepine or drinking on most days."""

    code: Literal["two_tapers"]
    benzodiazepine_medicines: list[str]
    regular_alcohol: bool
    regular_benzodiazepines: bool
    message: str

    @classmethod
    def of(cls, warning: DependenceWarning) -> DependenceWarningOut:
        return cls(
            code="two_tapers",
            benzodiazepine_medicines=list(warning.benzodiazepine_medicines),
            regular_alcohol=warning.regular_alcohol,
            regular_benzodiazepines=warning.regular_benzodiazepines,
            message=(
                f"You have a kratom taper plan, and {warning.what}. Stopping alcohol or a "
                "benzodiazepine after regular use can cause seizures. Never cut down two of them "
                "at once without a clinician."
            ),
        )


class MedicinesOut(Out):
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


class SubstanceOut(Out):
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

    @classmethod
    def of(cls, use: SubstanceUse, *, original: bool) -> SubstanceOut:
        interactions = substance_interactions(use.category, use.name)
        return cls(
            id=use.pk,
            # The model's choices are these names; pydantic checks the stored value again.
            category=cast(CategoryName, use.category),
            name=use.name,
            resolved=use.resolved_name or None,
            amount=float(use.amount),
            unit=cast(UnitName, use.unit),
            taken_at=use.taken_at,
            note=use.note,
            client_id=use.client_id,
            highest_severity=interactions[0].severity.value if interactions else None,
            original_substance=original,
        )


class CoUseWarningOut(Out):
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

    @classmethod
    def of(cls, warning: CoUseWarning) -> CoUseWarningOut:
        return cls(
            code="kratom_within_24h",
            severity=warning.severity.value,
            substance=warning.label,
            kratom_taken_at=warning.kratom_taken_at,
            kratom_after=warning.kratom_after,
            hours_apart=round(warning.hours_apart, 1),
            interactions=[
                InteractionOut.model_validate(interaction_to_dict(i)) for i in warning.interactions
            ],
            learn_url=reverse("learn:page", args=[LearnSlug.INTERACTIONS.value]),
            medicines=list(warning.medicines),
        )


class SubstanceCreatedOut(SubstanceOut):
    warnings: list[CoUseWarningOut]

    @classmethod
    def of_change(
        cls, use: SubstanceUse, *, original: bool, warnings: Iterable[CoUseWarning]
    ) -> SubstanceCreatedOut:
        return cls(
            **dict(SubstanceOut.of(use, original=original)),
            warnings=[CoUseWarningOut.of(w) for w in warnings],
        )


class SubstanceListOut(Out):
    items: list[SubstanceOut]
    count: int
    limit: int
    offset: int
