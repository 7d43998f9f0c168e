"""Individual typology angle (ITA°) and its skin-colour categories.

ITA° = atan((L* − 50) / b*) · 180/π [Chardon1991]. It is computed with ``atan2`` so that
b* = 0 needs no guard; for the positive b* of skin both forms agree. A falling ITA means darker
skin. As b* approaches zero the angle becomes unsteady (one unit of b* moves it by many degrees,
and across zero it jumps towards ±90° and beyond), so such readings are flagged
(``ita_reliable``).

References
----------
Chardon1991: the ITA formula.
Ly2020: the six category bands and their boundaries.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum


class ItaCategory(StrEnum):
    """Skin-colour category from ITA° [Ly2020]."""

    VERY_LIGHT = "very_light"
    LIGHT = "light"
    INTERMEDIATE = "intermediate"
    TAN = "tan"
    BROWN = "brown"
    DARK = "dark"


@dataclass(frozen=True, slots=True)
class ItaBand:
    """One category: ITA° strictly above ``above_deg`` and at most the next band's bound."""

    category: ItaCategory
    above_deg: float
    label: str


# Lower bounds, lightest first: very light > 55°, light 41–55°, intermediate 28–41°,
# tan 10–28°, brown −30–10°, dark ≤ −30° [Ly2020]; each band includes its upper bound.
ITA_BANDS: tuple[ItaBand, ...] = (
    ItaBand(ItaCategory.VERY_LIGHT, 55.0, "very light"),
    ItaBand(ItaCategory.LIGHT, 41.0, "light"),
    ItaBand(ItaCategory.INTERMEDIATE, 28.0, "intermediate"),
    ItaBand(ItaCategory.TAN, 10.0, "tan"),
    ItaBand(ItaCategory.BROWN, -30.0, "brown"),
    ItaBand(ItaCategory.DARK, -math.inf, "dark"),
)


# Assumption, from the error propagation in Stepdown's colorimetry notes
# (∂ITA/∂b* = −57.3·(L* − 50)/(b*² + (L* − 50)²)): at b* = 5 and L* 10 units from 50, one unit of
# b* moves ITA by 4.6°, nearly twice the 2.6° median same-site repeatability of instruments
# [ISSA2025]; below it the angle is dominated by noise. Skin normally has b* of 10–25.
MIN_RELIABLE_B_STAR = 5.0


def ita_reliable(*, b_star: float) -> bool:
    """Whether ITA° computed with this b* is steady enough to follow over time."""
    return b_star >= MIN_RELIABLE_B_STAR


def ita_deg(*, lightness: float, b_star: float) -> float:
    """ITA° from L* and b* (atan2 form) [Chardon1991]."""
    if not (math.isfinite(lightness) and math.isfinite(b_star)):
        raise ValueError("L* and b* must be finite numbers")
    return math.degrees(math.atan2(lightness - 50.0, b_star))


def ita_category(ita: float) -> ItaCategory:
    """The band that contains ``ita`` degrees [Ly2020]."""
    if not math.isfinite(ita):
        raise ValueError("ITA must be a finite number of degrees")
    for band in ITA_BANDS:
        if ita > band.above_deg:
            return band.category
    return ItaCategory.DARK


def ita_label(category: ItaCategory) -> str:
    """Plain words for a category, e.g. ``"very light"``."""
    return next(band.label for band in ITA_BANDS if band.category is category)
