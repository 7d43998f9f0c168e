"""Defaults, limits and validation of taper parameters.

References:
    Maudsley2024 (cuts of 10–20 % of the most recent dose; some people need 5 %),
    HorowitzTaylor2019 (cut a proportion of the latest dose, slower towards the end),
    Trakulsrichai2015, Tanna2022, Huestis2024 (mitragynine half-life 23–68 h, so a new steady
    state takes about 5–14 days: the reason steps are at least a week apart).
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from stepdown.core.tapering.errors import TaperError
from stepdown.core.units import round_down_to, round_to, to_decimal

# Proportional cuts: 10 % a step by default; 5–25 % allowed. 10–20 % and 5 % come from
# Maudsley2024; the 25 % ceiling is an assumption (one notch above the fastest published step).
DEFAULT_RATE_PCT = Decimal(10)
MIN_RATE_PCT = Decimal(5)
MAX_RATE_PCT = Decimal(25)

# Seven days at least: with a half-life of 23–68 h (Trakulsrichai2015, Huestis2024) five
# half-lives take 5–14 days, so shorter steps would cut again before the body has settled.
DEFAULT_INTERVAL_DAYS = 7
MIN_INTERVAL_DAYS = 7
# Assumption: anything slower than one step a year is a new plan, not a pace.
MAX_INTERVAL_DAYS = 365

# Assumption: one week at the current dose before the first cut, for a steady baseline.
DEFAULT_STABILIZE_DAYS = 7
MAX_STABILIZE_DAYS = 365

# Assumption: a 0.1 g kitchen scale; 0.001 g is the finest jewellery scale sold.
DEFAULT_RESOLUTION_G = Decimal("0.1")
MIN_RESOLUTION_G = Decimal("0.001")

# Assumption: below half a gram a day the next step is to stop (no data on a kratom "floor").
DEFAULT_STOP_BELOW_G = Decimal("0.5")
# Assumption: the final step (to zero) is the only one above the step cap, so it must start from
# a small amount; stopping from more than 2 g a day is a large jump for anyone.
MAX_STOP_BELOW_G = Decimal(2)
# Assumption: no planned step, of any method or adjustment, cuts more than a quarter of the day's
# amount (the proportional ceiling applied to every method). Only the final step is larger.
MAX_CUT_PCT = Decimal(25)
# Assumption: a dose smaller than half a gram is not worth a separate dose; as the daily amount
# falls, a cut also lowers the number of doses so each stays at least this large (never by
# making any dose larger than the first step's largest).
MIN_DOSE_G = Decimal("0.5")

# Plausibility guard against typing errors (mg typed as g), not a clinical number (assumption).
MAX_DAILY_G = Decimal(1000)
MAX_DOSES_PER_DAY = 24
# A plan longer than this many steps is almost certainly a mistake (e.g. a 0.1 g linear step
# from 500 g); assumption.
MAX_STEPS = 1000
MAX_HOLD_DAYS = 365


def decimal_param(value: Decimal | float | int | str, *, field: str) -> Decimal:
    """``value`` as a finite ``Decimal``, or a :class:`TaperError` naming ``field``."""
    try:
        number = to_decimal(value)
    except (InvalidOperation, ValueError):
        raise TaperError(
            field,
            "%(field)s must be a number, not %(value)s",
            {"field": field, "value": repr(value)},
        ) from None
    if not number.is_finite():
        raise TaperError(field, "%(field)s must be a finite number", {"field": field})
    return number


def int_param(value: int, *, field: str, low: int, high: int) -> int:
    """``value`` checked to lie in ``low``–``high``."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise TaperError(field, "%(field)s must be a whole number", {"field": field})
    if not low <= value <= high:
        raise TaperError(
            field,
            "%(field)s must be between %(low)s and %(high)s, not %(value)s",
            {"field": field, "low": low, "high": high, "value": value},
        )
    return value


def rate_param(value: Decimal | float | int | str) -> Decimal:
    """A cut rate in percent, within the allowed 5–25 %."""
    rate = decimal_param(value, field="rate_pct")
    if not MIN_RATE_PCT <= rate <= MAX_RATE_PCT:
        raise TaperError(
            "rate_pct",
            "the rate must be between %(low)s and %(high)s %% a step, not %(rate)s %%",
            {"low": MIN_RATE_PCT, "high": MAX_RATE_PCT, "rate": rate},
        )
    return rate


