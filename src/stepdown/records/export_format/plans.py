"""Taper plans with their steps and their history of adjustments."""

from __future__ import annotations

from stepdown.plans.history import adjustment_detail
from stepdown.plans.models import Plan, PlanAdjustment
from stepdown.plans.snapshot import steps_clean
from stepdown.records.export_format.table import Table

ADJUSTMENTS = Table(
    name="adjustments",
    model=PlanAdjustment,
    json={"detail": lambda value, item: adjustment_detail(value)},
    fields=(
        "kind",
        "effective_date",
        "reason",
        "source",
        "detail",
        "end_date_before",
        "end_date_after",
        "client_id",
        "created_at",
    ),
    accessor="adjustments",
    parent="plan",
    order=("created_at", "pk"),
)

PLANS = Table(
    name="plans",
    model=Plan,
    json={"steps": lambda value, item: steps_clean(item)},
    fields=(
        "status",
        "method",
        "start_g",
        "start_date",
        "end_date",
        "rate_pct",
        "step_g",
        "ed50_g",
        "interval_days",
        "stabilize_days",
        "resolution_g",
        "stop_below_g",
        "doses_per_day",
        "target_doses_per_day",
        "steps",
        "reminder_time",
        "client_id",
        "created_at",
        "updated_at",
        "ended_at",
    ),
    refs={"product": "products"},
    children=(ADJUSTMENTS,),
    order=("created_at", "pk"),
)

TABLES = (PLANS,)
