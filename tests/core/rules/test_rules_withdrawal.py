"""``severe_withdrawal`` and ``worse_after_cut`` at and around their thresholds."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest

from stepdown.core.rules import (
    CowsScore,
    DiaryScore,
    PlanStepView,
    SuggestionKind,
    diary_threshold,
    severe_withdrawal,
    worse_after_cut,
)
from stepdown.core.rules.withdrawal import ThresholdBasis

START = date(2025, 4, 7)


def day(offset: int) -> date:
    return START + timedelta(days=offset)


def scores(values: list[int], *, first: int = 0) -> list[DiaryScore]:
    return [DiaryScore(day=day(first + index), total=value) for index, value in enumerate(values)]


# --- which total is "severe" -------------------------------------------------------------------


def test_default_threshold_applies_with_under_14_days_of_diary() -> None:
    threshold = diary_threshold(scores=scores([5] * 13), day=day(13))
    assert (threshold.value, threshold.basis) == (24, ThresholdBasis.DEFAULT)


def test_personal_baseline_is_mean_plus_two_sd_rounded_up() -> None:
    # 7 × 10 and 7 × 20: mean 15; sample SD = sqrt(14 × 5² / 13) = sqrt(26.92) = 5.189;
    # 15 + 2 × 5.189 = 25.38, so the first whole score at or above it is 26.
    history = scores([10, 20] * 7)
    threshold = diary_threshold(scores=history, day=day(14))
    assert (threshold.value, threshold.basis) == (26, ThresholdBasis.PERSONAL_BASELINE)


def test_personal_baseline_on_an_exact_whole_number_is_not_rounded_up() -> None:
    # 2 × 0, 1 × 2, 11 × 10: mean 112/14 = 8; squared deviations 2 × 64 + 36 + 11 × 4 = 208;
    # variance 208 / 13 = 16, SD 4; 8 + 2 × 4 = 16 exactly.
    history = scores([0, 0, 2] + [10] * 11)
    assert diary_threshold(scores=history, day=day(14)).value == 16


def test_personal_baseline_has_a_floor_of_12() -> None:
    # 14 × 2: mean 2, SD 0, so 2 — raised to the floor of 12.
    assert diary_threshold(scores=scores([2] * 14), day=day(14)).value == 12


def test_personal_baseline_has_a_ceiling_of_36() -> None:
    # 7 × 30 and 7 × 40: 35 + 2 × 5.189 = 45.4, capped at 36.
    assert diary_threshold(scores=scores([30, 40] * 7), day=day(14)).value == 36


def test_personal_baseline_uses_only_the_28_days_before() -> None:
    # 14 scores on days 0–13, asked about day 42: 42 − 28 = day 14, so none are in the window.
    threshold = diary_threshold(scores=scores([2] * 14), day=day(42))
    assert threshold.basis is ThresholdBasis.DEFAULT


def test_own_threshold_wins_and_is_checked() -> None:
    threshold = diary_threshold(scores=scores([2] * 14), day=day(14), own_threshold=15)
    assert (threshold.value, threshold.basis) == (15, ThresholdBasis.OWN)
    with pytest.raises(ValueError, match="between 1 and 48"):
        diary_threshold(scores=[], day=day(0), own_threshold=49)


# --- severe_withdrawal --------------------------------------------------------------------------


def test_diary_at_the_default_threshold_is_severe() -> None:
    (alert,) = severe_withdrawal(diary=scores([24]), today=day(0))
    assert alert.code == "severe_withdrawal"
    assert alert.cause_key == f"day:{day(0).isoformat()}"
    assert alert.suggestion is None  # no plan to hold


def test_diary_one_below_the_default_threshold_is_not() -> None:
    assert severe_withdrawal(diary=scores([23]), today=day(0)) == ()


def test_personal_baseline_changes_what_counts_as_severe() -> None:
    # Baseline threshold 26 (see above): a 25 is not severe for this person, a 26 is.
    history = scores([10, 20] * 7)
    assert severe_withdrawal(diary=[*history, DiaryScore(day(14), 25)], today=day(14)) == ()
    assert severe_withdrawal(diary=[*history, DiaryScore(day(14), 26)], today=day(14))


def test_a_low_baseline_makes_a_moderate_day_severe() -> None:
    # Threshold 12 from the floor: a 12 after two weeks of 2s is severe for this person,
    # although it is far below the default of 24.
    history = scores([2] * 14)
    assert severe_withdrawal(diary=[*history, DiaryScore(day(14), 12)], today=day(14))
    assert severe_withdrawal(diary=[*history, DiaryScore(day(14), 11)], today=day(14)) == ()


def test_on_a_plan_the_alert_suggests_holding_the_step_for_a_week() -> None:
    step = PlanStepView(start_date=day(0), end_date=day(13), daily_g=Decimal(8))
    (alert,) = severe_withdrawal(diary=scores([30], first=5), today=day(5), steps=[step])
    assert alert.cause_key == f"step:{day(0).isoformat()}"
    assert alert.suggestion is not None
    assert (alert.suggestion.kind, alert.suggestion.days) == (SuggestionKind.HOLD, 7)


def test_two_severe_days_in_one_step_give_one_hold() -> None:
    step = PlanStepView(start_date=day(0), end_date=day(13), daily_g=Decimal(8))
    alerts = severe_withdrawal(diary=scores([30, 31], first=5), today=day(6), steps=[step])
    assert len(alerts) == 1


def test_only_the_last_three_days_are_examined() -> None:
    assert severe_withdrawal(diary=scores([30]), today=day(3)) == ()
    assert severe_withdrawal(diary=scores([30]), today=day(2))


def test_cows_of_25_is_severe_and_24_is_not() -> None:
    assert severe_withdrawal(diary=[], cows=[CowsScore(day(0), 24)], today=day(0)) == ()
    (alert,) = severe_withdrawal(diary=[], cows=[CowsScore(day(0), 25)], today=day(0))
    assert alert.source == "Wesson2003"


# --- worse_after_cut ----------------------------------------------------------------------------

PREVIOUS = PlanStepView(start_date=day(0), end_date=day(13), daily_g=Decimal(10))
CUT = PlanStepView(start_date=day(14), end_date=day(27), daily_g=Decimal(9))
STEPS = [PREVIOUS, CUT]


def after_cut(previous: list[int], after: list[int]) -> list[DiaryScore]:
    """Diary on the last days of the previous step, then from the cut's first day."""
    return scores(previous, first=14 - len(previous)) + scores(after, first=14)


