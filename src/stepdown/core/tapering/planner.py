"""Build a taper plan: a stabilisation step, fewer doses a day, then cuts until zero.

All arithmetic is in whole resolution units (``int``) with exact fractions, so a plan never
contains an amount a scale or a capsule count cannot deliver.
"""

from __future__ import annotations

import math
from datetime import date, datetime, timedelta
from decimal import Decimal
from fractions import Fraction

from stepdown.core.tapering.errors import NOT_THIS_METHOD, TaperError
from stepdown.core.tapering.methods import TaperMethod, get_method
from stepdown.core.tapering.model import StepKind, TaperParams, TaperPlan, TaperStep
from stepdown.core.tapering.params import (
    DEFAULT_INTERVAL_DAYS,
    DEFAULT_RATE_PCT,
    DEFAULT_RESOLUTION_G,
    DEFAULT_STABILIZE_DAYS,
    MAX_CUT_PCT,
    MAX_DAILY_G,
    MAX_DOSES_PER_DAY,
    MAX_STABILIZE_DAYS,
    MAX_STEPS,
    MIN_DOSE_G,
    MIN_RESOLUTION_G,
    default_stop_below_g,
    int_param,
    interval_param,
    linear_step_param,
    positive_param,
    rate_param,
    step_param,
    stop_below_param,
)

Amount = Decimal | float | int | str


def split_units(units: int, doses: int) -> tuple[int, ...]:
    """Split ``units`` into at most ``doses`` non-empty doses as evenly as possible, larger
    ones first (a dose is never smaller than one unit, so very small amounts get fewer doses)."""
    count = min(doses, units)
    base, extra = divmod(units, count)
    return (base + 1,) * extra + (base,) * (count - extra)


def make_step(
    *,
    index: int,
    start_date: date,
    days: int,
    units: int,
    doses: int,
    kind: StepKind,
    resolution_g: Decimal,
) -> TaperStep:
    """One step of ``days`` days at ``units`` resolution units a day."""
    split = split_units(units, doses)
    return TaperStep(
        index=index,
        start_date=start_date,
        end_date=start_date + timedelta(days=days - 1),
        daily_g=resolution_g * units,
        doses_per_day=len(split),
        dose_g=tuple(resolution_g * part for part in split),
        kind=kind,
    )


def units_of(amount_g: Decimal, resolution_g: Decimal) -> int:
    """Whole resolution units in ``amount_g`` (rounded down)."""
    return math.floor(Fraction(amount_g) / Fraction(resolution_g))


def _doses_after_cut(units: int, doses: int, params: TaperParams, max_dose_units: int) -> int:
    """How many doses a day of ``units`` gets after a cut: no more than before or than the
    target, fewer once a dose would fall below ``MIN_DOSE_G`` (assumption), but never so few
    that a dose exceeds ``max_dose_units``, the first step's largest dose."""
    resolution = Fraction(params.resolution_g)
    by_size = math.floor(units * resolution / Fraction(MIN_DOSE_G))
    wanted = max(1, min(doses, params.target_doses_per_day, by_size))
    return min(units, max(wanted, math.ceil(units / max_dose_units)))


def _next_state(
    method: TaperMethod, params: TaperParams, units: int, doses: int, max_dose_units: int
) -> tuple[int, int, StepKind] | None:
    """What follows a step of ``units`` a day in ``doses`` doses; ``None`` means stop.

    Every step but the final one (to zero) cuts at least one unit and at most ``MAX_CUT_PCT``.
    """
    if units * Fraction(params.resolution_g) < Fraction(params.stop_below_g):
        return None
    lowest = math.ceil(units * (1 - Fraction(MAX_CUT_PCT) / 100))
    if lowest > units - 1:
        # stop_below_param keeps such small amounts below the threshold; this guards the rule.
        raise TaperError(
            "stop_below_g",
            "%(units)s units cannot be cut within %(cap)s %%",
            {"units": units, "cap": MAX_CUT_PCT},
        )
    if doses > params.target_doses_per_day:
        # One dose fewer, by leaving out the smallest dose: the day's total falls by it (an
        # assumption built on Rogers2024, a cross-sectional survey: dosing often goes with more
        # withdrawal). When that dose is more than the cap, the amount is cut instead.
        dropped = units - units // doses
        if dropped >= lowest:
            return dropped, doses - 1, StepKind.CONSOLIDATE
    cut_to = min(max(method.cut(units, params), lowest), units - 1)
    return cut_to, _doses_after_cut(cut_to, doses, params, max_dose_units), StepKind.CUT


