"""Recording what the rules found: one deduplication for alerts and nudges.

**Deduplication.** One row per person, code and cause, ever: a cause that was recorded once
(open, seen, resolved or dismissed) is not raised again. The core's ``deduplicate`` compares the
new findings with every stored row of the same keys; the conditional unique constraint (one
unresolved row per key) guards against two writers racing. A rule that must be able to speak
again puts the new situation into its cause (a new day, a new step, ``:reinstate`` after
``:hold``), so nothing that matters is swallowed. Each row's ``kind`` comes from its rule
(``Alert.kind_of``), so an ``escalation`` found after a dose and again by the daily job is
stored once.

**Suggestions.** An alert whose rule proposes a plan change gets a
:class:`~stepdown.alerts.models.SuggestedAdjustment` on the active plan. Nothing changes the
plan until the person accepts (``services.suggestion_accept``).

**Telling the apps above.** Once the new rows commit, ``events.alerts_recorded`` carries them
to whoever listens (the clinic emails its clinicians about the urgent ones).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import IntegrityError, connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from stepdown.accounts.models import User
from stepdown.alerts.events import alerts_recorded
from stepdown.alerts.models import CARD_CODES, Alert, AlertEvent, SuggestedAdjustment
from stepdown.alerts.summary import alerts_changed
from stepdown.alerts.wording import stored_wording
from stepdown.core import rules
from stepdown.core.rules import SuggestionKind, deduplicate
from stepdown.errors import InvalidInput
from stepdown.plans.models import Plan
from stepdown.plans.selectors import current_plan
from stepdown.profile.selectors import taper_paused
from stepdown.web.raw_rows import raw_models


def _row(owner: User, alert: rules.Alert) -> Alert:
    return Alert(
        owner=owner,
        kind=Alert.kind_of(alert.code),
        code=alert.code,
        severity=alert.severity.value,
        title=alert.title,
        explanation=alert.explanation,
        action=alert.action,
        wording=stored_wording(alert.wording),
        source=alert.source,
        learn_slug=alert.learn_slug.value,
        cause_key=alert.cause_key,
    )


# Plain SQL for the two statements every dose can run (the nudge cards' rules speak after most
# doses of a day above a limit or a rising trend): building the ORM queries, an OR of one pair per
# key and a bulk update's CASE, cost several times running them (docs/performance.md). Standard
# SQL quoting, which SQLite and PostgreSQL share.
_STORED_SQL = (
    'SELECT "id", "code", "cause_key", "title", "explanation", "wording", "dismissed_at" '
    'FROM "alerts_alert" WHERE "owner_id" = %s AND ({keys})'
)
_KEY_SQL = '("code" = %s AND "cause_key" = %s)'
_REWORD_SQL = (
    'UPDATE "alerts_alert" SET "title" = %s, "explanation" = %s, "wording" = %s WHERE "id" = %s'
)


def _stored_with_keys(owner: User, keys: set[tuple[str, str]]) -> list[Alert]:
    """Every stored row (any status, dismissed or not) with one of ``keys``: one query."""
    ordered = sorted(keys)
    sql = _STORED_SQL.format(keys=" OR ".join([_KEY_SQL] * len(ordered)))
    params: list[object] = [owner.pk]
    for code, cause in ordered:
        params += [code, cause]
    return raw_models(Alert, sql, params)


def suggestion_parameters(value: Any) -> dict[str, int]:
    """A suggestion's parameters as :func:`_suggest` stores them: nothing, or the days of a
    hold (what ``SuggestedAdjustment.days`` reads)."""
    days = value.get("days") if isinstance(value, dict) else None
    if (
        not isinstance(value, dict)
        or set(value) - {"days"}
        or ("days" in value and (isinstance(days, bool) or not isinstance(days, int) or days < 1))
    ):
        raise InvalidInput("parameters", _('a suggestion\'s parameters are {} or {"days": N}'))
    return value


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
            suggestions_supersede(owner=owner, plan_id=plan.pk, kinds=(SuggestionKind.HOLD.value,))
            pending.discard(SuggestionKind.HOLD.value)
        if kind in pending:
            continue
        params = suggestion_parameters({} if suggestion.days is None else {"days": suggestion.days})
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
    return record_found(owner=owner, alerts=tuple(alerts))


def record_found(
    *, owner: User, alerts: tuple[rules.Alert, ...], plan: Plan | None = None
) -> list[Alert]:
    """Store what the rules found: the one deduplication of alerts and nudges alike.

    ``plan`` is the active plan the context was loaded with (read again when not given). The
    wording of a nudge card still shown is refreshed when its numbers change (a second dose on
    a day already over the limit); nothing else about a stored row changes.
    """
    if not alerts:
        return []
    for alert in alerts:
        rules.check_wording(alert)
    stored = _stored_with_keys(owner, {alert.key for alert in alerts})
    if _refresh_wording(stored, alerts):
        alerts_changed(owner=owner)  # cached pages show the new numbers
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
        # A nudge has no status history: the person only dismisses it.
        AlertEvent.objects.bulk_create(
            AlertEvent(alert=row, status=Alert.Status.OPEN, created_at=row.created_at)
            for row in created
            if row.kind == Alert.Kind.ALERT
        )
        _suggest(owner, pairs, plan)
        if created:
            alerts_changed(owner=owner)
            # Robust: a receiver's failure after the commit is logged and never fails the
            # person's write, which already stands.
            transaction.on_commit(
                lambda: alerts_recorded.send(sender=Alert, owner=owner, alerts=created),
                robust=True,
            )
    return created


def _refresh_wording(stored: list[Alert], alerts: tuple[rules.Alert, ...]) -> bool:
    """Give shown cards their rule's current words; whether any changed."""
    by_key = {alert.key: alert for alert in alerts}
    changed = []
    for row in stored:
        alert = by_key[(row.code, row.cause_key)]
        shown = row.code in CARD_CODES and row.dismissed_at is None
        if shown and row.explanation != alert.explanation:
            row.title, row.explanation = alert.title, alert.explanation
            row.wording = stored_wording(alert.wording)
            changed.append(row)
    if changed:
        wording = Alert._meta.get_field("wording")
        rows = [
            (row.title, row.explanation, wording.get_db_prep_save(row.wording, connection), row.pk)
            for row in changed
        ]
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.executemany(_REWORD_SQL, rows)
    return bool(changed)


def suggestions_supersede(*, owner: User, plan_id: int, kinds: Iterable[str] | None = None) -> int:
    """Mark the plan's pending suggestions (of ``kinds``, default all) as no longer needed."""
    pending = SuggestedAdjustment.objects.filter(
        owner=owner, plan_id=plan_id, status=SuggestedAdjustment.Status.SUGGESTED
    )
    if kinds is not None:
        pending = pending.filter(kind__in=list(kinds))
    count = pending.update(status=SuggestedAdjustment.Status.SUPERSEDED, decided_at=timezone.now())
    if count:
        alerts_changed(owner=owner)
    return count
