"""Writes for alerts and nudges: status changes, dismissing, and answers to suggestions.

Recording what the rules found is ``recording``; running the rules is ``evaluation``.

**Suggestions.** Nothing changes the plan until the person accepts; accepting calls the plans
service (``source="alert"``, a reason naming the alert) with the suggestion's own idempotency
key, so a double tap changes the plan once. Declining is recorded too.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext as _

from stepdown.accounts.models import User
from stepdown.alerts import selectors
from stepdown.alerts.models import Alert, AlertEvent, SuggestedAdjustment
from stepdown.alerts.recording import suggestions_supersede
from stepdown.alerts.summary import alerts_changed
from stepdown.errors import InvalidInput, NotFound
from stepdown.plans import adjust_services
from stepdown.plans.models import PlanAdjustment

NOTE_MAX = 500

# Written by Stepdown into stored rows in English; pages translate them where they show them.
DEFAULT_REASON = gettext_noop("Suggested by the alert “%(title)s” of %(day)s.")
DECLINE_REASON = gettext_noop("Not now.")
DECLINED_NOTE = gettext_noop("Suggestion declined.")
CHECKIN_CAME_NOTE = gettext_noop("A daily check-in came in.")
ACCEPTED_NOTES = {
    SuggestedAdjustment.Kind.HOLD: gettext_noop("Suggestion accepted: hold this step."),
    SuggestedAdjustment.Kind.REINSTATE: gettext_noop("Suggestion accepted: go back one step."),
    SuggestedAdjustment.Kind.SLOW: gettext_noop("Suggestion accepted: slow the rest of the plan."),
}
# Why an answer to a suggestion is refused, by the suggestion's status.
_DECIDED = {
    SuggestedAdjustment.Status.ACCEPTED: gettext_noop("This suggestion is accepted."),
    SuggestedAdjustment.Status.DECLINED: gettext_noop("This suggestion is declined."),
    SuggestedAdjustment.Status.SUPERSEDED: gettext_noop("This suggestion is no longer needed."),
}


# --- status changes -------------------------------------------------------------------------


def _note(note: str) -> str:
    text = (note or "").strip()
    if len(text) > NOTE_MAX:
        raise InvalidInput(
            "note", gettext("Keep the note under %(count)d characters.") % {"count": NOTE_MAX}
        )
    return text


def _locked_alert(owner: User, alert_id: int) -> Alert:
    try:
        return Alert.objects.select_for_update().get(
            owner=owner, kind=Alert.Kind.ALERT, pk=alert_id
        )
    except Alert.DoesNotExist:
        raise NotFound("alert") from None


def _move(
    owner: User, alert: Alert, status: str, *, actor: User | None, note: str, bump: bool = True
) -> None:
    now = timezone.now()
    alert.status = status
    if status == Alert.Status.ACKNOWLEDGED:
        alert.acknowledged_at = now
    if status == Alert.Status.RESOLVED:
        alert.resolved_at = now
        alert.acknowledged_at = alert.acknowledged_at or now
    alert.save(update_fields=["status", "acknowledged_at", "resolved_at", "updated_at"])
    AlertEvent.objects.create(alert=alert, status=status, actor=actor, note=note, created_at=now)
    if bump:
        alerts_changed(owner=owner)


def alert_acknowledge(
    *, owner: User, alert_id: int, note: str = "", actor: User | None = None
) -> Alert:
    """Mark an open alert as seen (by the person, or by ``actor``: a clinician who checked
    the person's access first). Seen again changes nothing; a resolved one is refused."""
    text = _note(note)
    with transaction.atomic():
        alert = _locked_alert(owner, alert_id)
        if alert.status == Alert.Status.RESOLVED:
            raise InvalidInput("status", gettext("This alert is already resolved."))
        if alert.status == Alert.Status.OPEN:
            _move(owner, alert, Alert.Status.ACKNOWLEDGED, actor=actor or owner, note=text)
    return alert


def alert_resolve(*, owner: User, alert_id: int, note: str = "") -> Alert:
    """Mark an alert as dealt with. Resolving twice changes nothing."""
    text = _note(note)
    with transaction.atomic():
        alert = _locked_alert(owner, alert_id)
        if alert.status != Alert.Status.RESOLVED:
            _move(owner, alert, Alert.Status.RESOLVED, actor=owner, note=text)
    return alert


def alerts_resolve_by_app(*, owner: User, code: str, note: str) -> int:
    """Resolve every unresolved alert of ``code`` because its cause has gone (e.g. a check-in
    ended a run of missed ones). Returns how many were resolved; two queries when some were."""
    rows = list(
        Alert.objects.filter(owner=owner, kind=Alert.Kind.ALERT, code=code).exclude(
            status=Alert.Status.RESOLVED
        )
    )
    for alert in rows:
        _move(owner, alert, Alert.Status.RESOLVED, actor=None, note=note, bump=False)
    if rows:
        alerts_changed(owner=owner)
    return len(rows)


# --- suggestions ----------------------------------------------------------------------------


def _locked_suggestion(owner: User, suggestion_id: int) -> SuggestedAdjustment:
    try:
        return (
            SuggestedAdjustment.objects.select_for_update()
            .select_related("alert", "plan")
            .get(owner=owner, pk=suggestion_id)
        )
    except SuggestedAdjustment.DoesNotExist:
        raise NotFound("suggestion") from None


def default_reason(suggestion: SuggestedAdjustment) -> str:
    """The reason an accepted suggestion gives the plan's history when the person gives none:
    it names the alert. Stored in English (``wording.shown_reason`` words it for a page)."""
    alert = suggestion.alert
    day = timezone.localtime(alert.created_at, suggestion.owner.zone)
    return DEFAULT_REASON % {"title": alert.title, "day": f"{day:%-d %B %Y}"}


def suggestion_accept(
    *,
    owner: User,
    suggestion_id: int,
    reason: str = "",
    now: dt.datetime | None = None,
) -> SuggestedAdjustment:
    """Make the suggested change to the plan and resolve the alert behind it.

    The plan history records ``source="alert"`` and ``reason`` (by default one naming the
    alert). Accepting an accepted suggestion again returns it unchanged; a declined or
    superseded one, or one whose plan has ended, is refused with :class:`InvalidInput`.
    """
    with transaction.atomic():
        suggestion = _locked_suggestion(owner, suggestion_id)
        if suggestion.status == SuggestedAdjustment.Status.ACCEPTED:
            return suggestion
        if suggestion.status != SuggestedAdjustment.Status.SUGGESTED:
            raise InvalidInput(
                "suggestion", gettext(_DECIDED[SuggestedAdjustment.Status(suggestion.status)])
            )
        text = (reason or "").strip() or default_reason(suggestion)
        key, plan_id = suggestion.client_id, suggestion.plan_id
        days = suggestion.days or 0
        if suggestion.kind == SuggestedAdjustment.Kind.HOLD:
            plan = adjust_services.plan_hold(
                owner=owner, plan_id=plan_id, days=days, reason=text, source="alert",
                client_id=key, now=now,
            )  # fmt: skip
        elif suggestion.kind == SuggestedAdjustment.Kind.REINSTATE:
            plan = adjust_services.plan_reinstate(
                owner=owner, plan_id=plan_id, reason=text, source="alert", client_id=key, now=now
            )
        else:
            # ``days`` more for each remaining step: the plan's interval grows by that much.
            plan = adjust_services.plan_slow(
                owner=owner, plan_id=plan_id, reason=text, source="alert", client_id=key,
                interval_days=suggestion.plan.interval_days + days, now=now,
            )  # fmt: skip
        suggestion.adjustment = PlanAdjustment.objects.get(
            plan=plan, client_id=suggestion.client_id
        )
        suggestion.status = SuggestedAdjustment.Status.ACCEPTED
        suggestion.reason = text
        suggestion.decided_at = timezone.now()
        suggestion.save(update_fields=["adjustment", "status", "reason", "decided_at"])
        alerts_changed(owner=owner)
        alert = _locked_alert(owner, suggestion.alert_id)
        if alert.status != Alert.Status.RESOLVED:
            note = ACCEPTED_NOTES[SuggestedAdjustment.Kind(suggestion.kind)]
            _move(owner, alert, Alert.Status.RESOLVED, actor=owner, note=note)
        suggestion.alert = alert
    return suggestion


def suggestion_decline(*, owner: User, suggestion_id: int, reason: str = "") -> SuggestedAdjustment:
    """Record that the person said no; the plan stays as it is and the alert is marked seen.
    Declining a declined suggestion again returns it unchanged."""
    text = _note(reason)
    with transaction.atomic():
        suggestion = _locked_suggestion(owner, suggestion_id)
        if suggestion.status == SuggestedAdjustment.Status.DECLINED:
            return suggestion
        if suggestion.status != SuggestedAdjustment.Status.SUGGESTED:
            raise InvalidInput(
                "suggestion", gettext(_DECIDED[SuggestedAdjustment.Status(suggestion.status)])
            )
        suggestion.status = SuggestedAdjustment.Status.DECLINED
        suggestion.reason = text
        suggestion.decided_at = timezone.now()
        suggestion.save(update_fields=["status", "reason", "decided_at"])
        alerts_changed(owner=owner)
        alert = _locked_alert(owner, suggestion.alert_id)
        if alert.status == Alert.Status.OPEN:
            _move(owner, alert, Alert.Status.ACKNOWLEDGED, actor=owner, note=DECLINED_NOTE)
        suggestion.alert = alert
    return suggestion


def suggestions_after_plan_change(*, owner: User, adjustment: PlanAdjustment) -> int:
    """Retire pending suggestions that a plan change made pointless; returns how many.

    An ended plan, or one paused for pregnancy, takes its pending suggestions with it. A change
    the person made themselves (not by accepting a suggestion) replaces a pending suggestion of
    the same kind, and going back a step replaces a pending hold.
    """
    kind = adjustment.kind
    # A plan paused for pregnancy or breastfeeding takes no suggested change (ACOG2017Opioid).
    if kind in (PlanAdjustment.Kind.CANCEL, PlanAdjustment.Kind.COMPLETE) or (
        adjustment.source == "pregnancy"
    ):
        return suggestions_supersede(owner=owner, plan_id=adjustment.plan_id)
    if adjustment.source == "alert" or kind == PlanAdjustment.Kind.CREATE:
        return 0
    kinds = [kind]
    if kind == PlanAdjustment.Kind.REINSTATE:
        kinds.append(PlanAdjustment.Kind.HOLD)
    return suggestions_supersede(owner=owner, plan_id=adjustment.plan_id, kinds=kinds)


# --- nudges ---------------------------------------------------------------------------------


def nudge_dismiss(*, owner: User, nudge_id: int, with_older: bool = False) -> Alert:
    """Take a nudge card off Today and /goals/ (repeating it changes nothing); a dismissed
    nudge stays dismissed, since its cause is never raised again. An ``escalation`` card keeps
    its alert's status: dismissing is not dealing with it.

    ``with_older`` also dismisses the older shown nudges of the same kind, which a grouped card
    stands for.
    """
    if not isinstance(nudge_id, int) or isinstance(nudge_id, bool):
        raise InvalidInput("nudge_id", _("Unknown nudge."))
    nudge = selectors.nudge_get(owner=owner, nudge_id=nudge_id)
    now = timezone.now()
    if with_older:
        selectors.nudges_for(owner=owner).filter(
            code=nudge.code, dismissed_at__isnull=True, created_at__lte=nudge.created_at
        ).update(dismissed_at=now)
        alerts_changed(owner=owner)
        nudge.refresh_from_db(fields=["dismissed_at"])
    elif nudge.dismissed_at is None:
        nudge.dismissed_at = now
        nudge.save(update_fields=["dismissed_at"])
    return nudge
