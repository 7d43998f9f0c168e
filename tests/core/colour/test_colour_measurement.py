"""Region measurement on hand-made arrays: cleaning, regions, counts and the bootstrap."""

import cv2
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stepdown.core.colour.calibration import no_calibration
from stepdown.core.colour.ita import ItaCategory
from stepdown.core.colour.measurement import measure_region
from stepdown.core.colour.regions import Polygon, Rect, parse_rect, region_pixels
from stepdown.core.colour.spaces import linear_rgb_to_lab64, srgb_decode

SKIN = (200, 150, 125)  # an sRGB skin tone


def _skin_lab() -> np.ndarray:
    return linear_rgb_to_lab64(srgb_decode(np.array(SKIN) / 255.0))


def _textured_skin(height: int = 300, width: int = 300, seed: int = 0) -> np.ndarray:
    rng = np.random.default_rng(seed)
    noise = rng.integers(-3, 4, (height, width, 1))
    return np.clip(np.array(SKIN) + noise, 0, 255).astype(np.uint8)


def test_median_of_textured_skin_is_the_skin_colour():
    reading = measure_region(
        rgb=_textured_skin(), region=Rect(0, 0, 300, 300), calibration=no_calibration()
    )
    assert reading.measurement is not None
    lab = _skin_lab()
    assert reading.measurement.l_star == pytest.approx(lab[0], abs=0.3)
    assert reading.measurement.b_star == pytest.approx(lab[2], abs=0.3)


def test_hairs_and_glare_do_not_move_the_median():
    clean = _textured_skin()
    dirty = clean.copy()
    for i in range(12):  # dark hairs, 2 px wide, about 6 % of the area
        cv2.line(dirty, (10 + 24 * i, 0), (30 + 24 * i, 299), (60, 40, 30), 2)
    for i in range(8):  # blown-out specular spots
        cv2.circle(dirty, (30 + 30 * i, 150), 4, (255, 255, 255), -1)
    region, calibration = Rect(0, 0, 300, 300), no_calibration()
    clean_reading = measure_region(rgb=clean, region=region, calibration=calibration)
    dirty_reading = measure_region(rgb=dirty, region=region, calibration=calibration)
    assert dirty_reading.pixels_used < clean_reading.pixels_used
    assert dirty_reading.measurement.l_star == pytest.approx(
        clean_reading.measurement.l_star, abs=0.3
    )
    assert dirty_reading.measurement.ita_deg == pytest.approx(
        clean_reading.measurement.ita_deg, abs=0.5
    )


def test_clipped_pixels_are_counted_and_dropped():
    rgb = _textured_skin(100, 100)
    rgb[:10] = 255  # 10 % of the rows blown out
    reading = measure_region(rgb=rgb, region=Rect(0, 0, 100, 100), calibration=no_calibration())
    assert reading.clipped_fraction == pytest.approx(0.10)
    assert reading.pixels_used <= 9_000


def test_polygon_only_reads_inside():
    rgb = _textured_skin(200, 200)
    rgb[:, 100:] = (40, 60, 200)  # blue on the right half
    left_triangle = Polygon(((0.0, 0.0), (90.0, 100.0), (0.0, 199.0)))
    reading = measure_region(rgb=rgb, region=left_triangle, calibration=no_calibration())
    assert reading.measurement.b_star == pytest.approx(_skin_lab()[2], abs=0.5)
    # Area of the triangle: base 199 × height 90 / 2 ≈ 8,955 px.
    assert reading.pixels_total == pytest.approx(8_955, rel=0.05)


def test_region_is_clipped_to_the_photo():
    rgb = _textured_skin(50, 50)
    pixels = region_pixels(rgb, Rect(40, 40, 100, 100))
    assert pixels.rgb.shape == (10, 10, 3)


def test_region_outside_the_photo_is_refused():
    with pytest.raises(ValueError, match="outside the photo"):
        region_pixels(_textured_skin(50, 50), Rect(60, 60, 10, 10))


def test_empty_region_is_refused():
    with pytest.raises(ValueError, match="positive width"):
        Rect(0, 0, 0, 10)
    with pytest.raises(ValueError, match="three points"):
        Polygon(((0.0, 0.0), (1.0, 1.0)))


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("1,2,3", "four whole numbers"),
        ("a,b,c,d", "four whole numbers"),
        ("1,2,3,4,5", "four whole numbers"),
        ("-1,0,5,5", "cannot be negative"),
        ("1,2,0,4", "positive width"),
    ],
)
def test_bad_rectangle_text_is_refused(text, message):
    with pytest.raises(ValueError, match=message):
        parse_rect(text)


def test_rectangle_text_is_parsed():
    assert parse_rect(" 10, 20,30 ,40") == Rect(10, 20, 30, 40)


def test_fully_blown_out_region_has_no_usable_pixels():
    rgb = np.full((40, 40, 3), 255, dtype=np.uint8)
    reading = measure_region(rgb=rgb, region=Rect(0, 0, 40, 40), calibration=no_calibration())
    assert reading.pixels_used == 0
    assert reading.measurement is None


def test_bootstrap_interval_is_deterministic_and_contains_the_estimate():
    rgb = _textured_skin(256, 256, seed=3)
    arguments = {"rgb": rgb, "region": Rect(0, 0, 256, 256), "calibration": no_calibration()}
    first = measure_region(**arguments).measurement
    second = measure_region(**arguments).measurement
    assert first.ci95_ita_deg == second.ci95_ita_deg
    low, high = first.ci95_ita_deg
    assert low <= first.ita_deg <= high


def test_a_single_tile_gives_no_interval():
    reading = measure_region(
        rgb=_textured_skin(20, 20), region=Rect(0, 0, 20, 20), calibration=no_calibration()
    )
    assert reading.measurement.ci95_ita_deg is None


@settings(max_examples=30)
@given(st.integers(min_value=60, max_value=220))
def test_a_darker_uniform_tone_gives_a_lower_ita(level):
    # Scaling a skin tone down darkens it: L* falls, so ITA must fall too.
    def ita_of(scale: float) -> float:
        colour_ = (np.array(SKIN) * scale).round().astype(np.uint8)
        rgb = np.broadcast_to(colour_, (40, 40, 3)).copy()
        reading = measure_region(rgb=rgb, region=Rect(0, 0, 40, 40), calibration=no_calibration())
        return reading.measurement.ita_deg

    assert ita_of((level - 30) / 220) < ita_of(level / 220)


def test_category_is_reported_with_the_angle():
    reading = measure_region(
        rgb=_textured_skin(64, 64), region=Rect(0, 0, 64, 64), calibration=no_calibration()
    )
    assert isinstance(reading.measurement.ita_category, ItaCategory)
