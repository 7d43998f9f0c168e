"""The 28-day pouch strip: what to weigh into each labelled pouch, day by day.

The tapering-strip idea (pre-portioned, numbered daily doses) carried over to a kitchen scale:
one row per day, one pouch per planned dose, and the total product the days need.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext

from stepdown.core.tapering import StepKind, TaperPlan
from stepdown.web import formatting

STRIP_DAYS = 28


@dataclass(frozen=True)
class Pouch:
    label: str
    amount_g: Decimal
    capsules: int | None


@dataclass(frozen=True)
class StripDay:
    date: dt.date
    step_number: int | None
    daily_g: Decimal
    pouches: tuple[Pouch, ...]
    new_step: bool
    kind: StepKind | None


@dataclass(frozen=True)
class Strip:
    days: tuple[StripDay, ...]
    first: dt.date
    last: dt.date
    total_g: Decimal
    pouch_count: int
    max_pouches: int
    step_count: int


def build_strip(
    plan: TaperPlan,
    *,
    first: dt.date,
    days: int = STRIP_DAYS,
    capsule_g: Decimal | None = None,
) -> Strip:
    """``days`` days from ``first``. Pouches are labelled by date and number ("3 Mar · 2",
    "3 mars · 2"); with ``capsule_g`` each pouch also says how many capsules it holds, when
    that is a whole number. Days from the plan's end on have no pouch."""
    rows: list[StripDay] = []
    previous_step: int | None = None
    for offset in range(days):
        day = first + dt.timedelta(days=offset)
        step = plan.step_on(day)
        if step is None:
            rows.append(StripDay(day, None, Decimal(0), (), previous_step is not None, None))
            previous_step = None
            continue
        pouches = tuple(
            Pouch(
                label=f"{formatting.date(day, gettext('j M'))} · {number}",
                amount_g=dose,
                capsules=_capsules(dose, capsule_g),
            )
            for number, dose in enumerate(step.dose_g, start=1)
        )
        new_step = offset == 0 or step.start_date == day
        rows.append(StripDay(day, step.index + 1, step.daily_g, pouches, new_step, step.kind))
        previous_step = step.index
    return Strip(
        days=tuple(rows),
        first=first,
        last=first + dt.timedelta(days=days - 1),
        total_g=sum((row.daily_g for row in rows), Decimal(0)),
        pouch_count=sum(len(row.pouches) for row in rows),
        max_pouches=max((len(row.pouches) for row in rows), default=0),
        step_count=len(plan.steps),
    )


def _capsules(amount_g: Decimal, capsule_g: Decimal | None) -> int | None:
    if not capsule_g:
        return None
    count = amount_g / capsule_g
    return int(count) if count == count.to_integral_value() else None
