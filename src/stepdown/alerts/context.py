"""What the rules read, loaded for one person: only the inputs the requested rules need.

This is the one loader of the history the rules read, alerts and nudges alike. Each rule code
names the inputs it reads (:data:`NEEDS`); :func:`load_context` fetches those and nothing else,
from a bounded recent window, through the other apps' owner-scoped selectors (the journal's
``daily_totals``, ``doses_for``, ``first_dose_day``, ``dose_before``). A dose write that asks
for ``over_target`` and the product rules costs at most four small queries; a check-in that asks
for the withdrawal rules costs two. A dose's trigger first asks, in one statement, what would
otherwise be a read each (:func:`after_dose`: the plan, the goal, the journal's first day) and
passes the answers on (:class:`Known`). The goal-and-limit rules read their own slice of days
(:func:`load_limit_context`): only the days since the limits were set.

Dates are the person's local ones (``User.zone``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from decimal import Decimal

from stepdown.accounts.models import User
from stepdown.checkins import history as checkins
from stepdown.core.potency import LabResult, ProductForm, equivalent_amount, switch_change
from stepdown.core.rules import (
    LIMIT_RULES,
    DayTotal,
    PlanStepView,
    ProductSwitch,
    ProductView,
    QuestionnaireFlag,
    RuleContext,
    day_totals,
    dose_in_zone,
)
from stepdown.goals.selectors import goal_for, goal_query, limits_of, limits_set
from stepdown.journal import selectors as journal
from stepdown.journal.models import Dose, Product
from stepdown.plans.models import Plan
from stepdown.plans.selectors import active_plan_query, current_plan
from stepdown.plans.snapshot import taper_of
from stepdown.substances.selectors import use_near_query
from stepdown.web.scalars import scalars

# 28 days of personal diary baseline before each of the last 3 days, plus the 7 + 28 days the
# tolerance signals compare: 35 days covers every rule but the tolerance ones (see docs/alerts.md).
WINDOW_DAYS = 35
# The tolerance signals and the two-week trend read up to 90 days: 7 recent + 28 baseline days,
# plus room for a run of daily use that began before them (assumption: 90 days covers any run
# worth comparing, and bounds the work).
TOLERANCE_DAYS = 90
# The limit rules look back two weeks (this calendar week and the last, and any dose logged
# late; assumption: older days were checked when they were recent), never before the day the
# limits were set.
LIMIT_LOOKBACK_DAYS = 14
# Products "in use": taken in the last week (assumption: a product untouched for a week is
# not what the person is taking now).
PRODUCTS_IN_USE_DAYS = 7
# Check-in flags are examined for the last 3 days, like the withdrawal diary: late answers count.
FLAG_DAYS = 3
# over_target looks at the last 5 days.
TARGET_DAYS = 5

NEEDS: dict[str, frozenset[str]] = {
    "self_harm": frozenset({"flags"}),
    "medical_warning": frozenset({"flags"}),
    "severe_withdrawal": frozenset({"steps", "diary", "cows"}),
    "worse_after_cut": frozenset({"steps", "diary"}),
    "over_target": frozenset({"steps", "target_days"}),
    "escalation": frozenset({"window_days"}),
    "potency_jump": frozenset({"switches"}),
    "seven_oh_product": frozenset({"products"}),
    "failed_contaminant": frozenset({"products"}),
    # Interaction findings come from the substances app, which records them itself through
    # ``recording.record_alerts``; nothing is loaded here for them.
    "interaction": frozenset(),
    "missed_checkins": frozenset({"steps", "checkin_days"}),
    "use_rising": frozenset({"window_days"}),
    # The limit rules read the person's limits and their own days: load_limit_context.
    **{code: frozenset() for code in LIMIT_RULES},
}
# Rules that say nothing without a plan (severe_withdrawal still speaks, without a suggestion).
NEED_PLAN = frozenset({"worse_after_cut", "over_target", "missed_checkins"})


@dataclass(frozen=True)
class Known:
    """What the triggers of a dose ask first, answered by one statement (:func:`after_dose`):
    four statements were four round trips, and on PostgreSQL about 130 Python calls each in the
    driver, for answers that are nearly always "none" (docs/performance.md, the write path).
    Passed on to the loader, which then skips the reads it answers."""

    has_plan: bool  # an active plan: ``plans.selectors.active_plan_row`` finds it
    has_goal: bool  # ``goals.selectors.goal_for`` finds one
    first_day: dt.date | None  # ``journal.first_dose_day``
    use_near: bool  # ``substances.selectors.uses_without_alert_near`` finds some


def after_dose(*, owner: User, taken_at: dt.datetime) -> Known:
    """:class:`Known` for a dose of ``owner`` taken at ``taken_at``, just saved: one statement of
    each app's own query."""
    plan, goal, first, use = scalars(
        active_plan_query(owner=owner),
        goal_query(owner=owner),
        journal.first_dose_query(owner=owner),
        use_near_query(owner=owner, taken_at=taken_at),
    )
    return Known(
        has_plan=plan is not None,
        has_goal=goal is not None,
        first_day=journal.first_day_of(first, owner=owner),
        use_near=use is not None,
    )


