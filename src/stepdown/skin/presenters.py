"""Plain-data views of skin sessions, photos and trends, shared by the API and the pages."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from stepdown.core.colour import QUALITY_MESSAGES, ChangeStatus, ItaCategory, QualityCode
from stepdown.core.colour.ita import ita_label
from stepdown.skin.models import Photo, PhotoSession, SkinReport
from stepdown.skin.selectors import Trend, measurement_of, photos_by_role


def _round(value: float | None, places: int = 2) -> float | None:
    return None if value is None else round(value, places)


def quality_json(ok: bool, reasons: list[str]) -> dict[str, Any]:
    return {
        "ok": ok,
        "reasons": list(reasons),
        "messages": [QUALITY_MESSAGES[QualityCode(code)] for code in reasons],
    }


def measurement_json(photo: Photo) -> dict[str, Any] | None:
    m = measurement_of(photo)
    if m is None:
        return None
    ci = [_round(m.ci95_low), _round(m.ci95_high)] if m.ci95_low is not None else None
    return {
        "L": _round(m.l_star),
        "a": _round(m.a_star),
        "b": _round(m.b_star),
        "ita_deg": _round(m.ita_deg),
        "ita_category": m.ita_category or None,
        "ci95_ita": ci,
        "calibration": m.calibration,
        "quality": quality_json(m.quality_ok, m.quality_reasons),
        "pixels": {
            "total": m.pixels_total,
            "used": m.pixels_used,
            "clipped_fraction": round(m.clipped_fraction, 4),
        },
        "measured_at": m.measured_at,
    }


def photo_json(photo: Photo) -> dict[str, Any]:
    return {
        "id": photo.pk,
        "session_id": photo.session_id,
        "site": photo.role,
        "width": photo.width_px,
        "height": photo.height_px,
        "byte_size": photo.byte_size,
        "source_format": photo.source_format,
        "uploaded_at": photo.uploaded_at,
        "region": photo.region,
        "card_corners": photo.card_corners,
        "image_url": reverse("api:skin_photo_image", args=[photo.pk]),
        "measurement": measurement_json(photo),
        "measuring": photo_measuring(photo),
        "problem": photo.problem or None,
    }


def photo_measuring(photo: Photo) -> bool:
    """True while the worker still has work to do on the photo: preparing the upload, or
    measuring a region drawn on it."""
    if photo.status == Photo.Status.PROCESSING:
        return True
    return photo.region is not None and measurement_of(photo) is None


def comparison_json(session: PhotoSession) -> dict[str, Any] | None:
    if session.delta_ita_deg is None and not session.comparison_reasons:
        return None
    return {
        "delta_ita_deg": _round(session.delta_ita_deg),
        "delta_L": _round(session.delta_l),
        "delta_a": _round(session.delta_a),
        "delta_b": _round(session.delta_b),
        "delta_e00": _round(session.delta_e00),
        "quality": quality_json(session.comparison_ok, session.comparison_reasons),
    }


def session_json(session: PhotoSession) -> dict[str, Any]:
    photos = photos_by_role(session)
    return {
        "id": session.pk,
        "taken_at": session.taken_at,
        "exposed_site": session.exposed_site,
        "uses_card": session.uses_card,
        "notes": session.notes,
        "photos": [photo_json(photos[role]) for role in Photo.Role.values if role in photos],
        "comparison": comparison_json(session),
    }


def category_label(value: str | None) -> str:
    return ita_label(ItaCategory(value)) if value else "—"


def trend_wording(trend: Trend) -> dict[str, str]:
    """A headline and a sentence in plain words. A measurement, never a diagnosis."""
    a = trend.assessment
    count = len(trend.points)
    if a.status is ChangeStatus.BASELINE_INCOMPLETE or a.noise is None:
        left = 3 - count
        return {
            "headline": "Building your baseline",
            "detail": (
                f"{count} usable session{'s' if count != 1 else ''} so far; {left} more "
                f"before Stepdown knows how much your own measurements vary by chance. Only a "
                f"change larger than that will be reported."
            ),
        }
    noise = a.noise.mdc95_deg
    latest = a.deviations_deg[-1] if a.deviations_deg else 0.0
    if a.status is ChangeStatus.DARKER:
        return {
            "headline": f"Darker by {abs(latest):.1f}°, beyond your noise of ±{noise:.1f}°",
            "detail": (
                "Your last two sessions both show the exposed skin darker, compared with your "
                "inner arm, than at the start. This is a measurement, not a diagnosis; consider "
                "showing a dermatologist."
            ),
        }
    if a.status is ChangeStatus.LIGHTER:
        return {
            "headline": f"Lighter by {abs(latest):.1f}°, beyond your noise of ±{noise:.1f}°",
            "detail": (
                "Your last two sessions both show the exposed skin lighter, compared with your "
                "inner arm, than at the start."
            ),
        }
    return {
        "headline": "No change beyond your measurement noise",
        "detail": (
            f"Differences smaller than ±{noise:.1f}° can come from light and camera alone, and "
            f"your sessions stay within that."
        ),
    }


def trend_json(trend: Trend) -> dict[str, Any]:
    a = trend.assessment
    slope = a.trend_per_year
    return {
        "site": trend.site,
        "status": a.status.value,
        "wording": trend_wording(trend),
        "points": [
            {
                "session_id": p.session_id,
                "taken_at": p.taken_at,
                "delta_ita_deg": _round(p.delta_ita_deg),
            }
            for p in trend.points
        ],
        "noise": (
            {
                "sessions": a.noise.sessions,
                "sd_deg": _round(a.noise.sd_deg),
                "mdc95_deg": _round(a.noise.mdc95_deg),
            }
            if a.noise
            else None
        ),
        "baseline_mean_deg": _round(a.baseline_mean_deg),
        "trend_per_year": (
            {
                "slope_deg": _round(slope.slope),
                "low_deg": _round(slope.slope_low),
                "high_deg": _round(slope.slope_high),
            }
            if slope
            else None
        ),
        "excluded_ita_unreliable": [
            {"session_id": p.session_id, "taken_at": p.taken_at} for p in trend.unreliable
        ],
        "crosses_seasons": a.crosses_seasons,
        "seasonal_caveat": a.seasonal_caveat,
    }


def report_json(report: SkinReport) -> dict[str, Any]:
    return {
        "id": report.pk,
        "sites": list(report.sites),
        "colour": report.colour,
        "itching": report.itching,
        "tenderness": report.tenderness,
        "noticed_since": report.noticed_since,
        "note": report.note,
        "created_at": report.created_at,
    }
