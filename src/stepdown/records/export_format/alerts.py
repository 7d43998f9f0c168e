"""Alerts and nudges with their history, and the plan changes they suggested."""

from __future__ import annotations

from stepdown.alerts.models import UNRESOLVED, Alert, AlertEvent, SuggestedAdjustment
from stepdown.alerts.recording import suggestion_parameters
from stepdown.records.export_format.table import Context, Row, Table


def _open_alert_of(ctx: Context, row: Row, parent: object) -> Alert | None:
    # At most one unresolved alert per cause: an open one on the target stands for the file's.
    if row.get("status") not in UNRESOLVED:
        return None
    return Alert.objects.filter(
        owner=ctx.owner,
        code=row.get("code"),
        cause_key=row.get("cause_key"),
        status__in=UNRESOLVED,
    ).first()


EVENTS = Table(
    name="events",
    model=AlertEvent,
    fields=("status", "note", "created_at"),
    people=("actor",),
    accessor="events",
    parent="alert",
    order=("created_at", "pk"),
)

SUGGESTION = Table(
    name="suggestion",
    model=SuggestedAdjustment,
    json={"parameters": lambda value, item: suggestion_parameters(value)},
    fields=("kind", "parameters", "status", "reason", "client_id", "created_at", "decided_at"),
    refs={"plan": "plans", "adjustment": "adjustments"},
    accessor="suggestion",
    parent="alert",
    single=True,
)

ALERTS = Table(
    name="alerts",
    model=Alert,
    fields=(
        "kind",
        "code",
        "severity",
        "title",
        "explanation",
        "action",
        "source",
        "learn_slug",
        "cause_key",
        "status",
        "created_at",
        "updated_at",
        "acknowledged_at",
        "resolved_at",
        "dismissed_at",
    ),
    children=(EVENTS, SUGGESTION),
    natural=_open_alert_of,
    order=("created_at", "pk"),
)

TABLES = (ALERTS,)
