"""Questionnaire responses and daily check-ins with their scores, the safety events they
raised, the person's check-in schedules and their safety plan."""

from __future__ import annotations

from stepdown.checkins.models import Response, SafetyEvent, SafetyPlan, Schedule
from stepdown.records.export_format.table import Context, Row, Table


def _schedule_of(ctx: Context, row: Row, parent: object) -> Schedule | None:
    owner = ctx.owner
    return Schedule.objects.filter(owner=owner, instrument=row.get("instrument")).first()


def _safety_plan_of(ctx: Context, row: Row, parent: object) -> SafetyPlan | None:
    return SafetyPlan.objects.filter(owner=ctx.owner).first()


SAFETY_EVENT = Table(
    name="safety_event",
    model=SafetyEvent,
    fields=("severity", "flags", "created_at", "seen_at", "acknowledged_at"),
    people=("acknowledged_by",),
    accessor="safety_event",
    parent="response",
    single=True,
)

RESPONSES = Table(
    name="responses",
    model=Response,
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
    fields=("warning_signs", "coping_steps", "people", "places", "professionals", "updated_at"),
    natural=_safety_plan_of,
)

TABLES = (RESPONSES, CHECKIN_SCHEDULES, SAFETY_PLANS)
