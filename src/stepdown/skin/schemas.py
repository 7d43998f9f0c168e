"""API schemas for skin sessions, photos, regions, trends and self-reports."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from django.urls import reverse
from pydantic import Field

from stepdown.core.colour import QUALITY_MESSAGES, QualityCode
from stepdown.schemas import IsoDate, IsoDateTime, Out, QueryFilters, StrictIn, UuidText
from stepdown.skin.models import Measurement, Photo, PhotoSession, SkinReport
from stepdown.skin.selectors import Trend, measurement_of, photo_measuring, photos_by_role
from stepdown.skin.wording import trend_wording

SiteName = Literal["back_of_hand", "forearm", "neck", "face"]
RoleName = Literal["exposed", "reference"]
VariantName = Literal["full", "preview", "thumb"]
ReportSiteName = Literal["face", "neck", "back_of_hands", "forearms", "lower_legs", "other"]
ColourName = Literal["brown", "grey_blue", "slate", "none", "not_sure"]

Coordinate = Annotated[float, Field(ge=0, allow_inf_nan=False)]
Point = Annotated[list[Coordinate], Field(min_length=2, max_length=2)]


def _round(value: float | None, places: int = 2) -> float | None:
    return None if value is None else round(value, places)


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


class QualityOut(Out):
    ok: bool
    reasons: list[str]
    messages: list[str]

    @classmethod
    def of(cls, ok: bool, reasons: list[str]) -> QualityOut:
        return cls(
            ok=ok,
            reasons=list(reasons),
            messages=[QUALITY_MESSAGES[QualityCode(code)] for code in reasons],
        )


class PixelsOut(Out):
    total: int
    used: int
    clipped_fraction: float


class MeasurementOut(Out):
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

    @classmethod
    def of(cls, m: Measurement) -> MeasurementOut:
        ci = [_round(m.ci95_low), _round(m.ci95_high)] if m.ci95_low is not None else None
        return cls(
            L=_round(m.l_star),
            a=_round(m.a_star),
            b=_round(m.b_star),
            ita_deg=_round(m.ita_deg),
            ita_category=m.ita_category or None,
            ci95_ita=ci,
            calibration=m.calibration,
            quality=QualityOut.of(m.quality_ok, m.quality_reasons),
            pixels=PixelsOut(
                total=m.pixels_total,
                used=m.pixels_used,
                clipped_fraction=round(m.clipped_fraction, 4),
            ),
            measured_at=m.measured_at,
        )


class PhotoOut(Out):
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

    @classmethod
    def of(cls, photo: Photo) -> PhotoOut:
        measurement: Measurement | None = measurement_of(photo)
        return cls(
            id=photo.pk,
            session_id=photo.session_id,
            site=photo.role,
            width=photo.width_px,
            height=photo.height_px,
            byte_size=photo.byte_size,
            source_format=photo.source_format,
            uploaded_at=photo.uploaded_at,
            region=photo.region,
            card_corners=photo.card_corners,
            image_url=reverse("api:skin_photo_image", args=[photo.pk]),
            measurement=None if measurement is None else MeasurementOut.of(measurement),
            measuring=photo_measuring(photo),
            problem=photo.problem or None,
        )


class ComparisonOut(Out):
    delta_ita_deg: float | None
    delta_L: float | None
    delta_a: float | None
    delta_b: float | None
    delta_e00: float | None
    quality: QualityOut

    @classmethod
    def of(cls, session: PhotoSession) -> ComparisonOut | None:
        if session.delta_ita_deg is None and not session.comparison_reasons:
            return None
        return cls(
            delta_ita_deg=_round(session.delta_ita_deg),
            delta_L=_round(session.delta_l),
            delta_a=_round(session.delta_a),
            delta_b=_round(session.delta_b),
            delta_e00=_round(session.delta_e00),
            quality=QualityOut.of(session.comparison_ok, session.comparison_reasons),
        )


class SessionOut(Out):
    id: int
    taken_at: dt.datetime
    exposed_site: str
    uses_card: bool
    notes: str
    photos: list[PhotoOut]
    comparison: ComparisonOut | None

    @classmethod
    def of(cls, session: PhotoSession) -> SessionOut:
        photos = photos_by_role(session)
        return cls(
            id=session.pk,
            taken_at=session.taken_at,
            exposed_site=session.exposed_site,
            uses_card=session.uses_card,
            notes=session.notes,
            photos=[PhotoOut.of(photos[role]) for role in Photo.Role.values if role in photos],
            comparison=ComparisonOut.of(session),
        )


class SessionListOut(Out):
    items: list[SessionOut]
    count: int
    limit: int
    offset: int


class TrendFilters(QueryFilters):
    site: SiteName | None = None


class TrendPointOut(Out):
    session_id: int
    taken_at: dt.datetime
    delta_ita_deg: float


class ExcludedPointOut(Out):
    session_id: int
    taken_at: dt.datetime


class NoiseOut(Out):
    sessions: int
    sd_deg: float
    mdc95_deg: float


class SlopeOut(Out):
    slope_deg: float
    low_deg: float
    high_deg: float


class WordingOut(Out):
    headline: str
    detail: str


class TrendOut(Out):
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

    @classmethod
    def of(cls, trend: Trend) -> TrendOut:
        a = trend.assessment
        slope = a.trend_per_year
        return cls(
            site=trend.site,
            status=a.status.value,
            wording=WordingOut(**trend_wording(trend)),
            points=[
                TrendPointOut(
                    session_id=p.session_id,
                    taken_at=p.taken_at,
                    delta_ita_deg=round(p.delta_ita_deg, 2),
                )
                for p in trend.points
            ],
            noise=(
                NoiseOut(
                    sessions=a.noise.sessions,
                    sd_deg=round(a.noise.sd_deg, 2),
                    mdc95_deg=round(a.noise.mdc95_deg, 2),
                )
                if a.noise
                else None
            ),
            baseline_mean_deg=_round(a.baseline_mean_deg),
            trend_per_year=(
                SlopeOut(
                    slope_deg=round(slope.slope, 2),
                    low_deg=round(slope.slope_low, 2),
                    high_deg=round(slope.slope_high, 2),
                )
                if slope
                else None
            ),
            excluded_ita_unreliable=[
                ExcludedPointOut(session_id=p.session_id, taken_at=p.taken_at)
                for p in trend.unreliable
            ],
            crosses_seasons=a.crosses_seasons,
            seasonal_caveat=a.seasonal_caveat,
        )


class ReportIn(StrictIn):
    constraint_model = SkinReport

    sites: list[ReportSiteName] = Field(default_factory=list, max_length=6)
    colour: ColourName
    itching: bool = False
    tenderness: bool = False
    noticed_since: IsoDate | None = None
    note: str = Field("", max_length=1000)
    client_id: UuidText | None = None


class ReportOut(Out):
    id: int
    sites: list[str]
    colour: str
    itching: bool
    tenderness: bool
    noticed_since: dt.date | None
    note: str
    created_at: dt.datetime

    @classmethod
    def of(cls, report: SkinReport) -> ReportOut:
        return cls(
            id=report.pk,
            sites=list(report.sites),
            colour=report.colour,
            itching=report.itching,
            tenderness=report.tenderness,
            noticed_since=report.noticed_since,
            note=report.note,
            created_at=report.created_at,
        )
