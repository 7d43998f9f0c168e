"""ITA° is flagged when b* is near zero or negative, where the angle swings."""

from __future__ import annotations

import colour
import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from stepdown.core.colour import QualityCode, Rect, analyse_image
from stepdown.core.colour.decoding import DecodedImage
from stepdown.core.colour.ita import MIN_RELIABLE_B_STAR, ita_deg, ita_reliable

D65 = colour.CCS_ILLUMINANTS["CIE 1931 2 Degree Standard Observer"]["D65"]


def _flat(rgb: tuple[int, int, int]) -> DecodedImage:
    array = np.empty((300, 300, 3), dtype=np.uint8)
    array[:] = rgb
    array.flags.writeable = False
    return DecodedImage(rgb=array, source_format="PNG", orientation=1, icc_converted=False)


def _b_star(rgb: tuple[int, int, int]) -> float:
    return float(colour.XYZ_to_Lab(colour.sRGB_to_XYZ(np.asarray(rgb) / 255.0), D65)[2])


def test_the_angle_jumps_across_b_star_zero():
    # Independent arithmetic: at L* 60 the angle moves from 84° to 96° as b* goes 1 → −1.
    assert round(ita_deg(lightness=60.0, b_star=1.0)) == 84
    assert round(ita_deg(lightness=60.0, b_star=-1.0)) == 96
    assert not ita_reliable(b_star=1.0)
    assert not ita_reliable(b_star=-1.0)
    assert ita_reliable(b_star=15.0)


def test_grey_blue_skin_is_flagged_and_ordinary_skin_is_not():
    roi = Rect(x=10, y=10, width=280, height=280)
    grey_blue = analyse_image(image=_flat((118, 124, 136)), roi=roi, card="none")
    assert _b_star((118, 124, 136)) < 0
    assert QualityCode.ITA_UNRELIABLE in grey_blue.quality.reasons
    # Non-blocking: the colour itself is measured; only the angle is left out of the trend.
    assert grey_blue.site.measurement is not None
    ordinary = analyse_image(image=_flat((190, 140, 115)), roi=roi, card="none")
    assert _b_star((190, 140, 115)) > 10
    assert QualityCode.ITA_UNRELIABLE not in ordinary.quality.reasons


@given(rgb=st.tuples(st.integers(60, 230), st.integers(60, 230), st.integers(60, 230)))
def test_the_flag_follows_the_measured_b_star(rgb):
    roi = Rect(x=10, y=10, width=280, height=280)
    analysis = analyse_image(image=_flat(rgb), roi=roi, card="none", min_pixels=1)
    b_star = analysis.site.measurement.b_star
    flagged = QualityCode.ITA_UNRELIABLE in analysis.quality.reasons
    assert flagged == (b_star < MIN_RELIABLE_B_STAR)
    assert abs(b_star - _b_star(rgb)) < 0.5
