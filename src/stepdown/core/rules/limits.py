"""Goals and limits the person chose (docs/goals.md), checked against their journal.

Each check returns gentle nudges (``Alert`` values of severity ``low``): the limits are the
person's own, so the message only points out the gap and offers one next step. Days and times
are local (see :mod:`stepdown.core.rules.inputs`).

References:
    SeedRisk: moderation in dose and frequency, and clear short-term goals, as protections
    against dependence. Every threshold here is the person's own number, so no clinical
    threshold is involved except ``NIGHT_ENDS_AT`` (an assumption, below).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from datetime import date, time, timedelta
from decimal import Decimal

from stepdown.core.rules.alert import Alert, Severity, notice
from stepdown.core.rules.inputs import DayTotal, DoseEvent, Limits
from stepdown.core.rules.learn import LearnSlug
from stepdown.core.says import Clock, Day, Grams, Says, Words, counted

SOURCE = "SeedRisk"

# "No use after 20:00" should also cover a dose at 01:00. The late window therefore runs from
# the chosen time to the end of the night. Assumption: for most people the night is over by
# 05:00; a dose from 05:00 on belongs to the new morning.
NIGHT_ENDS_AT = time(5, 0)

ACTION_NUMBERS = (
    "Have a look at your week on the Trends page; if staying within your limits is getting "
    "harder, a gradual plan can help."
)
OVER_LIMIT = (
    "Above your daily limit",
    "On %(day)s you logged %(total)s, above the %(limit)s a day you set for yourself.",
)
# Each count has its own sentence, so each takes its plural ("at most 1 day a week").
TOO_MANY_DAYS = ("More days than you planned in a week",)
TOO_MANY_USED = (
    "In the 7 days to %(day)s you used kratom on %(used)s day.",
    "In the 7 days to %(day)s you used kratom on %(used)s days.",
)
TOO_MANY_MOST = (
    "Your goal is at most %(most)s day a week.",
    "Your goal is at most %(most)s days a week.",
)
TOLERANCE = "Days without kratom help keep tolerance from building."
OFF_DAY = (
    "Use on a day you planned to keep free",
    "You logged %(total)s on %(day)s; your goal is to use only on %(days)s.",
)
TOO_CLOSE = (
    "Doses closer together than you planned",
    "The dose at %(time)s on %(day)s came %(gap)s h after the one before; your goal is at least "
    "%(hours)s h between doses. Spacing doses out is one of the simplest ways to keep use in "
    "check.",
    "Next time an urge comes early, try the urge timer: a craving usually rises, peaks and passes.",
)
LATE = (
    "A dose later than you planned",
    "You logged a dose at %(time)s on %(day)s; your goal is no kratom after %(after)s.",
    "A wind-down routine in the evening can help; the Lifestyle page has ideas.",
)
PAST_END = (
    "Still using after your goal's end date",
    "Your goal was to stop by %(day)s, and you have logged kratom on %(count)s day since. Goals "
    "often need adjusting; stopping gradually is usually easier than stopping at once.",
    "Your goal was to stop by %(day)s, and you have logged kratom on %(count)s days since. Goals "
    "often need adjusting; stopping gradually is usually easier than stopping at once.",
    "Make a taper plan, or set a new end date that feels realistic.",
)


def over_daily_limit(*, days: Iterable[DayTotal], limits: Limits) -> tuple[Alert, ...]:
    """One nudge per day whose total is above ``max_g_per_day`` (the limit itself is allowed)."""
    if limits.max_g_per_day is None:
        return ()
    return tuple(
        notice(
            code="over_daily_limit",
            severity=Severity.LOW,
            title=Says(OVER_LIMIT[0]),
            explanation=Says(
                OVER_LIMIT[1],
                {
                    "day": Day(total.day),
                    "total": Grams(total.total_g),
                    "limit": Grams(limits.max_g_per_day),
                },
            ),
            action=Says(ACTION_NUMBERS),
            source=SOURCE,
            cause_key=f"day:{total.day.isoformat()}",
            learn_slug=LearnSlug.AVOIDING_DEPENDENCE,
        )
        for total in days
        if total.total_g > limits.max_g_per_day
    )


def week_start(day: date, *, first_weekday: int = 0) -> date:
    """The first day of ``day``'s week; ``first_weekday`` 0 is Monday (ISO), 6 is Sunday."""
    return day - timedelta(days=(day.weekday() - first_weekday) % 7)