@dataclass(frozen=True)
class Loaded:
    """The rule context and the active plan it was built from (suggestions attach to it)."""

    context: RuleContext
    plan: Plan | None = None
    codes: tuple[str, ...] = field(default_factory=tuple)


def _steps(plan: Plan) -> tuple[PlanStepView, ...]:
    return tuple(
        PlanStepView(start_date=step.start_date, end_date=step.end_date, daily_g=step.daily_g)
        for step in taper_of(plan).steps
    )


def _diary_start(today: dt.date, steps: tuple[PlanStepView, ...]) -> dt.date:
    """The window's first day, reaching back to the previous step when it began earlier
    (``worse_after_cut`` compares with that step's average)."""
    start = today - dt.timedelta(days=WINDOW_DAYS - 1)
    ordered = sorted(steps, key=lambda step: step.start_date)
    for index, step in enumerate(ordered):
        if step.covers(today) and index > 0:
            return min(start, ordered[index - 1].start_date)
    return start


def _day_totals(owner: User, start: dt.date, end: dt.date) -> tuple[DayTotal, ...]:
    return tuple(
        DayTotal(day=row.date, total_g=row.total_g, dose_count=row.dose_count)
        for row in journal.daily_totals(owner=owner, start=start, end=end)
    )


def product_view(product: Product) -> ProductView:
    return ProductView(
        product_id=str(product.pk),
        name=product.name,
        form=ProductForm(product.form),
        heavy_metals=LabResult(product.heavy_metals),
        microbial=LabResult(product.microbial),
    )


def products_in_use(owner: User, today: dt.date) -> tuple[ProductView, ...]:
    """Products taken in the last week: one query."""
    since = today - dt.timedelta(days=PRODUCTS_IN_USE_DAYS - 1)
    used = journal.doses_for(owner=owner, since=since, until=today).filter(product__isnull=False)
    products = journal.products_for(owner=owner, include_archived=True).filter(
        pk__in=used.values("product_id")
    )
    return tuple(product_view(product) for product in products)


def switch_between(owner: User, before: Dose | None, after: Dose) -> ProductSwitch | None:
    """The product switch from dose ``before`` to dose ``after``, if they name two products."""
    if before is None or before.product is None or after.product is None:
        return None
    if before.product_id == after.product_id:
        return None
    old, new = before.product.spec, after.product.spec
    usual = before.grams
    return ProductSwitch(
        day=after.taken_at.astimezone(owner.zone).date(),
        to_product_id=str(after.product.pk),
        to_name=after.product.name,
        change=switch_change(from_product=old, to_product=new),
        usual_dose_g=usual,
        equivalent_g=(
            equivalent_amount(amount=usual, from_product=old, to_product=new) if usual else None
        ),
    )


def switches_since(owner: User, since: dt.date) -> tuple[ProductSwitch, ...]:
    """Product switches among the doses from local day ``since`` on: two queries."""
    doses = list(journal.doses_for(owner=owner, since=since).order_by("taken_at"))
    if not doses:
        return ()
    before = journal.dose_before(owner=owner, taken_at=doses[0].taken_at)
    found = []
    for previous, dose in zip([before, *doses[:-1]], doses, strict=True):
        switch = switch_between(owner, previous, dose)
        if switch is not None:
            found.append(switch)
    return tuple(found)


def response_flags(
    *, response_id: int, instrument: str, day: dt.date, flags: Iterable[str]
) -> tuple[QuestionnaireFlag, ...]:
    """One stored response's flags as the rules read them (no query)."""
    return tuple(
        QuestionnaireFlag(
            instrument=instrument, flag=str(flag), day=day, response_id=str(response_id)
        )
        for flag in flags
    )


