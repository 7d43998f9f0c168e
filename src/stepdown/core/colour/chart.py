"""The 24-patch colour checker: reference colours, layout and sampling of the patches.

The chart is located by four corners of its patch area, always in the same order: the outer
corner of patch 1 ("dark skin"), of patch 6 ("bluish green"), of patch 24 ("black") and of
patch 19 ("white"). That order fixes the chart's orientation whatever the photo's rotation.

References
----------
ColourScience: reference chromaticities (D50) of the chart, ``colour.CCS_COLOURCHECKERS``, and
the Bradford chromatic adaptation used to bring them to D65.
IEC61966_2_1: linear sRGB, the space the correction is fitted in.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from functools import cache
from types import ModuleType

import cv2
import numpy as np
import numpy.typing as npt

from stepdown.core.colour.problems import PhotoProblem
from stepdown.core.colour.spaces import (
    D65_WHITE_XYZ,
    XYZ_TO_SRGB,
    linear_rgb_to_lab64,
    srgb_decode,
)

ROWS = 4
COLUMNS = 6
PATCH_COUNT = ROWS * COLUMNS
SKIN_PATCHES = (0, 1)  # "dark skin", "light skin"
NEUTRAL_PATCHES = (18, 19, 20, 21, 22, 23)  # white to black
WHITE_PATCH = 18

# Assumption: the gap between patches is about 15 % of the patch pitch (Classic, Passport).
# Only the central half of each patch is read, so other ratios still land inside the patch.
GAP_FRACTION = 0.15
# Chart-plane size of the patch area in units of the patch pitch.
PLANE_WIDTH = COLUMNS - GAP_FRACTION
PLANE_HEIGHT = ROWS - GAP_FRACTION
# Fraction of a patch's side read around its centre (the central 50 %).
SAMPLE_FRACTION = 0.5

DEFAULT_REFERENCE = "ColorChecker24 - After November 2014"
REFERENCE_CHARTS = (
    "ColorChecker24 - After November 2014",
    "ColorChecker24 - Before November 2014",
    "ColorChecker 2005",
    "BabelColor Average",
)

Corners = tuple[tuple[float, float], tuple[float, float], tuple[float, float], tuple[float, float]]


def scale_corners(corners: Corners, factor: float) -> Corners:
    """The same four corners on a copy of the photo resized by ``factor``."""
    (ax, ay), (bx, by), (cx, cy), (dx, dy) = corners
    return (
        (ax * factor, ay * factor),
        (bx * factor, by * factor),
        (cx * factor, cy * factor),
        (dx * factor, dy * factor),
    )


@dataclass(frozen=True, slots=True)
class ChartReference:
    """Reference colours of one chart edition, adapted to D65."""

    name: str
    patch_names: tuple[str, ...]
    linear_srgb: npt.NDArray[np.float64]
    lab: npt.NDArray[np.float64]


@dataclass(frozen=True, slots=True)
class PatchSample:
    """Per-patch medians of one photo's chart, in 8-bit and in linear sRGB."""

    corners: Corners
    encoded: npt.NDArray[np.float64]
    linear: npt.NDArray[np.float64]


def _colour() -> ModuleType:
    # colour-science warns at import about optional extras (SciPy, Matplotlib) it can do without.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import colour
    return colour


@cache
def chart_reference(name: str = DEFAULT_REFERENCE) -> ChartReference:
    """Reference linear sRGB and CIELAB (D65) of the named chart [ColourScience]."""
    if name not in REFERENCE_CHARTS:
        raise ValueError(f"unknown colour chart {name!r}; choose one of {list(REFERENCE_CHARTS)}")
    colour = _colour()
    checker = colour.CCS_COLOURCHECKERS[name]
    xyy = np.array(list(checker.data.values()), dtype=np.float64)
    xyz = colour.xyY_to_XYZ(xyy)
    source_white = colour.xy_to_XYZ(checker.illuminant)
    adapted = colour.adaptation.chromatic_adaptation_VonKries(
        xyz, source_white, D65_WHITE_XYZ, transform="Bradford"
    )
    linear = np.asarray(adapted, dtype=np.float64) @ XYZ_TO_SRGB.T
    linear.flags.writeable = False
    lab = linear_rgb_to_lab64(linear)
    lab.flags.writeable = False
    return ChartReference(
        name=name, patch_names=tuple(checker.data.keys()), linear_srgb=linear, lab=lab
    )