def _too_many_steps(method: str) -> TaperError:
    # Name the parameter that makes a plan this long: a tiny linear step, or (occupancy) an
    # ED50 far below the start amount, where equal occupancy steps shrink to almost nothing.
    field, message = {
        "linear": ("step_g", "the plan would need more than %(steps)s steps; choose a larger step"),
        "occupancy": (
            "ed50_g",
            "the plan would need more than %(steps)s steps; choose a larger ed50_g or a higher "
            "rate",
        ),
    }.get(
        method,
        (
            "resolution_g",
            "the plan would need more than %(steps)s steps; choose a coarser resolution",
        ),
    )
    return TaperError(field, message, {"steps": MAX_STEPS})


def largest_dose_units(plan: TaperPlan) -> int:
    """The largest single dose of the plan's first step, in resolution units: no later step
    of the plan, or of any adjustment of it, plans a bigger dose."""
    return units_of(max(plan.steps[0].dose_g), plan.params.resolution_g)


def follow_on(
    params: TaperParams,
    *,
    units: int,
    doses: int,
    first_date: date,
    first_index: int,
    max_dose_units: int | None = None,
) -> tuple[TaperStep, ...]:
    """The steps that follow a day at ``units`` in ``doses`` doses, one interval each.

    ``max_dose_units`` is the largest single dose allowed; without it (a new plan without a
    stabilisation step) it is the largest dose of the first step made here.
    """
    method = get_method(params.method)
    steps: list[TaperStep] = []
    day = first_date
    cap = math.ceil(units / doses) if max_dose_units is None else max_dose_units
    while (state := _next_state(method, params, units, doses, cap)) is not None:
        units, doses, kind = state
        if first_index + len(steps) >= MAX_STEPS:
            raise _too_many_steps(params.method)
        steps.append(
            make_step(
                index=first_index + len(steps),
                start_date=day,
                days=params.interval_days,
                units=units,
                doses=doses,
                kind=kind,
                resolution_g=params.resolution_g,
            )
        )
        if max_dose_units is None and len(steps) == 1:
            cap = units_of(steps[0].dose_g[0], params.resolution_g)
        day += timedelta(days=params.interval_days)
    return tuple(steps)


