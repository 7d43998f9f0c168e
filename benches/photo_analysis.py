"""Time the skin-photo analysis on a synthetic 12-megapixel photo.

Renders a 4000×3000 JPEG with a 24-patch chart (reference colours) and two textured skin sites,
then times the full analysis (decode, chart detection, calibration, measurement of both sites)
several times and prints the median. The budget is 2 s on the 2-core machine
(docs/architecture: performance budget); nothing here asserts it.

Run: .venv/bin/python benches/photo_analysis.py [--repeats N]
"""

from __future__ import annotations

import argparse
import statistics
import time

from stepdown.core.colour import Rect, analyse_photo
from stepdown.core.colour.sample import render_sample_photo

WIDTH, HEIGHT = 4000, 3000


def render_photo(seed: int = 0) -> tuple[bytes, Rect, Rect]:
    """A 12 MP JPEG (quality 90) and the two skin regions in it."""
    photo = render_sample_photo(seed=seed, width=WIDTH, height=HEIGHT)
    return photo.jpeg, photo.exposed, photo.reference


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
