"""Adjust a running plan: hold, reinstate or slow down. Each returns a new plan.

Every adjustment takes ``as_of``, the day the person asks for it, to find the current step.
Steps before the current one are history and never change. Hold and reinstate keep or return to
an amount already taken (the one deliberate exception to "never advise increasing use"); no
adjustment ever plans more than the plan's start amount or a dose above the first step's
largest, and every later cut keeps the step cap.
"""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta
from decimal import Decimal

from stepdown.core.tapering.errors import NOT_THIS_METHOD, TaperError
from stepdown.core.tapering.methods import get_method
from stepdown.core.tapering.model import StepKind, TaperParams, TaperPlan, TaperStep
from stepdown.core.tapering.params import (
    MAX_HOLD_DAYS,
    int_param,
    interval_param,
    rate_param,
    step_param,
)
from stepdown.core.tapering.planner import (
    Amount,
    follow_on,
    largest_dose_units,
    make_step,
    units_of,
)


def current_step_index(plan: TaperPlan, *, as_of: date) -> int:
    """Index of the step covering ``as_of``; a :class:`TaperError` outside the plan."""
    if as_of < plan.start_date:
        raise TaperError(
            "as_of", "the plan starts on %(day)s; nothing to change yet", {"day": plan.start_date}
        )
    for position, step in enumerate(plan.steps):
        if step.start_date <= as_of <= step.end_date:
            return position
    raise TaperError(
        "as_of",
        "the plan is over (no planned dose from %(day)s); nothing to change",
        {"day": plan.end_date},
    )


def _rebuild(
    plan: TaperPlan, steps: tuple[TaperStep, ...], params: TaperParams | None = None
) -> TaperPlan:
    return TaperPlan(
        params=plan.params if params is None else params,
        start_g=plan.start_g,
        start_date=plan.start_date,
        steps=steps,
    )


def hold(plan: TaperPlan, *, as_of: date, days: int) -> TaperPlan:
    """Stay on the current step ``days`` days longer; every later step moves by as much."""
    extra = int_param(days, field="days", low=1, high=MAX_HOLD_DAYS)
    current = current_step_index(plan, as_of=as_of)
    shift = timedelta(days=extra)
    try:
        steps = (
            *plan.steps[:current],
            dataclasses.replace(plan.steps[current], end_date=plan.steps[current].end_date + shift),
            *(
                dataclasses.replace(
                    step, start_date=step.start_date + shift, end_date=step.end_date + shift
                )
                for step in plan.steps[current + 1 :]
            ),
        )
    except OverflowError:
        raise TaperError("days", "the plan would run past the end of the calendar") from None
    return _rebuild(plan, steps)


def _is_higher(step: TaperStep, than: TaperStep) -> bool:
    # More grams, or the same grams in more doses (undoing a "one dose fewer" step).
    return (step.daily_g, step.doses_per_day) > (than.daily_g, than.doses_per_day)


def reinstate(plan: TaperPlan, *, as_of: date) -> TaperPlan:
    """Go back, from ``as_of``, to the previous (higher) step for one interval, then cut again
    from there with the plan's method. The current step ends the day before ``as_of``."""
    current = current_step_index(plan, as_of=as_of)
    now = plan.steps[current]
    previous = next(
        (step for step in reversed(plan.steps[:current]) if _is_higher(step, now)), None
    )
    if previous is None:
        raise TaperError("as_of", "there is no earlier, higher step to go back to")
    kept = plan.steps[:current]
    if as_of > now.start_date:
        kept += (dataclasses.replace(now, end_date=as_of - timedelta(days=1)),)
    params = plan.params
    units = units_of(previous.daily_g, params.resolution_g)
    try:
        back = make_step(
            index=len(kept),
            start_date=as_of,
            days=params.interval_days,
            units=units,
            doses=previous.doses_per_day,
            kind=StepKind.REINSTATE,
            resolution_g=params.resolution_g,
        )
        rest = follow_on(
            params,
            units=units,
            doses=previous.doses_per_day,
            first_date=back.end_date + timedelta(days=1),
            first_index=len(kept) + 1,
            max_dose_units=largest_dose_units(plan),
        )
    except OverflowError:
        raise TaperError("as_of", "the plan would run past the end of the calendar") from None
    return _rebuild(plan, (*kept, back, *rest))


def slow(
    plan: TaperPlan,
    *,
    as_of: date,
    rate_pct: Amount | None = None,
    interval_days: int | None = None,
    step_g: Amount | None = None,
) -> TaperPlan:
    """Re-plan everything after the current step from the current amount, more gently.

    Give a lower ``rate_pct`` (proportional, occupancy), a smaller ``step_g`` (linear) and/or a
    longer ``interval_days``. The current step keeps its start and lasts at least the (new)
    interval. For the occupancy method a lower rate gives a smaller occupancy step (still
    measured from the plan's start amount), so every later cut is gentler.
    """
    params = plan.params
    method = get_method(params.method)
    main_field = "step_g" if "step_g" in method.uses else "rate_pct"
    if rate_pct is None and interval_days is None and step_g is None:
        raise TaperError(main_field, "to slow down, give a gentler cut or a longer interval")
    current = current_step_index(plan, as_of=as_of)
    now = plan.steps[current]
    new_params = dataclasses.replace(
        params,
        rate_pct=_slower_rate(params, rate_pct),
        step_g=_slower_step(params, step_g),
        interval_days=_longer_interval(params, interval_days),
    )
    try:
        kept = dataclasses.replace(
            now,
            end_date=now.start_date + timedelta(days=max(now.days, new_params.interval_days) - 1),
        )
        rest = follow_on(
            new_params,
            units=units_of(now.daily_g, params.resolution_g),
            doses=now.doses_per_day,
            first_date=kept.end_date + timedelta(days=1),
            first_index=current + 1,
            max_dose_units=largest_dose_units(plan),
        )
    except OverflowError:
        raise TaperError("as_of", "the plan would run past the end of the calendar") from None
    return _rebuild(plan, (*plan.steps[:current], kept, *rest), new_params)


def _slower_rate(params: TaperParams, rate_pct: Amount | None) -> Decimal | None:
    if rate_pct is None:
        return params.rate_pct
    if params.rate_pct is None:
        raise TaperError("rate_pct", NOT_THIS_METHOD, {"name": "rate_pct", "method": params.method})
    rate = rate_param(rate_pct)
    if rate >= params.rate_pct:
        raise TaperError(
            "rate_pct",
            "to slow down, the rate must be below the current %(rate)s %%",
            {"rate": params.rate_pct},
        )
    return rate


def _slower_step(params: TaperParams, step_g: Amount | None) -> Decimal | None:
    if step_g is None:
        return params.step_g
    if params.step_g is None:
        raise TaperError("step_g", NOT_THIS_METHOD, {"name": "step_g", "method": params.method})
    step = step_param(step_g, resolution_g=params.resolution_g)
    if step >= params.step_g:
        raise TaperError(
            "step_g",
            "to slow down, the step must be below the current %(step)s g",
            {"step": params.step_g},
        )
    return step


def _longer_interval(params: TaperParams, interval_days: int | None) -> int:
    if interval_days is None:
        return params.interval_days
    interval = interval_param(interval_days)
    if interval <= params.interval_days:
        raise TaperError(
            "interval_days",
            "to slow down, the interval must be longer than the current %(days)s days",
            {"days": params.interval_days},
        )
    return interval
