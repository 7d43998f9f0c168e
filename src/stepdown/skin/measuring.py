"""The bridge between stored photos and the colour core.

Each photo is analysed once per region it is given, in the background worker: the stored JPEG
(at most the measurement resolution) is decoded, the chart searched on a downscaled copy, and
only the region converted to CIELAB (see ``docs/skin.md``). The session's exposed-minus-reference
comparison is then built from the two stored measurements, so neither frame is analysed a second
time to compare them.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import numpy as np
from django.utils.translation import gettext as _

from stepdown.core.colour import (
    Calibration,
    CalibrationMethod,
    CardMode,
    PhotoAnalysis,
    PhotoPairComparison,
    Polygon,
    Quality,
    QualityCode,
    Rect,
    Region,
    RegionReading,
    SiteMeasurement,
    analyse_photo,
    compare_photos,
    ita_category,
)
from stepdown.errors import InvalidInput
from stepdown.skin.photos import MAX_PIXELS, read_photo

MAX_POLYGON_POINTS = 200


def region_from_json(
    value: dict[str, Any], *, width: int, height: int, field: str = "region"
) -> Region:
    """A region in the photo's pixels from its JSON form; every point must lie on the photo."""
    kind = value.get("kind")
    if kind == "rect":
        try:
            x, y, w, h = (int(value[k]) for k in ("x", "y", "width", "height"))
        except (KeyError, TypeError, ValueError):
            raise InvalidInput(
                field, _("A rectangle needs whole numbers x, y, width and height.")
            ) from None
        if x < 0 or y < 0 or w < 1 or h < 1 or x + w > width or y + h > height:
            raise InvalidInput(
                field,
                _("The rectangle must lie inside the photo (%(width)d × %(height)d pixels).")
                % {"width": width, "height": height},
            )
        return Rect(x=x, y=y, width=w, height=h)
    if kind == "polygon":
        points = value.get("points")
        if not isinstance(points, list) or not 3 <= len(points) <= MAX_POLYGON_POINTS:
            raise InvalidInput(
                field,
                _("A polygon needs between 3 and %(most)d points.") % {"most": MAX_POLYGON_POINTS},
            )
        return Polygon(
            points=tuple(_point(p, width=width, height=height, field=field) for p in points)
        )
    raise InvalidInput(field, _('Give a region of kind "rect" or "polygon".'))


def region_to_json(region: Region) -> dict[str, Any]:
    """The stored JSON form of a region (whole pixels for a rectangle, one decimal otherwise)."""
    if isinstance(region, Rect):
        return {
            "kind": "rect",
            "x": region.x,
            "y": region.y,
            "width": region.width,
            "height": region.height,
        }
    return {"kind": "polygon", "points": [[round(x, 1), round(y, 1)] for x, y in region.points]}


def corners_from_json(
    value: list[Any] | None, *, width: int, height: int
) -> tuple[tuple[float, float], ...] | None:
    """The chart's four corners, in the order the core expects, or ``None``."""
    if value is None:
        return None
    if not isinstance(value, list) or len(value) != 4:
        raise InvalidInput("card_corners", _("Mark exactly four corners of the colour card."))
    return tuple(_point(p, width=width, height=height, field="card_corners") for p in value)


def region_clean(value: Any, *, width: int, height: int) -> dict[str, Any] | None:
    """A photo's region as it is stored (``None``: not marked yet), checked against the photo."""
    if value is None:
        return None
    if not isinstance(value, Mapping):
        raise InvalidInput("region", _('Give a region of kind "rect" or "polygon".'))
    return region_to_json(region_from_json(dict(value), width=width, height=height))


def corners_clean(value: Any, *, width: int, height: int) -> list[list[float]] | None:
    """A photo's chart corners as they are stored (``None``: no chart marked)."""
    corners = corners_from_json(value, width=width, height=height)
    return [list(point) for point in corners] if corners else None


def quality_codes(value: Any, *, field: str) -> list[str]:
    """Stored quality reasons (a measurement's, a comparison's): codes the pages can word."""
    known = {code.value for code in QualityCode}
    if not isinstance(value, list) or not all(isinstance(c, str) and c in known for c in value):
        raise InvalidInput(
            field, _("the reasons are codes among %(codes)s") % {"codes": ", ".join(sorted(known))}
        )
    return value


def _point(value: Any, *, width: int, height: int, field: str) -> tuple[float, float]:
    if (
        not isinstance(value, (list, tuple))
        or len(value) != 2
        or not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in value)
    ):
        raise InvalidInput(field, _("Each point is a pair of numbers [x, y]."))
    x, y = float(value[0]), float(value[1])
    if not (math.isfinite(x) and math.isfinite(y) and 0 <= x <= width and 0 <= y <= height):
        raise InvalidInput(
            field,
            _("Every point must lie inside the photo (%(width)d × %(height)d).")
            % {"width": width, "height": height},
        )
    return (x, y)


def analyse_stored(
    *, file_key: str, region: Region, corners: tuple[tuple[float, float], ...] | None, card: bool
) -> PhotoAnalysis:
    """Analyse one stored photo's region (the only full-frame work for this region)."""
    return analyse_photo(
        data=read_photo(file_key),
        roi=region,
        card=CardMode.AUTO if card else CardMode.NONE,
        corners=corners,  # type: ignore[arg-type]
        max_pixels=MAX_PIXELS,
    )


