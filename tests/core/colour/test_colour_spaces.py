"""sRGB linearisation, float32 CIELAB, ΔE00 and ITA against hand values and colour-science."""

import math
import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.core.colour.skin_tolerances import DELTA_E00_PUBLISHED, LAB_FLOAT32

from stepdown.core.colour.difference import delta_e_2000
from stepdown.core.colour.ita import ItaCategory, ita_category, ita_deg
from stepdown.core.colour.spaces import (
    bytes_to_linear,
    linear_rgb_to_lab,
    linear_rgb_to_lab64,
    srgb_decode,
    srgb_encode,
)

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    import colour


def test_srgb_decode_matches_the_piecewise_curve_by_hand():
    # 0.5 → ((0.5 + 0.055) / 1.055) ** 2.4 = 0.526066 ** 2.4 = 0.214041
    # 0.04 is on the linear segment: 0.04 / 12.92 = 0.0030960
    assert srgb_decode(0.5) == pytest.approx(0.214041, abs=1e-6)
    assert srgb_decode(0.04) == pytest.approx(0.0030960, abs=1e-7)


def test_byte_lookup_table_matches_the_curve_at_every_level():
    levels = np.arange(256, dtype=np.uint8)
    np.testing.assert_allclose(bytes_to_linear(levels), srgb_decode(levels / 255.0), atol=1e-7)


@settings(max_examples=200)
@given(st.floats(min_value=0.0, max_value=1.0))
def test_encode_inverts_decode(value):
    assert float(srgb_decode(srgb_encode(value))) == pytest.approx(value, abs=1e-9)


def test_white_is_lightness_100_and_neutral():
    # Linear sRGB (1, 1, 1) is the D65 white: L* = 116·1 − 16 = 100, a* = b* = 0. The standard's
    # 4-decimal matrix gives X = 0.9505 against 0.95046 for the white point, so a* and b* are
    # off by about 0.01.
    np.testing.assert_allclose(linear_rgb_to_lab([1.0, 1.0, 1.0]), [100.0, 0.0, 0.0], atol=0.02)


def test_mid_grey_lightness_by_hand():
    # Y = 0.18: f = 0.18 ** (1/3) = 0.564622; L* = 116·0.564622 − 16 = 49.496
    np.testing.assert_allclose(linear_rgb_to_lab([0.18] * 3)[0], 49.496, atol=1e-2)


@settings(max_examples=200)
@given(st.lists(st.floats(min_value=0.0, max_value=1.0), min_size=3, max_size=3))
def test_float32_lab_matches_colour_science(rgb):
    expected = colour.XYZ_to_Lab(colour.RGB_to_XYZ(np.array(rgb), "sRGB"))
    np.testing.assert_allclose(linear_rgb_to_lab(np.array(rgb)), expected, atol=LAB_FLOAT32)
    np.testing.assert_allclose(linear_rgb_to_lab64(np.array(rgb)), expected, atol=1e-6)


def test_correction_matrix_is_applied_before_conversion():
    swap = np.array([[0.0, 1.0, 0.0], [1.0, 0.0, 0.0], [0.0, 0.0, 1.0]])
    np.testing.assert_allclose(
        linear_rgb_to_lab([0.2, 0.6, 0.1], correction=swap),
        linear_rgb_to_lab([0.6, 0.2, 0.1]),
        atol=1e-5,
    )


# Sharma, Wu & Dalal 2005, Table 1 (pairs 1, 2, 3, 7, 12, 14, 16, 17, 19, 25, 34): Lab 1, Lab 2,
# ΔE00. Pairs 14 and 16 straddle the hue-angle wrap that naive implementations get wrong.
SHARMA_PAIRS = [
    ((50.0, 2.6772, -79.7751), (50.0, 0.0, -82.7485), 2.0425),
    ((50.0, 3.1571, -77.2803), (50.0, 0.0, -82.7485), 2.8615),
    ((50.0, 2.8361, -74.0200), (50.0, 0.0, -82.7485), 3.4412),
    ((50.0, 0.0, 0.0), (50.0, -1.0, 2.0), 2.3669),
    ((50.0, -0.0010, 2.4900), (50.0, 0.0009, -2.4900), 4.8045),
    ((50.0, 2.4900, -0.0010), (50.0, -2.4900, 0.0010), 7.1792),
    ((50.0, 2.4900, -0.0010), (50.0, -2.4900, 0.0012), 7.2195),
    ((50.0, 2.5, 0.0), (73.0, 25.0, -18.0), 27.1492),
    ((50.0, 2.5, 0.0), (50.0, 3.1736, 0.5854), 1.0000),
    ((60.2574, -34.0099, 36.2677), (60.4626, -34.1751, 39.4387), 1.2644),
    ((2.0776, 0.0795, -1.1350), (0.9033, -0.0636, -0.5514), 0.9082),
]


