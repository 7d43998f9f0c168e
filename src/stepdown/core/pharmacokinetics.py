"""How much mitragynine is in the body over time: a one-compartment model.

Each dose enters a gut compartment, moves into the body with first-order absorption (rate
``ka``) and leaves with first-order elimination (rate ``k = ln 2 / half-life``). The result is
the **modelled amount in the body in the dose's own units** (grams of product when doses are
grams). It is a relative measure: it assumes complete absorption and says nothing about how much
mitragynine a product contains, so it shows shape and timing, not a blood level.

Between two events the model is solved exactly, so ``simulate`` is exact at every sample and
costs one step per dose or sample, whatever their spacing.

References:
    Trakulsrichai2015 (half-life 23 h, Tmax 0.83 h in chronic users), Tanna2022 (half-life
    45 h, Tmax 1 h after a single dose), Huestis2024 (half-life up to 67.9 h with daily dosing,
    Tmax 1.0–1.7 h, steady state in 8–9 days).
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from stepdown.core.tapering.model import TaperPlan

# Default half-life: 24 h, Trakulsrichai2015's 23 h rounded to a day. The band spans the lowest
# and highest study means: 23 h (Trakulsrichai2015) to 68 h (Huestis2024, 67.9 h after daily
# dosing); Tanna2022's 45 h lies inside it.
DEFAULT_HALF_LIFE_H = 24.0
HALF_LIFE_BAND_H = (23.0, 68.0)
# Peak about 1 h after a dose: Tmax 0.83 h (Trakulsrichai2015), 1 h (Tanna2022), 1.0–1.7 h
# (Huestis2024).
DEFAULT_TMAX_H = 1.0
# After five half-lives a change is 1 − 2⁻⁵ ≈ 97 % complete (a property of first-order decay).
STEADY_STATE_HALF_LIVES = 5
# Assumption: a day's doses are spread evenly from 08:00 over 16 waking hours. Daily means barely
# depend on it, because the half-life is long against a day.
WAKING_START_H = 8.0
WAKING_SPAN_H = 16.0
# Lead-in before a plan: twenty half-lives at the start dose put the body within a millionth of
# steady state (2⁻²⁰), i.e. the plan starts from someone who has used that amount for a while.
LEAD_IN_HALF_LIVES = 20

AMOUNT_LABEL = (
    "modelled amount of mitragynine in the body, in grams of product "
    "(relative: assumes complete absorption and ignores the product's strength)"
)
LEVEL_LABEL = (
    "modelled daily mean amount of mitragynine in the body relative to the steady state at the "
    "plan's start amount (1.0 = as before the plan; assumes complete absorption)"
)


class PharmacokineticsError(ValueError):
    """A model parameter is impossible; ``field`` names it."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


def _positive(value: float, field: str) -> float:
    if not math.isfinite(value) or value <= 0:
        raise PharmacokineticsError(field, f"{field} must be a positive number, not {value}")
    return float(value)


def elimination_rate_per_h(half_life_h: float) -> float:
    """k = ln 2 / half-life."""
    return math.log(2) / _positive(half_life_h, "half_life_h")


def peak_time_h(*, ka_per_h: float, half_life_h: float) -> float:
    """Time of the peak after one dose: t_max = ln(ka / k) / (ka − k) (or 1/k when ka = k)."""
    k = elimination_rate_per_h(half_life_h)
    ka = _positive(ka_per_h, "ka_per_h")
    if math.isclose(ka, k, rel_tol=1e-12):
        return 1 / k
    return math.log(ka / k) / (ka - k)


def absorption_rate_for_tmax(
    *, tmax_h: float = DEFAULT_TMAX_H, half_life_h: float = DEFAULT_HALF_LIFE_H
) -> float:
    """The absorption rate ``ka`` (per hour) that puts the peak ``tmax_h`` after a dose.

    Setting the derivative of the one-dose curve to zero gives ``ka·e^(−ka·t) = k·e^(−k·t)``,
    so ``t_max = ln(ka/k) / (ka − k)``. With ``x = ka/k`` and ``c = k·t_max`` this is
    ``ln x = c·(x − 1)``, whose root above 1 is ``x = −W₋₁(−c·e^(−c)) / c`` (Lambert W,
    lower branch). It exists when ``c < 1`` and is found here by bisection, which needs no
    special functions. For a 24 h half-life and a 1 h peak, ka ≈ 5.2 per hour.

    References:
        Trakulsrichai2015, Tanna2022, Huestis2024 (observed Tmax about 1 h).
    """
    k = elimination_rate_per_h(half_life_h)
    c = k * _positive(tmax_h, "tmax_h")
    if c >= 1:
        raise PharmacokineticsError(
            "half_life_h",
            f"with a half-life of {half_life_h} h no absorption faster than elimination peaks "
            f"{tmax_h} h after a dose; give ka_per_h instead",
        )

    def excess(x: float) -> float:
        return math.log(x) - c * (x - 1)

    low, high = 1.0, 2.0
    while excess(high) > 0:
        low, high = high, high * 2
    for _ in range(200):
        middle = (low + high) / 2
        if excess(middle) > 0:
            low = middle
        else:
            high = middle
        if high - low <= 1e-15 * high:
            break
    return k * (low + high) / 2


