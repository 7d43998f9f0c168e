"""The plan as plain JSON data, in the shape the API and ``stepdown plan --format json`` share."""

from __future__ import annotations

from typing import Any

from stepdown.core.tapering.model import TaperPlan


def plan_to_dict(plan: TaperPlan) -> dict[str, Any]:
    """``{"method", "start_g", "start_date", "end_date", "steps": [...]}``; dates as
    ``YYYY-MM-DD``, a step's ``end_date`` inclusive, the plan's ``end_date`` the first day
    without a planned dose; amounts as JSON numbers of grams."""
    return {
        "method": plan.method,
        "start_g": float(plan.start_g),
        "start_date": plan.start_date.isoformat(),
        "end_date": plan.end_date.isoformat(),
        "steps": [
            {
                "index": step.index,
                "start_date": step.start_date.isoformat(),
                "end_date": step.end_date.isoformat(),
                "days": step.days,
                "daily_g": float(step.daily_g),
                "doses_per_day": step.doses_per_day,
                "dose_g": [float(dose) for dose in step.dose_g],
            }
            for step in plan.steps
        ],
    }
