"""The work of measuring a photo is bounded by pixels, and bounding it keeps the colours.

A 116 KB all-black 6300 × 6300 PNG and a 6000 × 6000 region once took ~21 s and ~3 GB. Now the
photo is decoded at no more than the measurement resolution and a large region is sampled on a
grid; both are proven here against the full-resolution result and against colours known
independently (colour-science's sRGB → CIELAB), on synthetic images with noise and hairs, and on
a calibrated 12-megapixel photo with a colour chart.
"""

from __future__ import annotations

import io

import colour
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image
from tests.core.colour.skin_tolerances import BOUNDED_DELTA_E00, BOUNDED_ITA_DEG

from stepdown.core.colour import Rect, analyse_image, analyse_photo, decode_image
from stepdown.core.colour.calibration import no_calibration
from stepdown.core.colour.decoding import MEASUREMENT_LONG_SIDE_PX
from stepdown.core.colour.difference import delta_e_2000
from stepdown.core.colour.ita import ita_deg
from stepdown.core.colour.measurement import MAX_MEASURED_PIXELS, measure_region
from stepdown.core.colour.sample import render_sample_photo

MAX_DELTA_E00 = BOUNDED_DELTA_E00
MAX_DELTA_ITA = BOUNDED_ITA_DEG


def _skin(width: int, height: int, rgb: tuple[int, int, int], *, seed: int) -> np.ndarray:
    """Flat skin colour with per-pixel noise (σ 6 levels), a shading ramp of ±3 % and hairs."""
    rng = np.random.default_rng(seed)
    base = np.asarray(rgb, dtype=np.float32)
    ramp = np.linspace(0.97, 1.03, width, dtype=np.float32)[None, :, None]
    image = base * ramp + rng.normal(0.0, 6.0, (height, width, 3)).astype(np.float32)
    for column in rng.integers(0, width - 4, 12):
        image[:, column : column + 3] = 40.0  # dark hairs, three pixels wide
    return np.clip(np.rint(image), 0, 255).astype(np.uint8)


def _truth(rgb: tuple[int, int, int]) -> tuple[float, float, float]:
    xyz = colour.sRGB_to_XYZ(np.asarray(rgb) / 255.0)
    lab = colour.XYZ_to_Lab(
        xyz, colour.CCS_ILLUMINANTS["CIE 1931 2 Degree Standard Observer"]["D65"]
    )
    return float(lab[0]), float(lab[1]), float(lab[2])


def _lab(reading) -> tuple[float, float, float]:
    m = reading.measurement
    return (m.l_star, m.a_star, m.b_star)


@settings(max_examples=6)
@given(
    rgb=st.tuples(st.integers(70, 220), st.integers(45, 170), st.integers(30, 150)).filter(
        lambda c: c[0] > c[1] > c[2]
    ),
    seed=st.integers(0, 1000),
)
def test_a_grid_sampled_region_matches_the_full_region_and_the_known_colour(rgb, seed):
    image = _skin(1800, 1400, rgb, seed=seed)
    region = Rect(x=0, y=0, width=1800, height=1400)
    bounded = measure_region(
        rgb=image, region=region, calibration=no_calibration(), max_pixels=250_000
    )
    full = measure_region(rgb=image, region=region, calibration=no_calibration(), max_pixels=10**9)
    assert bounded.pixels_total <= 250_000 < full.pixels_total
    assert float(delta_e_2000(_lab(bounded), _lab(full))) <= MAX_DELTA_E00
    assert abs(bounded.measurement.ita_deg - full.measurement.ita_deg) <= MAX_DELTA_ITA
    truth = _truth(rgb)
    assert float(delta_e_2000(_lab(bounded), truth)) <= 1.0
    assert abs(bounded.measurement.ita_deg - ita_deg(lightness=truth[0], b_star=truth[2])) <= 1.0


def test_a_huge_region_converts_at_most_the_measurement_budget():
    image = np.zeros((4096, 4096, 3), dtype=np.uint8)
    reading = measure_region(
        rgb=image, region=Rect(x=0, y=0, width=4096, height=4096), calibration=no_calibration()
    )
    assert reading.pixels_total <= MAX_MEASURED_PIXELS


