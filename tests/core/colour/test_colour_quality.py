"""Each kind of bad photo is rejected with the right reason (colorimetry notes, test d)."""

import pytest
from tests.core.colour.skin_scenes import SCENE_CHART, render, spec_for

from stepdown.core.colour import (
    QUALITY_MESSAGES,
    CalibrationMethod,
    QualityCode,
    Rect,
    analyse_photo,
    compare_photos,
)
from stepdown.core.colour.quality import quality_from


def _analyse(scene, **options):
    return analyse_photo(
        data=scene.jpeg,
        roi=options.pop("roi", scene.exposed_roi),
        reference_roi=scene.reference_roi,
        reference_chart=SCENE_CHART,
        **options,
    )


def test_a_good_photo_passes_every_check():
    result = _analyse(render(spec_for("South Asian", seed=2)))
    assert result.quality.ok
    assert result.quality.reasons == ()
    assert result.calibration.method is CalibrationMethod.COLOUR_CHECKER


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        ({"exposure": 0.15}, QualityCode.TOO_DARK),
        ({"exposure": 1.3}, QualityCode.OVEREXPOSED),
        ({"speculars": 120}, QualityCode.OVEREXPOSED),
        ({"blur_sigma": 5.0}, QualityCode.BLURRED),
        ({"card_gradient": 0.6}, QualityCode.BAD_CALIBRATION),
        ({"card_light": 0.45}, QualityCode.LIGHT_MISMATCH),
        ({"chart_present": False}, QualityCode.NO_CARD),
    ],
)
def test_bad_photo_is_rejected_with_its_reason(changes, reason):
    result = _analyse(render(spec_for("Oriental", seed=4, **changes)))
    assert reason in result.quality.reasons
    assert not result.quality.ok


def test_a_sharp_photo_is_not_called_blurred():
    result = _analyse(render(spec_for("Oriental", seed=4, blur_sigma=0.5)))
    assert QualityCode.BLURRED not in result.quality.reasons


def test_missing_card_falls_back_to_uncalibrated_and_says_both():
    result = _analyse(render(spec_for("Oriental", chart_present=False)))
    assert result.calibration.method is CalibrationMethod.NONE
    assert result.quality.reasons == (QualityCode.NO_CARD, QualityCode.UNCALIBRATED)
    assert result.site.measurement is not None


def test_choosing_no_card_is_labelled_uncalibrated_but_not_blocked():
    result = _analyse(render(spec_for("Oriental")), card="none")
    assert result.calibration.method is CalibrationMethod.NONE
    assert result.quality.reasons == (QualityCode.UNCALIBRATED,)
    assert result.quality.ok


def test_grey_card_is_used_when_no_chart_is_found():
    scene = render(spec_for("Oriental", chart_present=False))
    # The background is a flat 30 % grey; as a "grey card" it reads 0.30 rather than 0.18, which
    # shifts exposure but still labels the calibration honestly.
    result = _analyse(scene, grey_roi=Rect(20, 20, 60, 60))
    assert result.calibration.method is CalibrationMethod.GREY_CARD
    assert QualityCode.NO_CARD not in result.quality.reasons


def test_marked_corners_replace_detection():
    scene = render(spec_for("Oriental"))
    result = _analyse(scene, corners=scene.corners, card="none")
    assert result.calibration.method is CalibrationMethod.FOUR_CORNERS
    assert result.quality.ok


def test_small_region_has_too_few_pixels():
    scene = render(spec_for("Oriental"))
    small = Rect(scene.exposed_roi.x, scene.exposed_roi.y, 100, 100)  # 10,000 px < 20,000
    result = _analyse(scene, roi=small)
    assert QualityCode.TOO_FEW_PIXELS in result.quality.reasons
    assert result.site.measurement is not None


def test_min_pixels_is_adjustable():
    scene = render(spec_for("Oriental"))
    small = Rect(scene.exposed_roi.x, scene.exposed_roi.y, 100, 100)
    result = _analyse(scene, roi=small, min_pixels=5_000)
    assert QualityCode.TOO_FEW_PIXELS not in result.quality.reasons


def test_two_photos_under_different_light_are_flagged():
    # Same phone; the second photo is under tungsten light that the phone's white balance
    # leaves partly warm, as phones do.
    daylight = _analyse(render(spec_for("Oriental", illuminant="D65", seed=1)))
    tungsten = _analyse(render(spec_for("Oriental", illuminant="A", awb_strength=0.7, seed=2)))
    same = _analyse(render(spec_for("Oriental", illuminant="D65", seed=3)))
    mixed = compare_photos(exposed=daylight, reference=tungsten)
    assert QualityCode.LIGHT_MISMATCH in mixed.quality.reasons
    pair = compare_photos(exposed=daylight, reference=same)
    assert pair.quality.ok
    assert pair.comparison.delta_ita_deg == pytest.approx(0.0, abs=2.0)


def test_unknown_card_mode_is_refused():
    scene = render(spec_for("Oriental"))
    with pytest.raises(ValueError, match="card must be one of"):
        _analyse(scene, card="maybe")


def test_every_reason_has_a_plain_message():
    assert set(QUALITY_MESSAGES) == set(QualityCode)
    for message in QUALITY_MESSAGES.values():
        assert message.endswith(".")
        assert len(message) > 30


def test_only_uncalibrated_and_an_unsteady_ita_leave_a_photo_ok():
    # An unsteady ITA is a limit of the angle, not of the photo: its L*, b* and ΔE00 stand.
    for code in QualityCode:
        expected = code in (QualityCode.UNCALIBRATED, QualityCode.ITA_UNRELIABLE)
        assert quality_from([code]).ok is expected
    assert quality_from([]).ok


def test_reasons_are_deduplicated_and_ordered():
    quality = quality_from([QualityCode.UNCALIBRATED, QualityCode.NO_CARD, QualityCode.NO_CARD])
    assert quality.reasons == (QualityCode.NO_CARD, QualityCode.UNCALIBRATED)
    assert len(quality.messages) == 2
