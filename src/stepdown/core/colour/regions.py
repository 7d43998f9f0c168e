"""Regions of a photo: an axis-aligned rectangle or a polygon, and their pixels.

Only the region's bounding box is ever copied out of the photo, so later steps convert a few
hundred thousand pixels instead of the whole frame.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np
import numpy.typing as npt

from stepdown.core.colour.problems import PhotoProblem


@dataclass(frozen=True, slots=True)
class Rect:
    """A rectangle in pixels: top-left corner, width and height."""

    x: int
    y: int
    width: int
    height: int

    def __post_init__(self) -> None:
        if self.width <= 0 or self.height <= 0:
            raise PhotoProblem("a region needs a positive width and height")


@dataclass(frozen=True, slots=True)
class Polygon:
    """A polygon in pixels, its vertices in drawing order (at least three)."""

    points: tuple[tuple[float, float], ...]

    def __post_init__(self) -> None:
        if len(self.points) < 3:
            raise ValueError("a polygon needs at least three points")
        if not all(np.isfinite(coordinate) for point in self.points for coordinate in point):
            raise ValueError("polygon points must be finite numbers")


Region = Rect | Polygon


@dataclass(frozen=True, slots=True)
class RegionPixels:
    """The bounding box's pixels, which of them belong to the region, and where the box sits."""

    rgb: npt.NDArray[np.uint8]
    inside: npt.NDArray[np.bool_]
    origin_x: int
    origin_y: int


def bounding_pixels(rgb: npt.NDArray[np.uint8], region: Region) -> int:
    """How many pixels the region's bounding box covers on the photo."""
    height, width = rgb.shape[:2]
    if isinstance(region, Rect):
        box_w = min(region.x + region.width, width) - region.x
        box_h = min(region.y + region.height, height) - region.y
    else:
        points = np.asarray(region.points, dtype=np.float64)
        box_w = int(np.ceil(min(points[:, 0].max() + 1, width))) - max(int(points[:, 0].min()), 0)
        box_h = int(np.ceil(min(points[:, 1].max() + 1, height))) - max(int(points[:, 1].min()), 0)
    return int(max(box_w, 0) * max(box_h, 0))


def parse_rect(text: str) -> Rect:
    """``"x,y,w,h"`` (whole pixels) → ``Rect``; raises :class:`PhotoProblem` saying why not."""
    parts = [part.strip() for part in text.split(",")]
    if len(parts) != 4 or not all(part.lstrip("-").isdigit() for part in parts):
        raise PhotoProblem(
            "a region is four whole numbers x,y,w,h, not %(text)s", {"text": repr(text)}
        )
    x, y, width, height = (int(part) for part in parts)
    if x < 0 or y < 0:
        raise PhotoProblem("a region's x and y cannot be negative")
    return Rect(x=x, y=y, width=width, height=height)


def scale_region(region: Region, factor: float) -> Region:
    """The same region on a copy of the photo resized by ``factor``."""
    if factor == 1.0:
        return region
    if isinstance(region, Rect):
        x, y = int(region.x * factor), int(region.y * factor)
        right = max(x + 1, round((region.x + region.width) * factor))
        bottom = max(y + 1, round((region.y + region.height) * factor))
        return Rect(x=x, y=y, width=right - x, height=bottom - y)
    return Polygon(points=tuple((x * factor, y * factor) for x, y in region.points))


def region_pixels(rgb: npt.NDArray[np.uint8], region: Region, *, step: int = 1) -> RegionPixels:
    """Copy out the region's bounding box (clipped to the photo) and its membership mask,
    keeping every ``step``-th pixel in each direction."""
    height, width = rgb.shape[:2]
    if isinstance(region, Rect):
        left, top = region.x, region.y
        right, bottom = region.x + region.width, region.y + region.height
    else:
        points = np.asarray(region.points, dtype=np.float64)
        left, top = (int(np.floor(v)) for v in points.min(axis=0))
        right, bottom = (int(np.ceil(v)) + 1 for v in points.max(axis=0))
    left, top = max(left, 0), max(top, 0)
    right, bottom = min(right, width), min(bottom, height)
    if right <= left or bottom <= top:
        raise PhotoProblem("the region lies outside the photo")
    box = np.ascontiguousarray(rgb[top:bottom:step, left:right:step])
    if isinstance(region, Rect):
        inside = np.ones(box.shape[:2], dtype=np.bool_)
    else:
        mask = np.zeros(box.shape[:2], dtype=np.uint8)
        shifted = np.rint((np.asarray(region.points) - [left, top]) / step).astype(np.int32)
        cv2.fillPoly(mask, [shifted], 1)
        inside = mask.astype(np.bool_)
    return RegionPixels(rgb=box, inside=inside, origin_x=left, origin_y=top)