def _png(array: np.ndarray) -> bytes:
    buffer = io.BytesIO()
    Image.fromarray(array).save(buffer, format="PNG", compress_level=1)
    return buffer.getvalue()


def test_the_issue_photo_decodes_at_the_measurement_resolution():
    # The reported file: an all-black 6300 × 6300 PNG of about 116 KB.
    buffer = io.BytesIO()
    Image.new("L", (6300, 6300), 0).save(buffer, format="PNG")
    assert len(buffer.getvalue()) < 200_000
    decoded = decode_image(data=buffer.getvalue(), max_long_side=MEASUREMENT_LONG_SIDE_PX)
    assert (decoded.width, decoded.height) == (MEASUREMENT_LONG_SIDE_PX, MEASUREMENT_LONG_SIDE_PX)
    assert decoded.scale == pytest.approx(MEASUREMENT_LONG_SIDE_PX / 6300)


@pytest.mark.parametrize("fmt", ["PNG", "JPEG"])
def test_a_photo_shrunk_while_decoding_measures_like_the_full_photo(fmt):
    array = _skin(5200, 1300, (190, 140, 115), seed=3)
    buffer = io.BytesIO()
    Image.fromarray(array).save(buffer, format=fmt, **({"quality": 95} if fmt == "JPEG" else {}))
    data = buffer.getvalue()
    # The region in the file's own pixels, as a person draws it.
    roi = Rect(x=400, y=100, width=4400, height=1100)
    bounded = analyse_photo(data=data, roi=roi, card="none")
    full = analyse_image(image=decode_image(data=data), roi=roi, card="none")
    assert bounded.width_px == MEASUREMENT_LONG_SIDE_PX
    assert full.width_px == 5200
    assert float(delta_e_2000(_lab(bounded.site), _lab(full.site))) <= MAX_DELTA_E00
    assert abs(bounded.site.measurement.ita_deg - full.site.measurement.ita_deg) <= MAX_DELTA_ITA


def test_orientation_is_still_applied_when_a_photo_is_shrunk():
    array = np.zeros((600, 5000, 3), dtype=np.uint8)
    array[:, :2500] = (200, 150, 120)  # left half skin, right half black
    exif = Image.Exif()
    exif[0x0112] = 6  # rotate 90° clockwise to view
    buffer = io.BytesIO()
    Image.fromarray(array).save(buffer, format="JPEG", quality=95, exif=exif)
    decoded = decode_image(data=buffer.getvalue(), max_long_side=1000)
    assert (decoded.width, decoded.height) == (120, 1000)
    # The skin half (the left of the stored pixels) is now on top.
    assert decoded.rgb[100, 60, 0] > 150
    assert decoded.rgb[900, 60, 0] < 30


def test_a_calibrated_12_megapixel_photo_measures_at_the_measurement_resolution_as_at_full():
    # The chart is found and the calibration fitted in both; the shrunk photo's exposed-minus-
    # reference result stays within the bounded tolerance of the full-resolution one.
    sample = render_sample_photo(seed=2, width=4000, height=3000, exposed_tone=0.8)
    kwargs = {"roi": sample.exposed, "reference_roi": sample.reference, "card": "auto"}
    bounded = analyse_photo(data=sample.jpeg, **kwargs)
    full = analyse_image(image=decode_image(data=sample.jpeg), **kwargs)
    assert bounded.width_px == MEASUREMENT_LONG_SIDE_PX < full.width_px == 4000
    assert bounded.calibration.method == full.calibration.method
    assert bounded.calibration.method.value == "colour_checker"
    for part in ("site", "reference"):
        b, f = getattr(bounded, part), getattr(full, part)
        assert float(delta_e_2000(_lab(b), _lab(f))) <= BOUNDED_DELTA_E00
        assert abs(b.measurement.ita_deg - f.measurement.ita_deg) <= BOUNDED_ITA_DEG
    assert abs(bounded.comparison.delta_ita_deg - full.comparison.delta_ita_deg) <= BOUNDED_ITA_DEG