def test_two_days_50_percent_above_the_previous_average_suggest_a_hold() -> None:
    # Previous step average 8; 1.5 × 8 = 12 and 12 − 8 = 4 points: both conditions met.
    (alert,) = worse_after_cut(steps=STEPS, diary=after_cut([8] * 7, [12, 12]), today=day(15))
    assert alert.cause_key == f"step:{day(14).isoformat()}:hold"
    assert alert.suggestion is not None
    assert alert.suggestion.kind is SuggestionKind.HOLD


def test_one_of_the_two_days_below_50_percent_is_not_enough() -> None:
    # 11 < 12.
    assert worse_after_cut(steps=STEPS, diary=after_cut([8] * 7, [12, 11]), today=day(15)) == ()


def test_the_two_days_must_be_consecutive() -> None:
    diary = after_cut([8] * 7, [12, 6, 12])
    assert worse_after_cut(steps=STEPS, diary=diary, today=day(16)) == ()


def test_a_rise_of_under_4_points_is_noise_even_when_it_is_50_percent() -> None:
    # Previous average 2: 5 is 150 % more but only 3 points; 6 is 4 points.
    assert worse_after_cut(steps=STEPS, diary=after_cut([2] * 7, [5, 5]), today=day(15)) == ()
    assert worse_after_cut(steps=STEPS, diary=after_cut([2] * 7, [6, 6]), today=day(15))


def test_no_judgement_without_three_diary_days_on_the_previous_step() -> None:
    assert worse_after_cut(steps=STEPS, diary=after_cut([8, 8], [20, 20]), today=day(15)) == ()


def test_a_step_that_did_not_lower_the_amount_is_not_a_cut() -> None:
    level = PlanStepView(start_date=day(14), end_date=day(27), daily_g=Decimal(10))
    diary = after_cut([8] * 7, [20, 20])
    assert worse_after_cut(steps=[PREVIOUS, level], diary=diary, today=day(15)) == ()


def test_the_first_step_has_no_cut_before_it() -> None:
    assert worse_after_cut(steps=STEPS, diary=scores([8, 20, 20]), today=day(2)) == ()


def test_three_severe_days_suggest_reinstating_and_a_clinician() -> None:
    # Default threshold 24 (fewer than 14 diary days); days 14, 16 and 18 at 24.
    diary = after_cut([8] * 7, [24, 10, 24, 10, 24])
    (alert,) = worse_after_cut(steps=STEPS, diary=diary, today=day(18))
    assert alert.cause_key == f"step:{day(14).isoformat()}:reinstate"
    assert alert.suggestion is not None
    assert alert.suggestion.kind is SuggestionKind.REINSTATE
    assert "clinician" in alert.action


def test_two_severe_days_in_a_row_are_still_only_a_hold() -> None:
    (alert,) = worse_after_cut(steps=STEPS, diary=after_cut([8] * 7, [24, 24]), today=day(15))
    assert alert.suggestion is not None
    assert alert.suggestion.kind is SuggestionKind.HOLD
