"""Writes to taper plans: create, hold, reinstate, slow, cancel, complete (the reminder time and
the calendar link are in ``plans.calendar_services``).

Every function takes keyword-only arguments, checks ownership first (another person's plan is
:class:`NotFound`), applies the pure core as of the person's local today, saves, and writes one
history entry with the reason. Writes a client may retry take a ``client_id``: the same key
again changes nothing and answers with the plan as it is.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from stepdown.accounts.clock import local_today
from stepdown.accounts.models import User
from stepdown.core import tapering
from stepdown.core.tapering import TaperError, TaperPlan
from stepdown.errors import InvalidInput, NotFound
from stepdown.plans import selectors
from stepdown.plans.building import (
    decimal_input,
    plan_build,
    product_input,
    reason_input,
    source_input,
    taper_error,
)
from stepdown.plans.history import adjustment_detail
from stepdown.plans.models import Plan, PlanAdjustment
from stepdown.plans.snapshot import plain, store, taper_of
from stepdown.web import formatting

# Stored in English in the history; the plan page translates it when it shows it.
REPLACED_REASON = gettext_noop("Replaced by a new plan.")

__all__ = [
    "PlanResult",
    "plan_build",
    "plan_cancel",
    "plan_complete",
    "plan_create",
    "plan_hold",
    "plan_reinstate",
    "plan_slow",
]


@dataclass(frozen=True)
class PlanResult:
    plan: Plan
    created: bool


def _record(
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


def plan_create(
    *,
    owner: User,
    product_id: int | None = None,
    confirm_above_recent: bool = False,
    replace_current: bool = False,
    reminder_time: dt.time | None = None,
    reason: str = "",
    source: str = "",
    proposed: dict[str, Any] | None = None,
    client_id: uuid.UUID | None = None,
    now: dt.datetime | None = None,
    **params: Any,
) -> PlanResult:
    """Save a new plan from the wizard's parameters (see :func:`plan_build`).

    The first step may not exceed the person's recent daily average (last 14 days) unless
    ``confirm_above_recent``. With an active plan already, ``replace_current`` ends it (kept as
    history, "ended early") and starts this one; without it the request is refused.
    The same ``client_id`` again returns the plan it created. ``source`` and ``proposed`` (who
    proposed it, for a clinician's proposal the person accepted) go into the history entry.
    """
    if client_id is not None:
        existing = Plan.objects.filter(owner=owner, client_id=client_id).first()
        if existing is not None:
            return PlanResult(existing, created=False)
    product = product_input(owner, product_id)
    taper = plan_build(owner=owner, now=now, **params)
    recent = selectors.recent_use(owner=owner, now=now)
    try:
        tapering.check_start_against_recent(
            start_g=plain(taper.start_g),
            recent_avg_g=recent.avg_g,
            confirmed=confirm_above_recent,
        )
    except TaperError as error:
        raise taper_error(error) from None
    note = reason_input(reason, required=False)
    origin = source_input(source)
    today = local_today(owner, now=now)
    try:
        with transaction.atomic():
            current = (
                Plan.objects.select_for_update()
                .filter(owner=owner, status=Plan.Status.ACTIVE)
                .first()
            )
            if current is not None:
                if not replace_current:
                    raise InvalidInput(
                        "replace_current",
                        _(
                            "You already have an active plan. "
                            "End it first, or choose to replace it."
                        ),
                    )
                _end(
                    current,
                    kind=PlanAdjustment.Kind.CANCEL,
                    today=today,
                    reason=REPLACED_REASON,
                    source="",
                    client_id=None,
                )
            plan = Plan(
                owner=owner, product=product, reminder_time=reminder_time, client_id=client_id
            )
            store(plan, taper)
            plan.save()
            _record(
                plan,
                kind=PlanAdjustment.Kind.CREATE,
                effective_date=taper.start_date,
                end_before=None,
                end_after=taper.end_date,
                reason=note,
                source=origin,
                detail=proposed,
            )
    except IntegrityError:
        # A concurrent retry with the same key won the race: answer with its plan.
        if client_id is not None:
            existing = Plan.objects.filter(owner=owner, client_id=client_id).first()
            if existing is not None:
                return PlanResult(existing, created=False)
        raise InvalidInput(
            "replace_current",
            _("Another plan was started at the same moment; reload and retry."),
        ) from None
    return PlanResult(plan, created=True)


def _locked(owner: User, plan_id: int) -> Plan:
    try:
        return (
            Plan.objects.select_for_update(of=("self",))
            .select_related("product")
            .get(owner=owner, pk=plan_id)
        )
    except Plan.DoesNotExist:
        raise NotFound("plan") from None


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
        plan = _locked(owner, plan_id)
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
        _record(
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


def _end(
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
    _record(
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
        plan = _locked(owner, plan_id)
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
        _end(plan, kind=kind, today=today, reason=note, source=origin, client_id=client_id)
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
