"""Milestones for the home page, and the day-by-day check behind "days within limits".

- **Days within limits**: complete local days (through yesterday) since the limits were set,
  at most the last ``MAX_DAYS`` (the journal window), on which no limit rule fired; plus the
  current run of such days.
- **Below your first week**: the average of the last 7 complete days against the average of the
  journal's first 7 complete days (logged use against logged use), shown only when lower and
  once the two weeks do not overlap.
- **Money not spent**: (starting grams a day × complete days since onboarding began − grams
  logged since) × the price per gram the person entered; shown only when positive.
- **Days free of the original substance** (``opioid_recovery``): days since the date last used.
- **Days on plan**: complete days of the active taper plan (from the planner's
  ``daily_targets``, within the journal window) on which the grams logged were at or under the
  day's target.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from stepdown.accounts.models import User
from stepdown.core.averages import daily_average
from stepdown.core.rules import LIMIT_RULES, Alert, DayTotal, RuleContext, evaluate_rules
from stepdown.goals import selectors
from stepdown.goals.history import (
    FIRST_WEEK_DAYS,
    WINDOW_DAYS,
    JournalWindow,
    grams_between,
    local_date,
)
from stepdown.goals.models import Goal
from stepdown.plans.models import Plan
from stepdown.plans.selectors import plan_targets
from stepdown.profile import selectors as profile_selectors
from stepdown.profile.models import Onboarding
from stepdown.substances.selectors import last_use_of_original

MAX_DAYS = WINDOW_DAYS
RECENT_DAYS = 7


def limit_alerts(
    *, window: JournalWindow, goal: Goal, first: dt.date, last: dt.date
) -> tuple[Alert, ...]:
    """What the limit rules say of local days ``first``–``last``, never before ``limits_from``:
    the days shown as kept or not (computed here, never stored; the stored nudges come from
    ``stepdown.alerts.evaluation``)."""
    first = max(first, goal.limits_from, window.first_day)
    if last < first:
        return ()
    context = RuleContext(
        today=last,
        days=window.days(first, last),
        doses=window.doses_between(first, last),
        limits=selectors.limits_of(goal),
    )
    return evaluate_rules(context=context, codes=LIMIT_RULES)


def broken_days(alerts: tuple[Alert, ...], days: tuple[DayTotal, ...], goal: Goal) -> set[dt.date]:
    """The local days on which a limit was not kept, read from the limit alerts' causes.

    ``day:<date>`` and ``dose:<instant>`` name their day (a day of use beyond the days a week
    names itself); use after the end date breaks every later day of use.
    """
    used = sorted(day.day for day in days if day.used)
    broken: set[dt.date] = set()
    for alert in alerts:
        kind, _, value = alert.cause_key.partition(":")
        if kind == "day":
            broken.add(dt.date.fromisoformat(value))
        elif kind == "dose":
            broken.add(dt.datetime.fromisoformat(value).date())
        elif kind == "end":
            end = dt.date.fromisoformat(value)
            broken.update(day for day in used if day > end)
    return broken


@dataclass(frozen=True)
class DayCheck:
    """One day of the daily summary: its total and whether the limits were kept."""

    total: DayTotal
    within: bool | None  # None: no limits applied that day


def day_checks(*, window: JournalWindow, goal: Goal | None, days: int) -> list[DayCheck]:
    """The last ``days`` local days up to today, newest first, each checked against the limits."""
    last = window.today
    first = last - dt.timedelta(days=days - 1)
    totals = window.days(first, last)
    checked_from = None
    broken: set[dt.date] = set()
    if goal is not None and selectors.limits_set(selectors.limits_of(goal)):
        checked_from = goal.limits_from
        # A week back, so the rolling 7 days of the first day shown are whole.
        wider = window.days(first - dt.timedelta(days=7), last)
        alerts = limit_alerts(window=window, goal=goal, first=wider[0].day, last=last)
        broken = broken_days(alerts, wider, goal)
    return [
        DayCheck(
            total=total,
            within=None
            if checked_from is None or total.day < checked_from
            else total.day not in broken,
        )
        for total in reversed(totals)
    ]


@dataclass(frozen=True)
class LimitRecord:
    days_within: int
    days_counted: int
    current_run: int
    since: dt.date


def limit_record(*, window: JournalWindow, goal: Goal | None) -> LimitRecord | None:
    """Complete days within the limits since they were set (at most the last ``MAX_DAYS``)."""
    if goal is None or not selectors.limits_set(selectors.limits_of(goal)):
        return None
    last = window.today - dt.timedelta(days=1)
    first = max(goal.limits_from, window.today - dt.timedelta(days=MAX_DAYS - 1))
    if last < first:
        return LimitRecord(days_within=0, days_counted=0, current_run=0, since=goal.limits_from)
    totals = window.days(first, last)
    broken = broken_days(
        limit_alerts(window=window, goal=goal, first=first, last=last), totals, goal
    )
    run = 0
    for total in reversed(totals):
        if total.day in broken:
            break
        run += 1
    return LimitRecord(
        days_within=sum(1 for total in totals if total.day not in broken),
        days_counted=len(totals),
        current_run=run,
        since=first,
    )


@dataclass(frozen=True)
class BelowStart:
    """The last 7 complete days against the first 7 complete days of the journal: logged use
    against logged use (the onboarding answer is an estimate, not a measurement)."""

    recent_g_per_day: Decimal
    start_g_per_day: Decimal
    start_first: dt.date
    start_last: dt.date

    @property
    def less_g_per_day(self) -> Decimal:
        return self.start_g_per_day - self.recent_g_per_day

    @property
    def percent_less(self) -> Decimal:
        return self.less_g_per_day / self.start_g_per_day * 100


def below_start(*, window: JournalWindow) -> BelowStart | None:
    """Shown only when the last 7 complete days are lower than the journal's first 7 and the
    two weeks do not overlap. Both averages follow the one averaging rule."""
    start = window.journal_start
    if start is None:
        return None
    start_last = start + dt.timedelta(days=FIRST_WEEK_DAYS - 1)
    recent_first = window.today - dt.timedelta(days=RECENT_DAYS)
    if start_last >= recent_first:
        return None
    averages = [
        daily_average(((day.day, day.total_g) for day in days), first_day=start, today=window.today)
        for days in (
            window.first_week_days(),
            window.days(recent_first, window.today - dt.timedelta(days=1)),
        )
    ]
    baseline, recent = averages
    if baseline is None or recent is None or not 0 <= recent.g_per_day < baseline.g_per_day:
        return None
    return BelowStart(
        recent_g_per_day=recent.g_per_day,
        start_g_per_day=baseline.g_per_day,
        start_first=start,
        start_last=start_last,
    )


@dataclass(frozen=True)
class MoneyNotSpent:
    amount: Decimal
    grams: Decimal
    days: int
    currency: str


def money_not_spent(
    *, owner: User, window: JournalWindow, onboarding: Onboarding | None, goal: Goal | None
) -> MoneyNotSpent | None:
    """What the grams not taken, compared with the starting point, would have cost."""
    start_g = profile_selectors.starting_g_per_day(onboarding)
    if onboarding is None or goal is None or not goal.price_per_g or not start_g:
        return None
    began = local_date(owner, onboarding.created_at)
    last = window.today - dt.timedelta(days=1)
    if began is None or last < began:
        return None
    days = (last - began).days + 1
    saved_g = start_g * days - grams_between(owner=owner, start=began, end=last)
    if saved_g <= 0:
        return None
    return MoneyNotSpent(
        amount=saved_g * goal.price_per_g, grams=saved_g, days=days, currency=goal.currency
    )


@dataclass(frozen=True)
class DaysFree:
    substance: str
    days: int


def days_free(
    *, owner: User, window: JournalWindow, onboarding: Onboarding | None
) -> DaysFree | None:
    """Days since the original substance was last used: the onboarding date, or a later use
    logged in the substances journal (counted kindly there, never silently)."""
    if onboarding is None or onboarding.reason != Onboarding.ReasonChoice.OPIOID_RECOVERY:
        return None
    last_used = last_use_of_original(owner=owner)
    if last_used is None:
        return None
    days = (window.today - last_used).days
    return DaysFree(substance=onboarding.original_substance or "the opioid", days=max(days, 0))


@dataclass(frozen=True)
class OnPlan:
    days_on_plan: int
    plan_days: int


def on_plan(*, window: JournalWindow, plan: Plan | None) -> OnPlan | None:
    """Complete days of the active ``plan`` at or under their target (``None`` without one)."""
    last = window.today - dt.timedelta(days=1)
    targets = plan_targets(plan, start=window.first_day, end=last)
    if not targets:
        return None
    kept = sum(1 for day, target in targets.items() if window.day(day).total_g <= target)
    return OnPlan(days_on_plan=kept, plan_days=len(targets))


@dataclass(frozen=True)
class Milestones:
    limits: LimitRecord | None
    below: BelowStart | None
    money: MoneyNotSpent | None
    free: DaysFree | None
    plan: OnPlan | None = None

    @property
    def any(self) -> bool:
        items = (self.limits, self.below, self.money, self.free, self.plan)
        return any(item is not None for item in items)


def milestones_for(
    *,
    owner: User,
    window: JournalWindow,
    onboarding: Onboarding | None,
    goal: Goal | None,
    plan: Plan | None,
) -> Milestones:
    """Every milestone, from values the caller has read once (``plan``: the active plan)."""
    return Milestones(
        limits=limit_record(window=window, goal=goal),
        below=below_start(window=window),
        money=money_not_spent(owner=owner, window=window, onboarding=onboarding, goal=goal),
        free=days_free(owner=owner, window=window, onboarding=onboarding),
        plan=on_plan(window=window, plan=plan),
    )
