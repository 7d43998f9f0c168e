"""Between a stored :class:`~stepdown.plans.models.Plan` and the pure, frozen ``TaperPlan``.

Amounts are stored as decimal strings ("10.8"), never floats, so a plan read back is exactly
the plan that was saved and every amount stays a multiple of the resolution.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _

from stepdown.core.tapering import StepKind, TaperParams, TaperPlan, TaperStep, get_method
from stepdown.errors import InvalidInput
from stepdown.plans.models import Plan


def steps_to_json(plan: TaperPlan) -> list[dict[str, Any]]:
    return [
        {
            "index": step.index,
            "start_date": step.start_date.isoformat(),
            "end_date": step.end_date.isoformat(),
            "daily_g": f"{step.daily_g:f}",
            "doses_per_day": step.doses_per_day,
            "dose_g": [f"{dose:f}" for dose in step.dose_g],
            "kind": step.kind.value,
        }
        for step in plan.steps
    ]


def _step(data: dict[str, Any]) -> TaperStep:
    return TaperStep(
        index=int(data["index"]),
        start_date=date.fromisoformat(data["start_date"]),
        end_date=date.fromisoformat(data["end_date"]),
        daily_g=Decimal(data["daily_g"]),
        doses_per_day=int(data["doses_per_day"]),
        dose_g=tuple(Decimal(dose) for dose in data["dose_g"]),
        kind=StepKind(data["kind"]),
    )


def plain(value: Decimal) -> Decimal:
    """``10.000`` → ``10``, ``2.50`` → ``2.5``: what the person typed, never ``1E+1``.

    DecimalField gives 10.000 for 10; the core's arithmetic does not care, but its messages
    quote these numbers to the person."""
    return Decimal(f"{value.normalize():f}")


def _normal(value: Decimal | None) -> Decimal | None:
    return None if value is None else plain(value)


def params_of(record: Plan) -> TaperParams:
    uses_anchor = "ed50_g" in get_method(record.method).uses
    return TaperParams(
        method=record.method,
        rate_pct=_normal(record.rate_pct),
        step_g=_normal(record.step_g),
        ed50_g=_normal(record.ed50_g),
        anchor_g=_normal(record.start_g) if uses_anchor else None,
        interval_days=record.interval_days,
        stabilize_days=record.stabilize_days,
        resolution_g=plain(Decimal(record.resolution_g)),
        stop_below_g=plain(Decimal(record.stop_below_g)),
        doses_per_day=record.doses_per_day,
        target_doses_per_day=record.target_doses_per_day,
    )


def taper_of(record: Plan) -> TaperPlan:
    """The stored plan as the frozen value the core's adjustments and exports work on."""
    return TaperPlan(
        params=params_of(record),
        start_g=plain(Decimal(record.start_g)),
        start_date=record.start_date,
        steps=tuple(_step(item) for item in record.steps),
    )


def steps_clean(record: Plan) -> list[dict[str, Any]]:
    """The record's steps as :func:`store` writes them, when they make a plan the core accepts
    (numbered from 0, each starting the day after the last ended, amounts as decimals); else
    ``InvalidInput`` at ``steps``. An import checks a file's plans with it."""
    try:
        return steps_to_json(taper_of(record))
    except (KeyError, TypeError, ValueError, ArithmeticError, AttributeError):
        raise InvalidInput(
            "steps",
            _("each step needs an index, start and end dates, amounts and a kind, in order"),
        ) from None


def store(record: Plan, plan: TaperPlan) -> None:
    """Copy a (new or adjusted) frozen plan onto the record; the caller saves it."""
    params = plan.params
    record.method = params.method
    record.start_g = plan.start_g
    record.start_date = plan.start_date
    record.end_date = plan.end_date
    record.rate_pct = params.rate_pct
    record.step_g = params.step_g
    record.ed50_g = params.ed50_g
    record.interval_days = params.interval_days
    record.stabilize_days = params.stabilize_days
    record.resolution_g = params.resolution_g
    record.stop_below_g = params.stop_below_g
    record.doses_per_day = params.doses_per_day
    record.target_doses_per_day = params.target_doses_per_day
    record.steps = steps_to_json(plan)
