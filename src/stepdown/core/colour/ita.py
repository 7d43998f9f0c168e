"""Individual typology angle (ITA°) and its skin-colour categories.

ITA° = atan((L* − 50) / b*) · 180/π [Chardon1991]. It is computed with ``atan2`` so that
b* = 0 needs no guard and the angle stays continuous; for the positive b* of skin both forms agree.
A falling ITA means darker skin.

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
