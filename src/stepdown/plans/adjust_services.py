"""Changes to an active plan: hold, reinstate, slow (creating a plan is in ``plans.services``,
ending one in ``plans.end_services``).

Each checks ownership first, applies the pure core as of the person's local today, saves, and
writes one history entry with the reason. The same ``client_id`` again changes nothing and
answers with the plan as it is.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from stepdown.accounts.clock import local_today
from stepdown.accounts.models import User
from stepdown.core import tapering
from stepdown.core.tapering import TaperError, TaperPlan
from stepdown.errors import InvalidInput
from stepdown.plans.building import decimal_input, reason_input, source_input, taper_error
from stepdown.plans.models import Plan, PlanAdjustment
from stepdown.plans.plan_writes import locked_plan, record_adjustment
from stepdown.plans.snapshot import store, taper_of


def _adjust(
    *,
    owner: User,
    plan_id: int,
    kind: str,
    change: Callable[[TaperPlan, dt.date], TaperPlan],
    reason: str,
    source: str,
    detail: dict[str, Any],
    client_id: uuid.UUID | None,
    now: dt.datetime | None,
) -> Plan:
    note = reason_input(reason, required=True)
    origin = source_input(source)
    with transaction.atomic():
        plan = locked_plan(owner, plan_id)
        if client_id is not None and plan.adjustments.filter(client_id=client_id).exists():
            return plan
        if not plan.is_active:
            raise InvalidInput("plan", _("This plan has ended; it can no longer be changed."))
        today = local_today(owner, now=now)
        before = taper_of(plan)
        try:
            after = change(before, today)
        except TaperError as error:
            raise taper_error(error) from None
        store(plan, after)
        plan.save()
        record_adjustment(
            plan,
            kind=kind,
            effective_date=today,
            end_before=before.end_date,
            end_after=after.end_date,
            reason=note,
            source=origin,
            detail=detail,
            client_id=client_id,
        )
    return plan


def plan_hold(
    *,
    owner: User,
    plan_id: int,
    days: int,
    reason: str,
    source: str = "",
    proposed: dict[str, Any] | None = None,
    client_id: uuid.UUID | None = None,
    now: dt.datetime | None = None,
) -> Plan:
    """Stay on today's step ``days`` days longer; the end date moves by exactly ``days``.
    ``proposed`` names who proposed it (a clinician's accepted proposal), kept in the history."""
    return _adjust(
        owner=owner,
        plan_id=plan_id,
        kind=PlanAdjustment.Kind.HOLD,
        change=lambda plan, today: tapering.hold(plan, as_of=today, days=days),
        reason=reason,
        source=source,
        detail={"days": days, **(proposed or {})},
        client_id=client_id,
        now=now,
    )


def plan_reinstate(
    *,
    owner: User,
    plan_id: int,
    reason: str,
    source: str = "",
    client_id: uuid.UUID | None = None,
    now: dt.datetime | None = None,
) -> Plan:
    """From today, go back to the previous, higher step for one interval, then cut again."""
    return _adjust(
        owner=owner,
        plan_id=plan_id,
        kind=PlanAdjustment.Kind.REINSTATE,
        change=lambda plan, today: tapering.reinstate(plan, as_of=today),
        reason=reason,
        source=source,
        detail={},
        client_id=client_id,
        now=now,
    )


def plan_slow(
    *,
    owner: User,
    plan_id: int,
    reason: str,
    rate_pct: Any = None,
    interval_days: int | None = None,
    step_g: Any = None,
    source: str = "",
    proposed: dict[str, Any] | None = None,
    client_id: uuid.UUID | None = None,
    now: dt.datetime | None = None,
) -> Plan:
    """Re-plan everything after today's step more gently: a lower ``rate_pct``, a smaller
    ``step_g`` (linear plans) and/or a longer ``interval_days``."""
    rate = decimal_input(rate_pct, "rate_pct")
    step = decimal_input(step_g, "step_g")
    detail = {
        key: f"{value:f}" if isinstance(value, Decimal) else value
        for key, value in (("rate_pct", rate), ("step_g", step), ("interval_days", interval_days))
        if value is not None
    } | (proposed or {})
    return _adjust(
        owner=owner,
        plan_id=plan_id,
        kind=PlanAdjustment.Kind.SLOW,
        change=lambda plan, today: tapering.slow(
            plan, as_of=today, rate_pct=rate, interval_days=interval_days, step_g=step
        ),
        reason=reason,
        source=source,
        detail=detail,
        client_id=client_id,
        now=now,
    )
