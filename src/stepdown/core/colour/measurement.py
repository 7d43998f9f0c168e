"""Measure a skin region: calibrated CIELAB, cleaned of glare and hair, with ITA° and its CI.

Only the region's bounding box is linearised and converted, and a large one is sampled on a
regular grid (every n-th pixel each way) down to ``MAX_MEASURED_PIXELS``: a grid sample keeps the
distribution of the pixels, so the medians stay where they were, while the memory and time of a
region no longer grow with its size. Pixels are dropped when a channel is
clipped, when a black-hat filter on L* marks them as thin dark strokes (hairs), and when L* or b*
lies outside the robust band median ± k·MAD (specular spots, shadows, moles, stray hairs).

References
----------
Chardon1991: ITA from the median L* and b*.
Ly2020: ITA categories.
Efron1993: percentile bootstrap; resampling tiles rather than pixels because neighbouring pixels
are correlated and a pixel-level interval would be falsely narrow.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import cv2
import numpy as np
import numpy.typing as npt

from stepdown.core.colour.calibration import CLIPPED_LEVEL, Calibration
from stepdown.core.colour.ita import ItaCategory, ita_category, ita_deg
from stepdown.core.colour.regions import Region, bounding_pixels, region_pixels
from stepdown.core.colour.spaces import bytes_to_linear, linear_rgb_to_lab

# Assumption: keep pixels within 2.5 robust SDs (1.4826·MAD) of the median L* and b*, as in the
# colorimetry note; the spread is floored at 1 unit so a flat synthetic region keeps its pixels.
MAD_K = 2.5
MAD_TO_SD = 1.4826
MIN_ROBUST_SD = 1.0
# Assumption: a hair is a stroke a few pixels wide at least 8 L* darker than its surroundings.
HAIR_KERNEL_PX = 9
HAIR_DEPTH_L = 8.0
# Assumption (colorimetry notes): at least 20,000 clean pixels, enough for about 20 tiles.
DEFAULT_MIN_PIXELS = 20_000
# Colorimetry notes: 32 × 32 tiles. Assumption: a tile joins the bootstrap when at least a
# quarter of its pixels are clean.
TILE_PX = 32
MIN_TILE_FILL = 0.25
# Colorimetry notes: a 200-sample tile bootstrap.
BOOTSTRAP_ROUNDS = 200
# Any fixed seed: the same photo always gives the same interval.
BOOTSTRAP_SEED = 20_240_607
# Assumption: at most half a million pixels of a region are converted (about 15 MB of float32
# work arrays); the median of that many samples moves by far less than 0.1 L*, and the
# grid-sampled result stays within ΔE00 0.5 of the full region
# (tests/core/colour/test_colour_bounded.py).
MAX_MEASURED_PIXELS = 500_000


@dataclass(frozen=True, slots=True)
class SiteMeasurement:
    """Median colour of a region's clean pixels and its ITA°."""

    l_star: float
    a_star: float
    b_star: float
    ita_deg: float
    ita_category: ItaCategory
    ci95_ita_deg: tuple[float, float] | None
    relative_luminance: float


@dataclass(frozen=True, slots=True)
class RegionReading:
    """What was found in a region: pixel counts, clipping and (if any pixel survived) the result."""

    pixels_total: int
    pixels_used: int
    clipped_fraction: float
    measurement: SiteMeasurement | None


def measure_region(
    *,
    rgb: npt.NDArray[np.uint8],
    region: Region,
    calibration: Calibration,
    bootstrap_rounds: int = BOOTSTRAP_ROUNDS,
    seed: int = BOOTSTRAP_SEED,
    max_pixels: int = MAX_MEASURED_PIXELS,
) -> RegionReading:
    """Measure ``region`` of the photo under ``calibration`` (deterministic for a given seed).

    Pixel counts are of the measured grid: the region's pixels, or a regular sample of them
    when its bounding box holds more than ``max_pixels``.
    """
    step = max(1, math.ceil(math.sqrt(bounding_pixels(rgb, region) / max_pixels)))
    pixels = region_pixels(rgb, region, step=step)
    inside = pixels.inside
    total = int(inside.sum())
    clipped = np.any(pixels.rgb >= CLIPPED_LEVEL, axis=2)
    clipped_fraction = float((clipped & inside).sum()) / max(total, 1)

    lab = linear_rgb_to_lab(bytes_to_linear(pixels.rgb), correction=calibration.matrix)
    keep = inside & ~clipped & ~_hair_mask(lab[..., 0])
    keep &= _robust_band(lab[..., 0], keep) & _robust_band(lab[..., 2], keep)
    used = int(keep.sum())
    if used == 0:
        return RegionReading(total, 0, clipped_fraction, None)

    clean = lab[keep]
    l_star, a_star, b_star = (float(v) for v in np.median(clean, axis=0))
    angle = ita_deg(lightness=l_star, b_star=b_star)
    return RegionReading(
        pixels_total=total,
        pixels_used=used,
        clipped_fraction=clipped_fraction,
        measurement=SiteMeasurement(
            l_star=l_star,
            a_star=a_star,
            b_star=b_star,
            ita_deg=angle,
            ita_category=ita_category(angle),
            ci95_ita_deg=_tile_bootstrap(lab, keep, rounds=bootstrap_rounds, seed=seed),
            relative_luminance=_luminance_from_l(l_star),
        ),
    )


