"""Writes of goals and limits. Every function is owner-scoped; the goals page and
``PUT /api/v1/goals`` reject the same things with the same words (``InvalidInput``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from stepdown.accounts.clock import local_today
from stepdown.accounts.models import User
from stepdown.core.potency import MAX_DOSE_G
from stepdown.errors import InvalidInput
from stepdown.goals.models import Goal
from stepdown.profile.cleaning import decimal_answer, text_answer

# Plausibility guards against typing errors (assumptions): no one sets more than 48 hours
# between doses as a limit, or pays more than 10000 for a gram.
MAX_HOURS_BETWEEN = Decimal(48)
MAX_PRICE_PER_G = Decimal(10000)


GOAL_FIELDS = (
    "purpose",
    "end_date",
    "max_g_per_day",
    "max_days_per_week",
    "min_hours_between",
    "no_use_after",
    "allowed_weekdays",
    "price_per_g",
    "currency",
)
LIMIT_FIELDS = frozenset(GOAL_FIELDS) - {"purpose", "price_per_g", "currency"}


def weekdays_clean(value: Any) -> list[int] | None:
    """Days of the week as sorted numbers 0 (Monday) to 6 (Sunday); none given or all seven
    is "any day" (``None``)."""
    if value is None:
        return None
    message = "Choose days of the week, Monday (0) to Sunday (6)."
    if not isinstance(value, list | tuple | set | frozenset):
        raise InvalidInput("allowed_weekdays", message)
    days = set()
    for item in value:
        if isinstance(item, bool) or not isinstance(item, int | str) or str(item) not in "0123456":
            raise InvalidInput("allowed_weekdays", message)
        days.add(int(item))
    return None if not days or len(days) == 7 else sorted(days)


def _clean_goal(owner: User, fields: Mapping[str, Any], current: Goal | None) -> dict[str, Any]:
    unknown = sorted(set(fields) - set(GOAL_FIELDS))
    if unknown:
        raise InvalidInput(unknown[0], _("This is not a goal or limit."))
    clean: dict[str, Any] = {
        "purpose": text_answer("purpose", fields.get("purpose"), 200),
        "currency": text_answer("currency", fields.get("currency"), 8),
        "max_g_per_day": decimal_answer(
            "max_g_per_day", fields.get("max_g_per_day"), high=MAX_DOSE_G, places=2
        ),
        "min_hours_between": decimal_answer(
            "min_hours_between", fields.get("min_hours_between"), high=MAX_HOURS_BETWEEN, places=1
        ),
        "price_per_g": decimal_answer(
            "price_per_g", fields.get("price_per_g"), high=MAX_PRICE_PER_G, places=3
        ),
    }
    days = fields.get("max_days_per_week")
    if days is not None and (not isinstance(days, int) or not 0 <= days <= 7):
        raise InvalidInput("max_days_per_week", _("Enter a whole number of days from 0 to 7."))
    clean["max_days_per_week"] = days
    clean["allowed_weekdays"] = weekdays_clean(fields.get("allowed_weekdays"))
    after = fields.get("no_use_after")
    if after is not None and not isinstance(after, dt.time):
        raise InvalidInput("no_use_after", _("Enter a time of day, such as 20:00."))
    clean["no_use_after"] = after.replace(second=0, microsecond=0) if after else None
    end = fields.get("end_date")
    if end is not None and not isinstance(end, dt.date):
        raise InvalidInput("end_date", _("Enter a date."))
    # A past end date is only kept when it was already there: the goal ran its course.
    unchanged = current is not None and current.end_date == end
    if end is not None and end < local_today(owner) and not unchanged:
        raise InvalidInput("end_date", _("Choose today or a later date."))
    clean["end_date"] = end
    return clean


def goal_save(*, owner: User, fields: Mapping[str, Any]) -> Goal:
    """Create or replace the person's goal and limits (a field left out is "not set").

    When any limit changes, ``limits_from`` moves to today: the new limits apply from now on.
    """
    current = Goal.objects.filter(owner=owner).first()
    clean = _clean_goal(owner, fields, current)
    today = local_today(owner)
    if current is None:
        try:
            with transaction.atomic():
                return Goal.objects.create(owner=owner, limits_from=today, **clean)
        except IntegrityError:  # created by a concurrent request; update it instead
            current = Goal.objects.get(owner=owner)
    changed = any(getattr(current, name) != clean[name] for name in LIMIT_FIELDS)
    for name, value in clean.items():
        setattr(current, name, value)
    if changed:
        current.limits_from = today
    current.save()
    return current
