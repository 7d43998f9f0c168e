"""Colour correction: a 3×3 matrix from a colour checker, channel gains from a grey card, or none.

Every result says which kind it is (``CalibrationMethod``), so a measurement is never passed off
as calibrated when it is not. The matrix maps linear camera RGB (the decoded photo, linearised)
to linear sRGB under D65.

References
----------
Cheung2004: a 3×3 least-squares matrix (no polynomial terms), which does not overfit 24 patches.
Kang2025: a global 3×3 correction matrix cut between-device ΔE on faces by 61–74 %.
Sharma2005: ΔE00 used for the fit residuals.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

import numpy as np
import numpy.typing as npt

from stepdown.core.colour.chart import (
    DEFAULT_REFERENCE,
    NEUTRAL_PATCHES,
    PATCH_COUNT,
    SKIN_PATCHES,
    WHITE_PATCH,
    Corners,
    PatchSample,
    chart_reference,
    sample_patches,
)
from stepdown.core.colour.detection import find_chart_candidates
from stepdown.core.colour.difference import delta_e_2000
from stepdown.core.colour.problems import PhotoProblem
from stepdown.core.colour.regions import Region, region_pixels
from stepdown.core.colour.spaces import linear_rgb_to_lab64, luminance, srgb_decode

Matrix = npt.NDArray[np.float64]

# A patch or pixel with a channel at or above this 8-bit value is clipped: left out of the fit
# and of the measured region (colorimetry notes, "drop any pixel with a channel ≥ 250";
# assumption: 250 rather than 255 leaves room for JPEG ringing around saturated areas).
CLIPPED_LEVEL = 250
# Assumption: neutral and skin patches count double in the fit, because skin is what we measure
# and the neutrals anchor white balance (colorimetry note, "weight the neutral and skin patches").
PRIORITY_WEIGHT = 2.0
# Assumption: a standard photographic grey card reflects 18 % evenly across the spectrum.
GREY_CARD_REFLECTANCE = 0.18


class CalibrationMethod(StrEnum):
    """How a photo's colours were corrected."""

    COLOUR_CHECKER = "colour_checker"
    FOUR_CORNERS = "four_corners"
    GREY_CARD = "grey_card"
    NONE = "none"


@dataclass(frozen=True, slots=True)
class Calibration:
    """A correction and what is known about how well it fits.

    ``white_luminance`` and ``white_max_level`` describe the chart's white patch before
    correction (linear Y and brightest 8-bit channel); ``neutral_chromaticity`` is the raw
    (r, g) chromaticity of the grey patches, which tells the light's colour.
    """

    method: CalibrationMethod
    matrix: Matrix
    reference_chart: str | None = None
    corners: Corners | None = None
    mean_delta_e00: float | None = None
    max_delta_e00: float | None = None
    skin_loo_delta_e00: float | None = None
    white_luminance: float | None = None
    white_max_level: float | None = None
    neutral_chromaticity: tuple[float, float] | None = None

    @property
    def calibrated(self) -> bool:
        """True unless no correction was applied."""
        return self.method is not CalibrationMethod.NONE


def _fit_matrix(measured: Matrix, target: Matrix, weights: npt.NDArray[np.float64]) -> Matrix:
    # Weighted least squares for M in target ≈ measured @ M.T [Cheung2004].
    root = np.sqrt(weights)[:, None]
    solution, *_ = np.linalg.lstsq(measured * root, target * root, rcond=None)
    result: Matrix = np.asarray(solution.T, dtype=np.float64)
    return result


def _fit_diagonal(measured: Matrix, target: Matrix, weights: npt.NDArray[np.float64]) -> Matrix:
    # Per-channel gains (white balance and exposure only), weighted least squares per channel.
    numerator = np.sum(weights[:, None] * measured * target, axis=0)
    denominator = np.sum(weights[:, None] * measured * measured, axis=0)
    return np.diag(numerator / np.maximum(denominator, 1e-12))


CORRECTION_FITS: dict[str, Callable[[Matrix, Matrix, npt.NDArray[np.float64]], Matrix]] = {
    "matrix_3x3": _fit_matrix,
    "diagonal": _fit_diagonal,
}


def fit_correction(
    *,
    measured: Matrix,
    target: Matrix,
    weights: npt.NDArray[np.float64] | None = None,
    method: str = "matrix_3x3",
) -> Matrix:
    """Fit a correction taking ``measured`` linear RGB rows to ``target`` rows."""
    if method not in CORRECTION_FITS:
        raise ValueError(f"unknown correction {method!r}; choose one of {sorted(CORRECTION_FITS)}")
    measured = np.asarray(measured, dtype=np.float64)
    target = np.asarray(target, dtype=np.float64)
    if measured.shape != target.shape or measured.ndim != 2 or measured.shape[1] != 3:
        raise ValueError("measured and target must both be N×3")
    weights = np.ones(len(measured)) if weights is None else np.asarray(weights, dtype=np.float64)
    if len(measured) < 3:
        raise ValueError("a correction needs at least three colours")
    return CORRECTION_FITS[method](measured, target, weights)


def _patch_weights() -> npt.NDArray[np.float64]:
    weights = np.ones(PATCH_COUNT)
    weights[list(NEUTRAL_PATCHES) + list(SKIN_PATCHES)] = PRIORITY_WEIGHT
    return weights


