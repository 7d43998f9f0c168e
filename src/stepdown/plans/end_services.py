"""Ending a plan: cancel (end early) or complete (creating a plan is in ``plans.services``,
changing one in ``plans.adjust_services``).

Each checks ownership first, saves the ending as of the person's local today, and writes one
history entry with the reason. The same ``client_id`` again changes nothing and answers with the
plan as it is.
"""

from __future__ import annotations

import datetime as dt
import uuid

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from stepdown.accounts.clock import local_today
from stepdown.accounts.models import User
from stepdown.errors import InvalidInput
from stepdown.plans.building import reason_input, source_input
from stepdown.plans.models import Plan, PlanAdjustment
from stepdown.plans.plan_writes import locked_plan, record_adjustment
from stepdown.web import formatting


def end_plan(
    plan: Plan,
    *,
    kind: str,
    today: dt.date,
    reason: str,
    source: str,
    client_id: uuid.UUID | None,
) -> None:
    status = Plan.Status.CANCELLED if kind == PlanAdjustment.Kind.CANCEL else Plan.Status.COMPLETED
    plan.status = status
    plan.ended_at = timezone.now()
    plan.save(update_fields=["status", "ended_at", "updated_at"])
    # A cancelled plan has no planned dose from the day it was ended.
    end_after = min(plan.end_date, today) if kind == PlanAdjustment.Kind.CANCEL else plan.end_date
    record_adjustment(
        plan,
        kind=kind,
        effective_date=today,
        end_before=plan.end_date,
        end_after=end_after,
        reason=reason,
        source=source,
        client_id=client_id,
    )


def _finish(
    *,
    owner: User,
    plan_id: int,
    kind: str,
    reason: str,
    source: str,
    client_id: uuid.UUID | None,
    now: dt.datetime | None,
) -> Plan:
    note = reason_input(reason, required=kind == PlanAdjustment.Kind.CANCEL)
    origin = source_input(source)
    with transaction.atomic():
        plan = locked_plan(owner, plan_id)
        if client_id is not None and plan.adjustments.filter(client_id=client_id).exists():
            return plan
        if not plan.is_active:
            raise InvalidInput("plan", _("This plan has already ended."))
        today = local_today(owner, now=now)
        if kind == PlanAdjustment.Kind.COMPLETE and today < plan.end_date:
            raise InvalidInput(
                "plan",
                _("The plan runs until %(day)s; to stop before then, end it early instead.")
                % {"day": formatting.date(plan.end_date - dt.timedelta(days=1), "j F Y")},
            )
        end_plan(plan, kind=kind, today=today, reason=note, source=origin, client_id=client_id)
    return plan


def plan_cancel(
    *,
    owner: User,
    plan_id: int,
    reason: str,
    source: str = "",
    client_id: uuid.UUID | None = None,
    now: dt.datetime | None = None,
) -> Plan:
    """End the plan early. It stays in the history; a new plan can be started any time."""
    return _finish(
        owner=owner,
        plan_id=plan_id,
        kind=PlanAdjustment.Kind.CANCEL,
        reason=reason,
        source=source,
        client_id=client_id,
        now=now,
    )


def plan_complete(
    *,
    owner: User,
    plan_id: int,
    reason: str = "",
    source: str = "",
    client_id: uuid.UUID | None = None,
    now: dt.datetime | None = None,
) -> Plan:
    """Mark a plan finished once its end date has come."""
    return _finish(
        owner=owner,
        plan_id=plan_id,
        kind=PlanAdjustment.Kind.COMPLETE,
        reason=reason,
        source=source,
        client_id=client_id,
        now=now,
    )
