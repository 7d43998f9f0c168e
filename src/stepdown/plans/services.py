"""Creating a taper plan (changing one is in ``plans.adjust_services``, ending one in
``plans.end_services``, the reminder time and the calendar link in ``plans.calendar_services``).

It takes keyword-only arguments, applies the pure core as of the person's local today, saves,
and writes one history entry with the reason. The same ``client_id`` again changes nothing and
answers with the plan it created.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Any

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from stepdown.accounts.clock import local_today
from stepdown.accounts.models import User
from stepdown.core import tapering
from stepdown.core.tapering import TaperError
from stepdown.errors import InvalidInput
from stepdown.plans import selectors
from stepdown.plans.building import (
    plan_build,
    product_input,
    reason_input,
    source_input,
    taper_error,
)
from stepdown.plans.end_services import end_plan
from stepdown.plans.models import Plan, PlanAdjustment
from stepdown.plans.plan_writes import record_adjustment
from stepdown.plans.snapshot import plain, store

# Stored in English in the history; the plan page translates it when it shows it.
REPLACED_REASON = gettext_noop("Replaced by a new plan.")


@dataclass(frozen=True)
class PlanResult:
    plan: Plan
    created: bool


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
                end_plan(
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
            record_adjustment(
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
