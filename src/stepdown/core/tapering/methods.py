"""Taper methods: how the next daily amount follows from the current one.

Every method works in whole resolution units (a 0.1 g scale: units of 0.1 g; capsules: whole
capsules), so every amount is exactly what a scale or a capsule count can deliver. A method
returns the next amount in units; the planner then makes sure each cut takes at least one unit.

References:
    HorowitzTaylor2019 (proportional cuts of the latest dose; hyperbolic occupancy model),
    Maudsley2024 (10–20 % of the most recent dose, slower at the end).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from fractions import Fraction
from types import MappingProxyType
from typing import TypeVar

from stepdown.core.tapering.errors import TaperError
from stepdown.core.tapering.model import TaperParams

CutFunction = Callable[[int, TaperParams], int]
_T = TypeVar("_T")


def _given(value: _T | None, name: str) -> _T:
    # The planner validates parameters first; this only narrows the optional types.
    if value is None:
        raise TaperError(name, "this method needs %(name)s", {"name": name})
    return value


@dataclass(frozen=True, slots=True)
class TaperMethod:
    """One entry of :data:`TAPER_METHODS`.

    ``uses`` names the method's own parameters (any other is refused so that a setting is never
    silently ignored); ``requires`` those without a default.
    """

    name: str
    summary: str
    cut: CutFunction
    uses: frozenset[str]
    requires: frozenset[str]


def _proportional(units: int, params: TaperParams) -> int:
    # Keep (100 − rate) % of today's amount, rounded up: the cut is never larger than the rate.
    rate = Fraction(_given(params.rate_pct, "rate_pct"))
    return math.ceil(units * (1 - rate / 100))


def _linear(units: int, params: TaperParams) -> int:
    # step_g was rounded to the resolution when the plan was built, so this is a whole number.
    return units - int(Fraction(_given(params.step_g, "step_g")) / Fraction(params.resolution_g))


def receptor_occupancy(*, dose_g: Fraction, ed50_g: Fraction) -> Fraction:
    """Modelled occupancy O = D / (ED50 + D) (Emax model with Emax = 1; HorowitzTaylor2019).

    For kratom ED50 is an **assumption**: no human receptor-occupancy data exist.
    """
    return dose_g / (ed50_g + dose_g)


def dose_for_occupancy(*, occupancy: Fraction, ed50_g: Fraction) -> Fraction:
    """Inverse of :func:`receptor_occupancy`: D = ED50 · O / (1 − O)."""
    return ed50_g * occupancy / (1 - occupancy)


def occupancy_step(params: TaperParams) -> Fraction:
    """The fall in occupancy of every cut: the one a first cut of ``rate_pct`` from
    ``anchor_g`` gives."""
    ed50 = Fraction(_given(params.ed50_g, "ed50_g"))
    anchor = Fraction(_given(params.anchor_g, "anchor_g"))
    after_first_cut = anchor * (1 - Fraction(_given(params.rate_pct, "rate_pct")) / 100)
    return receptor_occupancy(dose_g=anchor, ed50_g=ed50) - receptor_occupancy(
        dose_g=after_first_cut, ed50_g=ed50
    )


def _occupancy(units: int, params: TaperParams) -> int:
    # The schedule is D_k = ED50·O_k/(1 − O_k) with O_k = O_0 − k·ΔO from the start amount, each
    # rounded up. The next amount is the first scheduled one below today's, found from the
    # schedule itself (never from today's rounded amount, so rounding does not compound).
    resolution = Fraction(params.resolution_g)
    ed50 = Fraction(_given(params.ed50_g, "ed50_g"))
    start = receptor_occupancy(dose_g=Fraction(_given(params.anchor_g, "anchor_g")), ed50_g=ed50)
    step = occupancy_step(params)
    # ceil(D_k / resolution) < units  ⇔  D_k ≤ (units − 1)·resolution  ⇔  O_k ≤ O(that dose).
    below = receptor_occupancy(dose_g=(units - 1) * resolution, ed50_g=ed50)
    k = max(1, math.ceil((start - below) / step))
    target = start - k * step
    if target <= 0:
        return 0
    return math.ceil(dose_for_occupancy(occupancy=target, ed50_g=ed50) / resolution)


TAPER_METHODS: Mapping[str, TaperMethod] = MappingProxyType(
    {
        "proportional": TaperMethod(
            name="proportional",
            summary="each step cuts a fixed share (rate_pct) of the current daily amount",
            cut=_proportional,
            uses=frozenset({"rate_pct"}),
            requires=frozenset(),
        ),
        "linear": TaperMethod(
            name="linear",
            summary="each step cuts the same number of grams (step_g)",
            cut=_linear,
            uses=frozenset({"step_g"}),
            requires=frozenset({"step_g"}),
        ),
        "occupancy": TaperMethod(
            name="occupancy",
            summary=(
                "equal steps in modelled receptor occupancy D/(ED50+D); the first cut is "
                "rate_pct, later cuts are smaller in grams (ed50_g is an assumption)"
            ),
            cut=_occupancy,
            uses=frozenset({"rate_pct", "ed50_g"}),
            requires=frozenset({"ed50_g"}),
        ),
    }
)


def get_method(name: str) -> TaperMethod:
    """The registered method called ``name``, or a :class:`TaperError` on field ``method``."""
    try:
        return TAPER_METHODS[name]
    except KeyError:
        choices = ", ".join(TAPER_METHODS)
        raise TaperError(
            "method",
            "unknown method %(name)s; choose one of %(choices)s",
            {"name": repr(name), "choices": choices},
        ) from None
