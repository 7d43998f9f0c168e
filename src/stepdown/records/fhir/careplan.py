"""CarePlans: one per taper plan, its steps as activities and its history as notes."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from stepdown.accounts.clock import local_today
from stepdown.accounts.models import User
from stepdown.plans.models import Plan, PlanAdjustment
from stepdown.plans.snapshot import plain
from stepdown.records.fhir import codes
from stepdown.records.fhir.refs import Resource, instant, number, patient_ref

_STATUS = {
    Plan.Status.ACTIVE: "active",
    Plan.Status.CANCELLED: "revoked",
    Plan.Status.COMPLETED: "completed",
}
_GRAMS = {"unit": "g", "system": codes.UCUM, "code": "g"}


def _step_status(plan: Plan, start: dt.date, end: dt.date, today: dt.date) -> str:
    if plan.status == Plan.Status.COMPLETED or end < today:
        return "completed"
    if plan.status == Plan.Status.CANCELLED:
        return "cancelled"
    return "not-started" if start > today else "in-progress"


def _activity(plan: Plan, step: dict[str, Any], today: dt.date) -> dict[str, Any]:
    start = dt.date.fromisoformat(step["start_date"])
    end = dt.date.fromisoformat(step["end_date"])  # inclusive, as FHIR reads a period's end
    daily = plain(Decimal(step["daily_g"]))
    doses = ", ".join(f"{plain(Decimal(g))} g" for g in step["dose_g"])
    description = f"Step {step['index'] + 1}: {daily} g a day"
    if doses:
        description += f" ({doses})"
    return {
        "detail": {
            "status": _step_status(plan, start, end, today),
            "description": description,
            "scheduledPeriod": {"start": start.isoformat(), "end": end.isoformat()},
            "productCodeableConcept": {
                "coding": [codes.coding(codes.UNII, codes.KRATOM_UNII)],
                "text": "Kratom (Mitragyna speciosa)",
            },
            "dailyAmount": {"value": number(daily), **_GRAMS},
        }
    }


def _history(plan: Plan) -> list[dict[str, str]]:
    notes = []
    for change in plan.adjustments.order_by("created_at", "pk"):
        text = f"{PlanAdjustment.Kind(change.kind).label} from {change.effective_date.isoformat()}"
        if change.reason:
            text += f": {change.reason}"
        notes.append({"time": instant(change.created_at), "text": text})
    return notes


def _description(plan: Plan) -> str:
    method = Plan.Method(plan.method).label
    pace = []
    if plan.rate_pct is not None:
        pace.append(f"{plain(plan.rate_pct)} % less")
    if plan.step_g is not None:
        pace.append(f"{plain(plan.step_g)} g less")
    every = f" every {plan.interval_days} days" if pace else ""
    return (
        f"Kratom taper from {plain(plan.start_g)} g a day, {method}"
        f"{': ' + ' or '.join(pace) + every if pace else ''}."
    )


def care_plan(plan: Plan, today: dt.date) -> Resource:
    last_day = max(plan.start_date, plan.end_date - dt.timedelta(days=1))
    resource: Resource = {
        "resourceType": "CarePlan",
        "id": f"plan-{plan.pk}",
        "status": _STATUS[Plan.Status(plan.status)],
        "intent": "plan",
        "title": "Kratom taper",
        "description": _description(plan),
        "subject": patient_ref(plan.owner_id),
        "period": {"start": plan.start_date.isoformat(), "end": last_day.isoformat()},
        "created": instant(plan.created_at),
        "activity": [_activity(plan, step, today) for step in plan.steps],
    }
    notes = _history(plan)
    if notes:
        resource["note"] = notes
    return resource


def care_plans(person: User) -> list[Resource]:
    today = local_today(person)
    plans = Plan.objects.filter(owner=person).order_by("pk")
    return [care_plan(plan, today) for plan in plans]
