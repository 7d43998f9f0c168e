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
from stepdown.core.units import round_to, to_decimal

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
        raise TaperError(field, f"{field} must be a number, not {value!r}") from None
    if not number.is_finite():
        raise TaperError(field, f"{field} must be a finite number")
    return number


def int_param(value: int, *, field: str, low: int, high: int) -> int:
    """``value`` checked to lie in ``low``–``high``."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise TaperError(field, f"{field} must be a whole number")
    if not low <= value <= high:
        raise TaperError(field, f"{field} must be between {low} and {high}, not {value}")
    return value


def rate_param(value: Decimal | float | int | str) -> Decimal:
    """A cut rate in percent, within the allowed 5–25 %."""
    rate = decimal_param(value, field="rate_pct")
    if not MIN_RATE_PCT <= rate <= MAX_RATE_PCT:
        raise TaperError(
            "rate_pct",
            f"the rate must be between {MIN_RATE_PCT} and {MAX_RATE_PCT} % a step, not {rate} %",
        )
    return rate


def positive_param(value: Decimal | float | int | str, *, field: str) -> Decimal:
    number = decimal_param(value, field=field)
    if number <= 0:
        raise TaperError(field, f"{field} must be greater than zero, not {number}")
    return number


def step_param(value: Decimal | float | int | str, *, resolution_g: Decimal) -> Decimal:
    """A linear step in grams rounded to the nearest resolution multiple (never to zero)."""
    step = positive_param(value, field="step_g")
    rounded = round_to(step, resolution_g)
    if rounded <= 0:
        raise TaperError(
            "step_g",
            f"a step of {step} g rounds to nothing on a {resolution_g} g resolution; "
            "choose a step of at least half the resolution",
        )
    return rounded


def interval_param(value: int) -> int:
    """Days per step, at least a week (see ``MIN_INTERVAL_DAYS``)."""
    days = int_param(value, field="interval_days", low=1, high=MAX_INTERVAL_DAYS)
    if days < MIN_INTERVAL_DAYS:
        raise TaperError(
            "interval_days",
            f"steps must last at least {MIN_INTERVAL_DAYS} days: the body needs about 5–14 days "
            "to settle at a new amount",
        )
    return days
