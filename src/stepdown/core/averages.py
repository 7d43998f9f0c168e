"""The one rule for averaging grams a day, used by every page, the API and the rules.

A day counts when it could hold data and is over: from the day of the person's first logged dose
on (days before it are not "0 g", they are days before the journal began), and before today
(today is still under way, so its total is not yet a day's total). Days without doses in between
do count, as 0 g: they are real days without use.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

SHOWN = Decimal("0.01")


@dataclass(frozen=True)
class DailyAverage:
    """The days counted and their total; the average is ``total_g / days``."""

    days: int
    total_g: Decimal

    def __post_init__(self) -> None:
        if self.days < 1:
            raise ValueError("an average needs at least one counted day")

    @property
    def g_per_day(self) -> Decimal:
        """Grams a day, to the hundredth (what every page and the API show)."""
        return (self.total_g / self.days).quantize(SHOWN)


def counts_for_average(day: date, *, first_day: date | None, today: date) -> bool:
    """Whether ``day`` counts: on or after the first dose, and before today."""
    return first_day is not None and first_day <= day < today


def daily_average(
    totals: Iterable[tuple[date, Decimal]], *, first_day: date | None, today: date
) -> DailyAverage | None:
    """The average of ``(day, grams)`` pairs over the days that count (see the module), or
    ``None`` when none does. Callers pass the window they want (the last 7 days, a plan step);
    this function decides which of its days are real days of the journal."""
    counted = [
        grams for day, grams in totals if counts_for_average(day, first_day=first_day, today=today)
    ]
    if not counted:
        return None
    return DailyAverage(days=len(counted), total_g=sum(counted, Decimal(0)))
