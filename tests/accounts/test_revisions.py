"""``User.data_revision``: every write to anything a person owns moves it, so no per-person cache
(Today's summary and page, the goals window, the alert summary) can outlive a change."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
import time_machine
from django.apps import apps
from django.db import connection
from django.test.utils import CaptureQueriesContext
from tests.plans.plans_helpers import NOW, TODAY, make_plan

from stepdown.accounts import revisions
from stepdown.accounts.models import User
from stepdown.plans.models import Plan

pytestmark = pytest.mark.django_db


def _stored(person: Any) -> int:
    return User.objects.values_list("data_revision", flat=True).get(pk=person.pk)


def test_every_model_holding_a_persons_data_moves_the_revision() -> None:
    """A new model must either be tracked or be added to EXEMPT with a reason."""
    ours = {revisions.label(m) for m in apps.get_models() if m.__module__.startswith("stepdown.")}
    tracked = {revisions.label(m) for m in revisions.tracked_models()}
    # RateEvent rows hold a client address and a time, no person.
    assert ours - tracked == {"accounts.User", "accounts.RateEvent", *revisions.EXEMPT}
    assert set(revisions.CHILD_OF) <= tracked
    for child, parent_field in revisions.CHILD_OF.items():
        parent = apps.get_model(child)._meta.get_field(parent_field).related_model
        assert revisions.label(parent) in tracked  # type: ignore[arg-type]


def test_saving_and_deleting_a_dose_move_the_stored_and_in_memory_revision(person: Any) -> None:
    from stepdown.journal import services

    start = _stored(person)
    dose = services.dose_create(owner=person, amount=Decimal(2)).dose
    assert _stored(person) == person.data_revision == start + 1
    services.dose_update(owner=person, dose_id=dose.pk, amount=Decimal(3))
    assert _stored(person) == person.data_revision == start + 2
    services.dose_delete(owner=person, dose_id=dose.pk)
    assert _stored(person) == person.data_revision == start + 3


def test_a_write_to_a_row_without_its_own_owner_moves_its_parents_owner(person: Any) -> None:
    from stepdown.plans.models import PlanAdjustment

    with time_machine.travel(NOW, tick=False):
        plan = make_plan(person)
    start = _stored(person)
    PlanAdjustment.objects.create(
        plan=Plan.objects.get(pk=plan.pk),  # loaded afresh: the owner is not in memory
        kind="hold",
        effective_date=TODAY,
        end_date_before=TODAY + dt.timedelta(days=120),
        end_date_after=TODAY + dt.timedelta(days=127),
    )
    assert _stored(person) == start + 1


def test_bulk_writes_that_skip_model_signals_move_it_too(person: Any) -> None:
    from stepdown.profile.services import medicines_set

    start = _stored(person)
    medicines_set(owner=person, names=["sertraline", "tramadol"])
    assert _stored(person) > start


def test_dismissing_a_nudge_with_the_older_ones_moves_it(person: Any) -> None:
    from stepdown.alerts.models import Alert
    from stepdown.alerts.services import nudge_dismiss

    older, newer = (
        Alert.objects.create(
            owner=person,
            kind=Alert.Kind.NUDGE,
            code="over_daily_limit",
            cause_key=f"day:{day}",
            severity="warning",
            created_at=dt.datetime(2026, 1, day, 20, tzinfo=dt.UTC),
        )
        for day in (1, 2)
    )
    start = _stored(person)
    nudge_dismiss(owner=person, nudge_id=newer.pk, with_older=True)
    assert _stored(person) > start
    older.refresh_from_db()
    assert older.dismissed_at is not None


def test_unsubscribing_from_reminder_emails_moves_it(person: Any) -> None:
    from stepdown.reminders.selectors import preferences_for
    from stepdown.reminders.services import preferences_update, unsubscribe
    from stepdown.reminders.tokens import unsubscribe_token

    preferences_update(
        owner=person,
        checkin_time=None,
        step_eve=True,
        questionnaires=True,
        email=True,
        quiet_start=None,
        quiet_end=None,
    )
    key = preferences_for(owner=person).unsubscribe_key
    start = _stored(person)
    assert unsubscribe(token=unsubscribe_token(key))
    assert _stored(person) == start + 1


def test_exempt_rows_leave_it_alone(person: Any) -> None:
    from stepdown.accounts.services import token_create

    start = _stored(person)
    token_create(owner=person, name="phone")
    assert _stored(person) == start


def test_closing_an_account_deletes_everything_without_a_bump_per_row(person: Any) -> None:
    from stepdown.journal.models import Dose
    from stepdown.journal.services import product_create

    product = product_create(owner=person, name="Red Bali", form="leaf_powder")
    start = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    Dose.objects.bulk_create(
        Dose(
            owner=person, product=product, amount=1, grams=1, taken_at=start + dt.timedelta(hours=i)
        )
        for i in range(200)
    )
    closing = User.objects.get(pk=person.pk)
    with CaptureQueriesContext(connection) as captured:
        closing.delete()
    bumps = [q for q in captured if q["sql"].startswith("UPDATE") and "data_revision" in q["sql"]]
    assert bumps == []
    assert not Dose.objects.exists()
