"""The two steps every write to a plan shares: lock the person's plan row (another person's
plan is :class:`NotFound`), and write the history entry of a change.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from stepdown.accounts.models import User
from stepdown.errors import NotFound
from stepdown.plans.history import adjustment_detail
from stepdown.plans.models import Plan, PlanAdjustment


def record_adjustment(
    plan: Plan,
    *,
    kind: str,
    effective_date: dt.date,
    end_before: dt.date | None,
    end_after: dt.date,
    reason: str = "",
    source: str = "",
    detail: dict[str, Any] | None = None,
    client_id: uuid.UUID | None = None,
) -> PlanAdjustment:
    return PlanAdjustment.objects.create(
        plan=plan,
        kind=kind,
        effective_date=effective_date,
        end_date_before=end_before,
        end_date_after=end_after,
        reason=reason,
        source=source,
        detail=adjustment_detail(detail or {}),
        client_id=client_id,
    )


def locked_plan(owner: User, plan_id: int) -> Plan:
    try:
        return (
            Plan.objects.select_for_update(of=("self",))
            .select_related("product")
            .get(owner=owner, pk=plan_id)
        )
    except Plan.DoesNotExist:
        raise NotFound("plan") from None