def _luminance_from_l(l_star: float) -> float:
    # Inverse of the CIELAB lightness formula (Y relative to white = 1).
    f = (l_star + 16.0) / 116.0
    return f**3 if f > 6.0 / 29.0 else 3.0 * (6.0 / 29.0) ** 2 * (f - 4.0 / 29.0)


def _hair_mask(lightness: npt.NDArray[np.float32]) -> npt.NDArray[np.bool_]:
    kernel = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (HAIR_KERNEL_PX, HAIR_KERNEL_PX))
    black_hat = cv2.morphologyEx(lightness, cv2.MORPH_BLACKHAT, kernel)
    mask: npt.NDArray[np.bool_] = black_hat > HAIR_DEPTH_L
    return mask


def _robust_band(
    values: npt.NDArray[np.float32], keep: npt.NDArray[np.bool_]
) -> npt.NDArray[np.bool_]:
    kept = values[keep]
    if kept.size == 0:
        return keep
    centre = float(np.median(kept))
    spread = max(MAD_TO_SD * float(np.median(np.abs(kept - centre))), MIN_ROBUST_SD)
    band: npt.NDArray[np.bool_] = np.abs(values - centre) <= MAD_K * spread
    return band


def _tile_bootstrap(
    lab: npt.NDArray[np.float32],
    keep: npt.NDArray[np.bool_],
    *,
    rounds: int,
    seed: int,
) -> tuple[float, float] | None:
    """95 % percentile interval of ITA from resampling 32×32 tiles' median L* and b*."""
    height, width = keep.shape
    rows, columns = math.ceil(height / TILE_PX), math.ceil(width / TILE_PX)
    padded_height, padded_width = rows * TILE_PX, columns * TILE_PX
    values = np.full((padded_height, padded_width, 2), np.nan, dtype=np.float32)
    values[:height, :width, 0] = np.where(keep, lab[..., 0], np.nan)
    values[:height, :width, 1] = np.where(keep, lab[..., 2], np.nan)
    tiles = (
        values.reshape(rows, TILE_PX, columns, TILE_PX, 2)
        .transpose(0, 2, 1, 3, 4)
        .reshape(rows * columns, TILE_PX * TILE_PX, 2)
    )
    filled = np.sum(~np.isnan(tiles[..., 0]), axis=1) >= MIN_TILE_FILL * TILE_PX * TILE_PX
    tiles = tiles[filled]
    if len(tiles) < 2 or rounds < 1:
        return None
    tile_medians = _nan_median_rows(tiles)
    draws = np.random.default_rng(seed).integers(0, len(tile_medians), (rounds, len(tile_medians)))
    resampled = np.median(tile_medians[draws], axis=1)
    angles = np.degrees(np.arctan2(resampled[:, 0] - 50.0, resampled[:, 1]))
    low, high = np.percentile(angles, [2.5, 97.5])
    return (float(low), float(high))


def _nan_median_rows(tiles: npt.NDArray[np.float32]) -> npt.NDArray[np.float64]:
    # Median over axis 1 ignoring NaN, vectorised: NaN sorts last, so each row's valid values
    # come first and the middle one(s) can be indexed directly (np.nanmedian loops in Python).
    ordered = np.sort(np.ascontiguousarray(tiles.transpose(0, 2, 1)), axis=2)
    counts = np.sum(~np.isnan(ordered[:, :1, :]), axis=2)
    low = np.take_along_axis(ordered, (counts[:, :, None] - 1) // 2, axis=2)[..., 0]
    high = np.take_along_axis(ordered, counts[:, :, None] // 2, axis=2)[..., 0]
    result: npt.NDArray[np.float64] = (low.astype(np.float64) + high) / 2.0
    return result
