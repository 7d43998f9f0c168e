"""Each safety-net rule, triggered by real writes (doses, check-ins, products) at and around
its threshold; the stored alert and its suggestion are checked.

COWS (``severe_withdrawal`` at COWS ≥ 25) is not covered here: it is clinician-rated and the
check-in service refuses it, so no write can store one yet (the rule itself is unit-tested in
``tests/core/rules``).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from tests.alerts.alerts_support import CUT_DAY, days_ago, log_diary, noon, plan_in_past
from tests.checkins.checkins_answers import daily, phq9

pytestmark = pytest.mark.django_db


def _alerts(person: Any, code: str | None = None) -> list[Any]:
    from stepdown.alerts.models import Alert

    rows = Alert.objects.filter(owner=person).order_by("pk")
    return list(rows.filter(code=code) if code else rows)


def _suggestions(person: Any) -> list[Any]:
    from stepdown.alerts.models import SuggestedAdjustment

    return list(SuggestedAdjustment.objects.filter(owner=person).order_by("pk"))


# --- worse_after_cut --------------------------------------------------------------------


def _previous_step(person: Any, total: int) -> None:
    # 4, 5 and 6 February are on the first step (12 g): three diary days, the minimum.
    for back in (6, 5, 4):
        log_diary(person, days_ago(back), total)


def test_worse_after_cut_two_days_half_again_above_suggests_a_hold(person: Any, clock: Any) -> None:
    plan = plan_in_past(person)
    _previous_step(person, 6)  # average 6: "worse" means ≥ 9 (6 × 1.5) and ≥ 10 (6 + 4)
    log_diary(person, days_ago(1), 10)
    assert _alerts(person) == []  # one day is not yet a pattern
    log_diary(person, days_ago(0), 10)
    [alert] = _alerts(person)
    assert (alert.code, alert.severity, alert.cause_key) == (
        "worse_after_cut",
        "moderate",
        f"step:{CUT_DAY.isoformat()}:hold",
    )
    [suggestion] = _suggestions(person)
    assert (suggestion.kind, suggestion.days, suggestion.status) == ("hold", 7, "suggested")
    assert suggestion.plan_id == plan.pk
    assert suggestion.alert_id == alert.pk


def test_worse_after_cut_needs_four_points_more(person: Any, clock: Any) -> None:
    plan_in_past(person)
    _previous_step(person, 6)
    log_diary(person, days_ago(1), 10)
    log_diary(person, days_ago(0), 9)  # 9 is 50 % above 6 but only 3 points more
    assert _alerts(person) == []


@pytest.mark.parametrize(("second", "fires"), [(15, True), (14, False)])
def test_worse_after_cut_needs_half_again_above(
    person: Any, clock: Any, second: int, fires: bool
) -> None:
    plan_in_past(person)
    _previous_step(person, 10)  # average 10: worse means ≥ 15 (10 × 1.5)
    log_diary(person, days_ago(1), 15)
    log_diary(person, days_ago(0), second)
    assert [a.code for a in _alerts(person)] == (["worse_after_cut"] if fires else [])


def test_three_severe_days_after_a_cut_suggest_going_back_instead_of_holding(
    person: Any, clock: Any
) -> None:
    plan_in_past(person)
    _previous_step(person, 6)
    log_diary(person, days_ago(3), 24)  # 7 Feb, the cut: 24 is the default severe level
    # severe_withdrawal (a hold for this step) from the first severe day
    assert [(a.code, a.cause_key) for a in _alerts(person)] == [
        ("severe_withdrawal", f"step:{CUT_DAY.isoformat()}")
    ]
    log_diary(person, days_ago(2), 24)  # two days worse than the step before: worse_after_cut
    log_diary(person, days_ago(1), 24)  # three severe days: go back a step
    causes = [(a.code, a.severity, a.cause_key) for a in _alerts(person)]
    assert causes == [
        ("severe_withdrawal", "high", f"step:{CUT_DAY.isoformat()}"),
        ("worse_after_cut", "moderate", f"step:{CUT_DAY.isoformat()}:hold"),
        ("worse_after_cut", "high", f"step:{CUT_DAY.isoformat()}:reinstate"),
    ]
    # One hold was suggested (the second hold waited behind it); going back replaced it.
    assert [(s.kind, s.status) for s in _suggestions(person)] == [
        ("hold", "superseded"),
        ("reinstate", "suggested"),
    ]


# --- severe_withdrawal ------------------------------------------------------------------


@pytest.mark.parametrize(("total", "fires"), [(24, True), (23, False)])
def test_severe_withdrawal_at_the_default_threshold(
    person: Any, clock: Any, total: int, fires: bool
) -> None:
    plan_in_past(person)
    log_diary(person, days_ago(0), total)
    assert [a.code for a in _alerts(person)] == (["severe_withdrawal"] if fires else [])
    assert [s.kind for s in _suggestions(person)] == (["hold"] if fires else [])


def test_severe_withdrawal_without_a_plan_suggests_no_change(person: Any, clock: Any) -> None:
    log_diary(person, days_ago(0), 30)
    [alert] = _alerts(person)
    assert alert.cause_key == f"day:{days_ago(0).isoformat()}"
    assert _suggestions(person) == []


# --- over_target ------------------------------------------------------------------------


def _log_g(person: Any, day: dt.date, grams: str) -> None:
    from stepdown.journal.services import dose_create

    dose_create(owner=person, amount=Decimal(grams), taken_at=noon(person, day))


def test_over_target_on_three_of_five_days_suggests_slowing(person: Any, clock: Any) -> None:
    plan_in_past(person)
    # 8–10 Feb target 10.8 g; a quarter above is 13.5 g (exactly that counts)
    for back in (2, 1):
        _log_g(person, days_ago(back), "13.5")
    assert _alerts(person) == []
    _log_g(person, days_ago(0), "13.5")
    [alert] = _alerts(person)
    assert (alert.code, alert.cause_key) == ("over_target", f"step:{CUT_DAY.isoformat()}")
    [suggestion] = _suggestions(person)
    assert (suggestion.kind, suggestion.days) == ("slow", 7)


def test_over_target_just_below_a_quarter_above_says_nothing(person: Any, clock: Any) -> None:
    plan_in_past(person)
    _log_g(person, days_ago(2), "13.5")
    _log_g(person, days_ago(1), "13.4")  # 24 % above 10.8
    _log_g(person, days_ago(0), "13.5")
    assert _alerts(person) == []


# --- products ---------------------------------------------------------------------------


def _product(person: Any, name: str, mg: str | None = None, **fields: Any) -> Any:
    from stepdown.journal.services import product_create

    strength = None if mg is None else Decimal(mg)
    return product_create(owner=person, name=name, mitragynine_mg_per_unit=strength, **fields)


def _dose(person: Any, product: Any, hours_ago: int, grams: str = "3") -> Any:
    from django.utils import timezone

    from stepdown.journal.services import dose_create

    taken = timezone.now() - dt.timedelta(hours=hours_ago)
    return dose_create(owner=person, amount=Decimal(grams), product_id=product.pk, taken_at=taken)


@pytest.mark.parametrize(("strength", "fires"), [("12.1", True), ("12", False)])
def test_potency_jump_above_twenty_percent(
    person: Any, clock: Any, strength: str, fires: bool
) -> None:
    old = _product(person, "Red leaf", "10")
    new = _product(person, "Gold leaf", strength)  # 12.1 mg/g is 21 % stronger; 12 is 20 %
    _dose(person, old, hours_ago=5)
    _dose(person, new, hours_ago=1)
    alerts = _alerts(person, "potency_jump")
    assert len(alerts) == (1 if fires else 0)
    if fires:
        assert alerts[0].cause_key == f"switch:{days_ago(0).isoformat()}:{new.pk}"
        # 3 g of the old carries 30 mg; 30 / 12.1 = 2.479 g, shown rounded down: 2.4 g
        assert "2.4 g" in alerts[0].action


def test_a_seven_oh_product_raises_an_alert_on_its_first_dose_only(person: Any, clock: Any) -> None:
    product = _product(person, "7-OH tabs", form="seven_oh")
    _dose(person, product, hours_ago=3)
    _dose(person, product, hours_ago=1)
    [alert] = _alerts(person)
    assert (alert.code, alert.severity, alert.cause_key) == (
        "seven_oh_product",
        "high",
        f"product:{product.pk}",
    )


def test_a_failed_lab_test_on_a_product_in_use_raises_an_alert(person: Any, clock: Any) -> None:
    from stepdown.journal.services import product_update

    used = _product(person, "Green", "12")
    unused = _product(person, "Old white", "12")
    _dose(person, used, hours_ago=2)
    assert _alerts(person) == []
    product_update(owner=person, product_id=unused.pk, heavy_metals="fail")
    assert _alerts(person) == []  # not taken in the last week
    product_update(owner=person, product_id=used.pk, microbial="fail")
    [alert] = _alerts(person)
    assert (alert.code, alert.cause_key) == ("failed_contaminant", f"product:{used.pk}")


# --- check-in flags ---------------------------------------------------------------------


def test_phq9_item_9_becomes_one_critical_self_harm_alert(person: Any, clock: Any) -> None:
    from stepdown.checkins.models import SafetyEvent
    from stepdown.checkins.services import response_submit

    response = response_submit(
        owner=person, instrument="phq9", answers=phq9(1, 1, 1, 1, 1, 1, 1, 1, 1)
    ).response
    assert SafetyEvent.objects.filter(owner=person).count() == 1
    # The response and its safety event both trigger; the same cause is recorded once.
    [alert] = _alerts(person)
    assert (alert.code, alert.severity, alert.cause_key) == (
        "self_harm",
        "critical",
        f"response:{response.pk}",
    )


def test_a_phq9_without_item_9_raises_nothing(person: Any, clock: Any) -> None:
    from stepdown.checkins.services import response_submit

    response_submit(owner=person, instrument="phq9", answers=phq9(2, 2, 2, 2, 2, 2, 2, 2, 0))
    assert _alerts(person) == []


def test_warning_symptoms_in_the_daily_check_in(person: Any, clock: Any) -> None:
    from stepdown.checkins.services import response_submit

    answers = daily(diary=1, jaundice_signs="yes", pregnancy="yes", seizure="no")
    response_submit(owner=person, instrument="daily", answers=answers)
    found = sorted((a.cause_key, a.severity) for a in _alerts(person, "medical_warning"))
    assert found == [(f"liver:{days_ago(0).isoformat()}", "critical"), ("pregnancy", "high")]


# --- the daily job: missed_checkins and escalation ----------------------------------------


def _daily_checkin(person: Any, day: dt.date) -> None:
    from stepdown.checkins.services import response_submit

    response_submit(owner=person, instrument="daily", answers=daily(), now=noon(person, day))


@pytest.mark.parametrize(("last_checkin", "fires"), [(4, True), (3, False)])
def test_missed_checkins_after_three_silent_days(
    person: Any, clock: Any, last_checkin: int, fires: bool
) -> None:
    from stepdown.alerts.evaluation import notices_daily

    plan_in_past(person)
    _daily_checkin(person, days_ago(last_checkin))
    # Silent since 6 Feb: 7, 8, 9 and today (10 Feb) without a check-in. Since 7 Feb: not yet.
    assert notices_daily(owner=person) == (1 if fires else 0)
    if fires:
        [alert] = _alerts(person)
        assert alert.cause_key == f"since:{days_ago(last_checkin).isoformat()}"


def test_a_daily_check_in_resolves_missed_checkins(person: Any, clock: Any) -> None:
    from stepdown.alerts.evaluation import notices_daily

    plan_in_past(person)
    notices_daily(owner=person)
    [alert] = _alerts(person)
    assert alert.cause_key == f"plan:{days_ago(10).isoformat()}"
    _daily_checkin(person, days_ago(0))
    alert.refresh_from_db()
    assert alert.status == "resolved"
    last = alert.events.order_by("created_at", "pk").last()
    assert (last.status, last.actor_id, last.note) == (
        "resolved",
        None,
        "A daily check-in came in.",
    )
    assert notices_daily(owner=person) == 0  # the same silence is not raised again


@pytest.mark.parametrize(("recent_g", "fires"), [("5", True), ("4.5", False)])
def test_escalation_is_recorded_by_the_daily_job(
    person: Any, clock: Any, recent_g: str, fires: bool
) -> None:
    from stepdown.alerts.evaluation import notices_daily
    from stepdown.journal.models import Dose

    # Judged on yesterday (9 Feb): 28 baseline days 6 Jan – 2 Feb at 4 g, then 3–9 Feb.
    # 5 g is 25 % above 4 g (≥ 20 %: escalation); 4.5 g is 12.5 % (no).
    doses = []
    for back in range(1, 36):
        day = days_ago(back)
        grams = Decimal(recent_g) if back <= 7 else Decimal(4)
        doses.append(Dose(owner=person, amount=grams, grams=grams, taken_at=noon(person, day)))
    Dose.objects.bulk_create(doses)  # no signals: only the daily job sees these
    notices_daily(owner=person)
    causes = [a.cause_key for a in _alerts(person, "escalation")]
    assert ("average_rise" in causes) is fires
