"""Reads of onboarding answers, medicines, goals and risk snapshots, scoped to an owner.

Other apps call these (not the models): ``medicines_for`` (the interaction checker),
``onboarding_reason`` and ``recovery_for`` (journal / recovery mode), ``goal_limits`` (alerts).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from stepdown.accounts.models import User
from stepdown.core.rules import Limits
from stepdown.goals.models import Goal, Medicine, Onboarding, RiskSnapshot

RISK_HISTORY = 12


def onboarding_for(*, owner: User) -> Onboarding | None:
    return Onboarding.objects.filter(owner=owner).first()


def taper_paused(*, owner: User) -> bool:
    """Whether the person said they are pregnant or breastfeeding: plans pause and no cut is
    suggested (ACOG2017Opioid)."""
    record = onboarding_for(owner=owner)
    return record is not None and record.pauses_taper


def onboarding_reason(*, owner: User) -> str | None:
    """``avoid_dependence``, ``cut_down``, ``quit``, ``opioid_recovery``, ``just_tracking``, or
    ``None`` when the person has not said."""
    reason = Onboarding.objects.filter(owner=owner).values_list("reason", flat=True).first()
    return reason or None


@dataclass(frozen=True)
class Recovery:
    """For ``opioid_recovery``: the opioid the person is moving away from, and when last used."""

    original_substance: str
    last_used_on: dt.date | None


def recovery_for(*, owner: User) -> Recovery | None:
    """The recovery details, or ``None`` unless the reason is ``opioid_recovery``."""
    row = (
        Onboarding.objects.filter(owner=owner, reason=Onboarding.ReasonChoice.OPIOID_RECOVERY)
        .values_list("original_substance", "original_last_used_on")
        .first()
    )
    return None if row is None else Recovery(original_substance=row[0], last_used_on=row[1])


def medicines_for(*, owner: User) -> list[str]:
    """The medicine names the person listed, as typed, in alphabetical order."""
    names = Medicine.objects.filter(owner=owner).values_list("name", flat=True)
    return sorted(names, key=str.casefold)


def starting_g_per_day(onboarding: Onboarding | None) -> Decimal | None:
    """Average grams a day in the pattern described at onboarding (the "starting point").

    days a week ÷ 7 × doses a day × grams a dose; ``None`` unless all three were given.
    """
    if onboarding is None:
        return None
    days, doses, grams = (
        onboarding.days_per_week,
        onboarding.doses_per_day,
        onboarding.grams_per_dose,
    )
    if days is None or doses is None or grams is None:
        return None
    return Decimal(days) * doses * grams / 7


def goal_for(*, owner: User) -> Goal | None:
    return Goal.objects.filter(owner=owner).first()


def limits_of(goal: Goal | None) -> Limits:
    """The rule engine's view of a goal (everything unset without one)."""
    if goal is None:
        return Limits()
    return Limits(
        max_g_per_day=goal.max_g_per_day,
        max_days_per_week=goal.max_days_per_week,
        min_hours_between=goal.min_hours_between,
        no_use_after=goal.no_use_after,
        end_date=goal.end_date,
        allowed_weekdays=(
            frozenset(goal.allowed_weekdays) if goal.allowed_weekdays is not None else None
        ),
    )


def limits_set(limits: Limits) -> bool:
    """Whether any limit is set (a goal may hold only a purpose or a price)."""
    return any(
        value is not None
        for value in (
            limits.max_g_per_day,
            limits.max_days_per_week,
            limits.min_hours_between,
            limits.no_use_after,
            limits.end_date,
            limits.allowed_weekdays,
        )
    )


def goal_limits(*, owner: User) -> Limits:
    """The person's limits for the rule engine (``stepdown.core.rules.Limits``)."""
    return limits_of(goal_for(owner=owner))


def risk_history(*, owner: User, limit: int = RISK_HISTORY) -> list[RiskSnapshot]:
    return list(RiskSnapshot.objects.filter(owner=owner)[:limit])


def latest_snapshot(*, owner: User) -> RiskSnapshot | None:
    return RiskSnapshot.objects.filter(owner=owner).first()
