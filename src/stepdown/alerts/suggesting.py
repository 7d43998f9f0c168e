"""What a suggestion card shows: the change in words, the end date it would give, the forms;
the cards waiting on a plan, which the plan page shows; and the reasons Stepdown wrote for an
answer (stored in English) in the reader's language."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext, ngettext

from stepdown.accounts.clock import local_today
from stepdown.accounts.models import User
from stepdown.alerts import selectors
from stepdown.alerts.forms import DecisionForm, DeclineForm
from stepdown.alerts.models import SuggestedAdjustment
from stepdown.alerts.services import DECLINE_REASON, DEFAULT_REASON, default_reason
from stepdown.alerts.summary import alert_summary, cached_summary
from stepdown.alerts.wording import ShownNotice, in_english, shown_notice
from stepdown.core import tapering
from stepdown.core.tapering import TaperError
from stepdown.plans.models import Plan, PlanAdjustment
from stepdown.plans.snapshot import taper_of
from stepdown.web import formatting


@dataclass(frozen=True)
class SuggestionCard:
    suggestion: SuggestedAdjustment
    change: str
    why: ShownNotice
    reason: str
    end_before: dt.date
    end_after: dt.date | None
    accept_form: DecisionForm
    decline_form: DecisionForm


def describe(suggestion: SuggestedAdjustment) -> str:
    days = suggestion.days or 0
    if suggestion.kind == SuggestedAdjustment.Kind.HOLD:
        return ngettext(
            "Stay on your current step %(days)d day longer.",
            "Stay on your current step %(days)d days longer.",
            days,
        ) % {"days": days}
    if suggestion.kind == SuggestedAdjustment.Kind.REINSTATE:
        return gettext("Go back to your previous amount for one step, then cut again from there.")
    return ngettext(
        "Give each remaining step %(days)d more day.",
        "Give each remaining step %(days)d more days.",
        days,
    ) % {"days": days}


def shown_default_reason(suggestion: SuggestedAdjustment) -> str:
    """:func:`~stepdown.alerts.services.default_reason` in the reader's language."""
    alert = suggestion.alert
    day = timezone.localtime(alert.created_at, suggestion.owner.zone)
    return gettext(DEFAULT_REASON) % {
        "title": shown_notice(alert).title,
        "day": formatting.date(day, "j F Y"),
    }


def shown_reason(suggestion: SuggestedAdjustment, reason: str) -> str:
    """A reason Stepdown wrote (naming the alert, or "Not now.") in the reader's language; the
    person's own words as they are."""
    if in_english() or not reason:
        return reason
    if reason == DECLINE_REASON:
        return gettext(DECLINE_REASON)
    if reason == default_reason(suggestion):
        return shown_default_reason(suggestion)
    return reason


def stored_reason(suggestion: SuggestedAdjustment, reason: str, *, accept: bool) -> str:
    """The reason a form sent, with the prefilled one given back in English (an empty accept
    reason is the default one), so the stored row keeps English and every page words it."""
    if accept and reason == shown_default_reason(suggestion):
        return ""
    if not accept and reason == gettext(DECLINE_REASON):
        return DECLINE_REASON
    return reason


def with_shown_reasons(*, owner: User, entries: list[PlanAdjustment]) -> list[PlanAdjustment]:
    """A plan's history with the reasons accepted suggestions wrote in the reader's language.

    Only the entries in memory change (nothing is saved): the plan page shows ``entry.reason``.
    In English, or without such entries, no query; otherwise one.
    """
    from_alerts = [entry for entry in entries if entry.source == "alert" and entry.reason]
    if in_english() or not from_alerts:
        return entries
    behind = selectors.suggestions_behind(owner=owner, adjustments=from_alerts)
    for entry in from_alerts:
        suggestion = behind.get(entry.pk)
        if suggestion is not None:
            entry.reason = shown_reason(suggestion, entry.reason)
    return entries


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
    reason = shown_default_reason(suggestion)
    pending = suggestion.is_pending and plan.is_active
    return SuggestionCard(
        suggestion=suggestion,
        change=describe(suggestion),
        why=shown_notice(suggestion.alert),
        reason=shown_reason(suggestion, suggestion.reason),
        end_before=plan.end_date,
        end_after=preview_end(plan, suggestion, local_today(owner)) if pending else None,
        accept_form=forms.get("accept")
        or DecisionForm(initial={"reason": reason}, prefix=f"accept-{suggestion.pk}"),
        decline_form=forms.get("decline")
        or DeclineForm(
            initial={"reason": gettext(DECLINE_REASON)}, prefix=f"decline-{suggestion.pk}"
        ),
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
