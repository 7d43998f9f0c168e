"""Reads of onboarding answers, medicines, goals and risk snapshots, scoped to an owner.

Other apps call these (not the models): ``medicines_for`` (the interaction checker),
``onboarding_reason`` and ``recovery_for`` (journal / recovery mode), ``goal_limits`` (alerts).
"""

from __future__ import annotations

from stepdown.accounts.models import User
from stepdown.core.rules import Limits
from stepdown.goals.models import Goal, RiskSnapshot
from stepdown.web.raw_rows import raw_models
from stepdown.web.scalars import Scalar

RISK_HISTORY = 12


# Plain SQL: the limit rules read the goal after every dose, and building the ORM query cost
# several times running it (docs/performance.md). A person has at most one goal.
_GOAL_FROM = ' FROM "goals_goal" WHERE "owner_id" = %s'
_GOAL_SQL = "SELECT *" + _GOAL_FROM


def goal_for(*, owner: User) -> Goal | None:
    found = raw_models(Goal, _GOAL_SQL, [owner.pk])
    return found[0] if found else None


def goal_query(*, owner: User) -> Scalar:
    """The id of the person's goal, as a query to run with other apps' (``web.scalars``):
    whether :func:`goal_for` would find one."""
    return Scalar('SELECT "id"' + _GOAL_FROM, (owner.pk,))


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
