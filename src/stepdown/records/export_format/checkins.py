"""Questionnaire responses and daily check-ins with their scores, the safety events they
raised, the person's check-in schedules and their safety plan."""

from __future__ import annotations

from typing import Any

from stepdown.checkins.models import Response, SafetyEvent, SafetyPlan, Schedule
from stepdown.checkins.safety_services import (
    SAFETY_PLAN_FIELDS,
    safety_event_flags,
    safety_plan_list,
)
from stepdown.checkins.services import response_rescore
from stepdown.records.export_format.table import Cleaner, Context, Row, Table


def _rescored(value: Any, response: Response) -> Any:
    # Scored again as a new response is: the total, band, subscores and flags follow from it.
    response_rescore(response)
    return response.answers


def _scored(name: str) -> Cleaner:
    return lambda value, response: getattr(response, name)  # set by scoring the answers


def _plan_list(name: str) -> Cleaner:
    return lambda value, item: safety_plan_list(name, value)


def _schedule_of(ctx: Context, row: Row, parent: object) -> Schedule | None:
    owner = ctx.owner
    return Schedule.objects.filter(owner=owner, instrument=row.get("instrument")).first()


def _safety_plan_of(ctx: Context, row: Row, parent: object) -> SafetyPlan | None:
    return SafetyPlan.objects.filter(owner=ctx.owner).first()


SAFETY_EVENT = Table(
    name="safety_event",
    model=SafetyEvent,
    json={"flags": lambda value, item: safety_event_flags(value)},
    fields=("severity", "flags", "created_at", "seen_at", "acknowledged_at"),
    people=("acknowledged_by",),
    accessor="safety_event",
    parent="response",
    single=True,
)

RESPONSES = Table(
    name="responses",
    model=Response,
    json={"answers": _rescored, "subscores": _scored("subscores"), "flags": _scored("flags")},
    fields=(
        "instrument",
        "version",
        "answers",
        "total",
        "complete",
        "band",
        "subscores",
        "flags",
        "local_date",
        "slot_start",
        "window_start",
        "window_end",
        "client_id",
        "created_at",
        "updated_at",
    ),
    people=("entered_by",),
    children=(SAFETY_EVENT,),
    order=("local_date", "created_at", "pk"),
)

CHECKIN_SCHEDULES = Table(
    name="checkin_schedules",
    model=Schedule,
    fields=(
        "instrument",
        "interval_days",
        "preferred_time",
        "enabled",
        "starts_on",
        "created_at",
        "updated_at",
    ),
    natural=_schedule_of,
    order=("instrument",),
)

SAFETY_PLANS = Table(
    name="safety_plans",
    model=SafetyPlan,
    json={name: _plan_list(name) for name in SAFETY_PLAN_FIELDS},
    fields=("warning_signs", "coping_steps", "people", "places", "professionals", "updated_at"),
    natural=_safety_plan_of,
)

TABLES = (RESPONSES, CHECKIN_SCHEDULES, SAFETY_PLANS)
