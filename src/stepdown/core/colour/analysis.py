"""One photo, end to end: decode, find or mark the card, calibrate, measure, check quality.

The photo is decoded once; the card is searched on a downscaled copy; only the regions are
converted to CIELAB, which keeps a 12-megapixel photo well under two seconds on two cores.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

import numpy as np
import numpy.typing as npt

from stepdown.core.colour.calibration import (
    Calibration,
    calibrate_detected,
    calibrate_grey_card,
    calibrate_with_corners,
    no_calibration,
)
from stepdown.core.colour.chart import (
    DEFAULT_REFERENCE,
    WHITE_PATCH,
    Corners,
    chart_reference,
    scale_corners,
)
from stepdown.core.colour.comparison import SiteComparison, compare_sites
from stepdown.core.colour.decoding import (
    DEFAULT_MAX_PIXELS,
    MEASUREMENT_LONG_SIDE_PX,
    DecodedImage,
    decode_image,
)
from stepdown.core.colour.ita import ita_reliable
from stepdown.core.colour.measurement import (
    BOOTSTRAP_SEED,
    DEFAULT_MIN_PIXELS,
    RegionReading,
    measure_region,
)
from stepdown.core.colour.quality import (
    MAX_CHROMATICITY_SHIFT,
    MAX_CLIPPED_FRACTION,
    MAX_MEAN_DELTA_E00,
    MAX_SKIN_LOO_DELTA_E00,
    MAX_SKIN_TO_WHITE,
    MIN_CHART_SHARPNESS,
    MIN_REGION_LUMINANCE,
    MIN_SKIN_TO_WHITE,
    MIN_WHITE_LUMINANCE,
    Quality,
    QualityCode,
    chromaticity_shift,
    quality_from,
)
from stepdown.core.colour.regions import Region, scale_region
from stepdown.core.colour.sharpness import chart_sharpness
from stepdown.core.colour.spaces import luminance


class CardMode(StrEnum):
    """Whether to look for a colour card."""

    AUTO = "auto"
    NONE = "none"


@dataclass(frozen=True, slots=True)
class PhotoAnalysis:
    """Everything measured on one photo.

    ``site`` and ``reference`` are the readings of the measured region and of the optional
    protected reference region; ``comparison`` is exposed minus reference when both could be
    measured.
    """

    site: RegionReading
    reference: RegionReading | None
    comparison: SiteComparison | None
    calibration: Calibration
    quality: Quality
    chart_sharpness: float | None
    width_px: int
    height_px: int


def analyse_photo(
    *,
    data: bytes,
    roi: Region,
    reference_roi: Region | None = None,
    card: CardMode | str = CardMode.AUTO,
    corners: Corners | None = None,
    grey_roi: Region | None = None,
    reference_chart: str = DEFAULT_REFERENCE,
    min_pixels: int = DEFAULT_MIN_PIXELS,
    max_pixels: int = DEFAULT_MAX_PIXELS,
) -> PhotoAnalysis:
    """Decode ``data`` at no more than the measurement resolution and analyse it; see
    ``analyse_image`` for the options. Regions and corners are in the file's pixels.

    Raises ``ImageDecodeError`` for bytes that are not a readable photo.
    """
    image = decode_image(data=data, max_pixels=max_pixels, max_long_side=MEASUREMENT_LONG_SIDE_PX)
    factor = image.scale
    return analyse_image(
        image=image,
        roi=scale_region(roi, factor),
        reference_roi=None if reference_roi is None else scale_region(reference_roi, factor),
        card=card,
        corners=None if corners is None else scale_corners(corners, factor),
        grey_roi=None if grey_roi is None else scale_region(grey_roi, factor),
        reference_chart=reference_chart,
        min_pixels=min_pixels,
    )


def analyse_image(
    *,
    image: DecodedImage,
    roi: Region,
    reference_roi: Region | None = None,
    card: CardMode | str = CardMode.AUTO,
    corners: Corners | None = None,
    grey_roi: Region | None = None,
    reference_chart: str = DEFAULT_REFERENCE,
    min_pixels: int = DEFAULT_MIN_PIXELS,
) -> PhotoAnalysis:
    """Analyse a decoded photo.

    Calibration, in order of preference: the four ``corners`` the person marked; a chart found
    automatically (``card="auto"``); a grey card in ``grey_roi``; otherwise none. ``card="none"``
    skips the chart search (marked corners and a grey card are still used if given).
    """
    mode = CardMode(card) if card in tuple(CardMode) else None
    if mode is None:
        raise ValueError(f"card must be one of {[m.value for m in CardMode]}, not {card!r}")
    if min_pixels < 1:
        raise ValueError("min_pixels must be at least 1")
    rgb = image.rgb
    calibration, reasons = _calibrate(
        rgb, mode=mode, corners=corners, grey_roi=grey_roi, reference_chart=reference_chart
    )
    sharpness = (
        chart_sharpness(rgb, calibration.corners) if calibration.corners is not None else None
    )
    if sharpness is not None and sharpness < MIN_CHART_SHARPNESS:
        reasons.append(QualityCode.BLURRED)

    site = measure_region(rgb=rgb, region=roi, calibration=calibration, seed=BOOTSTRAP_SEED)
    reasons += _region_reasons(site, calibration, min_pixels=min_pixels)
    reference = None
    comparison = None
    if reference_roi is not None:
        reference = measure_region(
            rgb=rgb, region=reference_roi, calibration=calibration, seed=BOOTSTRAP_SEED + 1
        )
        reasons += _region_reasons(reference, calibration, min_pixels=min_pixels)
        if site.measurement is not None and reference.measurement is not None:
            comparison = compare_sites(exposed=site.measurement, reference=reference.measurement)
    return PhotoAnalysis(
        site=site,
        reference=reference,
        comparison=comparison,
        calibration=calibration,
        quality=quality_from(reasons),
        chart_sharpness=sharpness,
        width_px=image.width,
        height_px=image.height,
    )


def _calibrate(
    rgb: npt.NDArray[np.uint8],
    *,
    mode: CardMode,
    corners: Corners | None,
    grey_roi: Region | None,
    reference_chart: str,
) -> tuple[Calibration, list[QualityCode]]:
    reasons: list[QualityCode] = []
    calibration: Calibration | None = None
    if corners is not None:
        calibration = calibrate_with_corners(
            rgb=rgb, corners=corners, reference_chart=reference_chart
        )
    elif mode is CardMode.AUTO:
        calibration = calibrate_detected(rgb=rgb, reference_chart=reference_chart)
        if calibration is None and grey_roi is None:
            reasons.append(QualityCode.NO_CARD)
    if calibration is None and grey_roi is not None:
        calibration = calibrate_grey_card(rgb=rgb, region=grey_roi)
    if calibration is None:
        reasons.append(QualityCode.UNCALIBRATED)
        return no_calibration(), reasons
    reasons += _calibration_reasons(calibration)
    return calibration, reasons


def _calibration_reasons(calibration: Calibration) -> list[QualityCode]:
    reasons = []
    if calibration.white_luminance is not None and (
        calibration.white_luminance < MIN_WHITE_LUMINANCE
    ):
        reasons.append(QualityCode.TOO_DARK)
    if calibration.white_max_level is not None and calibration.white_max_level >= 250:
        reasons.append(QualityCode.OVEREXPOSED)
    mean_error = calibration.mean_delta_e00
    loo_error = calibration.skin_loo_delta_e00
    if (mean_error is not None and mean_error > MAX_MEAN_DELTA_E00) or (
        loo_error is not None and loo_error > MAX_SKIN_LOO_DELTA_E00
    ):
        reasons.append(QualityCode.BAD_CALIBRATION)
    return reasons


def _region_reasons(
    reading: RegionReading, calibration: Calibration, *, min_pixels: int
) -> list[QualityCode]:
    reasons = []
    if reading.clipped_fraction > MAX_CLIPPED_FRACTION:
        reasons.append(QualityCode.OVEREXPOSED)
    if reading.pixels_used < min_pixels:
        reasons.append(QualityCode.TOO_FEW_PIXELS)
    measurement = reading.measurement
    if measurement is None:
        return reasons
    if not ita_reliable(b_star=measurement.b_star):
        reasons.append(QualityCode.ITA_UNRELIABLE)
    if not calibration.calibrated and measurement.relative_luminance < MIN_REGION_LUMINANCE:
        reasons.append(QualityCode.TOO_DARK)
    if calibration.calibrated:
        white = float(luminance(chart_reference().linear_srgb[WHITE_PATCH]))
        ratio = measurement.relative_luminance / white
        if ratio > MAX_SKIN_TO_WHITE or ratio < MIN_SKIN_TO_WHITE:
            reasons.append(QualityCode.LIGHT_MISMATCH)
    return reasons


@dataclass(frozen=True, slots=True)
class PhotoPairComparison:
    """An exposed site and a reference site photographed separately in one session."""

    comparison: SiteComparison | None
    quality: Quality


def compare_photos(*, exposed: PhotoAnalysis, reference: PhotoAnalysis) -> PhotoPairComparison:
    """Compare the main regions of two photos; flags ``light_mismatch`` when their cards saw
    light of a different colour (grey-patch chromaticity shifted by more than 0.02)."""
    reasons = list(exposed.quality.reasons) + list(reference.quality.reasons)
    first = exposed.calibration.neutral_chromaticity
    second = reference.calibration.neutral_chromaticity
    if (
        first is not None
        and second is not None
        and chromaticity_shift(first, second) > MAX_CHROMATICITY_SHIFT
    ):
        reasons.append(QualityCode.LIGHT_MISMATCH)
    if exposed.calibration.method != reference.calibration.method:
        reasons.append(QualityCode.LIGHT_MISMATCH)
    comparison = None
    if exposed.site.measurement is not None and reference.site.measurement is not None:
        comparison = compare_sites(
            exposed=exposed.site.measurement, reference=reference.site.measurement
        )
    return PhotoPairComparison(comparison=comparison, quality=quality_from(reasons))