def positive_param(value: Decimal | float | int | str, *, field: str) -> Decimal:
    number = decimal_param(value, field=field)
    if number <= 0:
        raise TaperError(
            field,
            "%(field)s must be greater than zero, not %(number)s",
            {"field": field, "number": number},
        )
    return number


def step_param(value: Decimal | float | int | str, *, resolution_g: Decimal) -> Decimal:
    """A linear step in grams rounded to the nearest resolution multiple (never to zero)."""
    step = positive_param(value, field="step_g")
    rounded = round_to(step, resolution_g)
    if rounded <= 0:
        raise TaperError(
            "step_g",
            "a step of %(step)s g rounds to nothing on a %(resolution)s g resolution; "
            "choose a step of at least half the resolution",
            {"step": step, "resolution": resolution_g},
        )
    return rounded


def stop_below_param(value: Decimal | float | int | str, *, resolution_g: Decimal) -> Decimal:
    """The stop threshold: 0–2 g, and above three resolution units, because cutting one unit
    from three or fewer units is more than the 25 % step cap."""
    stop_below = decimal_param(value, field="stop_below_g")
    if stop_below < 0:
        raise TaperError("stop_below_g", "stop_below_g cannot be negative")
    lowest = min_stop_below_g(resolution_g)
    if lowest > MAX_STOP_BELOW_G:
        raise TaperError(
            "resolution_g",
            "with a %(resolution)s g resolution the last cuts would be more than %(cap)s %% "
            "each; weigh with a finer scale (at most %(finest)s g)",
            {"resolution": resolution_g, "cap": MAX_CUT_PCT, "finest": MAX_STOP_BELOW_G / 4},
        )
    if stop_below > MAX_STOP_BELOW_G:
        raise TaperError(
            "stop_below_g",
            "stop below at most %(most)s g a day: stopping from more is too large a last step",
            {"most": MAX_STOP_BELOW_G},
        )
    if stop_below < lowest:
        raise TaperError(
            "stop_below_g",
            "with a %(resolution)s g resolution, stop below at least %(lowest)s g a day: "
            "smaller amounts cannot be cut by %(cap)s %% or less",
            {"resolution": resolution_g, "lowest": lowest, "cap": MAX_CUT_PCT},
        )
    return stop_below


def min_stop_below_g(resolution_g: Decimal) -> Decimal:
    """The smallest stop threshold a resolution allows: four units (4 → 3 is a 25 % cut, 3 → 2
    would be 33 %)."""
    return resolution_g * 4


def default_stop_below_g(resolution_g: Decimal) -> Decimal:
    """``DEFAULT_STOP_BELOW_G``, raised to what a coarse resolution (capsules) needs."""
    return max(DEFAULT_STOP_BELOW_G, min_stop_below_g(resolution_g))


def linear_step_param(step_g: Decimal, *, start_g: Decimal, resolution_g: Decimal) -> Decimal:
    """Refuse a linear step that already cuts more than ``MAX_CUT_PCT`` of the start amount."""
    largest = round_down_to(start_g * MAX_CUT_PCT / 100, resolution_g)
    if step_g > largest:
        raise TaperError(
            "step_g",
            "a step of %(step)s g cuts more than %(cap)s %% of %(start)s g; the largest "
            "allowed step is %(largest)s g",
            {"step": step_g, "cap": MAX_CUT_PCT, "start": start_g, "largest": largest},
        )
    return step_g


def interval_param(value: int) -> int:
    """Days per step, at least a week (see ``MIN_INTERVAL_DAYS``)."""
    days = int_param(value, field="interval_days", low=1, high=MAX_INTERVAL_DAYS)
    if days < MIN_INTERVAL_DAYS:
        raise TaperError(
            "interval_days",
            "steps must last at least %(days)s days: the body needs about 5–14 days to settle "
            "at a new amount",
            {"days": MIN_INTERVAL_DAYS},
        )
    return days
