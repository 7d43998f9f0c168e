"""API schemas for skin sessions, photos, regions, trends and self-reports."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from ninja import Schema
from pydantic import Field

from stepdown.schemas import IsoDate, IsoDateTime, QueryFilters, StrictIn, UuidText
from stepdown.skin.models import PhotoSession, SkinReport

SiteName = Literal["back_of_hand", "forearm", "neck", "face"]
RoleName = Literal["exposed", "reference"]
VariantName = Literal["full", "preview", "thumb"]
ReportSiteName = Literal["face", "neck", "back_of_hands", "forearms", "lower_legs", "other"]
ColourName = Literal["brown", "grey_blue", "slate", "none", "not_sure"]

Coordinate = Annotated[float, Field(ge=0, allow_inf_nan=False)]
Point = Annotated[list[Coordinate], Field(min_length=2, max_length=2)]


class SessionIn(StrictIn):
    constraint_model = PhotoSession

    exposed_site: SiteName = "back_of_hand"
    taken_at: IsoDateTime | None = None
    notes: str = Field("", max_length=1000)
    uses_card: bool = True
    client_id: UuidText | None = None


class SessionFilters(QueryFilters):
    site: SiteName | None = None
    limit: int = Field(50, ge=1, le=200)
    offset: int = Field(0, ge=0, le=1_000_000)


class RectIn(StrictIn):
    kind: Literal["rect"]
    x: int = Field(ge=0, le=100_000)
    y: int = Field(ge=0, le=100_000)
    width: int = Field(ge=1, le=100_000)
    height: int = Field(ge=1, le=100_000)


class PolygonIn(StrictIn):
    kind: Literal["polygon"]
    points: list[Point] = Field(min_length=3, max_length=200)


class RegionIn(StrictIn):
    """The region to measure, in the stored photo's pixels, and optionally the colour card's
    four corners (starting at "dark skin", then "bluish green", "black", "white") when it was
    not found automatically."""

    region: Annotated[RectIn | PolygonIn, Field(discriminator="kind")]
    card_corners: list[Point] | None = Field(None, min_length=4, max_length=4)


class QualityOut(Schema):
    ok: bool
    reasons: list[str]
    messages: list[str]


class PixelsOut(Schema):
    total: int
    used: int
    clipped_fraction: float


class MeasurementOut(Schema):
    L: float | None
    a: float | None
    b: float | None
    ita_deg: float | None
    ita_category: str | None
    ci95_ita: list[float | None] | None
    calibration: str
    quality: QualityOut
    pixels: PixelsOut
    measured_at: dt.datetime


class PhotoOut(Schema):
    id: int
    session_id: int
    site: str
    width: int
    height: int
    byte_size: int
    source_format: str
    uploaded_at: dt.datetime
    region: dict[str, Any] | None
    card_corners: list[list[float]] | None
    image_url: str
    measurement: MeasurementOut | None
    measuring: bool
    # Why the photo could not be used (then upload it again), or null.
    problem: str | None


class ComparisonOut(Schema):
    delta_ita_deg: float | None
    delta_L: float | None
    delta_a: float | None
    delta_b: float | None
    delta_e00: float | None
    quality: QualityOut


class SessionOut(Schema):
    id: int
    taken_at: dt.datetime
    exposed_site: str
    uses_card: bool
    notes: str
    photos: list[PhotoOut]
    comparison: ComparisonOut | None


class SessionListOut(Schema):
    items: list[SessionOut]
    count: int
    limit: int
    offset: int


class TrendFilters(QueryFilters):
    site: SiteName | None = None


class TrendPointOut(Schema):
    session_id: int
    taken_at: dt.datetime
    delta_ita_deg: float


class ExcludedPointOut(Schema):
    session_id: int
    taken_at: dt.datetime


class NoiseOut(Schema):
    sessions: int
    sd_deg: float
    mdc95_deg: float


class SlopeOut(Schema):
    slope_deg: float
    low_deg: float
    high_deg: float


class WordingOut(Schema):
    headline: str
    detail: str


class TrendOut(Schema):
    site: str
    status: Literal["baseline_incomplete", "no_change", "darker", "lighter"]
    wording: WordingOut
    points: list[TrendPointOut]
    noise: NoiseOut | None
    baseline_mean_deg: float | None
    trend_per_year: SlopeOut | None
    excluded_ita_unreliable: list[ExcludedPointOut]
    crosses_seasons: bool
    seasonal_caveat: str


class ReportIn(StrictIn):
    constraint_model = SkinReport

    sites: list[ReportSiteName] = Field(default_factory=list, max_length=6)
    colour: ColourName
    itching: bool = False
    tenderness: bool = False
    noticed_since: IsoDate | None = None
    note: str = Field("", max_length=1000)
    client_id: UuidText | None = None


class ReportOut(Schema):
    id: int
    sites: list[str]
    colour: str
    itching: bool
    tenderness: bool
    noticed_since: dt.date | None
    note: str
    created_at: dt.datetime
