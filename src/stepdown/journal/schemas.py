"""API schemas for products, doses and the day's summary."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Literal

from ninja import Schema
from pydantic import Field

from stepdown.journal.models import Dose, Product
from stepdown.schemas import IsoDate, IsoDateTime, QueryFilters, StrictIn, UuidText

FormName = Literal["leaf_powder", "capsules", "tea", "extract", "seven_oh", "other"]
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


class FlagOut(Schema):
    code: str
    message: str
    source: str


class PotencyOut(Schema):
    mitragynine_mg_per_unit: float | None
    seven_oh_mg_per_unit: float | None
    unit: str
    basis: Literal["lab", "default", "none"]
    estimated: bool
    mitragynine_range: list[float] | None
    sources: list[str]


class ProductOut(Schema):
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


class RemovedOut(Schema):
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


class DoseOut(Schema):
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


class DoseCreatedOut(DoseOut):
    flags: list[FlagOut]


class DoseListOut(Schema):
    items: list[DoseOut]
    count: int
    limit: int
    offset: int


class TodayOut(Schema):
    date: dt.date
    total_g: float
    dose_count: int
    mitragynine_mg: float | None
    mitragynine_estimated: bool
    last_dose_at: dt.datetime | None
    avg_7d_g: float | None
    avg_28d_g: float | None
