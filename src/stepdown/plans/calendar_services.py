"""Writes to a plan's calendar: the daily reminder time of its calendar export, and the secret
link a calendar app subscribes to. Each checks ownership first (another person's plan is
:class:`~stepdown.errors.NotFound`)."""

from __future__ import annotations

import datetime as dt
import secrets

from django.utils import timezone

from stepdown.accounts.models import User
from stepdown.plans import selectors
from stepdown.plans.models import Plan


def plan_set_reminder(*, owner: User, plan_id: int, reminder_time: dt.time | None) -> Plan:
    """Set or clear the daily reminder time used by the calendar export."""
    plan = selectors.plan_get(owner=owner, plan_id=plan_id)
    if reminder_time is not None:
        # A calendar alarm is a floating local time to the minute.
        reminder_time = reminder_time.replace(second=0, microsecond=0, tzinfo=None)
    plan.reminder_time = reminder_time
    plan.save(update_fields=["reminder_time", "updated_at"])
    return plan


def plan_calendar_link_create(*, owner: User, plan_id: int) -> str:
    """A new secret for the plan's calendar link; any earlier link stops working. The secret
    is returned once; only its hash is stored."""
    plan = selectors.plan_get(owner=owner, plan_id=plan_id)
    secret = secrets.token_urlsafe(32)
    plan.calendar_token_hash = selectors.token_hash(secret)
    plan.calendar_token_created_at = timezone.now()
    plan.save(update_fields=["calendar_token_hash", "calendar_token_created_at", "updated_at"])
    return secret


def plan_calendar_link_revoke(*, owner: User, plan_id: int) -> None:
    """Stop the plan's calendar link from working."""
    plan = selectors.plan_get(owner=owner, plan_id=plan_id)
    plan.calendar_token_hash = None
    plan.calendar_token_created_at = None
    plan.save(update_fields=["calendar_token_hash", "calendar_token_created_at", "updated_at"])