def steady_state_time_h(half_life_h: float = DEFAULT_HALF_LIFE_H) -> float:
    """Time for a change of dose to be about 97 % complete: five half-lives."""
    return STEADY_STATE_HALF_LIVES * _positive(half_life_h, "half_life_h")


def accumulation_ratio(*, every_h: float, half_life_h: float = DEFAULT_HALF_LIFE_H) -> float:
    """Steady-state amount over single-dose amount at the same time after a dose,
    R = 1 / (1 − e^(−k·τ)) for a dose every τ hours."""
    k = elimination_rate_per_h(half_life_h)
    return 1 / (1 - math.exp(-k * _positive(every_h, "every_h")))


@dataclass(frozen=True, slots=True)
class PkSeries:
    """Sample times (h) and the modelled amount in the body at each (units of the doses)."""

    t_h: tuple[float, ...]
    amount: tuple[float, ...]
    half_life_h: float
    ka_per_h: float


def simulate(
    doses: Iterable[tuple[float, float]],
    *,
    t_h: Iterable[float] | None = None,
    until_h: float | None = None,
    step_h: float = 1.0,
    half_life_h: float = DEFAULT_HALF_LIFE_H,
    ka_per_h: float | None = None,
) -> PkSeries:
    """Amount in the body after any series of ``(time_h, amount)`` doses, at times ``t_h``.

    Without ``t_h``, samples run every ``step_h`` hours from 0 to ``until_h`` (default: the
    last dose plus five half-lives). ``ka_per_h`` defaults to the rate that peaks 1 h after a
    dose (:func:`absorption_rate_for_tmax`). See :data:`AMOUNT_LABEL` for what the amount means.
    """
    k = elimination_rate_per_h(half_life_h)
    ka = (
        absorption_rate_for_tmax(half_life_h=half_life_h)
        if ka_per_h is None
        else _positive(ka_per_h, "ka_per_h")
    )
    events = sorted((float(time), float(amount)) for time, amount in doses)
    for time, amount in events:
        if not math.isfinite(time) or not math.isfinite(amount) or amount < 0:
            raise PharmacokineticsError("doses", "doses need finite times and amounts ≥ 0")
    if t_h is None:
        end = (
            until_h
            if until_h is not None
            else (events[-1][0] if events else 0.0) + (steady_state_time_h(half_life_h))
        )
        step = _positive(step_h, "step_h")
        samples = [i * step for i in range(math.floor(end / step + 1e-9) + 1)]
    else:
        samples = [float(time) for time in t_h]
    if any(later < earlier for earlier, later in itertools.pairwise(samples)):
        raise PharmacokineticsError("t_h", "sample times must not decrease")

    amounts: list[float] = []
    now = min([*(time for time, _ in events[:1]), *samples[:1]], default=0.0)
    gut = body = 0.0
    next_dose = 0
    for sample in samples:
        # Doses at the same moment as a sample go to the gut first; they do not change the
        # amount in the body at that instant, so the order does not matter.
        while next_dose < len(events) and events[next_dose][0] <= sample:
            time, amount = events[next_dose]
            gut, body = _advance(gut, body, time - now, k, ka)
            gut += amount
            now = time
            next_dose += 1
        gut, body = _advance(gut, body, sample - now, k, ka)
        now = sample
        amounts.append(body)
    return PkSeries(t_h=tuple(samples), amount=tuple(amounts), half_life_h=half_life_h, ka_per_h=ka)


def _advance(gut: float, body: float, dt_h: float, k: float, ka: float) -> tuple[float, float]:
    """Exact solution of gut' = −ka·gut, body' = ka·gut − k·body over ``dt_h`` hours."""
    if dt_h <= 0:
        return gut, body
    decay_body = math.exp(-k * dt_h)
    decay_gut = math.exp(-ka * dt_h)
    if math.isclose(ka, k, rel_tol=1e-12):
        moved = gut * k * dt_h * decay_body
    else:
        moved = gut * ka / (ka - k) * (decay_body - decay_gut)
    return gut * decay_gut, body * decay_body + moved


def dose_times_in_day_h(doses_per_day: int) -> tuple[float, ...]:
    """Hours after midnight of a day's doses, spread over the waking day (assumption)."""
    return tuple(WAKING_START_H + i * WAKING_SPAN_H / doses_per_day for i in range(doses_per_day))


@dataclass(frozen=True, slots=True)
class PlanLevels:
    """Modelled daily level of a plan (see :data:`LEVEL_LABEL`) with its half-life band.

    ``level`` uses ``half_life_h``; ``low`` and ``high`` are the lowest and highest level on
    each day over that half-life and the band's ends.
    """

    dates: tuple[date, ...]
    level: tuple[float, ...]
    low: tuple[float, ...]
    high: tuple[float, ...]
    half_life_h: float
    band_half_life_h: tuple[float, float]


