"""The goal and its limits, and the risk profile's history."""

from __future__ import annotations

from stepdown.goals.models import Goal, RiskSnapshot
from stepdown.goals.risk import snapshot_factors, snapshot_notes
from stepdown.goals.services import weekdays_clean
from stepdown.records.export_format.table import Context, Row, Table


def _goal_of(ctx: Context, row: Row, parent: object) -> Goal | None:
    # One goal a person: the target's own goal stays as it is.
    return Goal.objects.filter(owner=ctx.owner).first()


GOALS = Table(
    name="goals",
    model=Goal,
    json={"allowed_weekdays": lambda value, item: weekdays_clean(value)},
    fields=(
        "purpose",
        "end_date",
        "max_g_per_day",
        "max_days_per_week",
        "min_hours_between",
        "no_use_after",
        "allowed_weekdays",
        "price_per_g",
        "currency",
        "limits_from",
        "created_at",
        "updated_at",
    ),
    natural=_goal_of,
)

RISK_SNAPSHOTS = Table(
    name="risk_snapshots",
    model=RiskSnapshot,
    json={
        "factors": lambda value, item: snapshot_factors(value),
        "notes": lambda value, item: snapshot_notes(value),
    },
    fields=(
        "computed_at",
        "tier",
        "score",
        "factors",
        "next_step",
        "limited_data",
        "journal_days",
        "notes",
        "method",
        "trigger",
    ),
    order=("computed_at", "pk"),
)

TABLES = (GOALS, RISK_SNAPSHOTS)