def _plane_corners() -> npt.NDArray[np.float32]:
    return np.array(
        [[0.0, 0.0], [PLANE_WIDTH, 0.0], [PLANE_WIDTH, PLANE_HEIGHT], [0.0, PLANE_HEIGHT]],
        dtype=np.float32,
    )


def plane_to_image(corners: Corners) -> npt.NDArray[np.float64]:
    """Homography from the chart plane (patch pitch = 1) to image pixels."""
    image_corners = np.asarray(corners, dtype=np.float32)
    if image_corners.shape != (4, 2) or not np.all(np.isfinite(image_corners)):
        raise ValueError("the chart needs four (x, y) corners")
    homography = np.asarray(
        cv2.getPerspectiveTransform(_plane_corners(), image_corners), dtype=np.float64
    )
    return homography


def patch_centres_plane() -> npt.NDArray[np.float64]:
    """Centres of the 24 patches on the chart plane, in reading order."""
    side = 1.0 - GAP_FRACTION
    rows, columns = np.divmod(np.arange(PATCH_COUNT), COLUMNS)
    return np.stack([columns + side / 2.0, rows + side / 2.0], axis=1).astype(np.float64)


def patch_centres_image(corners: Corners) -> npt.NDArray[np.float64]:
    """Centres of the 24 patches in image pixels."""
    points = patch_centres_plane().reshape(-1, 1, 2)
    mapped = cv2.perspectiveTransform(points, plane_to_image(corners))
    result: npt.NDArray[np.float64] = mapped.reshape(-1, 2).astype(np.float64)
    return result


def is_convex_quadrilateral(corners: Corners) -> bool:
    """True when the corners form a convex, non-degenerate quadrilateral in the given order."""
    points = np.asarray(corners, dtype=np.float64)
    edges = np.roll(points, -1, axis=0) - points
    following = np.roll(edges, -1, axis=0)
    cross = edges[:, 0] * following[:, 1] - edges[:, 1] * following[:, 0]
    return bool(np.all(cross > 0) or np.all(cross < 0))


def warp_chart(
    rgb: npt.NDArray[np.uint8], corners: Corners, *, pixels_per_pitch: int
) -> npt.NDArray[np.uint8]:
    """The chart's patch area resampled to a front-on image, ``pixels_per_pitch`` per patch."""
    scale = np.diag([1.0 / pixels_per_pitch, 1.0 / pixels_per_pitch, 1.0])
    canonical_to_image = plane_to_image(corners) @ scale
    size = (round(PLANE_WIDTH * pixels_per_pitch), round(PLANE_HEIGHT * pixels_per_pitch))
    warped = cv2.warpPerspective(
        np.ascontiguousarray(rgb),
        canonical_to_image,
        size,
        flags=cv2.INTER_LINEAR | cv2.WARP_INVERSE_MAP,
        borderMode=cv2.BORDER_REPLICATE,
    )
    return np.asarray(warped, dtype=np.uint8)


def sample_patches(
    rgb: npt.NDArray[np.uint8], corners: Corners, *, pixels_per_pitch: int = 40
) -> PatchSample:
    """Median colour of the central half of each patch."""
    if not is_convex_quadrilateral(corners):
        raise PhotoProblem("the four chart corners do not form a convex quadrilateral")
    warped = warp_chart(rgb, corners, pixels_per_pitch=pixels_per_pitch)
    centres = patch_centres_plane() * pixels_per_pitch
    half = SAMPLE_FRACTION * (1.0 - GAP_FRACTION) * pixels_per_pitch / 2.0
    encoded = np.empty((PATCH_COUNT, 3), dtype=np.float64)
    for index, (x, y) in enumerate(centres):
        window = warped[
            round(y - half) : round(y + half) + 1, round(x - half) : round(x + half) + 1
        ].reshape(-1, 3)
        encoded[index] = np.median(window, axis=0)
    linear = srgb_decode(encoded / 255.0)
    return PatchSample(corners=corners, encoded=encoded, linear=linear)
