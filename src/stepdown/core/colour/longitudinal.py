"""Sessions over time: a person's own measurement noise, confirmed change, trend and season.

Each session contributes one number, ΔITA = ITA(exposed) − ITA(protected reference). The first
sessions (at least three) are the baseline: their spread is the person's measurement noise and
their mean the starting point. A later session is "beyond noise" when it differs from the
baseline mean by more than the minimal detectable change, MDC95 = 1.96·√2·SD; a change is
confirmed only when two consecutive sessions are beyond noise in the same direction.

References
----------
Weir2005: standard error of measurement and the minimal detectable change (1.96·√2·SEM).
Sen1968: Theil–Sen trend and interval.
SurgCosmetDermatol2013: forearm melanin index higher after summer than after winter, so
exposed-site colour moves with the season.
Schmalwieser2024: exposed minus protected ITA as the tracked quantity.
ISSA2025: instrument repeatability of ITA, behind the noise floor.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

import numpy as np

from stepdown.core.colour.trend import TheilSenTrend, theil_sen

# Colorimetry notes: the repeat SD is taken from at least 3 baseline sessions.
MIN_BASELINE_SESSIONS = 3
# 1.96 for 95 % two-sided, √2 because a change is the difference of two noisy readings [Weir2005].
MDC95_FACTOR = 1.96 * math.sqrt(2.0)
# Assumption: no phone measurement repeats better than 1° of ITA (instruments repeat at a median
# 2.6° on the same site [ISSA2025]), so a smaller SD from three sessions is luck and is raised to
# this floor to keep false alarms rare.
MIN_NOISE_SD_DEG = 1.0
DAYS_PER_YEAR = 365.25
# Assumption: a series longer than about two months crosses into a different season.
SEASON_SPAN_DAYS = 60

SEASONAL_CAVEAT = (
    "Skin exposed to the sun darkens in the sunny months and lightens in the dull ones. "
    "Compare with photos from the same time of year before reading a change as lasting."
)


class ChangeStatus(StrEnum):
    """What the series says, in order of strength."""

    BASELINE_INCOMPLETE = "baseline_incomplete"
    NO_CHANGE = "no_change"
    DARKER = "darker"
    LIGHTER = "lighter"


@dataclass(frozen=True, slots=True)
class SessionPoint:
    """One session: when it was taken and its ΔITA (exposed − reference) in degrees."""

    taken_at: datetime
    delta_ita_deg: float


@dataclass(frozen=True, slots=True)
class MeasurementNoise:
    """A person's noise from their baseline sessions."""

    sessions: int
    sd_deg: float
    mdc95_deg: float


@dataclass(frozen=True, slots=True)
class ChangeAssessment:
    """The verdict on a series of sessions.

    ``deviations_deg`` are the later sessions minus the baseline mean, ``beyond_noise`` marks
    which of them exceed MDC95, and ``status`` reflects the two most recent sessions.
    """

    status: ChangeStatus
    noise: MeasurementNoise | None
    baseline_mean_deg: float | None
    deviations_deg: tuple[float, ...]
    beyond_noise: tuple[bool, ...]
    confirmed_at: tuple[datetime, ...]
    trend_per_year: TheilSenTrend | None
    crosses_seasons: bool
    seasonal_caveat: str


def measurement_noise(
    *, baseline_deg: Sequence[float], min_sd_deg: float = MIN_NOISE_SD_DEG
) -> MeasurementNoise:
    """SD of ΔITA over at least three baseline sessions and the MDC95 it implies [Weir2005]."""
    values = np.asarray(baseline_deg, dtype=np.float64)
    if len(values) < MIN_BASELINE_SESSIONS:
        raise ValueError(f"noise needs at least {MIN_BASELINE_SESSIONS} baseline sessions")
    if not np.all(np.isfinite(values)):
        raise ValueError("baseline values must be finite numbers")
    if min_sd_deg < 0:
        raise ValueError("the noise floor cannot be negative")
    sd = max(float(np.std(values, ddof=1)), min_sd_deg)
    return MeasurementNoise(sessions=len(values), sd_deg=sd, mdc95_deg=MDC95_FACTOR * sd)


def assess_change(
    *,
    sessions: Sequence[SessionPoint],
    baseline_sessions: int = MIN_BASELINE_SESSIONS,
    min_sd_deg: float = MIN_NOISE_SD_DEG,
) -> ChangeAssessment:
    """Noise, confirmed change (two consecutive sessions beyond MDC95), trend and season."""
    if baseline_sessions < MIN_BASELINE_SESSIONS:
        raise ValueError(f"the baseline needs at least {MIN_BASELINE_SESSIONS} sessions")
    ordered = sorted(sessions, key=lambda s: s.taken_at)
    crosses = _crosses_seasons(ordered)
    trend = _trend(ordered)
    if len(ordered) < baseline_sessions:
        return ChangeAssessment(
            status=ChangeStatus.BASELINE_INCOMPLETE,
            noise=None,
            baseline_mean_deg=None,
            deviations_deg=(),
            beyond_noise=(),
            confirmed_at=(),
            trend_per_year=trend,
            crosses_seasons=crosses,
            seasonal_caveat=SEASONAL_CAVEAT,
        )
    baseline = [s.delta_ita_deg for s in ordered[:baseline_sessions]]
    noise = measurement_noise(baseline_deg=baseline, min_sd_deg=min_sd_deg)
    mean = float(np.mean(baseline))
    later = ordered[baseline_sessions:]
    deviations = tuple(s.delta_ita_deg - mean for s in later)
    direction = tuple(0 if abs(d) <= noise.mdc95_deg else (1 if d > 0 else -1) for d in deviations)
    confirmed = tuple(
        later[i].taken_at
        for i in range(1, len(later))
        if direction[i] != 0 and direction[i] == direction[i - 1]
    )
    status = ChangeStatus.NO_CHANGE
    if len(later) >= 2 and direction[-1] != 0 and direction[-1] == direction[-2]:
        status = ChangeStatus.DARKER if direction[-1] < 0 else ChangeStatus.LIGHTER
    return ChangeAssessment(
        status=status,
        noise=noise,
        baseline_mean_deg=mean,
        deviations_deg=deviations,
        beyond_noise=tuple(d != 0 for d in direction),
        confirmed_at=confirmed,
        trend_per_year=trend,
        crosses_seasons=crosses,
        seasonal_caveat=SEASONAL_CAVEAT,
    )


def _trend(ordered: Sequence[SessionPoint]) -> TheilSenTrend | None:
    if len(ordered) < 3 or ordered[0].taken_at == ordered[-1].taken_at:
        return None
    start = ordered[0].taken_at
    years = [(s.taken_at - start).total_seconds() / 86_400.0 / DAYS_PER_YEAR for s in ordered]
    return theil_sen(x=years, y=[s.delta_ita_deg for s in ordered])


def _crosses_seasons(ordered: Sequence[SessionPoint]) -> bool:
    if len(ordered) < 2:
        return False
    return (ordered[-1].taken_at - ordered[0].taken_at).days > SEASON_SPAN_DAYS
