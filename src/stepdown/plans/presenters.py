"""Plain-data views of plans, shared by the API and the pages."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from stepdown.core.tapering import plan_to_dict
from stepdown.plans.models import Plan, PlanAdjustment
from stepdown.plans.snapshot import taper_of


def _number(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def adjustment_json(entry: PlanAdjustment) -> dict[str, Any]:
    return {
        "kind": entry.kind,
        "date": entry.effective_date,
        "reason": entry.reason,
        "source": entry.source,
        "detail": entry.detail,
        "end_date_before": entry.end_date_before,
        "end_date_after": entry.end_date_after,
        "created_at": entry.created_at,
    }


def plan_json(plan: Plan, history: Iterable[PlanAdjustment]) -> dict[str, Any]:
    """The plan in the CLI's JSON shape (``plan_to_dict``) plus its id, state and history."""
    body = plan_to_dict(taper_of(plan))
    return {
        "id": plan.pk,
        "status": plan.status,
        **body,
        "product_id": plan.product_id,
        "product_name": plan.product.name if plan.product else None,
        "params": {
            "rate_pct": _number(plan.rate_pct),
            "step_g": _number(plan.step_g),
            "ed50_g": _number(plan.ed50_g),
            "interval_days": plan.interval_days,
            "stabilize_days": plan.stabilize_days,
            "resolution_g": float(plan.resolution_g),
            "stop_below_g": float(plan.stop_below_g),
            "doses_per_day": plan.doses_per_day,
            "target_doses_per_day": plan.target_doses_per_day,
        },
        "reminder_time": plan.reminder_time.strftime("%H:%M") if plan.reminder_time else None,
        "client_id": plan.client_id,
        "created_at": plan.created_at,
        "ended_at": plan.ended_at,
        "history": [adjustment_json(entry) for entry in history],
    }
