"""A person's noise, confirmed change, Theil–Sen trend and false alarms (colorimetry notes)."""

from datetime import UTC, datetime, timedelta
from functools import cache

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.core.colour.skin_scenes import (
    SCENE_CHART,
    darken,
    render,
    skin_reflectance,
    spec_for,
    true_ita,
)
from tests.core.colour.skin_tolerances import MAX_FALSE_ALARM_RATE

from stepdown.core.colour import (
    ChangeStatus,
    SessionPoint,
    analyse_photo,
    assess_change,
    measurement_noise,
    theil_sen,
)

START = datetime(2025, 1, 6, 9, 0, tzinfo=UTC)


def _series(values, *, every_days=14):
    return [
        SessionPoint(taken_at=START + timedelta(days=every_days * i), delta_ita_deg=v)
        for i, v in enumerate(values)
    ]


def test_noise_and_mdc95_by_hand():
    # Baseline −10, −12, −14: mean −12, deviations ±2 and 0, sample variance (4+0+4)/2 = 4,
    # SD 2; MDC95 = 1.96 · √2 · 2 = 5.5437.
    noise = measurement_noise(baseline_deg=[-10.0, -12.0, -14.0])
    assert noise.sd_deg == pytest.approx(2.0)
    assert noise.mdc95_deg == pytest.approx(5.5437, abs=1e-4)
    assert noise.sessions == 3


def test_noise_has_a_floor():
    # Three identical sessions would give SD 0 and flag any wobble; the floor is 1°,
    # so MDC95 = 1.96 · √2 · 1 = 2.7719.
    noise = measurement_noise(baseline_deg=[-9.0, -9.0, -9.0])
    assert noise.sd_deg == 1.0
    assert noise.mdc95_deg == pytest.approx(2.7719, abs=1e-4)


def test_noise_needs_three_sessions():
    with pytest.raises(ValueError, match="at least 3"):
        measurement_noise(baseline_deg=[-9.0, -10.0])


def test_two_consecutive_sessions_beyond_noise_confirm_darkening():
    # Baseline mean −12 with MDC95 5.54; −18 and −19 are 6 and 7 below it.
    assessment = assess_change(sessions=_series([-10.0, -12.0, -14.0, -18.0, -19.0]))
    assert assessment.status is ChangeStatus.DARKER
    assert assessment.deviations_deg == pytest.approx((-6.0, -7.0))
    assert assessment.beyond_noise == (True, True)
    assert assessment.confirmed_at == (START + timedelta(days=56),)


def test_one_session_beyond_noise_is_not_a_change():
    assessment = assess_change(sessions=_series([-10.0, -12.0, -14.0, -18.0, -12.5]))
    assert assessment.status is ChangeStatus.NO_CHANGE
    assert assessment.beyond_noise == (True, False)


def test_beyond_noise_in_opposite_directions_is_not_a_change():
    assessment = assess_change(sessions=_series([-10.0, -12.0, -14.0, -18.0, -6.0]))
    assert assessment.status is ChangeStatus.NO_CHANGE
    assert assessment.confirmed_at == ()


def test_lightening_is_reported_as_such():
    assessment = assess_change(sessions=_series([-10.0, -12.0, -14.0, -5.0, -4.0]))
    assert assessment.status is ChangeStatus.LIGHTER


def test_fewer_sessions_than_the_baseline_say_so():
    assessment = assess_change(sessions=_series([-10.0, -12.0]))
    assert assessment.status is ChangeStatus.BASELINE_INCOMPLETE
    assert assessment.noise is None


def test_sessions_are_ordered_by_time():
    shuffled = list(reversed(_series([-10.0, -12.0, -14.0, -18.0, -19.0])))
    assert assess_change(sessions=shuffled).status is ChangeStatus.DARKER


def test_seasonal_caveat_is_always_given_and_season_crossing_is_marked():
    short = assess_change(sessions=_series([-10.0, -11.0, -12.0], every_days=7))
    long = assess_change(sessions=_series([-10.0, -11.0, -12.0, -11.0], every_days=30))
    assert "time of year" in short.seasonal_caveat
    assert not short.crosses_seasons
    assert long.crosses_seasons


def test_theil_sen_on_a_straight_line():
    trend = theil_sen(x=[0, 1, 2, 3], y=[0, 2, 4, 6])
    assert (trend.slope, trend.slope_low, trend.slope_high) == (2.0, 2.0, 2.0)
    assert trend.intercept == 0.0