def plan_levels(
    plan: TaperPlan,
    *,
    half_life_h: float = DEFAULT_HALF_LIFE_H,
    band_half_life_h: tuple[float, float] = HALF_LIFE_BAND_H,
    tail_days: int | None = None,
) -> PlanLevels:
    """Daily level from the plan's start until ``tail_days`` after its end (default: five of
    the band's longest half-lives), assuming the person was at steady state on ``start_g``."""
    longest_h = max(half_life_h, *band_half_life_h)
    tail = math.ceil(steady_state_time_h(longest_h) / 24) if tail_days is None else int(tail_days)
    if tail < 0:
        raise PharmacokineticsError("tail_days", "tail_days cannot be negative")
    lead_in = math.ceil(LEAD_IN_HALF_LIVES * longest_h / 24)
    days = (plan.end_date - plan.start_date).days + tail
    doses = sorted(_plan_doses(plan, lead_in_days=lead_in))
    # Day -1 (the day before the start, at steady state) is the reference for 1.0.
    relative = []
    for hl in (half_life_h, *band_half_life_h):
        k = elimination_rate_per_h(hl)
        means = daily_mean_amounts(
            doses, first_day=-1, days=days + 1, k=k, ka=absorption_rate_for_tmax(half_life_h=hl)
        )
        relative.append([mean / means[0] for mean in means[1:]])
    return PlanLevels(
        dates=tuple(plan.start_date + timedelta(days=d) for d in range(days)),
        level=tuple(relative[0]),
        low=tuple(min(values) for values in zip(*relative, strict=True)),
        high=tuple(max(values) for values in zip(*relative, strict=True)),
        half_life_h=half_life_h,
        band_half_life_h=band_half_life_h,
    )


def _plan_doses(plan: TaperPlan, *, lead_in_days: int) -> Iterable[tuple[float, float]]:
    """Dose events in hours from the plan's start, lead-in at ``start_g`` included."""
    count = plan.params.doses_per_day
    lead_in = tuple(float(plan.start_g) / count for _ in range(count))
    for day in range(-lead_in_days, 0):
        yield from _day_doses(day, lead_in)
    for step in plan.steps:
        first = (step.start_date - plan.start_date).days
        amounts = tuple(float(dose) for dose in step.dose_g)
        for day in range(first, first + step.days):
            yield from _day_doses(day, amounts)


def _day_doses(day: int, amounts: Sequence[float]) -> Iterable[tuple[float, float]]:
    for hour, amount in zip(dose_times_in_day_h(len(amounts)), amounts, strict=True):
        yield day * 24 + hour, amount


def daily_mean_amounts(
    doses: Sequence[tuple[float, float]], *, first_day: int, days: int, k: float, ka: float
) -> list[float]:
    """Exact mean amount in the body over each whole day (day 0 = hours 0–24) from sorted
    ``doses``, by mass balance: what was eliminated during a day is (gut + body at its start)
    + (doses taken) − (gut + body at its end), and it equals k times the day's area under the
    curve."""
    boundaries = range(first_day * 24, (first_day + days) * 24 + 1, 24)
    gut = body = taken = 0.0
    now = min(doses[0][0], boundaries[0]) if doses else boundaries[0]
    upcoming = 0
    totals: list[tuple[float, float]] = []
    for boundary in boundaries:
        while upcoming < len(doses) and doses[upcoming][0] < boundary:
            time, amount = doses[upcoming]
            gut, body = _advance(gut, body, time - now, k, ka)
            gut += amount
            taken += amount
            now = time
            upcoming += 1
        gut, body = _advance(gut, body, boundary - now, k, ka)
        now = boundary
        totals.append((gut + body, taken))
    return [
        (held_before + taken_after - taken_before - held_after) / (k * 24)
        for (held_before, taken_before), (held_after, taken_after) in itertools.pairwise(totals)
    ]


def step_settled_dates(
    plan: TaperPlan, *, half_life_h: float = DEFAULT_HALF_LIFE_H
) -> tuple[date, ...]:
    """For each step, the day its level is about 97 % of the way to its new steady state
    (five half-lives after the step starts, rounded up to whole days)."""
    settle_days = settle_days_for(half_life_h)
    return tuple(step.start_date + timedelta(days=settle_days) for step in plan.steps)


def settle_days_for(half_life_h: float) -> int:
    """Whole days for a change to be about 97 % complete (five half-lives, rounded up)."""
    return math.ceil(steady_state_time_h(half_life_h) / 24)


def step_settled_ranges(
    plan: TaperPlan, *, band_half_life_h: tuple[float, float] = HALF_LIFE_BAND_H
) -> tuple[tuple[date, date], ...]:
    """For each step, the earliest and latest "settled by" day over the half-life band: with
    23–68 h (Trakulsrichai2015, Huestis2024) that is 5 to 15 days after the step starts.
    Step timing advice uses the late end (:func:`long_settle_days`)."""
    early, late = (step_settled_dates(plan, half_life_h=h) for h in band_half_life_h)
    return tuple(zip(early, late, strict=True))


def long_settle_days(band_half_life_h: tuple[float, float] = HALF_LIFE_BAND_H) -> int:
    """Days to settle at the long end of the half-life band (15 days for 68 h)."""
    return settle_days_for(max(band_half_life_h))
