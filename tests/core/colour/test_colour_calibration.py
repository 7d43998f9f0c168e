"""Colour correction fits: known matrices recovered, fit registry, grey card, and chart choice."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.core.colour.skin_scenes import SCENE_CHART, render, spec_for

from stepdown.core.colour.calibration import (
    CalibrationMethod,
    calibrate_detected,
    calibrate_from_patches,
    calibrate_grey_card,
    calibrate_with_corners,
    fit_correction,
    no_calibration,
)
from stepdown.core.colour.chart import PatchSample, chart_reference
from stepdown.core.colour.regions import Rect
from stepdown.core.colour.spaces import srgb_encode


@settings(max_examples=100)
@given(st.lists(st.floats(min_value=-0.3, max_value=0.3), min_size=9, max_size=9))
def test_matrix_fit_recovers_a_known_distortion(offsets):
    # If the camera saw target @ inv(M).T, the fit must return M exactly.
    distortion = np.eye(3) + np.reshape(offsets, (3, 3))
    if abs(np.linalg.det(distortion)) < 0.2:
        return
    target = chart_reference().linear_srgb
    measured = target @ np.linalg.inv(distortion).T
    np.testing.assert_allclose(
        fit_correction(measured=measured, target=target), distortion, atol=1e-8
    )


def test_diagonal_fit_recovers_channel_gains():
    target = chart_reference().linear_srgb
    gains = np.array([1.3, 1.0, 0.7])
    measured = target / gains
    np.testing.assert_allclose(
        fit_correction(measured=measured, target=target, method="diagonal"),
        np.diag(gains),
        atol=1e-9,
    )


def test_unknown_fit_is_refused_by_name():
    with pytest.raises(ValueError, match="unknown correction 'polynomial'"):
        fit_correction(measured=np.eye(3), target=np.eye(3), method="polynomial")


def test_fit_needs_matching_n_by_3_arrays():
    with pytest.raises(ValueError, match="N×3"):
        fit_correction(measured=np.ones((5, 3)), target=np.ones((4, 3)))


def _sample_from(linear: np.ndarray) -> PatchSample:
    corners = ((0.0, 0.0), (1.0, 0.0), (1.0, 1.0), (0.0, 1.0))
    return PatchSample(corners=corners, encoded=srgb_encode(linear) * 255.0, linear=linear)


def test_perfect_patches_calibrate_with_zero_residual():
    reference = chart_reference()
    linear = np.clip(reference.linear_srgb, 1e-4, None) * 0.8
    calibration = calibrate_from_patches(
        _sample_from(linear), method=CalibrationMethod.FOUR_CORNERS
    )
    assert calibration.method is CalibrationMethod.FOUR_CORNERS
    # Exposure 0.8 is a pure scale: the fitted matrix is 1/0.8 on the diagonal.
    np.testing.assert_allclose(calibration.matrix, np.eye(3) / 0.8, atol=0.02)
    assert calibration.mean_delta_e00 < 0.5


def test_shuffled_patches_fit_badly():
    reference = chart_reference()
    linear = np.clip(reference.linear_srgb, 1e-4, None)[::-1].copy()
    calibration = calibrate_from_patches(
        _sample_from(linear), method=CalibrationMethod.FOUR_CORNERS
    )
    assert calibration.mean_delta_e00 > 4.0


def test_grey_card_gains_make_the_card_read_eighteen_percent():
    # A card reading linear (0.36, 0.18, 0.09) needs gains 0.18/0.36 = 0.5, 1 and 2.
    level = np.round(srgb_encode([0.36, 0.18, 0.09]) * 255).astype(np.uint8)
    rgb = np.broadcast_to(level, (50, 50, 3)).copy()
    calibration = calibrate_grey_card(rgb=rgb, region=Rect(10, 10, 20, 20))
    assert calibration.method is CalibrationMethod.GREY_CARD
    np.testing.assert_allclose(np.diag(calibration.matrix), [0.5, 1.0, 2.0], rtol=0.02)


def test_black_grey_card_is_refused():
    rgb = np.zeros((20, 20, 3), dtype=np.uint8)
    with pytest.raises(ValueError, match="black"):
        calibrate_grey_card(rgb=rgb, region=Rect(0, 0, 10, 10))


def test_no_calibration_is_the_identity_and_says_so():
    calibration = no_calibration()
    assert calibration.method is CalibrationMethod.NONE
    assert not calibration.calibrated
    np.testing.assert_array_equal(calibration.matrix, np.eye(3))


def test_detection_picks_the_upright_placement_of_an_upside_down_chart():
    scene = render(spec_for("Caucasian", chart_upside_down=True))
    calibration = calibrate_detected(rgb=scene.rgb, reference_chart=SCENE_CHART)
    assert calibration is not None
    assert calibration.method is CalibrationMethod.COLOUR_CHECKER
    corner_error = np.hypot(*(np.asarray(calibration.corners) - np.asarray(scene.corners)).T)
    assert corner_error.max() < 0.1 * scene.patch_pitch_px
    assert calibration.mean_delta_e00 < 2.0


def test_marked_corners_calibrate_like_detection():
    scene = render(spec_for("Caucasian"))
    marked = calibrate_with_corners(
        rgb=scene.rgb, corners=scene.corners, reference_chart=SCENE_CHART
    )
    detected = calibrate_detected(rgb=scene.rgb, reference_chart=SCENE_CHART)
    assert marked.method is CalibrationMethod.FOUR_CORNERS
    assert detected is not None
    assert abs(marked.mean_delta_e00 - detected.mean_delta_e00) < 0.3
