"""Theil–Sen trend: the median of pairwise slopes, with Sen's distribution-free interval.

References
----------
Sen1968: the estimator and its confidence interval from Kendall's tau (with tie correction).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from statistics import NormalDist

import numpy as np


@dataclass(frozen=True, slots=True)
class TheilSenTrend:
    """Slope (units of y per unit of x), its interval, and the matching intercept."""

    slope: float
    slope_low: float
    slope_high: float
    intercept: float


def _tie_term(values: np.ndarray) -> float:
    _, counts = np.unique(values, return_counts=True)
    return float(np.sum(counts * (counts - 1) * (2 * counts + 5)))


def theil_sen(*, x: Sequence[float], y: Sequence[float], confidence: float = 0.95) -> TheilSenTrend:
    """Median slope over all pairs with different x, and Sen's interval at ``confidence``."""
    xs = np.asarray(x, dtype=np.float64)
    ys = np.asarray(y, dtype=np.float64)
    if xs.shape != ys.shape or xs.ndim != 1:
        raise ValueError("x and y must be sequences of the same length")
    if not (np.all(np.isfinite(xs)) and np.all(np.isfinite(ys))):
        raise ValueError("x and y must be finite numbers")
    if not 0.0 < confidence < 1.0:
        raise ValueError("confidence must be between 0 and 1")
    first, second = np.triu_indices(len(xs), k=1)
    dx = xs[second] - xs[first]
    distinct = dx != 0
    if not distinct.any():
        raise ValueError("a trend needs at least two different x values")
    slopes = np.sort((ys[second] - ys[first])[distinct] / dx[distinct])
    slope = float(np.median(slopes))
    intercept = float(np.median(ys - slope * xs))

    n = len(xs)
    variance = (n * (n - 1) * (2 * n + 5) - _tie_term(xs) - _tie_term(ys)) / 18.0
    z = NormalDist().inv_cdf(0.5 + confidence / 2.0)
    spread = z * math.sqrt(max(variance, 0.0))
    count = len(slopes)
    # Ranks (1-based) of the interval's ends among the ordered slopes [Sen1968].
    lower_rank = max(round((count - spread) / 2.0), 1)
    upper_rank = min(round((count + spread) / 2.0) + 1, count)
    return TheilSenTrend(
        slope=slope,
        slope_low=float(slopes[lower_rank - 1]),
        slope_high=float(slopes[upper_rank - 1]),
        intercept=intercept,
    )