def load_context(
    *,
    owner: User,
    codes: Iterable[str],
    today: dt.date,
    flags: tuple[QuestionnaireFlag, ...] | None = None,
    products: tuple[ProductView, ...] | None = None,
    switches: tuple[ProductSwitch, ...] | None = None,
    known: Known | None = None,
) -> Loaded:
    """A :class:`RuleContext` for ``codes`` as of the local day ``today``.

    ``flags``, ``products`` and ``switches`` may be given by a trigger that already holds them
    (the response just saved, the product of the dose just logged); they are then not loaded,
    nor what ``known`` answers (the plan's absence, the journal's first day).
    Rules whose plan input is missing (no active plan) are dropped from ``codes``.
    """
    chosen = tuple(dict.fromkeys(codes))
    needs: set[str] = set()
    for code in chosen:
        needs |= NEEDS[code]
    plan_may_exist = known is None or known.has_plan
    plan = current_plan(owner=owner) if "steps" in needs and plan_may_exist else None
    steps = _steps(plan) if plan is not None else ()
    if "steps" in needs and not steps:
        # Rules that need a plan are silent without one; skip the queries they would need.
        chosen = tuple(code for code in chosen if code not in NEED_PLAN)
        needs = set().union(*(NEEDS[code] for code in chosen)) if chosen else set()
    context = RuleContext(today=today, steps=steps)
    window_start = today - dt.timedelta(days=WINDOW_DAYS - 1)
    if "window_days" in needs:
        first = journal.first_dose_day(owner=owner) if known is None else known.first_day
        if first is not None:
            # Days before the window are unknown here, never "no use" (see docs/alerts.md).
            begin = max(first, today - dt.timedelta(days=TOLERANCE_DAYS - 1))
            days = _day_totals(owner, begin, today)
            context = replace(context, journal_start=begin, days=days)
    elif "target_days" in needs:
        days = _day_totals(owner, today - dt.timedelta(days=TARGET_DAYS - 1), today)
        context = replace(context, days=days)
    if "diary" in needs:
        since = _diary_start(today, steps)
        diary = tuple(checkins.diary_scores(owner=owner, start=since, end=today))
        cows = (
            tuple(checkins.cows_scores(owner=owner, start=since, end=today))
            if "cows" in needs
            else ()
        )
        context = replace(context, diary=diary, cows=cows)
    if "flags" in needs:
        if flags is None:
            since = today - dt.timedelta(days=FLAG_DAYS - 1)
            flags = tuple(checkins.questionnaire_flags(owner=owner, start=since, end=today))
        context = replace(context, flags=flags)
    if "products" in needs:
        in_use = products if products is not None else products_in_use(owner, today)
        context = replace(context, products=in_use)
    if "switches" in needs:
        found = (
            switches
            if switches is not None
            else switches_since(owner, today - dt.timedelta(days=1))
        )
        context = replace(context, switches=found)
    if "checkin_days" in needs:
        seen = frozenset(checkins.checkin_days(owner=owner, start=window_start, end=today))
        context = replace(context, checkin_days=seen)
    return Loaded(context=context, plan=plan, codes=chosen)


def load_limit_context(
    *, owner: User, today: dt.date, known: Known | None = None
) -> RuleContext | None:
    """What the goal-and-limit rules read as of ``today``: the person's limits and the doses of
    the last :data:`LIMIT_LOOKBACK_DAYS` days, never before ``limits_from`` (a new limit does not
    judge the days before it). ``None`` without limits. Two queries: the goal, the doses; none
    when ``known`` says there is no goal."""
    goal = goal_for(owner=owner) if known is None or known.has_goal else None
    limits = limits_of(goal)
    if goal is None or not limits_set(limits):
        return None
    first = max(today - dt.timedelta(days=LIMIT_LOOKBACK_DAYS - 1), goal.limits_from)
    if today < first:
        return None
    rows = (
        journal.doses_for(owner=owner, since=first, until=today)
        .order_by("taken_at")
        .values_list("taken_at", "grams")
    )
    # A liquid measured in ml without a known density has no grams; it is still a dose.
    doses = tuple(
        dose_in_zone(taken_at=taken_at, time_zone=owner.zone, dose_g=grams or Decimal(0))
        for taken_at, grams in rows
    )
    totals = {total.day: total for total in day_totals(doses)}
    days = tuple(
        totals.get(day) or DayTotal(day=day, total_g=Decimal(0), dose_count=0)
        for day in (first + dt.timedelta(days=n) for n in range((today - first).days + 1))
    )
    return RuleContext(today=today, days=days, doses=doses, limits=limits)
