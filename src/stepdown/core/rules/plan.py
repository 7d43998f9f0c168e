"""Rules about following a taper plan: ``over_target`` and ``missed_checkins`` (docs/alerts.md).

Being above target is read as a sign that the plan moves faster than the person can follow, so
the suggestion is to slow the plan, never a reproach.

References:
    Maudsley2024: taper at a pace the person tolerates, slower when needed. SeedRisk: monitor
    your response while reducing. The numbers (25 % above target on 3 of the last 5 days; no
    check-in for 3 days; slowing by adding 7 days to each step) are assumptions taken from the
    product specification (docs/alerts.md), chosen so that one hard day never triggers anything.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import date, timedelta
from decimal import Decimal

from stepdown.core.rules.alert import Alert, Severity, Suggestion, SuggestionKind, notice
from stepdown.core.rules.inputs import DayTotal, PlanStepView, index_days, step_on
from stepdown.core.rules.learn import LearnSlug
from stepdown.core.says import Says

OVER_TARGET_SHARE = Decimal("0.25")
OVER_TARGET_WINDOW_DAYS = 5
OVER_TARGET_MIN_DAYS = 3
SLOW_EXTRA_DAYS = 7
MISSED_CHECKIN_DAYS = 3

OVER = (
    "The plan may be moving too fast",
    "On %(over)s of the last %(window)s days your total was at least a quarter above the plan's "
    "target. That usually means the pace needs adjusting to you, not the other way round.",
    "Consider slowing the plan so each remaining step lasts %(days)s days longer; the suggestion "
    "is on your plan page.",
)
MISSED = (
    "We have not heard from you for a few days",
    "There has been no daily check-in for %(days)s days. Check-ins are how your plan notices "
    "when a step is hard and suggests a pause.",
    "Do a quick check-in today; it takes about a minute.",
)
MESSAGES: dict[str, tuple[str, ...]] = {"over_target": OVER, "missed_checkins": MISSED}


def over_target(
    *, days: Sequence[DayTotal], steps: Sequence[PlanStepView], today: date
) -> tuple[Alert, ...]:
    """``over_target`` when the total was ≥ 25 % above target on 3 of the last 5 days.

    The 5 days end on ``today``. Only days the plan covers count (a day before the plan began or
    after it ended has no target). The cause is the step covering ``today``, or the step of the
    latest day over target when the plan has ended, so one alert stands per step.
    """
    ordered = sorted(steps, key=lambda step: step.start_date)
    indexed = index_days(days)
    # Newest day first, each with the index of the step that set its target.
    over: list[tuple[date, int]] = []
    for back in range(OVER_TARGET_WINDOW_DAYS):
        day = today - timedelta(days=back)
        step_index = step_on(ordered, day)
        if step_index is None or day not in indexed:
            continue
        target = ordered[step_index].daily_g
        if target > 0 and indexed[day].total_g >= (1 + OVER_TARGET_SHARE) * target:
            over.append((day, step_index))
    if len(over) < OVER_TARGET_MIN_DAYS:
        return ()
    current = step_on(ordered, today)
    step = ordered[current if current is not None else over[0][1]]
    return (
        notice(
            code="over_target",
            severity=Severity.MODERATE,
            title=Says(OVER[0]),
            explanation=Says(OVER[1], {"over": len(over), "window": OVER_TARGET_WINDOW_DAYS}),
            action=Says(OVER[2], {"days": SLOW_EXTRA_DAYS}),
            source="Maudsley2024",
            cause_key=f"step:{step.start_date.isoformat()}",
            learn_slug=LearnSlug.TAPERING,
            suggestion=Suggestion(SuggestionKind.SLOW, days=SLOW_EXTRA_DAYS),
        ),
    )


def missed_checkins(
    *, checkin_days: Collection[date], steps: Sequence[PlanStepView], today: date
) -> tuple[Alert, ...]:
    """``missed_checkins``: on a plan, and no daily check-in on the last 3 days nor today.

    "On a plan" means a step covers ``today`` and the plan began at least 3 days ago, so a new
    plan never starts with a reminder. The cause is the last check-in (or the plan's start), so
    one gap gives one alert.
    """
    if not steps or step_on(steps, today) is None:
        return ()
    plan_start = min(step.start_date for step in steps)
    first_missed = today - timedelta(days=MISSED_CHECKIN_DAYS)
    if plan_start > first_missed:
        return ()
    if any(first_missed <= day <= today for day in checkin_days):
        return ()
    earlier = [day for day in checkin_days if day < first_missed]
    cause = f"since:{max(earlier).isoformat()}" if earlier else f"plan:{plan_start.isoformat()}"
    return (
        notice(
            code="missed_checkins",
            severity=Severity.LOW,
            title=Says(MISSED[0]),
            explanation=Says(MISSED[1], {"days": MISSED_CHECKIN_DAYS}),
            action=Says(MISSED[2]),
            source="SeedRisk",
            cause_key=cause,
            learn_slug=LearnSlug.TAPERING,
        ),
    )
