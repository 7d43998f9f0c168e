"""Time the skin-photo analysis on a synthetic 12-megapixel photo.

Renders a 4000×3000 JPEG with a 24-patch chart (reference colours) and two textured skin sites,
then times the full analysis (decode, chart detection, calibration, measurement of both sites)
several times and prints the median. The budget is 2 s on the 2-core machine
(docs/architecture: performance budget); nothing here asserts it.

Run: .venv/bin/python benches/photo_analysis.py [--repeats N]
"""

from __future__ import annotations

import argparse
import io
import statistics
import time

import cv2
import numpy as np
from PIL import Image

from stepdown.core.colour import Rect, analyse_photo
from stepdown.core.colour.chart import (
    GAP_FRACTION,
    PATCH_COUNT,
    PLANE_HEIGHT,
    PLANE_WIDTH,
    chart_reference,
)
from stepdown.core.colour.spaces import srgb_encode

WIDTH, HEIGHT = 4000, 3000


def render_photo(seed: int = 0) -> tuple[bytes, Rect, Rect]:
    """A 12 MP JPEG (quality 90) and the two skin regions in it."""
    rng = np.random.default_rng(seed)
    linear = np.full((HEIGHT, WIDTH, 3), 0.25, dtype=np.float32)
    pitch = WIDTH * 0.068
    origin = np.array([WIDTH * 0.05, HEIGHT * 0.3])
    body = np.array([[-0.25, -0.25], [PLANE_WIDTH + 0.25, PLANE_HEIGHT + 0.25]]) * pitch + origin
    cv2.rectangle(linear, tuple(body[0].astype(int)), tuple(body[1].astype(int)), (0.03,) * 3, -1)
    colours = np.clip(chart_reference().linear_srgb, 0.0, 1.0)
    side = 1.0 - GAP_FRACTION
    for index in range(PATCH_COUNT):
        row, column = divmod(index, 6)
        top_left = (np.array([column, row]) * pitch + origin).astype(int)
        bottom_right = (np.array([column + side, row + side]) * pitch + origin).astype(int)
        cv2.rectangle(linear, tuple(top_left), tuple(bottom_right), tuple(colours[index]), -1)
    skin = np.array([0.42, 0.27, 0.2], dtype=np.float32)
    exposed = Rect(x=2300, y=300, width=1400, height=1100)
    reference = Rect(x=2300, y=1600, width=1400, height=1100)
    for region, tone in ((exposed, 0.8), (reference, 1.0)):
        texture = np.exp(rng.normal(0.0, 0.04, (region.height, region.width))).astype(np.float32)
        patch = skin * tone * texture[..., None]
        linear[region.y : region.y + region.height, region.x : region.x + region.width] = patch
    # Sensor noise over the whole frame, so the JPEG is as large as a real photo's.
    linear += rng.normal(0.0, 0.01, linear.shape).astype(np.float32)
    encoded = np.rint(srgb_encode(linear) * 255.0).astype(np.uint8)
    buffer = io.BytesIO()
    Image.fromarray(encoded).save(buffer, format="JPEG", quality=90)
    inset = 50
    return (
        buffer.getvalue(),
        Rect(exposed.x + inset, exposed.y + inset, exposed.width - 2 * inset, 1000),
        Rect(reference.x + inset, reference.y + inset, reference.width - 2 * inset, 1000),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    data, exposed, reference = render_photo()
    analyse_photo(data=data, roi=exposed, reference_roi=reference)  # warm-up: imports, tables
    timings = []
    for _ in range(args.repeats):
        start = time.perf_counter()
        result = analyse_photo(data=data, roi=exposed, reference_roi=reference)
        timings.append(time.perf_counter() - start)
    print(f"photo: {WIDTH}x{HEIGHT} JPEG, {len(data) / 1e6:.1f} MB")
    print(f"calibration: {result.calibration.method.value}, quality ok: {result.quality.ok}")
    print(f"pixels measured per site: {result.site.pixels_used:,}")
    print(f"median analysis time over {args.repeats} runs: {statistics.median(timings):.3f} s")
    print("budget: 2.000 s (2-core machine)")


if __name__ == "__main__":
    main()