def calibrate_from_patches(
    sample: PatchSample,
    *,
    method: CalibrationMethod,
    reference_chart: str = DEFAULT_REFERENCE,
    fit: str = "matrix_3x3",
) -> Calibration:
    """Fit a correction to the sampled patches and score it (mean ΔE00, skin leave-one-out)."""
    reference = chart_reference(reference_chart)
    usable = np.all(sample.encoded < CLIPPED_LEVEL, axis=1) & np.all(sample.linear > 0, axis=1)
    weights = _patch_weights()
    if usable.sum() < 6:
        matrix = np.eye(3)
        residuals = delta_e_2000(linear_rgb_to_lab64(sample.linear), reference.lab)
    else:
        matrix = fit_correction(
            measured=sample.linear[usable],
            target=reference.linear_srgb[usable],
            weights=weights[usable],
            method=fit,
        )
        residuals = delta_e_2000(linear_rgb_to_lab64(sample.linear @ matrix.T), reference.lab)
    loo = []
    for skin in SKIN_PATCHES:
        keep = usable.copy()
        keep[skin] = False
        if keep.sum() < 6:
            continue
        left_out = fit_correction(
            measured=sample.linear[keep],
            target=reference.linear_srgb[keep],
            weights=weights[keep],
            method=fit,
        )
        predicted = linear_rgb_to_lab64(sample.linear[skin] @ left_out.T)
        loo.append(float(delta_e_2000(predicted, reference.lab[skin])))
    neutrals = sample.linear[list(NEUTRAL_PATCHES[1:5])].sum(axis=0)
    chromaticity = neutrals / max(float(neutrals.sum()), 1e-12)
    return Calibration(
        method=method,
        matrix=matrix,
        reference_chart=reference.name,
        corners=sample.corners,
        mean_delta_e00=float(np.mean(residuals[usable])) if usable.any() else float("inf"),
        max_delta_e00=float(np.max(residuals[usable])) if usable.any() else float("inf"),
        skin_loo_delta_e00=max(loo) if loo else None,
        white_luminance=float(luminance(sample.linear[WHITE_PATCH])),
        white_max_level=float(sample.encoded[WHITE_PATCH].max()),
        neutral_chromaticity=(float(chromaticity[0]), float(chromaticity[1])),
    )


def calibrate_with_corners(
    *,
    rgb: npt.NDArray[np.uint8],
    corners: Corners,
    reference_chart: str = DEFAULT_REFERENCE,
) -> Calibration:
    """Calibrate from a chart whose four corners the person marked (see ``chart`` for order)."""
    sample = sample_patches(rgb, corners)
    return calibrate_from_patches(
        sample, method=CalibrationMethod.FOUR_CORNERS, reference_chart=reference_chart
    )


def calibrate_detected(
    *, rgb: npt.NDArray[np.uint8], reference_chart: str = DEFAULT_REFERENCE
) -> Calibration | None:
    """Find the chart and calibrate from it; ``None`` when no chart is found.

    Of all placements the detector proposes, the one whose colours fit the reference best wins;
    this also decides which way up the chart is.
    """
    best: Calibration | None = None
    for corners in find_chart_candidates(rgb):
        sample = sample_patches(rgb, corners)
        candidate = calibrate_from_patches(
            sample, method=CalibrationMethod.COLOUR_CHECKER, reference_chart=reference_chart
        )
        if best is None or _score(candidate) < _score(best):
            best = candidate
    return best


def _score(calibration: Calibration) -> float:
    return calibration.mean_delta_e00 if calibration.mean_delta_e00 is not None else np.inf


def calibrate_grey_card(
    *,
    rgb: npt.NDArray[np.uint8],
    region: Region,
    reflectance: float = GREY_CARD_REFLECTANCE,
) -> Calibration:
    """Channel gains that make a grey card's median read as ``reflectance`` in each channel."""
    if not 0.0 < reflectance <= 1.0:
        raise ValueError("a grey card's reflectance is between 0 and 1")
    pixels = region_pixels(rgb, region)
    values = pixels.rgb[pixels.inside]
    unclipped = values[np.all(values < CLIPPED_LEVEL, axis=1)]
    if len(unclipped) == 0:
        raise PhotoProblem("the grey card region has no usable pixels")
    median = srgb_decode(np.median(unclipped, axis=0) / 255.0)
    if np.any(median <= 0):
        raise PhotoProblem("the grey card region is black")
    gains = reflectance / median
    # What the chart's white patch would have read in the same light, for the exposure checks.
    white_patch = median * (
        float(luminance(chart_reference().linear_srgb[WHITE_PATCH])) / reflectance
    )
    return Calibration(
        method=CalibrationMethod.GREY_CARD,
        matrix=np.diag(gains),
        white_luminance=float(luminance(white_patch)),
        white_max_level=float(np.median(unclipped, axis=0).max()),
        neutral_chromaticity=(float(median[0] / median.sum()), float(median[1] / median.sum())),
    )


def no_calibration() -> Calibration:
    """The identity: the photo's own sRGB is taken at face value."""
    return Calibration(method=CalibrationMethod.NONE, matrix=np.eye(3))
