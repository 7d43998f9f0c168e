"""Chart reference values, patch geometry, and automatic detection on rendered photos."""

import warnings

import numpy as np
import pytest
from tests.core.colour.skin_scenes import SCENE_CHART, render, spec_for
from tests.core.colour.skin_tolerances import CORNER_FRACTION_OF_PITCH

from stepdown.core.colour.chart import (
    DEFAULT_REFERENCE,
    GAP_FRACTION,
    chart_reference,
    is_convex_quadrilateral,
    patch_centres_image,
    sample_patches,
)
from stepdown.core.colour.detection import find_chart_candidates

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    import colour


def test_default_reference_is_the_current_colorchecker():
    assert DEFAULT_REFERENCE == "ColorChecker24 - After November 2014"
    reference = chart_reference()
    assert reference.patch_names[0] == "dark skin"
    assert reference.patch_names[18].startswith("white")
    assert reference.linear_srgb.shape == (24, 3)


@pytest.mark.parametrize("name", [DEFAULT_REFERENCE, SCENE_CHART])
def test_reference_lab_matches_colour_science_adapted_to_d65(name):
    checker = colour.CCS_COLOURCHECKERS[name]
    xyz = colour.xyY_to_XYZ(np.array(list(checker.data.values())))
    d65 = colour.CCS_ILLUMINANTS["CIE 1931 2 Degree Standard Observer"]["D65"]
    adapted = colour.chromatic_adaptation(
        xyz,
        colour.xy_to_XYZ(checker.illuminant),
        colour.xy_to_XYZ(d65),
        method="Von Kries",
        transform="Bradford",
    )
    expected = colour.XYZ_to_Lab(adapted, d65)
    np.testing.assert_allclose(chart_reference(name).lab, expected, atol=0.02)


def test_unknown_reference_chart_is_refused():
    with pytest.raises(ValueError, match="unknown colour chart"):
        chart_reference("My Homemade Chart")


def test_patch_centres_of_an_axis_aligned_chart():
    # Corners of a 585 × 385 px patch area at pitch 100 px (plane 5.85 × 3.85 pitches):
    # patch 1's centre is at half a patch side, (1 − 0.15)/2 = 0.425 pitch → (42.5, 42.5) px;
    # patch 24 (row 3, column 5) at (542.5, 342.5) px.
    assert GAP_FRACTION == 0.15
    corners = ((0.0, 0.0), (585.0, 0.0), (585.0, 385.0), (0.0, 385.0))
    centres = patch_centres_image(corners)
    np.testing.assert_allclose(centres[0], (42.5, 42.5), atol=1e-3)
    np.testing.assert_allclose(centres[23], (542.5, 342.5), atol=1e-3)


def test_corner_order_sets_the_chart_orientation():
    # Giving the same rectangle starting from the opposite corner turns the chart 180°:
    # patch 1 then sits where patch 24 was.
    upright = ((0.0, 0.0), (585.0, 0.0), (585.0, 385.0), (0.0, 385.0))
    turned = (upright[2], upright[3], upright[0], upright[1])
    np.testing.assert_allclose(
        patch_centres_image(turned)[0], patch_centres_image(upright)[23], atol=1e-3
    )


def test_self_crossing_corners_are_refused():
    bow_tie = ((0.0, 0.0), (100.0, 100.0), (100.0, 0.0), (0.0, 100.0))
    assert not is_convex_quadrilateral(bow_tie)
    rgb = np.zeros((120, 120, 3), dtype=np.uint8)
    with pytest.raises(ValueError, match="convex"):
        sample_patches(rgb, bow_tie)


def test_sampling_reads_the_centre_of_each_patch():
    rgb = np.zeros((400, 600, 3), dtype=np.uint8)
    corners = ((0.0, 0.0), (585.0, 0.0), (585.0, 385.0), (0.0, 385.0))
    for index, (x, y) in enumerate(patch_centres_image(corners)):
        rgb[int(y) - 30 : int(y) + 30, int(x) - 30 : int(x) + 30] = (index * 10, 5, 250 - index)
    sample = sample_patches(rgb, corners)
    np.testing.assert_allclose(sample.encoded[:, 0], np.arange(24) * 10)
    np.testing.assert_allclose(sample.encoded[:, 2], 250 - np.arange(24))


def _corner_error(found, truth):
    return float(np.max(np.hypot(*(np.asarray(found) - np.asarray(truth)).T)))


@pytest.mark.parametrize(
    "changes",
    [
        {},
        {"chart_tilt_deg": 0.0},
        {"chart_tilt_deg": 90.0},
        {"chart_tilt_deg": -90.0},
        {"chart_tilt_deg": 30.0},
        {"chart_tilt_deg": -12.0},
        {"chart_upside_down": True},
        {"width": 1600, "height": 1200},
        {"illuminant": "A"},
    ],
)
def test_detected_chart_has_the_rendered_corners(changes):
    scene = render(spec_for("Oriental", **changes))
    candidates = find_chart_candidates(scene.rgb)
    assert candidates
    best = min(_corner_error(c, scene.corners) for c in candidates)
    assert best < CORNER_FRACTION_OF_PITCH * scene.patch_pitch_px


def test_no_chart_means_no_candidates():
    scene = render(spec_for("Oriental", chart_present=False))
    assert find_chart_candidates(scene.rgb) == ()
