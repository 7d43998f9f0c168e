"""Plan services: create, hold, reinstate, slow, cancel, complete; one active plan; history."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from typing import Any

import pytest
from django.db import IntegrityError, transaction
from tests.plans.plans_helpers import TODAY, make_plan

from stepdown.errors import InvalidInput, NotFound
from stepdown.plans import adjust_services, calendar_services, end_services, selectors, services
from stepdown.plans.models import Plan, PlanAdjustment
from stepdown.plans.snapshot import taper_of

pytestmark = pytest.mark.django_db

# The docs' worked example: 12 g, 10 %, a 7-day stabilisation step and 34 weekly cuts
# (10.8, 9.8, 8.9 ... 0.4 g) = 35 steps × 7 days = 245 days. 10 Feb 2025 + 245 days:
# 18 days to 28 Feb, then 31+30+31+30+31+31+30 = 214 to 30 Sep (232), + 13 = 13 Oct 2025.
END = dt.date(2025, 10, 13)


def test_create_from_the_journal_saves_steps_and_history(person: Any, journal: Any) -> None:
    plan = make_plan(person, product_id=journal.pk)
    assert plan.status == Plan.Status.ACTIVE
    assert plan.end_date == END
    taper = taper_of(plan)
    assert len(taper.steps) == 35
    # 12 × 0.9 = 10.8; 10.8 × 0.9 = 9.72, rounded up to 9.8
    assert [s.daily_g for s in taper.steps[:3]] == [Decimal("12"), Decimal("10.8"), Decimal("9.8")]
    assert taper.steps[1].dose_g == (Decimal("2.7"),) * 4
    (entry,) = selectors.plan_history(owner=person, plan_id=plan.pk)
    assert entry.kind == PlanAdjustment.Kind.CREATE
    assert entry.end_date_before is None
    assert entry.end_date_after == END


def test_start_above_the_recent_average_needs_confirmation(person: Any, journal: Any) -> None:
    # The journal averages 12 g a day; 13 g is above it.
    with pytest.raises(InvalidInput) as caught:
        make_plan(person, start_g=Decimal(13))
    assert caught.value.field == "start_g"
    assert "12" in caught.value.message
    assert not Plan.objects.exists()
    plan = make_plan(person, start_g=Decimal(13), confirm_above_recent=True)
    assert plan.start_g == Decimal(13)


def test_without_journal_data_any_start_is_accepted(person: Any, clock: Any) -> None:
    assert make_plan(person, start_g=Decimal(20)).start_g == Decimal(20)


def test_hold_moves_the_end_date_by_the_days_and_records_the_reason(
    person: Any, journal: Any
) -> None:
    plan = make_plan(person)
    held = adjust_services.plan_hold(owner=person, plan_id=plan.pk, days=5, reason="Poor sleep")
    # Step 0 (10–16 Feb) now ends 21 Feb; 13 Oct + 5 days = 18 Oct.
    assert held.end_date == dt.date(2025, 10, 18)
    assert taper_of(held).steps[0].end_date == dt.date(2025, 2, 21)
    entry = selectors.plan_history(owner=person, plan_id=plan.pk)[0]
    assert (entry.kind, entry.reason, entry.detail) == ("hold", "Poor sleep", {"days": 5})
    assert (entry.end_date_before, entry.end_date_after) == (END, dt.date(2025, 10, 18))
    assert entry.effective_date == TODAY


def test_hold_accepts_a_source_for_suggestions(person: Any, journal: Any) -> None:
    plan = make_plan(person)
    adjust_services.plan_hold(
        owner=person, plan_id=plan.pk, days=7, reason="Withdrawal score doubled", source="alert"
    )
    assert plan.adjustments.first().source == "alert"  # type: ignore[union-attr]


def test_an_adjustment_needs_a_reason(person: Any, journal: Any) -> None:
    plan = make_plan(person)
    with pytest.raises(InvalidInput) as caught:
        adjust_services.plan_hold(owner=person, plan_id=plan.pk, days=3, reason="  ")
    assert caught.value.field == "reason"


def test_reinstate_goes_back_to_the_previous_amount(person: Any, journal: Any, clock: Any) -> None:
    plan = make_plan(person)
    clock.shift(dt.timedelta(days=8))  # 18 Feb: step 1 (17–23 Feb, 10.8 g)
    back = adjust_services.plan_reinstate(owner=person, plan_id=plan.pk, reason="Aches all day")
    taper = taper_of(back)
    # Step 1 shrinks to 17 Feb; from 18 Feb 12 g for a week, then the 34 cuts again:
    # 7 + 1 + 7 + 34 × 7 = 253 days from 10 Feb = 13 Oct + 8 days = 21 Oct.
    assert taper.steps[1].end_date == dt.date(2025, 2, 17)
    assert taper.daily_g_on(dt.date(2025, 2, 18)) == Decimal(12)
    assert back.end_date == dt.date(2025, 10, 21)
    assert selectors.plan_today(owner=person, plan=back).target_g == Decimal(12)
    assert back.adjustments.first().kind == "reinstate"  # type: ignore[union-attr]


def test_reinstate_in_the_first_step_is_refused_on_plan(person: Any, journal: Any) -> None:
    plan = make_plan(person)
    with pytest.raises(InvalidInput) as caught:
        adjust_services.plan_reinstate(owner=person, plan_id=plan.pk, reason="Hard day")
    assert caught.value.field == "plan"
    assert plan.adjustments.count() == 1


def test_slow_with_a_longer_interval(person: Any, journal: Any) -> None:
    plan = make_plan(person)
    slowed = adjust_services.plan_slow(
        owner=person, plan_id=plan.pk, interval_days=14, reason="Too fast"
    )
    # Step 0 now lasts 14 days, then 34 cuts of 14 days: 14 + 476 = 490 days from 10 Feb 2025
    # = 10 Feb 2026 + 125 days = 15 Jun 2026.
    assert slowed.end_date == dt.date(2026, 6, 15)
    assert slowed.interval_days == 14
    assert slowed.adjustments.first().detail == {"interval_days": 14}  # type: ignore[union-attr]


def test_slow_with_a_lower_rate(person: Any, journal: Any) -> None:
    plan = make_plan(person)
    slowed = adjust_services.plan_slow(
        owner=person, plan_id=plan.pk, rate_pct=Decimal(5), reason="Easy"
    )
    assert slowed.rate_pct == Decimal(5)
    # 12 × 0.95 = 11.4 g after the first week
    assert taper_of(slowed).steps[1].daily_g == Decimal("11.4")
    assert slowed.end_date > END


def test_slow_refuses_a_faster_rate(person: Any, journal: Any) -> None:
    plan = make_plan(person)
    with pytest.raises(InvalidInput) as caught:
        adjust_services.plan_slow(owner=person, plan_id=plan.pk, rate_pct=Decimal(15), reason="x")
    assert caught.value.field == "rate_pct"
    # The stored rate (10.00 in the database) is quoted as the person typed it.
    assert "below the current 10 %" in caught.value.message


def test_one_active_plan_per_person(person: Any, journal: Any) -> None:
    first = make_plan(person)
    with pytest.raises(InvalidInput) as caught:
        make_plan(person, start_g=Decimal(10))
    assert caught.value.field == "replace_current"
    second = make_plan(person, start_g=Decimal(10), replace_current=True)
    first.refresh_from_db()
    assert first.status == Plan.Status.CANCELLED
    assert first.adjustments.first().reason == "Replaced by a new plan."  # type: ignore[union-attr]
    assert selectors.current_plan(owner=person) == second
    assert list(selectors.plans_for(owner=person)) == [second, first]


def test_the_database_refuses_a_second_active_plan(person: Any, journal: Any) -> None:
    plan = make_plan(person)
    copy = Plan.objects.get(pk=plan.pk)
    copy.pk = None
    copy.client_id = None
    with pytest.raises(IntegrityError), transaction.atomic():
        copy.save()


def test_cancel_ends_the_plan_and_keeps_it(person: Any, journal: Any) -> None:
    plan = make_plan(person)
    end_services.plan_cancel(owner=person, plan_id=plan.pk, reason="Going to a clinic instead")
    plan.refresh_from_db()
    assert plan.status == Plan.Status.CANCELLED
    assert plan.ended_at is not None
    entry = plan.adjustments.first()
    assert entry is not None
    assert (entry.kind, entry.end_date_before, entry.end_date_after) == ("cancel", END, TODAY)
    assert selectors.current_plan(owner=person) is None
    with pytest.raises(InvalidInput) as caught:
        adjust_services.plan_hold(owner=person, plan_id=plan.pk, days=2, reason="x")
    assert caught.value.field == "plan"


def test_complete_only_from_the_end_date(person: Any, journal: Any, clock: Any) -> None:
    plan = make_plan(person)
    with pytest.raises(InvalidInput):
        end_services.plan_complete(owner=person, plan_id=plan.pk)
    clock.move_to(dt.datetime(2025, 10, 13, 18, tzinfo=dt.UTC))
    end_services.plan_complete(owner=person, plan_id=plan.pk)
    plan.refresh_from_db()
    assert plan.status == Plan.Status.COMPLETED


def test_a_repeated_client_id_changes_nothing(person: Any, journal: Any) -> None:
    key = uuid.uuid4()
    plan = make_plan(person, client_id=key)
    again = services.plan_create(owner=person, start_g=Decimal(5), start_date=TODAY, client_id=key)
    assert (again.plan.pk, again.created) == (plan.pk, False)
    hold_key = uuid.uuid4()
    for _ in range(2):
        adjust_services.plan_hold(
            owner=person, plan_id=plan.pk, days=3, reason="x", client_id=hold_key
        )
    plan.refresh_from_db()
    assert plan.end_date == END + dt.timedelta(days=3)
    assert plan.adjustments.count() == 2


def test_another_persons_plan_is_not_found(person: Any, other_person: Any, journal: Any) -> None:
    plan = make_plan(person)
    with pytest.raises(NotFound):
        adjust_services.plan_hold(owner=other_person, plan_id=plan.pk, days=3, reason="x")
    with pytest.raises(NotFound):
        selectors.plan_get(owner=other_person, plan_id=plan.pk)
    assert selectors.daily_targets(owner=other_person, start=TODAY, end=TODAY) == {}


def test_bad_parameters_name_their_field(person: Any, clock: Any) -> None:
    cases = [
        ({"rate_pct": Decimal(30)}, "rate_pct"),
        ({"start_date": TODAY - dt.timedelta(days=1)}, "start_date"),
        ({"interval_days": 3}, "interval_days"),
        ({"rate_pct": Decimal("7.125")}, "rate_pct"),
        ({"product_id": 999_999}, "product_id"),
    ]
    for fields, field in cases:
        with pytest.raises(InvalidInput) as caught:
            make_plan(person, **fields)
        assert caught.value.field == field, fields


def test_daily_targets(person: Any, journal: Any) -> None:
    make_plan(person)
    targets = selectors.daily_targets(
        owner=person, start=dt.date(2025, 2, 8), end=dt.date(2025, 2, 18)
    )
    # Nothing before the start (8–9 Feb); 12 g for 10–16 Feb; 10.8 g from 17 Feb.
    assert min(targets) == TODAY
    assert targets[dt.date(2025, 2, 16)] == Decimal(12)
    assert targets[dt.date(2025, 2, 17)] == Decimal("10.8")
    assert len(targets) == 9
    tail = selectors.daily_targets(owner=person, start=dt.date(2025, 10, 12), end=END)
    assert tail == {dt.date(2025, 10, 12): Decimal("0.4"), END: Decimal(0)}


def test_logged_today_converts_other_products_by_strength(person: Any, journal: Any) -> None:
    from stepdown.journal.services import dose_create, product_create

    plan = make_plan(person, product_id=journal.pk)
    strong = product_create(owner=person, name="Red", mitragynine_mg_per_unit=Decimal(30))
    extract = product_create(owner=person, name="Extract", form="extract")
    dose_create(owner=person, amount=Decimal("2.5"), product_id=journal.pk)
    dose_create(owner=person, amount=Decimal(1), product_id=strong.pk)
    dose_create(owner=person, amount=Decimal(1), product_id=extract.pk)
    dose_create(owner=person, amount=Decimal(1))
    logged = selectors.plan_today(owner=person, plan=plan).logged
    # 2.5 g of the plan's leaf + 1 g × 30/15 mg per g = 2 g + 1 g without a product = 5.5 g;
    # the extract has no known strength and is reported apart.
    assert logged.total_g == Decimal("5.5")
    assert (logged.converted, logged.assumed, logged.unconvertible) == (1, 1, 1)
    assert logged.approximate


def test_calendar_link_is_stored_hashed_and_can_be_revoked(person: Any, journal: Any) -> None:
    plan = make_plan(person)
    secret = calendar_services.plan_calendar_link_create(owner=person, plan_id=plan.pk)
    plan.refresh_from_db()
    assert secret not in (plan.calendar_token_hash or "")
    assert selectors.plan_by_calendar_token(secret) == plan
    newer = calendar_services.plan_calendar_link_create(owner=person, plan_id=plan.pk)
    assert selectors.plan_by_calendar_token(secret) is None
    calendar_services.plan_calendar_link_revoke(owner=person, plan_id=plan.pk)
    assert selectors.plan_by_calendar_token(newer) is None
