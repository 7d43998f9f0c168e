"""Use trending up: the last 7 complete days against the 7 before them.

The tolerance signals (``tolerance``) wait for five weeks of journal; this rule speaks after two,
so a rise such as +80 % in a fortnight is pointed out while it is still small. Both weeks are
averaged by the one averaging rule (``stepdown.core.averages``): from the first dose on, today
left out.

References:
    SeedRisk: noticing rising use early, and clear short-term goals, protect against
    dependence. ``RISE`` and ``MIN_RECENT_G`` are assumptions (below), not clinical thresholds.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from decimal import Decimal

from stepdown.core.averages import daily_average
from stepdown.core.rules.alert import Alert, Severity, notice
from stepdown.core.rules.inputs import DayTotal
from stepdown.core.rules.learn import LearnSlug
from stepdown.core.rules.limits import week_start
from stepdown.core.says import Grams, Percent, Says

SOURCE = "SeedRisk"
WEEK_DAYS = 7
# Assumption: a rise of half again from one week to the next is beyond ordinary day-to-day
# variation in a journal, yet early enough to act on.
RISE = Decimal("0.5")
# Assumption: below 1 g a day a rise is too small to be worth a message.
MIN_RECENT_G = Decimal(1)

RISING = (
    "Your use is going up",
    "Over the last 7 days you averaged %(recent)s a day, %(rise)s more than the %(earlier)s a day "
    "of the week before. Rising use is how tolerance builds; noticing it early makes it easier to "
    "turn around.",
    "If you would like to bring use back down, a gradual plan helps; so can setting a daily limit.",
)
MESSAGES: dict[str, tuple[str, ...]] = {"use_rising": RISING}


def use_rising(
    *, days: Iterable[DayTotal], journal_start: date | None, today: date
) -> tuple[Alert, ...]:
    """One nudge (per calendar week, so it is not repeated daily) when the average of the last
    7 complete days is at least ``RISE`` above the average of the 7 days before them.

    Quiet until the journal covers both weeks in full.
    """
    if journal_start is None or journal_start > today - timedelta(days=2 * WEEK_DAYS):
        return ()
    by_day = {total.day: total.total_g for total in days}
    recent_first = today - timedelta(days=WEEK_DAYS)
    earlier_first = recent_first - timedelta(days=WEEK_DAYS)

    def week(first: date) -> list[tuple[date, Decimal]]:
        span = (first + timedelta(days=n) for n in range(WEEK_DAYS))
        return [(day, by_day.get(day, Decimal(0))) for day in span]

    earlier = daily_average(week(earlier_first), first_day=journal_start, today=today)
    recent = daily_average(week(recent_first), first_day=journal_start, today=today)
    if earlier is None or recent is None or earlier.total_g == 0:
        return ()
    # recent / earlier >= 1 + RISE, kept free of division (both weeks are 7 days).
    if recent.total_g < (1 + RISE) * earlier.total_g or recent.g_per_day < MIN_RECENT_G:
        return ()
    rise = recent.total_g / earlier.total_g - 1
    return (
        notice(
            code="use_rising",
            severity=Severity.LOW,
            title=Says(RISING[0]),
            explanation=Says(
                RISING[1],
                {
                    "recent": Grams(recent.g_per_day),
                    "rise": Percent(rise),
                    "earlier": Grams(earlier.g_per_day),
                },
            ),
            action=Says(RISING[2]),
            source=SOURCE,
            cause_key=f"week:{week_start(today).isoformat()}",
            learn_slug=LearnSlug.TOLERANCE_AND_DEPENDENCE,
        ),
    )
