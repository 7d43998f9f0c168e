"""Recording, deduplication, status history, and accepting or declining suggestions."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from tests.alerts.alerts_support import CUT_DAY, days_ago, log_diary, plan_in_past

from stepdown.core.rules import Alert as RuleAlert
from stepdown.core.rules import LearnSlug, Severity, Suggestion, SuggestionKind
from stepdown.errors import InvalidInput, NotFound

pytestmark = pytest.mark.django_db


def _interaction(subject: str = "quetiapine") -> RuleAlert:
    return RuleAlert(
        code="interaction",
        severity=Severity.HIGH,
        title=f"Kratom and {subject} can be a risky mix",
        explanation="A high-risk combination.",
        action="Talk to your prescriber.",
        source="Smith2022",
        cause_key=f"medicine:{subject}",
        learn_slug=LearnSlug.INTERACTIONS,
    )


def _worse_after_cut(person: Any) -> Any:
    """worse_after_cut with its hold suggestion (see test_alerts_rules for the numbers)."""
    from stepdown.alerts.models import SuggestedAdjustment

    for back in (6, 5, 4):
        log_diary(person, days_ago(back), 6)
    log_diary(person, days_ago(1), 10)
    log_diary(person, days_ago(0), 10)
    return SuggestedAdjustment.objects.get(owner=person)


def test_record_alerts_stores_a_cause_once_even_after_it_is_resolved(person: Any) -> None:
    from stepdown.alerts.recording import record_alerts
    from stepdown.alerts.services import alert_resolve

    [first] = record_alerts(owner=person, alerts=[_interaction(), _interaction()])
    assert record_alerts(owner=person, alerts=[_interaction()]) == []
    alert_resolve(owner=person, alert_id=first.pk)
    assert record_alerts(owner=person, alerts=[_interaction()]) == []
    # A different cause is a new alert
    [second] = record_alerts(owner=person, alerts=[_interaction("alprazolam")])
    assert second.cause_key == "medicine:alprazolam"


def test_the_same_cause_twice_through_writes_gives_one_open_alert(person: Any, clock: Any) -> None:
    from stepdown.alerts.models import Alert

    plan_in_past(person)
    log_diary(person, days_ago(1), 30)
    log_diary(person, days_ago(0), 30)  # same step: same cause
    assert Alert.objects.filter(owner=person, code="severe_withdrawal").count() == 1


def test_the_database_refuses_a_second_unresolved_alert_for_a_cause(person: Any) -> None:
    from django.db import IntegrityError, transaction

    from stepdown.alerts.models import Alert
    from stepdown.alerts.recording import record_alerts

    [row] = record_alerts(owner=person, alerts=[_interaction()])
    twin = Alert(owner=person, code=row.code, cause_key=row.cause_key, severity="high")
    with pytest.raises(IntegrityError), transaction.atomic():
        twin.save()


def test_acknowledge_and_resolve_keep_their_history(person: Any) -> None:
    from stepdown.alerts.recording import record_alerts
    from stepdown.alerts.services import alert_acknowledge, alert_resolve

    [alert] = record_alerts(owner=person, alerts=[_interaction()])
    alert_acknowledge(owner=person, alert_id=alert.pk)
    alert_acknowledge(owner=person, alert_id=alert.pk)  # again: nothing changes
    alert_resolve(owner=person, alert_id=alert.pk, note="Spoke to my GP")
    alert_resolve(owner=person, alert_id=alert.pk)
    alert.refresh_from_db()
    assert alert.status == "resolved"
    assert alert.resolved_at
    assert alert.acknowledged_at
    history = [(e.status, e.actor_id, e.note) for e in alert.events.order_by("created_at", "pk")]
    assert history == [
        ("open", None, ""),
        ("acknowledged", person.pk, ""),
        ("resolved", person.pk, "Spoke to my GP"),
    ]
    with pytest.raises(InvalidInput):
        alert_acknowledge(owner=person, alert_id=alert.pk)


def test_another_persons_alert_is_not_found(person: Any, other_person: Any) -> None:
    from stepdown.alerts.recording import record_alerts
    from stepdown.alerts.services import alert_resolve

    [alert] = record_alerts(owner=person, alerts=[_interaction()])
    with pytest.raises(NotFound):
        alert_resolve(owner=other_person, alert_id=alert.pk)


def test_accepting_a_hold_moves_the_end_date_with_the_alert_as_reason(
    person: Any, clock: Any
) -> None:
    from stepdown.alerts.services import suggestion_accept
    from stepdown.plans.selectors import plan_history

    plan = plan_in_past(person)
    end_before = plan.end_date
    suggestion = _worse_after_cut(person)
    plan.refresh_from_db()
    assert plan.end_date == end_before  # nothing changes without a yes
    accepted = suggestion_accept(owner=person, suggestion_id=suggestion.pk)
    plan.refresh_from_db()
    assert plan.end_date == end_before + dt.timedelta(days=7)
    entry = plan_history(owner=person, plan_id=plan.pk)[0]
    assert (entry.kind, entry.source, entry.detail) == ("hold", "alert", {"days": 7})
    assert entry.reason == (
        "Suggested by the alert “Symptoms have risen since your last cut” of 10 February 2025."
    )
    assert (accepted.status, accepted.adjustment_id) == ("accepted", entry.pk)
    assert accepted.alert.status == "resolved"
    # Accepting again (a double tap, a retry) changes the plan once
    suggestion_accept(owner=person, suggestion_id=suggestion.pk)
    plan.refresh_from_db()
    assert plan.end_date == end_before + dt.timedelta(days=7)
    assert len(plan_history(owner=person, plan_id=plan.pk)) == 2  # created, held


def test_a_suggestion_cause_is_not_raised_again_after_the_hold(person: Any, clock: Any) -> None:
    from stepdown.alerts.evaluation import alerts_evaluate
    from stepdown.alerts.models import Alert
    from stepdown.alerts.services import suggestion_accept

    plan_in_past(person)
    suggestion_accept(owner=person, suggestion_id=_worse_after_cut(person).pk)
    # The held step starts on the same day, so the rule finds the same cause: not raised again.
    assert alerts_evaluate(owner=person, codes=["worse_after_cut"]) == []
    assert Alert.objects.filter(owner=person, cause_key=f"step:{CUT_DAY}:hold").count() == 1


def test_accepting_with_the_persons_own_reason(person: Any, clock: Any) -> None:
    from stepdown.alerts.services import suggestion_accept
    from stepdown.plans.selectors import plan_history

    plan = plan_in_past(person)
    suggestion = _worse_after_cut(person)
    suggestion_accept(owner=person, suggestion_id=suggestion.pk, reason="  Rough week.  ")
    assert plan_history(owner=person, plan_id=plan.pk)[0].reason == "Rough week."


def test_declining_is_recorded_and_changes_nothing(person: Any, clock: Any) -> None:
    from stepdown.alerts.services import suggestion_accept, suggestion_decline

    plan = plan_in_past(person)
    end_before = plan.end_date
    suggestion = _worse_after_cut(person)
    declined = suggestion_decline(owner=person, suggestion_id=suggestion.pk, reason="Feeling ok")
    plan.refresh_from_db()
    assert plan.end_date == end_before
    assert (declined.status, declined.reason, declined.adjustment_id) == (
        "declined",
        "Feeling ok",
        None,
    )
    assert declined.decided_at is not None
    assert declined.alert.status == "acknowledged"
    assert [e.note for e in declined.alert.events.all()][-1] == "Suggestion declined."
    with pytest.raises(InvalidInput):
        suggestion_accept(owner=person, suggestion_id=suggestion.pk)


def test_accepting_after_the_plan_ended_is_refused(person: Any, clock: Any) -> None:
    from stepdown.alerts.services import suggestion_accept
    from stepdown.plans.end_services import plan_cancel

    plan = plan_in_past(person)
    suggestion = _worse_after_cut(person)
    plan_cancel(owner=person, plan_id=plan.pk, reason="Taking a break")
    suggestion.refresh_from_db()
    assert suggestion.status == "superseded"
    with pytest.raises(InvalidInput):
        suggestion_accept(owner=person, suggestion_id=suggestion.pk)


def test_holding_by_hand_retires_a_pending_hold(person: Any, clock: Any) -> None:
    from stepdown.plans.adjust_services import plan_hold

    plan = plan_in_past(person)
    suggestion = _worse_after_cut(person)
    plan_hold(owner=person, plan_id=plan.pk, days=3, reason="My own pace")
    suggestion.refresh_from_db()
    assert suggestion.status == "superseded"


def test_accepting_a_slow_down_lengthens_each_remaining_step(person: Any, clock: Any) -> None:
    from stepdown.alerts.models import SuggestedAdjustment
    from stepdown.alerts.recording import record_alerts
    from stepdown.alerts.services import suggestion_accept

    plan = plan_in_past(person)
    slow = RuleAlert(
        code="over_target",
        severity=Severity.MODERATE,
        title="The plan may be moving too fast",
        explanation="x",
        action="y",
        source="Maudsley2024",
        cause_key=f"step:{CUT_DAY}",
        learn_slug=LearnSlug.TAPERING,
        suggestion=Suggestion(SuggestionKind.SLOW, days=7),
    )
    record_alerts(owner=person, alerts=[slow])
    suggestion = SuggestedAdjustment.objects.get(owner=person)
    suggestion_accept(owner=person, suggestion_id=suggestion.pk)
    plan.refresh_from_db()
    assert plan.interval_days == 14  # 7 days a step, 7 more
    assert plan.adjustments.first().detail == {"interval_days": 14}


def test_a_failing_rule_never_loses_the_dose(person: Any, monkeypatch: Any) -> None:
    from decimal import Decimal

    from stepdown.alerts import evaluation
    from stepdown.journal.models import Dose
    from stepdown.journal.services import dose_create

    def broken(**_: Any) -> None:
        raise RuntimeError("a bug in a rule")

    monkeypatch.setattr(evaluation, "load_context", broken)
    dose_create(owner=person, amount=Decimal(2))
    assert Dose.objects.filter(owner=person).count() == 1


def test_an_alert_rolls_back_with_its_write(person: Any, clock: Any) -> None:
    from django.db import transaction

    from stepdown.alerts.models import Alert
    from stepdown.checkins.models import Response

    class Abort(Exception):
        pass

    def write_then_fail() -> None:
        with transaction.atomic():
            log_diary(person, days_ago(0), 40)
            assert Alert.objects.filter(owner=person).count() == 1  # stored with the check-in
            raise Abort

    with pytest.raises(Abort):
        write_then_fail()
    assert Response.objects.filter(owner=person).count() == 0
    assert Alert.objects.filter(owner=person).count() == 0


def test_unknown_codes_are_refused(person: Any) -> None:
    from stepdown.alerts.evaluation import alerts_evaluate

    with pytest.raises(InvalidInput):
        alerts_evaluate(owner=person, codes=["over_daily_limit"])  # a goals nudge, not an alert