def measurement_fields(analysis: PhotoAnalysis) -> dict[str, Any]:
    """The columns of a ``Measurement`` from an analysis."""
    reading = analysis.site
    m = reading.measurement
    calibration = analysis.calibration
    neutral = calibration.neutral_chromaticity
    return {
        "l_star": m.l_star if m else None,
        "a_star": m.a_star if m else None,
        "b_star": m.b_star if m else None,
        "ita_deg": m.ita_deg if m else None,
        "ita_category": m.ita_category.value if m else "",
        "ci95_low": m.ci95_ita_deg[0] if m and m.ci95_ita_deg else None,
        "ci95_high": m.ci95_ita_deg[1] if m and m.ci95_ita_deg else None,
        "relative_luminance": m.relative_luminance if m else None,
        "pixels_total": reading.pixels_total,
        "pixels_used": reading.pixels_used,
        "clipped_fraction": reading.clipped_fraction,
        "calibration": calibration.method.value,
        "calibration_mean_delta_e00": calibration.mean_delta_e00,
        "neutral_r": neutral[0] if neutral else None,
        "neutral_g": neutral[1] if neutral else None,
        "quality_ok": analysis.quality.ok,
        "quality_reasons": [code.value for code in analysis.quality.reasons],
    }


def stored_analysis(measurement: Any, *, width: int, height: int) -> PhotoAnalysis:
    """Rebuild the parts of an analysis that ``compare_photos`` reads from a stored
    ``Measurement``: the site reading, the calibration's method and light, and the quality."""
    site = None
    if measurement.ita_deg is not None:
        ci = (
            (measurement.ci95_low, measurement.ci95_high)
            if measurement.ci95_low is not None and measurement.ci95_high is not None
            else None
        )
        site = SiteMeasurement(
            l_star=measurement.l_star,
            a_star=measurement.a_star,
            b_star=measurement.b_star,
            ita_deg=measurement.ita_deg,
            ita_category=ita_category(measurement.ita_deg),
            ci95_ita_deg=ci,
            relative_luminance=measurement.relative_luminance or 0.0,
        )
    neutral = (
        (measurement.neutral_r, measurement.neutral_g)
        if measurement.neutral_r is not None and measurement.neutral_g is not None
        else None
    )
    reasons = tuple(QualityCode(code) for code in measurement.quality_reasons)
    return PhotoAnalysis(
        site=RegionReading(
            pixels_total=measurement.pixels_total,
            pixels_used=measurement.pixels_used,
            clipped_fraction=measurement.clipped_fraction,
            measurement=site,
        ),
        reference=None,
        comparison=None,
        calibration=Calibration(
            method=CalibrationMethod(measurement.calibration),
            matrix=np.eye(3),
            neutral_chromaticity=neutral,
        ),
        quality=Quality(ok=measurement.quality_ok, reasons=reasons),
        chart_sharpness=None,
        width_px=width,
        height_px=height,
    )


def compare_stored(*, exposed: Any, reference: Any) -> PhotoPairComparison:
    """Exposed minus reference from two stored photos' measurements (their ``Photo`` rows)."""
    return compare_photos(
        exposed=stored_analysis(
            exposed.measurement, width=exposed.width_px, height=exposed.height_px
        ),
        reference=stored_analysis(
            reference.measurement, width=reference.width_px, height=reference.height_px
        ),
    )


def default_region(*, width: int, height: int) -> dict[str, Any]:
    """A first guess with nothing earlier to go on: the middle 40 % of the photo."""
    return {
        "kind": "rect",
        "x": round(width * 0.3),
        "y": round(height * 0.3),
        "width": max(1, round(width * 0.4)),
        "height": max(1, round(height * 0.4)),
    }


def scale_region(
    region: dict[str, Any], *, source: tuple[int, int], target: tuple[int, int]
) -> dict[str, Any]:
    """An earlier photo's region carried over to a photo of another size, kept inside it."""
    sx, sy = target[0] / source[0], target[1] / source[1]
    width, height = target
    if region.get("kind") == "polygon":
        points = [
            [round(min(max(x * sx, 0.0), width), 1), round(min(max(y * sy, 0.0), height), 1)]
            for x, y in region["points"]
        ]
        return {"kind": "polygon", "points": points}
    x = min(max(round(region["x"] * sx), 0), width - 1)
    y = min(max(round(region["y"] * sy), 0), height - 1)
    return {
        "kind": "rect",
        "x": x,
        "y": y,
        "width": max(1, min(round(region["width"] * sx), width - x)),
        "height": max(1, min(round(region["height"] * sy), height - y)),
    }


def bounding_rect(region: dict[str, Any]) -> dict[str, int]:
    """The rectangle around a region, for the number inputs."""
    if region.get("kind") == "polygon":
        xs = [p[0] for p in region["points"]]
        ys = [p[1] for p in region["points"]]
        x, y = int(min(xs)), int(min(ys))
        return {
            "x": x,
            "y": y,
            "width": max(1, int(max(xs)) - x),
            "height": max(1, int(max(ys)) - y),
        }
    return {k: int(region[k]) for k in ("x", "y", "width", "height")}
