"""What a suggestion card shows: the change in words, the end date it would give, the forms;
and the cards waiting on a plan, which the plan page shows."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from stepdown.accounts.clock import local_today
from stepdown.accounts.models import User
from stepdown.alerts import selectors
from stepdown.alerts.forms import DecisionForm, DeclineForm
from stepdown.alerts.models import SuggestedAdjustment
from stepdown.alerts.services import default_reason
from stepdown.alerts.summary import alert_summary, cached_summary
from stepdown.core import tapering
from stepdown.core.tapering import TaperError
from stepdown.plans.models import Plan
from stepdown.plans.snapshot import taper_of


@dataclass(frozen=True)
class SuggestionCard:
    suggestion: SuggestedAdjustment
    change: str
    end_before: dt.date
    end_after: dt.date | None
    accept_form: DecisionForm
    decline_form: DecisionForm


def describe(suggestion: SuggestedAdjustment) -> str:
    days = suggestion.days or 0
    if suggestion.kind == SuggestedAdjustment.Kind.HOLD:
        return f"Stay on your current step {days} days longer."
    if suggestion.kind == SuggestedAdjustment.Kind.REINSTATE:
        return "Go back to your previous amount for one step, then cut again from there."
    return f"Give each remaining step {days} more days."


def preview_end(plan: Plan, suggestion: SuggestedAdjustment, today: dt.date) -> dt.date | None:
    """The plan's end date if the suggestion were accepted today (pure; nothing is saved)."""
    taper = taper_of(plan)
    days = suggestion.days or 0
    try:
        if suggestion.kind == SuggestedAdjustment.Kind.HOLD:
            return tapering.hold(taper, as_of=today, days=days).end_date
        if suggestion.kind == SuggestedAdjustment.Kind.REINSTATE:
            return tapering.reinstate(taper, as_of=today).end_date
        return tapering.slow(taper, as_of=today, interval_days=plan.interval_days + days).end_date
    except TaperError:
        return None


def suggestion_card(
    *,
    owner: User,
    suggestion: SuggestedAdjustment,
    plan: Plan | None = None,
    bound: dict[str, DecisionForm] | None = None,
) -> SuggestionCard:
    plan = plan or suggestion.plan
    forms = bound or {}
    reason = default_reason(suggestion)
    pending = suggestion.is_pending and plan.is_active
    return SuggestionCard(
        suggestion=suggestion,
        change=describe(suggestion),
        end_before=plan.end_date,
        end_after=preview_end(plan, suggestion, local_today(owner)) if pending else None,
        accept_form=forms.get("accept")
        or DecisionForm(initial={"reason": reason}, prefix=f"accept-{suggestion.pk}"),
        decline_form=forms.get("decline")
        or DeclineForm(initial={"reason": "Not now."}, prefix=f"decline-{suggestion.pk}"),
    )


def plan_suggestion_cards(*, owner: User, plan: Plan | None) -> list[SuggestionCard]:
    """The suggestions waiting for the person's answer on ``plan``, each with Accept and Decline
    (nothing changes until the person accepts). The person's alert summary (cached per data
    revision) says whether any wait on this plan, so usually no query is made; when some do, one
    query reads them with their alerts."""
    if plan is None or not plan.is_active:
        return []
    summary = cached_summary(owner=owner) or alert_summary(owner=owner)
    if plan.pk not in summary.pending_plan_ids:
        return []
    pending = selectors.pending_for_plan(owner=owner, plan=plan)
    return [suggestion_card(owner=owner, suggestion=item, plan=plan) for item in pending]
