"""A synthetic, calibrated skin photo: a 24-patch chart (reference colours) and two textured
skin sites, encoded as a JPEG. Used by the demo account, the screenshots and the benches, so a
photo can be measured end to end without a camera. Not a clinical figure: the skin colour and
its texture are invented (assumption).
"""

from __future__ import annotations

import io
from dataclasses import dataclass

import cv2
import numpy as np
from PIL import Image

from stepdown.core.colour.chart import (
    GAP_FRACTION,
    PATCH_COUNT,
    PLANE_HEIGHT,
    PLANE_WIDTH,
    chart_reference,
)
from stepdown.core.colour.regions import Rect
from stepdown.core.colour.spaces import srgb_encode

# Linear-sRGB skin of a light-to-medium tone (assumption: a plausible value, not a measurement).
SKIN_LINEAR_RGB = (0.42, 0.27, 0.2)


@dataclass(frozen=True)
class SamplePhoto:
    """The JPEG and the two skin regions in its pixels (inside the textured areas)."""

    jpeg: bytes
    exposed: Rect
    reference: Rect


def render_sample_photo(
    *, seed: int = 0, width: int = 4000, height: int = 3000, exposed_tone: float = 0.8
) -> SamplePhoto:
    """Render the photo at ``width`` × ``height`` (4:3 keeps the layout); the exposed site is
    ``exposed_tone`` times as bright as the reference site (below 1: darker)."""
    rng = np.random.default_rng(seed)
    scale = width / 4000
    linear = np.full((height, width, 3), 0.25, dtype=np.float32)
    pitch = width * 0.068
    origin = np.array([width * 0.05, height * 0.3])
    body = np.array([[-0.25, -0.25], [PLANE_WIDTH + 0.25, PLANE_HEIGHT + 0.25]]) * pitch + origin
    cv2.rectangle(linear, tuple(body[0].astype(int)), tuple(body[1].astype(int)), (0.03,) * 3, -1)
    colours = np.clip(chart_reference().linear_srgb, 0.0, 1.0)
    side = 1.0 - GAP_FRACTION
    for index in range(PATCH_COUNT):
        row, column = divmod(index, 6)
        top_left = (np.array([column, row]) * pitch + origin).astype(int)
        bottom_right = (np.array([column + side, row + side]) * pitch + origin).astype(int)
        cv2.rectangle(linear, tuple(top_left), tuple(bottom_right), tuple(colours[index]), -1)
    skin = np.array(SKIN_LINEAR_RGB, dtype=np.float32)

    def area(x: int, y: int) -> Rect:
        return Rect(
            x=round(x * scale), y=round(y * scale), width=round(1400 * scale),
            height=round(1100 * scale),
        )  # fmt: skip

    exposed, reference = area(2300, 300), area(2300, 1600)
    for region, tone in ((exposed, exposed_tone), (reference, 1.0)):
        texture = np.exp(rng.normal(0.0, 0.04, (region.height, region.width))).astype(np.float32)
        patch = skin * tone * texture[..., None]
        linear[region.y : region.y + region.height, region.x : region.x + region.width] = patch
    # Sensor noise over the whole frame, so the JPEG is as large as a real photo's.
    linear += rng.normal(0.0, 0.01, linear.shape).astype(np.float32)
    encoded = np.rint(srgb_encode(linear) * 255.0).astype(np.uint8)
    buffer = io.BytesIO()
    Image.fromarray(encoded).save(buffer, format="JPEG", quality=90)
    inset = round(50 * scale)

    def inner(region: Rect) -> Rect:
        return Rect(
            region.x + inset, region.y + inset, region.width - 2 * inset, round(1000 * scale)
        )

    return SamplePhoto(buffer.getvalue(), inner(exposed), inner(reference))
