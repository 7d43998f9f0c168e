"""Checks a page or API runs before saving a new plan."""

from __future__ import annotations

from decimal import Decimal

from stepdown.core.tapering.errors import TaperError
from stepdown.core.tapering.params import decimal_param
from stepdown.core.tapering.planner import Amount


def check_start_against_recent(
    *, start_g: Amount, recent_avg_g: Amount | None, confirmed: bool
) -> None:
    """Refuse a first step above the person's recent daily average unless they confirmed it.

    A taper never starts by raising use (product principle: never advise increasing use).
    Without a recent average (no journal data yet) there is nothing to compare against.

    Raises:
        TaperError: on field ``start_g`` when the start is higher and not confirmed.
    """
    if recent_avg_g is None or confirmed:
        return
    start = decimal_param(start_g, field="start_g")
    recent = decimal_param(recent_avg_g, field="recent_avg_g")
    if start > recent:
        shown = recent.quantize(Decimal("0.01")).normalize()
        raise TaperError(
            "start_g",
            "the plan would start at %(start)s g a day, above your recent average of "
            "%(recent)s g a day; confirm that this is what you take now to start there",
            {"start": start, "recent": shown},
        )
