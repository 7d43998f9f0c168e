"""Find a 24-patch colour checker in a photo with plain OpenCV (no network, no model).

The patches are found as square-ish contours of similar size that sit on a common lattice;
the lattice is fitted with a homography, and every way of laying the 4×6 chart over the found
patches (rotations, flips, shifts when edge patches were missed) is returned as a candidate.
The caller keeps the candidate whose colours fit the chart's reference best, which also settles
the chart's orientation.

Assumptions (tuned on rendered charts; see docs/skin.md): a chart whose patches are at least
about 12 px wide after scaling the photo to 1200 px, viewed roughly front-on, with at least
10 of its 24 patches separated by visible gaps.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import cv2
import numpy as np
import numpy.typing as npt

from stepdown.core.colour.chart import (
    COLUMNS,
    GAP_FRACTION,
    PLANE_HEIGHT,
    PLANE_WIDTH,
    ROWS,
    Corners,
)

# Assumptions, tuned on rendered charts: the search runs on a copy 1,200 px wide (the
# colorimetry notes' detector uses 1,440 px); a patch is a contour at least 12 px a side, no
# more than 1.6 times longer than wide, filling 80 % of its bounding box, and within a factor
# 1.45 of its neighbours' size; at least 10 of the 24 patches must be found.
WORKING_SIZE_PX = 1200
MIN_PATCH_SIDE_PX = 12.0
MIN_PATCHES_FOUND = 10
_SIDE_RATIO_MAX = 1.6
_FILL_RATIO_MIN = 0.8
_SIZE_SIMILARITY = 1.45
# Orthogonal neighbours sit about 1/(1 - gap) ≈ 1.18 patch sides apart, diagonal ones 1.66;
# the cut-offs between them are assumptions with a margin either side.
_NEIGHBOUR_MAX = 1.45
_CLUSTER_LINK_MAX = 1.9


@dataclass(frozen=True, slots=True)
class _Square:
    centre: tuple[float, float]
    side: float


def find_chart_candidates(rgb: npt.NDArray[np.uint8]) -> tuple[Corners, ...]:
    """Possible chart placements (corners in full-image pixels), or none if no chart is seen."""
    height, width = rgb.shape[:2]
    scale = min(1.0, WORKING_SIZE_PX / max(height, width))
    small = np.ascontiguousarray(rgb)
    if scale < 1.0:
        size = (round(width * scale), round(height * scale))
        small = np.asarray(cv2.resize(small, size, interpolation=cv2.INTER_AREA), dtype=np.uint8)
    squares = _cluster(_find_squares(small))
    if len(squares) < MIN_PATCHES_FOUND:
        return ()
    lattice = _fit_lattice(squares)
    if lattice is None:
        return ()
    homography, cells = lattice
    full_scale = np.diag([1.0 / scale, 1.0 / scale, 1.0])
    return tuple(
        _to_corners(full_scale @ homography @ placement) for placement in _placements(cells)
    )


def _find_squares(rgb: npt.NDArray[np.uint8]) -> list[_Square]:
    brightest = np.max(rgb, axis=2)
    brightest = cv2.bilateralFilter(brightest, 7, 30, 7)
    size = max(brightest.shape)
    masks = [
        cv2.adaptiveThreshold(
            brightest, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY, block | 1, -2
        )
        for block in (size // 40, size // 20)
    ]
    edges = cv2.Canny(brightest, 20, 60)
    masks.append(cv2.bitwise_not(cv2.dilate(edges, np.ones((3, 3), np.uint8))))
    squares: list[_Square] = []
    for mask in masks:
        contours, _ = cv2.findContours(mask, cv2.RETR_LIST, cv2.CHAIN_APPROX_SIMPLE)
        for contour in contours:
            square = _as_square(contour)
            if square is not None:
                squares.append(square)
    return _deduplicate(squares)


def _as_square(contour: npt.NDArray[np.int32]) -> _Square | None:
    area = cv2.contourArea(contour)
    if area < MIN_PATCH_SIDE_PX**2:
        return None
    approx = cv2.approxPolyDP(contour, 0.08 * cv2.arcLength(contour, True), True)
    if len(approx) != 4 or not cv2.isContourConvex(approx):
        return None
    (cx, cy), (w, h), _ = cv2.minAreaRect(contour)
    if min(w, h) <= 0 or max(w, h) / min(w, h) > _SIDE_RATIO_MAX:
        return None
    if area / (w * h) < _FILL_RATIO_MIN:
        return None
    return _Square(centre=(float(cx), float(cy)), side=float(np.sqrt(area)))


def _deduplicate(squares: list[_Square]) -> list[_Square]:
    kept: list[_Square] = []
    # The same patch is often outlined twice (each side of an edge, or by two thresholds).
    for square in sorted(squares, key=lambda s: -s.side):
        if all(
            np.hypot(square.centre[0] - k.centre[0], square.centre[1] - k.centre[1])
            > 0.5 * min(k.side, square.side)
            for k in kept
        ):
            kept.append(square)
    return kept


def _cluster(squares: list[_Square]) -> list[_Square]:
    """The largest group of similar-sized squares that touch through near neighbours."""
    count = len(squares)
    if count == 0:
        return []
    centres = np.array([s.centre for s in squares])
    sides = np.array([s.side for s in squares])
    distance = np.hypot(*(centres[:, None, :] - centres[None, :, :]).transpose(2, 0, 1))
    ratio = np.maximum(sides[:, None], sides[None, :]) / np.minimum(sides[:, None], sides[None, :])
    mean_side = (sides[:, None] + sides[None, :]) / 2.0
    linked = (ratio < _SIZE_SIMILARITY) & (distance < _CLUSTER_LINK_MAX * mean_side)
    labels = np.full(count, -1)
    for start in range(count):
        if labels[start] >= 0:
            continue
        labels[start] = start
        stack = [start]
        while stack:
            node = stack.pop()
            for other in np.flatnonzero(linked[node] & (labels < 0)):
                labels[other] = start
                stack.append(int(other))
    biggest = np.bincount(labels).argmax()
    return [squares[i] for i in np.flatnonzero(labels == biggest)]


def _basis(centres: npt.NDArray[np.float64], side: float) -> npt.NDArray[np.float64] | None:
    """Two lattice step vectors (as columns) from near-neighbour offsets."""
    offsets = (centres[None, :, :] - centres[:, None, :]).reshape(-1, 2)
    length = np.hypot(offsets[:, 0], offsets[:, 1])
    offsets = offsets[(length > 0.5 * side) & (length < _NEIGHBOUR_MAX * side)]
    if len(offsets) < 4:
        return None
    # Directions modulo 180°, on a circular 5° histogram so 179° and 1° count as one direction.
    angle = np.degrees(np.arctan2(offsets[:, 1], offsets[:, 0])) % 180.0
    bin_centres = np.arange(36, dtype=np.float64) * 5.0 + 2.5
    histogram = np.bincount((angle // 5).astype(int) % 36, minlength=36)
    smoothed = histogram + np.roll(histogram, 1) + np.roll(histogram, -1)
    first = float(bin_centres[smoothed.argmax()])
    far_from_first = _angle_gap(bin_centres, first) > 45.0
    if not np.any(smoothed[far_from_first]):
        return None
    second = float(bin_centres[np.where(far_from_first, smoothed, -1).argmax()])
    steps = []
    for direction in (first, second):
        chosen = offsets[_angle_gap(angle, direction) <= 20.0]
        if len(chosen) == 0:
            return None
        unit = np.array([np.cos(np.radians(direction)), np.sin(np.radians(direction))])
        chosen = chosen * np.sign(chosen @ unit)[:, None]
        steps.append(np.median(chosen, axis=0))
    basis = np.stack(steps, axis=1)
    if abs(np.linalg.det(basis)) < 0.3 * side**2:
        return None
    return basis


def _angle_gap(angles: npt.NDArray[np.float64], direction: float) -> npt.NDArray[np.float64]:
    """Distance in degrees between undirected lines at ``angles`` and at ``direction``."""
    gap: npt.NDArray[np.float64] = np.abs((angles - direction + 90.0) % 180.0 - 90.0)
    return gap


def _fit_lattice(
    squares: list[_Square],
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.int64]] | None:
    """Homography from lattice cells (patch centres at integers) to pixels, and the cells."""
    centres = np.array([s.centre for s in squares], dtype=np.float64)
    side = float(np.median([s.side for s in squares]))
    basis = _basis(centres, side)
    if basis is None:
        return None
    seed = centres[np.argmin(np.hypot(*(centres - centres.mean(axis=0)).T))]
    cells = np.rint(np.linalg.solve(basis, (centres - seed).T).T).astype(np.int64)
    homography: npt.NDArray[np.float64] | None = None
    for _ in range(3):
        unique, first_index = np.unique(cells, axis=0, return_index=True)
        if len(unique) < MIN_PATCHES_FOUND:
            return None
        found, _ = cv2.findHomography(
            unique.astype(np.float64), centres[first_index], cv2.RANSAC, 0.25 * side
        )
        if found is None:
            return None
        homography = np.asarray(found, dtype=np.float64)
        inverse = np.linalg.inv(homography)
        projected = cv2.perspectiveTransform(centres.reshape(-1, 1, 2), inverse).reshape(-1, 2)
        cells = np.rint(projected).astype(np.int64)
    if homography is None:
        return None
    unique_cells: npt.NDArray[np.int64] = np.unique(cells, axis=0)
    return homography, unique_cells


def _placements(cells: npt.NDArray[np.int64]) -> list[npt.NDArray[np.float64]]:
    """Chart-plane → lattice transforms for every way a 4×6 chart can cover the found cells."""
    low = cells.min(axis=0)
    high = cells.max(axis=0)
    span = high - low + 1
    side = 1.0 - GAP_FRACTION
    # A patch at chart column c, row r has its centre at plane (c + side/2, r + side/2).
    to_patch_index = np.array([[1.0, 0.0, -side / 2.0], [0.0, 1.0, -side / 2.0], [0, 0, 1.0]])
    transforms: list[npt.NDArray[np.float64]] = []
    for swap in (False, True):
        along_x, along_y = (ROWS, COLUMNS) if swap else (COLUMNS, ROWS)
        if span[0] > along_x or span[1] > along_y:
            continue
        for flip_x, flip_y in itertools.product((False, True), repeat=2):
            for start_x in range(high[0] - along_x + 1, low[0] + 1):
                for start_y in range(high[1] - along_y + 1, low[1] + 1):
                    transforms.append(
                        _placement(swap, flip_x, flip_y, start_x, start_y, along_x, along_y)
                        @ to_patch_index
                    )
    return transforms


def _placement(
    swap: bool, flip_x: bool, flip_y: bool, start_x: int, start_y: int, along_x: int, along_y: int
) -> npt.NDArray[np.float64]:
    # Chart (column, row) → lattice (x, y): optional swap, then flips within the span, then shift.
    swap_matrix = np.array([[0.0, 1.0, 0.0], [1.0, 0.0, 0.0], [0, 0, 1.0]]) if swap else np.eye(3)
    flip = np.array(
        [
            [-1.0 if flip_x else 1.0, 0.0, (along_x - 1.0) if flip_x else 0.0],
            [0.0, -1.0 if flip_y else 1.0, (along_y - 1.0) if flip_y else 0.0],
            [0.0, 0.0, 1.0],
        ]
    )
    shift = np.array([[1.0, 0.0, start_x], [0.0, 1.0, start_y], [0.0, 0.0, 1.0]])
    result: npt.NDArray[np.float64] = shift @ flip @ swap_matrix
    return result


def _to_corners(plane_to_pixels: npt.NDArray[np.float64]) -> Corners:
    plane = np.array(
        [[0.0, 0.0], [PLANE_WIDTH, 0.0], [PLANE_WIDTH, PLANE_HEIGHT], [0.0, PLANE_HEIGHT]]
    )
    mapped = cv2.perspectiveTransform(plane.reshape(-1, 1, 2), plane_to_pixels).reshape(-1, 2)
    points = [(float(x), float(y)) for x, y in mapped]
    return (points[0], points[1], points[2], points[3])