def test_theil_sen_ignores_an_outlier_and_gives_sens_interval():
    # y = x except the last point (40). The 10 pairwise slopes, sorted:
    # 1 (×6, pairs among the first four), 10, 13, 19, 37 → median (1 + 1)/2 = 1;
    # intercept = median(y − x) = median(0, 0, 0, 0, 36) = 0.
    # Interval: var = n(n−1)(2n+5)/18 = 5·4·15/18 = 16.667; C = 1.96·4.082 = 8.001;
    # ranks round((10 − 8.001)/2) = 1 and round((10 + 8.001)/2) + 1 = 10 → slopes 1 and 37.
    trend = theil_sen(x=[0, 1, 2, 3, 4], y=[0, 1, 2, 3, 40])
    assert trend.slope == 1.0
    assert trend.intercept == 0.0
    assert (trend.slope_low, trend.slope_high) == (1.0, 37.0)


def test_theil_sen_needs_two_distinct_x():
    with pytest.raises(ValueError, match="two different x"):
        theil_sen(x=[1, 1, 1], y=[0, 1, 2])


@settings(max_examples=100)
@given(
    st.floats(min_value=-50, max_value=50),
    st.floats(min_value=-100, max_value=100),
    st.lists(st.floats(min_value=-5, max_value=5), min_size=4, max_size=12),
)
def test_theil_sen_interval_contains_the_slope(slope, intercept, noise):
    x = np.arange(len(noise), dtype=float)
    y = intercept + slope * x + np.array(noise)
    trend = theil_sen(x=x, y=y)
    assert trend.slope_low <= trend.slope <= trend.slope_high


def test_trend_is_in_degrees_per_year():
    # −1° every 36.525 days is −10° per year.
    values = [-10.0 - i for i in range(6)]
    sessions = [
        SessionPoint(taken_at=START + timedelta(days=36.525 * i), delta_ita_deg=v)
        for i, v in enumerate(values)
    ]
    trend = assess_change(sessions=sessions).trend_per_year
    assert trend.slope == pytest.approx(-10.0)


def test_false_alarms_stay_rare_with_gaussian_noise():
    # Nothing changes: 2,000 people, each with 3 baseline and 2 follow-up sessions whose ΔITA
    # scatters with the 2.6° SD of instrument repeats.
    rng = np.random.default_rng(7)
    alarms = 0
    for _ in range(2_000):
        values = -12.0 + rng.normal(0.0, 2.6, 5)
        alarms += assess_change(sessions=_series(values)).status is not ChangeStatus.NO_CHANGE
    assert alarms / 2_000 <= MAX_FALSE_ALARM_RATE


# Sessions rendered through the whole photo pipeline. Each session varies the daylight
# (D65 or LED), the white balance (±10 %), exposure, hair, texture and noise.
BASE_MELANIN = 0.1
SKIN = "Oriental"


@cache
def _session_delta_ita(seed: int, melanin: float) -> float:
    rng = np.random.default_rng(seed)
    reflectance = skin_reflectance(SKIN)
    spec = spec_for(
        SKIN,
        exposed=darken(reflectance, melanin=melanin, grey=2.0 * (melanin - BASE_MELANIN)),
        illuminant=("D65", "LED-B3")[seed % 2],
        wb_error=tuple(rng.uniform(0.9, 1.1, 2)),
        exposure=float(rng.uniform(0.6, 0.8)),
        seed=seed,
    )
    scene = render(spec)
    result = analyse_photo(
        data=scene.jpeg,
        roi=scene.exposed_roi,
        reference_roi=scene.reference_roi,
        reference_chart=SCENE_CHART,
    )
    assert result.quality.ok, result.quality.reasons
    return result.comparison.delta_ita_deg


def test_rendered_sessions_detect_an_injected_darkening():
    changed = BASE_MELANIN + 0.04  # about −6° of ITA: twice a typical MDC95
    reflectance = skin_reflectance(SKIN)
    true_change = true_ita(
        darken(reflectance, melanin=changed, grey=2.0 * (changed - BASE_MELANIN))
    ) - true_ita(darken(reflectance, melanin=BASE_MELANIN))
    baseline = [_session_delta_ita(seed, BASE_MELANIN) for seed in range(3)]
    later = [_session_delta_ita(seed, changed) for seed in (3, 4)]
    assessment = assess_change(sessions=_series(baseline + later))
    # The injected change must exceed this person's noise for the test to mean anything.
    assert abs(true_change) > assessment.noise.mdc95_deg
    assert assessment.status is ChangeStatus.DARKER


def test_rendered_sessions_without_change_rarely_alarm():
    # Twelve rendered no-change sessions give the pipeline's own noise; 1,000 people are drawn
    # from them (3 baseline + 2 follow-ups each).
    pool = np.array([_session_delta_ita(seed, BASE_MELANIN) for seed in range(12)])
    rng = np.random.default_rng(11)
    alarms = 0
    for _ in range(1_000):
        values = rng.choice(pool, 5, replace=False)
        alarms += assess_change(sessions=_series(values)).status is not ChangeStatus.NO_CHANGE
    assert alarms / 1_000 <= MAX_FALSE_ALARM_RATE