def plan_taper(
    *,
    start_g: Amount,
    start_date: date,
    method: str = "proportional",
    rate_pct: Amount | None = None,
    step_g: Amount | None = None,
    ed50_g: Amount | None = None,
    interval_days: int = DEFAULT_INTERVAL_DAYS,
    stabilize_days: int = DEFAULT_STABILIZE_DAYS,
    resolution_g: Amount = DEFAULT_RESOLUTION_G,
    stop_below_g: Amount | None = None,
    doses_per_day: int = 1,
    target_doses_per_day: int | None = None,
) -> TaperPlan:
    """Plan a taper from ``start_g`` a day, starting on ``start_date``.

    ``start_g`` is rounded down to the resolution (a plan never starts above today's amount).
    With ``stabilize_days`` > 0, step 0 holds the start amount for that many days; otherwise
    step 0 is already the first change. While ``doses_per_day`` exceeds
    ``target_doses_per_day``, a step leaves out the smallest dose (the daily total falls by
    it) when that is within the step cap; otherwise the method cuts the amount, every
    ``interval_days``. No step but the final one cuts more than ``MAX_CUT_PCT``; no dose is ever
    larger than the largest dose of the first step; a step below ``stop_below_g`` (default 0.5 g,
    or four resolution units if more; at most 2 g) is the last. ``rate_pct`` defaults to 10 for
    the methods that use it.

    Raises:
        TaperError: a parameter is impossible; ``error.field`` names it.

    References:
        Maudsley2024, HorowitzTaylor2019 (method and rates); Rogers2024 (doses first).
    """
    chosen = get_method(method)
    given = {"rate_pct": rate_pct, "step_g": step_g, "ed50_g": ed50_g}
    for name, value in given.items():
        if value is not None and name not in chosen.uses:
            raise TaperError(name, NOT_THIS_METHOD, {"name": name, "method": method})
    for name in sorted(chosen.requires):
        if given[name] is None:
            raise TaperError(
                name, "the %(method)s method needs %(name)s", {"method": method, "name": name}
            )

    resolution = positive_param(resolution_g, field="resolution_g")
    if resolution < MIN_RESOLUTION_G:
        raise TaperError(
            "resolution_g",
            "the resolution must be at least %(least)s g",
            {"least": MIN_RESOLUTION_G},
        )
    start = positive_param(start_g, field="start_g")
    if start > MAX_DAILY_G:
        raise TaperError(
            "start_g",
            "%(start)s g a day is above the %(limit)s g limit",
            {"start": start, "limit": MAX_DAILY_G},
        )
    start_units = units_of(start, resolution)
    if start_units == 0:
        raise TaperError(
            "start_g",
            "%(start)s g is less than one %(resolution)s g resolution unit",
            {"start": start, "resolution": resolution},
        )
    stop_below = stop_below_param(
        default_stop_below_g(resolution) if stop_below_g is None else stop_below_g,
        resolution_g=resolution,
    )
    doses = int_param(doses_per_day, field="doses_per_day", low=1, high=MAX_DOSES_PER_DAY)
    target = (
        doses
        if target_doses_per_day is None
        else int_param(target_doses_per_day, field="target_doses_per_day", low=1, high=doses)
    )
    start_amount = resolution * start_units
    linear_step = None if step_g is None else step_param(step_g, resolution_g=resolution)
    if linear_step is not None and start_amount >= stop_below:
        linear_step_param(linear_step, start_g=start_amount, resolution_g=resolution)
    params = TaperParams(
        method=method,
        rate_pct=(
            rate_param(DEFAULT_RATE_PCT if rate_pct is None else rate_pct)
            if "rate_pct" in chosen.uses
            else None
        ),
        step_g=linear_step,
        ed50_g=None if ed50_g is None else positive_param(ed50_g, field="ed50_g"),
        anchor_g=start_amount if "ed50_g" in chosen.uses else None,
        interval_days=interval_param(interval_days),
        stabilize_days=int_param(
            stabilize_days, field="stabilize_days", low=0, high=MAX_STABILIZE_DAYS
        ),
        resolution_g=resolution,
        stop_below_g=stop_below,
        doses_per_day=doses,
        target_doses_per_day=target,
    )

    if isinstance(start_date, datetime) or not isinstance(start_date, date):
        raise TaperError("start_date", "start_date must be a calendar date")
    try:
        steps = _build(params, start_units=start_units, start_date=start_date)
    except OverflowError:
        raise TaperError("start_date", "the plan would run past the end of the calendar") from None
    if not steps:
        raise TaperError(
            "start_g",
            "%(start)s g a day is already at the end of this plan; with no stabilisation days "
            "there is no step left to take",
            {"start": start_amount},
        )
    return TaperPlan(params=params, start_g=start_amount, start_date=start_date, steps=steps)


def _build(params: TaperParams, *, start_units: int, start_date: date) -> tuple[TaperStep, ...]:
    first_doses = min(params.doses_per_day, start_units)
    steps: tuple[TaperStep, ...] = ()
    if params.stabilize_days:
        steps = (
            make_step(
                index=0,
                start_date=start_date,
                days=params.stabilize_days,
                units=start_units,
                doses=first_doses,
                kind=StepKind.STABILISE,
                resolution_g=params.resolution_g,
            ),
        )
    return steps + follow_on(
        params,
        units=start_units,
        doses=first_doses,
        first_date=start_date + timedelta(days=params.stabilize_days),
        first_index=len(steps),
    )