@pytest.mark.parametrize(("lab_1", "lab_2", "expected"), SHARMA_PAIRS)
def test_ciede2000_matches_published_pairs(lab_1, lab_2, expected):
    assert float(delta_e_2000(lab_1, lab_2)) == pytest.approx(expected, abs=DELTA_E00_PUBLISHED)
    assert float(delta_e_2000(lab_2, lab_1)) == pytest.approx(expected, abs=DELTA_E00_PUBLISHED)


lab_values = st.tuples(
    st.floats(min_value=0.0, max_value=100.0),
    st.floats(min_value=-120.0, max_value=120.0),
    st.floats(min_value=-120.0, max_value=120.0),
)


@settings(max_examples=300)
@given(lab_values, lab_values)
def test_ciede2000_matches_colour_science(lab_1, lab_2):
    expected = colour.delta_E(np.array(lab_1), np.array(lab_2), method="CIE 2000")
    assert float(delta_e_2000(lab_1, lab_2)) == pytest.approx(float(expected), abs=1e-6)


@settings(max_examples=100)
@given(lab_values)
def test_ciede2000_of_a_colour_with_itself_is_zero(lab):
    assert float(delta_e_2000(lab, lab)) == pytest.approx(0.0, abs=1e-9)


def test_ita_by_hand():
    # L* 60, b* 10: atan(10 / 10) = 45°. L* 50: the numerator is 0, so 0°.
    assert ita_deg(lightness=60.0, b_star=10.0) == pytest.approx(45.0)
    assert ita_deg(lightness=50.0, b_star=20.0) == pytest.approx(0.0)
    # L* 40, b* 10: atan(−10 / 10) = −45°.
    assert ita_deg(lightness=40.0, b_star=10.0) == pytest.approx(-45.0)


def test_ita_needs_no_guard_at_zero_b_star():
    assert ita_deg(lightness=70.0, b_star=0.0) == pytest.approx(90.0)
    assert ita_deg(lightness=30.0, b_star=0.0) == pytest.approx(-90.0)


@settings(max_examples=200)
@given(st.floats(min_value=0.0, max_value=100.0), st.floats(min_value=0.01, max_value=80.0))
def test_ita_equals_the_arctan_form_for_positive_b_star(lightness, b_star):
    expected = math.degrees(math.atan((lightness - 50.0) / b_star))
    assert ita_deg(lightness=lightness, b_star=b_star) == pytest.approx(expected, abs=1e-9)


def test_ita_rejects_non_finite_values():
    with pytest.raises(ValueError, match="finite"):
        ita_deg(lightness=float("nan"), b_star=10.0)
    with pytest.raises(ValueError, match="finite"):
        ita_category(float("inf"))


@pytest.mark.parametrize(
    ("angle", "category"),
    [
        (60.0, ItaCategory.VERY_LIGHT),
        (55.0, ItaCategory.LIGHT),  # 41 < ITA ≤ 55 is light
        (41.0, ItaCategory.INTERMEDIATE),
        (30.0, ItaCategory.INTERMEDIATE),
        (28.0, ItaCategory.TAN),
        (10.0, ItaCategory.BROWN),
        (-29.9, ItaCategory.BROWN),
        (-30.0, ItaCategory.DARK),
        (-80.0, ItaCategory.DARK),
    ],
)
def test_ita_bands_follow_ly_2020(angle, category):
    assert ita_category(angle) is category


@settings(max_examples=200)
@given(st.floats(min_value=-180, max_value=180), st.floats(min_value=0, max_value=50))
def test_darker_never_lands_in_a_lighter_band(angle, drop):
    order = list(ItaCategory)
    assert order.index(ita_category(angle - drop)) >= order.index(ita_category(angle))
