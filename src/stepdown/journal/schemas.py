"""API schemas for products, doses and the day's summary."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable
from typing import Literal

from pydantic import Field

from stepdown.core.potency import ProductFlag, potency_of, product_flags
from stepdown.journal.models import Dose, Product
from stepdown.journal.selectors import TodaySummary
from stepdown.schemas import (
    FormName,
    IsoDate,
    IsoDateTime,
    Out,
    QueryFilters,
    StrictIn,
    UuidText,
    number,
)

ResultName = Literal["pass", "fail", "unknown"]
UnitName = Literal["g", "mg", "capsule", "ml"]
PurposeName = Literal["energy", "pain", "mood", "withdrawal_relief", "sleep", "social", "other", ""]
Amount = float


class ProductIn(StrictIn):
    constraint_model = Product

    name: str = Field(min_length=1, max_length=120)
    vendor: str = Field("", max_length=120)
    form: FormName = "leaf_powder"
    batch: str = Field("", max_length=80)
    is_liquid: bool = False
    capsule_weight_g: float | None = Field(None, gt=0, le=5)
    mitragynine_mg_per_unit: float | None = Field(None, ge=0, le=1000)
    seven_oh_mg_per_unit: float | None = Field(None, ge=0, le=1000)
    lab_name: str = Field("", max_length=120)
    lab_test_date: IsoDate | None = None
    heavy_metals: ResultName = "unknown"
    microbial: ResultName = "unknown"
    confirm_unusual: bool = False


class ProductPatch(StrictIn):
    constraint_model = Product

    name: str | None = Field(None, min_length=1, max_length=120)
    vendor: str | None = Field(None, max_length=120)
    form: FormName | None = None
    batch: str | None = Field(None, max_length=80)
    is_liquid: bool | None = None
    capsule_weight_g: float | None = Field(None, gt=0, le=5)
    mitragynine_mg_per_unit: float | None = Field(None, ge=0, le=1000)
    seven_oh_mg_per_unit: float | None = Field(None, ge=0, le=1000)
    lab_name: str | None = Field(None, max_length=120)
    lab_test_date: IsoDate | None = None
    heavy_metals: ResultName | None = None
    microbial: ResultName | None = None
    confirm_unusual: bool = False


class FlagOut(Out):
    code: str
    message: str
    source: str

    @classmethod
    def of(cls, flag: ProductFlag) -> FlagOut:
        return cls(code=flag.code, message=flag.message, source=flag.source)


class PotencyOut(Out):
    mitragynine_mg_per_unit: float | None
    seven_oh_mg_per_unit: float | None
    unit: str
    basis: Literal["lab", "default", "none"]
    estimated: bool
    mitragynine_range: list[float] | None
    sources: list[str]

    @classmethod
    def of(cls, product: Product) -> PotencyOut:
        potency = potency_of(product.spec)
        low_high = potency.mitragynine_range_mg_per_unit
        return cls(
            mitragynine_mg_per_unit=number(potency.mitragynine_mg_per_unit),
            seven_oh_mg_per_unit=number(potency.seven_oh_mg_per_unit),
            unit=product.potency_unit,
            basis=potency.basis.value,
            estimated=potency.estimated,
            mitragynine_range=[float(v) for v in low_high] if low_high else None,
            sources=list(potency.sources),
        )


class ProductOut(Out):
    id: int
    name: str
    vendor: str
    form: str
    batch: str
    is_liquid: bool
    capsule_weight_g: float | None
    mitragynine_mg_per_unit: float | None
    seven_oh_mg_per_unit: float | None
    lab_name: str
    lab_test_date: dt.date | None
    heavy_metals: str
    microbial: str
    archived: bool
    potency: PotencyOut
    flags: list[FlagOut]

    @classmethod
    def of(cls, product: Product) -> ProductOut:
        return cls(
            id=product.pk,
            name=product.name,
            vendor=product.vendor,
            form=product.form,
            batch=product.batch,
            is_liquid=product.is_liquid,
            capsule_weight_g=number(product.capsule_weight_g),
            mitragynine_mg_per_unit=number(product.mitragynine_mg_per_unit),
            seven_oh_mg_per_unit=number(product.seven_oh_mg_per_unit),
            lab_name=product.lab_name,
            lab_test_date=product.lab_test_date,
            heavy_metals=product.heavy_metals,
            microbial=product.microbial,
            archived=product.archived_at is not None,
            potency=PotencyOut.of(product),
            flags=[FlagOut.of(flag) for flag in product_flags(product.spec)],
        )


class RemovedOut(Out):
    result: Literal["deleted", "archived"]


class DoseFilters(QueryFilters):
    """List filters: local dates, both inclusive, and a page."""

    since: dt.date | None = None
    until: dt.date | None = None
    limit: int = Field(100, ge=1, le=1000)
    offset: int = Field(0, ge=0, le=1_000_000_000)


class DoseIn(StrictIn):
    constraint_model = Dose

    amount: Amount = Field(gt=0)
    unit: UnitName = "g"
    product_id: int | None = None
    taken_at: IsoDateTime | None = None
    purpose: PurposeName = ""
    note: str = Field("", max_length=500)
    client_id: UuidText | None = None
    confirm_unusual: bool = False


class DosePatch(StrictIn):
    constraint_model = Dose

    amount: Amount | None = Field(None, gt=0)
    unit: UnitName | None = None
    product_id: int | None = None
    taken_at: IsoDateTime | None = None
    purpose: PurposeName | None = None
    note: str | None = Field(None, max_length=500)
    confirm_unusual: bool = False


class DoseOut(Out):
    id: int
    taken_at: dt.datetime
    amount: float
    unit: str
    grams: float | None
    millilitres: float | None
    product_id: int | None
    product_name: str | None
    purpose: str
    note: str
    mitragynine_mg: float | None
    seven_oh_mg: float | None
    mitragynine_estimated: bool
    client_id: uuid.UUID | None

    @classmethod
    def of(cls, dose: Dose) -> DoseOut:
        return cls(
            id=dose.pk,
            taken_at=dose.taken_at,
            amount=float(dose.amount),
            unit=dose.unit,
            grams=number(dose.grams),
            millilitres=number(dose.millilitres),
            product_id=dose.product_id,
            product_name=dose.product.name if dose.product else None,
            purpose=dose.purpose,
            note=dose.note,
            mitragynine_mg=number(dose.mitragynine_mg),
            seven_oh_mg=number(dose.seven_oh_mg),
            mitragynine_estimated=dose.mitragynine_estimated,
            client_id=dose.client_id,
        )


class DoseCreatedOut(DoseOut):
    flags: list[FlagOut]

    @classmethod
    def created(cls, dose: Dose, flags: Iterable[ProductFlag]) -> DoseCreatedOut:
        return cls(**dict(DoseOut.of(dose)), flags=[FlagOut.of(flag) for flag in flags])


class DoseListOut(Out):
    items: list[DoseOut]
    count: int
    limit: int
    offset: int


class TodayOut(Out):
    date: dt.date
    total_g: float
    dose_count: int
    mitragynine_mg: float | None
    mitragynine_estimated: bool
    last_dose_at: dt.datetime | None
    avg_7d_g: float | None
    avg_28d_g: float | None

    @classmethod
    def of(cls, summary: TodaySummary) -> TodayOut:
        return cls(
            date=summary.date,
            total_g=float(summary.total_g),
            dose_count=summary.dose_count,
            mitragynine_mg=number(summary.mitragynine_mg),
            mitragynine_estimated=summary.mitragynine_estimated,
            last_dose_at=summary.last_dose_at,
            avg_7d_g=number(summary.avg_7d_g),
            avg_28d_g=number(summary.avg_28d_g),
        )