def too_many_days(*, days: Iterable[DayTotal], limits: Limits) -> tuple[Alert, ...]:
    """One nudge per day of use that makes any 7 days in a row hold more days of use than
    ``max_days_per_week``.

    A rolling 7 days, not the calendar week: ten days in a row under a 5-day limit are pointed
    out on the sixth day, whichever weekday the run began on.
    """
    if limits.max_days_per_week is None:
        return ()
    used = sorted(total.day for total in days if total.used)
    alerts = []
    for index, day in enumerate(used):
        in_seven = [d for d in used[: index + 1] if d > day - timedelta(days=7)]
        if len(in_seven) <= limits.max_days_per_week:
            continue
        alerts.append(
            notice(
                code="too_many_days",
                severity=Severity.LOW,
                title=Says(TOO_MANY_DAYS[0]),
                explanation=(
                    counted(TOO_MANY_USED, "used", {"day": Day(day), "used": len(in_seven)}),
                    counted(TOO_MANY_MOST, "most", {"most": limits.max_days_per_week}),
                    Says(TOLERANCE),
                ),
                action=Says(ACTION_NUMBERS),
                source=SOURCE,
                cause_key=f"day:{day.isoformat()}",
                learn_slug=LearnSlug.TOLERANCE_AND_DEPENDENCE,
            )
        )
    return tuple(alerts)


def off_day_use(*, days: Iterable[DayTotal], limits: Limits) -> tuple[Alert, ...]:
    """One nudge per day of use on a weekday the goal leaves out ("weekdays only")."""
    allowed = limits.allowed_weekdays
    if allowed is None:
        return ()
    return tuple(
        notice(
            code="off_day_use",
            severity=Severity.LOW,
            title=Says(OFF_DAY[0]),
            explanation=Says(
                OFF_DAY[1],
                {
                    "total": Grams(total.total_g),
                    "day": Day(total.day, weekday=True),
                    "days": weekday_names(allowed),
                },
            ),
            action=Says(ACTION_NUMBERS),
            source=SOURCE,
            cause_key=f"day:{total.day.isoformat()}",
            learn_slug=LearnSlug.AVOIDING_DEPENDENCE,
        )
        for total in days
        if total.used and total.day.weekday() not in allowed
    )


WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
ALL_WEEKDAYS = "weekdays (Monday to Friday)"
NO_DAY = "no day of the week"


def weekday_names(days: frozenset[int]) -> Words:
    """``{0, 1, 2, 3, 4}`` -> ``"weekdays (Monday to Friday)"``; others listed in order
    ("Monday, Wednesday and Friday")."""
    if days == frozenset(range(5)):
        return Words((ALL_WEEKDAYS,))
    if not days:
        return Words((NO_DAY,))
    return Words(tuple(WEEKDAYS[n] for n in sorted(days)))


