"""What the Today page shows beside the day's total: the plan's target for today, the person's own
daily limit, and whether a one-tap button would go past either.

The Today page reads the active plan and the goal once (``stepdown.today.panels``) and passes them
in. The page cache is keyed on the person's data revision, which every plan and goal write bumps,
so a new plan or a changed limit shows at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

from stepdown.accounts.models import User
from stepdown.core.potency import DoseInputError, estimate_dose
from stepdown.goals.models import Goal
from stepdown.goals.selectors import limits_of
from stepdown.journal.models import Dose
from stepdown.journal.recent import QuickPair
from stepdown.plans.models import Plan
from stepdown.plans.selectors import PlanToday, plan_today
from stepdown.web import formatting


@dataclass(frozen=True)
class Allowance:
    """Today's plan status (``None`` without an active plan) and the daily limit in grams."""

    plan: PlanToday | None
    limit_g: Decimal | None

    @property
    def target_g(self) -> Decimal | None:
        """Today's target while the plan runs (``None`` before it starts or without one)."""
        if self.plan is None or not self.plan.started:
            return None
        return self.plan.target_g

    @property
    def logged_g(self) -> Decimal:
        return self.plan.logged.total_g if self.plan else Decimal(0)

    @property
    def left_g(self) -> Decimal | None:
        """Grams left under today's target (never below zero)."""
        target = self.target_g
        return None if target is None else max(Decimal(0), target - self.logged_g)

    @property
    def over_g(self) -> Decimal:
        target = self.target_g
        return Decimal(0) if target is None else max(Decimal(0), self.logged_g - target)


def allowance_for(
    *, owner: User, plan: Plan | None, goal: Goal | None, todays_doses: list[Dose] | None = None
) -> Allowance:
    """Today's allowance from the active plan and the goal the caller has already read (and
    today's doses, when it has them all)."""
    return Allowance(
        plan=(
            None if plan is None else plan_today(owner=owner, plan=plan, todays_doses=todays_doses)
        ),
        limit_g=limits_of(goal).max_g_per_day,
    )


def _grams(pair: QuickPair) -> Decimal | None:
    try:
        estimate = estimate_dose(
            amount=pair.amount,
            unit=pair.unit,
            product=pair.product.spec if pair.product else None,
        )
    except DoseInputError:
        return None
    return estimate.grams


def quick_note(pair: QuickPair, *, allowance: Allowance, total_g: Decimal) -> str:
    """Words under a one-tap button that would take today past the plan's target or the
    person's own limit; empty when it would not (or when its grams are unknown)."""
    grams = _grams(pair)
    if grams is None:
        return ""
    target = allowance.target_g
    over_target = target is not None and allowance.logged_g + grams > target
    limit = allowance.limit_g
    over_limit = limit is not None and total_g + grams > limit
    numbers = {"target": formatting.number(target, 3), "limit": formatting.number(limit, 3)}
    if over_target and over_limit:
        return (
            _(
                "Takes today above today's plan target of %(target)s g and your limit of "
                "%(limit)s g a day"
            )
            % numbers
        )
    if over_target:
        return _("Takes today above today's plan target of %(target)s g") % numbers
    if over_limit:
        return _("Takes today above your limit of %(limit)s g a day") % numbers
    return ""
