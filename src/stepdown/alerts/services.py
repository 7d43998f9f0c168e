"""Writes for alerts: recording what the rules found, status changes, and suggestions.

**Deduplication.** One alert per person, code and cause, ever: a cause that was recorded once
(open, seen or resolved) is not raised again. The core's ``deduplicate`` compares the new
alerts with every stored row of the same keys; the conditional unique constraint (one
unresolved row per key) guards against two writers racing. A rule that must be able to speak
again puts the new situation into its cause (a new day, a new step, ``:reinstate`` after
``:hold``), so nothing that matters is swallowed.

**Suggestions.** An alert whose rule proposes a plan change gets a
:class:`~stepdown.alerts.models.SuggestedAdjustment` on the active plan. Nothing changes the
plan until the person accepts; accepting calls the plans service (``source="alert"``, a reason
naming the alert) with the suggestion's own idempotency key, so a double tap changes the plan
once. Declining is recorded too.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable
from contextlib import nullcontext

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from stepdown.accounts.models import User
from stepdown.alerts.context import load_context
from stepdown.alerts.models import Alert, AlertEvent, SuggestedAdjustment
from stepdown.alerts.summary import alerts_changed
from stepdown.core import rules
from stepdown.core.rules import SuggestionKind, deduplicate, evaluate_rules
from stepdown.errors import InvalidInput, NotFound
from stepdown.goals.selectors import taper_paused
from stepdown.journal.selectors import local_today
from stepdown.plans import services as plans
from stepdown.plans.models import Plan, PlanAdjustment
from stepdown.plans.selectors import current_plan

logger = logging.getLogger(__name__)

# Every rule of the safety net (issue 6); the goal-and-limit nudges belong to the goals app.
SAFETY_NET_CODES = rules.SAFETY_NET_RULES
NOTE_MAX = 500


def _row(owner: User, alert: rules.Alert) -> Alert:
    return Alert(
        owner=owner,
        code=alert.code,
        severity=alert.severity.value,
        title=alert.title,
        explanation=alert.explanation,
        action=alert.action,
        source=alert.source,
        learn_slug=alert.learn_slug.value,
        cause_key=alert.cause_key,
    )


def _stored_with_keys(owner: User, keys: set[tuple[str, str]]) -> list[Alert]:
    """Every stored alert (any status) with one of ``keys``: one query."""
    condition = Q()
    for code, cause in keys:
        condition |= Q(code=code, cause_key=cause)
    return list(Alert.objects.filter(condition, owner=owner).only("code", "cause_key"))


def _suggest(
    owner: User, pairs: list[tuple[Alert, rules.Suggestion]], plan: Plan | None
) -> list[SuggestedAdjustment]:
    """Suggestions for newly stored alerts, on the active plan; one pending per kind."""
    if not pairs:
        return []
    plan = plan if plan is not None else current_plan(owner=owner)
    if plan is None or not plan.is_active or taper_paused(owner=owner):
        # Pregnant or breastfeeding: no automatic plan changes; a clinician decides.
        return []
    pending = set(
        SuggestedAdjustment.objects.filter(
            plan=plan, status=SuggestedAdjustment.Status.SUGGESTED
        ).values_list("kind", flat=True)
    )
    made = []
    for alert, suggestion in pairs:
        kind = suggestion.kind.value
        if kind == SuggestionKind.REINSTATE and SuggestionKind.HOLD in pending:
            # Going back a step replaces a hold not yet decided (the core's stronger advice).
            _supersede(owner, plan.pk, kinds=(SuggestionKind.HOLD.value,))
            pending.discard(SuggestionKind.HOLD.value)
        if kind in pending:
            continue
        params = {} if suggestion.days is None else {"days": suggestion.days}
        made.append(
            SuggestedAdjustment.objects.create(
                owner=owner, alert=alert, plan=plan, kind=kind, parameters=params
            )
        )
        pending.add(kind)
    return made


def record_alerts(*, owner: User, alerts: Iterable[rules.Alert]) -> list[Alert]:
    """Store the alerts whose ``(code, cause_key)`` was never recorded for ``owner``.

    Returns the new rows, most urgent first. Alerts that carry a suggestion get a suggested
    adjustment on the person's active plan. Call it inside the transaction of the write that
    caused the alerts, so they commit (or roll back) together.
    """
    return _record(owner=owner, alerts=tuple(alerts), plan=None)


def _record(owner: User, alerts: tuple[rules.Alert, ...], plan: Plan | None) -> list[Alert]:
    if not alerts:
        return []
    stored = _stored_with_keys(owner, {alert.key for alert in alerts})
    fresh = rules.by_severity(deduplicate(stored, alerts))
    if not fresh:
        return []
    created: list[Alert] = []
    pairs: list[tuple[Alert, rules.Suggestion]] = []
    with transaction.atomic():
        for alert in fresh:
            row = _row(owner, alert)
            try:
                with transaction.atomic():
                    row.save()
            except IntegrityError:
                continue  # a concurrent write recorded the same cause a moment earlier
            created.append(row)
            if alert.suggestion is not None:
                pairs.append((row, alert.suggestion))
        AlertEvent.objects.bulk_create(
            AlertEvent(alert=row, status=Alert.Status.OPEN, created_at=row.created_at)
            for row in created
        )
        _suggest(owner, pairs, plan)
        if created:
            alerts_changed(owner=owner)
    return created


def alerts_evaluate(
    *,
    owner: User,
    codes: Iterable[str] | None = None,
    today: dt.date | None = None,
) -> list[Alert]:
    """Run the safety-net rules (``codes``, default all) over the person's recent history as of
    ``today`` (default their local today) and store the new alerts. Returns the new rows.

    Raises :class:`InvalidInput` for an unknown or non-safety-net code.
    """
    chosen = tuple(SAFETY_NET_CODES if codes is None else codes)
    unknown = sorted(set(chosen) - set(SAFETY_NET_CODES))
    if unknown:
        raise InvalidInput("codes", f"Unknown alert rule {', '.join(unknown)}.")
    loaded = load_context(owner=owner, codes=chosen, today=today or local_today(owner))
    if not loaded.codes:
        return []
    found = evaluate_rules(context=loaded.context, codes=loaded.codes)
    return _record(owner=owner, alerts=found, plan=loaded.plan)


def evaluate_safely(
    *,
    owner: User,
    codes: Iterable[str],
    today: dt.date | None = None,
    flags: tuple[rules.QuestionnaireFlag, ...] | None = None,
    products: tuple[rules.ProductView, ...] | None = None,
    switches: tuple[rules.ProductSwitch, ...] | None = None,
) -> list[Alert]:
    """What the triggers call: evaluate the rules, and never fail the write.

    A bug or a database error here must not lose the person's dose or check-in. Inside the
    write's transaction the work runs in a savepoint, rolled back alone on error; in autocommit
    mode the reads need no transaction (and opening one would cost a commit per dose), and
    ``_record`` writes in its own. The error is logged, and the daily job catches up later.
    """
    chosen = tuple(codes)
    guard = transaction.atomic() if transaction.get_connection().in_atomic_block else nullcontext()
    try:
        with guard:
            loaded = load_context(
                owner=owner,
                codes=chosen,
                today=today or local_today(owner),
                flags=flags,
                products=products,
                switches=switches,
            )
            if not loaded.codes:
                return []
            found = evaluate_rules(context=loaded.context, codes=loaded.codes)
            return _record(owner=owner, alerts=found, plan=loaded.plan)
    except Exception:
        logger.exception("alert rules %s failed for person %s", list(chosen), owner.pk)
        return []


# --- status changes -------------------------------------------------------------------------


def _note(note: str) -> str:
    text = (note or "").strip()
    if len(text) > NOTE_MAX:
        raise InvalidInput("note", f"Keep the note under {NOTE_MAX} characters.")
    return text


def _locked_alert(owner: User, alert_id: int) -> Alert:
    try:
        return Alert.objects.select_for_update().get(owner=owner, pk=alert_id)
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


def alert_acknowledge(*, owner: User, alert_id: int, note: str = "") -> Alert:
    """Mark an open alert as seen. Seen again changes nothing; a resolved one is refused."""
    text = _note(note)
    with transaction.atomic():
        alert = _locked_alert(owner, alert_id)
        if alert.status == Alert.Status.RESOLVED:
            raise InvalidInput("status", "This alert is already resolved.")
        if alert.status == Alert.Status.OPEN:
            _move(owner, alert, Alert.Status.ACKNOWLEDGED, actor=owner, note=text)
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
    rows = list(Alert.objects.filter(owner=owner, code=code).exclude(status=Alert.Status.RESOLVED))
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
    """The reason prefilled on the Accept and Decline forms: it names the alert."""
    alert = suggestion.alert
    day = timezone.localtime(alert.created_at, suggestion.owner.zone)
    return f"Suggested by the alert “{alert.title}” of {day:%-d %B %Y}."


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
                "suggestion", f"This suggestion is {suggestion.get_status_display().lower()}."
            )
        text = (reason or "").strip() or default_reason(suggestion)
        key, plan_id = suggestion.client_id, suggestion.plan_id
        days = suggestion.days or 0
        if suggestion.kind == SuggestedAdjustment.Kind.HOLD:
            plan = plans.plan_hold(
                owner=owner, plan_id=plan_id, days=days, reason=text, source="alert",
                client_id=key, now=now,
            )  # fmt: skip
        elif suggestion.kind == SuggestedAdjustment.Kind.REINSTATE:
            plan = plans.plan_reinstate(
                owner=owner, plan_id=plan_id, reason=text, source="alert", client_id=key, now=now
            )
        else:
            # ``days`` more for each remaining step: the plan's interval grows by that much.
            plan = plans.plan_slow(
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
            label = suggestion.get_kind_display().lower()
            _move(
                owner,
                alert,
                Alert.Status.RESOLVED,
                actor=owner,
                note=f"Suggestion accepted: {label}.",
            )
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
                "suggestion", f"This suggestion is {suggestion.get_status_display().lower()}."
            )
        suggestion.status = SuggestedAdjustment.Status.DECLINED
        suggestion.reason = text
        suggestion.decided_at = timezone.now()
        suggestion.save(update_fields=["status", "reason", "decided_at"])
        alerts_changed(owner=owner)
        alert = _locked_alert(owner, suggestion.alert_id)
        if alert.status == Alert.Status.OPEN:
            _move(owner, alert, Alert.Status.ACKNOWLEDGED, actor=owner, note="Suggestion declined.")
        suggestion.alert = alert
    return suggestion


def _supersede(owner: User, plan_id: int, *, kinds: Iterable[str] | None = None) -> int:
    pending = SuggestedAdjustment.objects.filter(
        owner=owner, plan_id=plan_id, status=SuggestedAdjustment.Status.SUGGESTED
    )
    if kinds is not None:
        pending = pending.filter(kind__in=list(kinds))
    count = pending.update(status=SuggestedAdjustment.Status.SUPERSEDED, decided_at=timezone.now())
    if count:
        alerts_changed(owner=owner)
    return count


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
        return _supersede(owner, adjustment.plan_id)
    if adjustment.source == "alert" or kind == PlanAdjustment.Kind.CREATE:
        return 0
    kinds = [kind]
    if kind == PlanAdjustment.Kind.REINSTATE:
        kinds.append(PlanAdjustment.Kind.HOLD)
    return _supersede(owner, adjustment.plan_id, kinds=kinds)