def doses_too_close(*, doses: Sequence[DoseEvent], limits: Limits) -> tuple[Alert, ...]:
    """One nudge per dose taken less than ``min_hours_between`` after the one before it.

    The gap is measured between aware instants, so a daylight-saving change does not add or
    remove an hour; exactly the chosen gap is allowed.
    """
    if limits.min_hours_between is None:
        return ()
    min_seconds = limits.min_hours_between * 3600
    ordered = sorted(doses, key=lambda dose: dose.instant)
    alerts = []
    for earlier, later in itertools.pairwise(ordered):
        gap_seconds = Decimal(str((later.instant - earlier.instant).total_seconds()))
        if gap_seconds >= min_seconds:
            continue
        gap_h = (gap_seconds / 3600).quantize(Decimal("0.1"))
        alerts.append(
            notice(
                code="doses_too_close",
                severity=Severity.LOW,
                title=Says(TOO_CLOSE[0]),
                explanation=Says(
                    TOO_CLOSE[1],
                    {
                        "time": Clock(later.local_time),
                        "day": Day(later.local_date),
                        "gap": gap_h.normalize(),
                        "hours": limits.min_hours_between.normalize(),
                    },
                ),
                action=Says(TOO_CLOSE[2]),
                source=SOURCE,
                cause_key=f"dose:{later.taken_at.isoformat()}",
                learn_slug=LearnSlug.AVOIDING_DEPENDENCE,
            )
        )
    return tuple(alerts)


def is_late(moment: time, *, no_use_after: time, night_ends_at: time = NIGHT_ENDS_AT) -> bool:
    """Whether a local wall-clock ``moment`` falls after the chosen time and before morning."""
    if no_use_after >= night_ends_at:
        return moment > no_use_after or moment < night_ends_at
    return no_use_after < moment < night_ends_at


def late_use(*, doses: Iterable[DoseEvent], limits: Limits) -> tuple[Alert, ...]:
    """One nudge per local day with a dose after ``no_use_after`` (exactly that time is allowed).

    A dose in the small hours counts as late too (see ``NIGHT_ENDS_AT``); it is reported on the
    calendar day it was taken.
    """
    if limits.no_use_after is None:
        return ()
    no_use_after = limits.no_use_after
    first_late: dict[date, DoseEvent] = {}
    for dose in sorted(doses, key=lambda item: item.instant):
        if is_late(dose.local_time, no_use_after=no_use_after):
            first_late.setdefault(dose.local_date, dose)
    return tuple(
        notice(
            code="late_use",
            severity=Severity.LOW,
            title=Says(LATE[0]),
            explanation=Says(
                LATE[1],
                {"time": Clock(dose.local_time), "day": Day(day), "after": Clock(no_use_after)},
            ),
            action=Says(LATE[2]),
            source=SOURCE,
            cause_key=f"day:{day.isoformat()}",
            learn_slug=LearnSlug.LIFESTYLE,
        )
        for day, dose in sorted(first_late.items())
    )


def past_goal_end(*, days: Iterable[DayTotal], limits: Limits) -> tuple[Alert, ...]:
    """One nudge when kratom was used after the goal's end date (one per end date)."""
    if limits.end_date is None:
        return ()
    end_date = limits.end_date
    later_days = sorted(total.day for total in days if total.used and total.day > end_date)
    if not later_days:
        return ()
    count = len(later_days)
    return (
        notice(
            code="past_goal_end",
            severity=Severity.LOW,
            title=Says(PAST_END[0]),
            explanation=Says(
                PAST_END[1] if count == 1 else PAST_END[2], {"day": Day(end_date), "count": count}
            ),
            action=Says(PAST_END[3]),
            source=SOURCE,
            cause_key=f"end:{end_date.isoformat()}",
            learn_slug=LearnSlug.TAPERING,
        ),
    )


MESSAGES: dict[str, tuple[str, ...]] = {
    "over_daily_limit": (*OVER_LIMIT, ACTION_NUMBERS),
    "too_many_days": (*TOO_MANY_DAYS, *TOO_MANY_USED, *TOO_MANY_MOST, TOLERANCE, ACTION_NUMBERS),
    "off_day_use": (*OFF_DAY, ACTION_NUMBERS),
    "doses_too_close": TOO_CLOSE,
    "late_use": LATE,
    "past_goal_end": PAST_END,
}
WORDS = (*WEEKDAYS, ALL_WEEKDAYS, NO_DAY)
