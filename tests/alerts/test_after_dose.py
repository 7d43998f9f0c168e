"""What a dose's triggers ask first, in one statement (``alerts.context.after_dose``): each answer
is the person's own, the first day is local, and a substance use counts only within 24 hours of
the dose and without its alert, as ``uses_without_alert_near`` finds it (SQLite and PostgreSQL)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from tests.alerts.alerts_support import NOW, TODAY, plan_in_past

from stepdown.alerts.context import Known, after_dose
from stepdown.goals.models import Goal
from stepdown.journal.models import Dose
from stepdown.substances.models import SubstanceUse
from stepdown.substances.selectors import uses_without_alert_near

pytestmark = pytest.mark.django_db

UTC = dt.UTC
NOTHING = Known(has_plan=False, has_goal=False, first_day=None, use_near=False)


def _use(owner: Any, when: dt.datetime, alerted: dt.datetime | None = None) -> SubstanceUse:
    return SubstanceUse.objects.create(
        owner=owner,
        category="alcohol",
        unit="standard_drink",
        amount=Decimal(2),
        taken_at=when,
        interaction_alerted_at=alerted,
    )


def _everything(owner: Any) -> None:
    plan_in_past(owner)
    Goal.objects.create(owner=owner, max_g_per_day=Decimal(3), limits_from=TODAY)
    Dose.objects.create(owner=owner, amount=1, grams=1, taken_at=NOW - dt.timedelta(days=40))
    _use(owner, NOW - dt.timedelta(hours=1))


def test_one_statement_answers_all_four(person: Any, clock: Any) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        assert after_dose(owner=person, taken_at=NOW) == NOTHING
    assert len(captured.captured_queries) == 1


def test_each_answer_is_the_persons_own_and_the_first_day_is_local(
    person: Any, other_person: Any, clock: Any
) -> None:
    _everything(other_person)
    assert after_dose(owner=person, taken_at=NOW) == NOTHING
    plan_in_past(person)
    Goal.objects.create(owner=person, purpose="my health", limits_from=TODAY)
    # 03:30 UTC on 1 February is 21:30 on 31 January in Chicago (UTC-6).
    Dose.objects.create(
        owner=person, amount=1, grams=1, taken_at=dt.datetime(2025, 2, 1, 3, 30, tzinfo=UTC)
    )
    Dose.objects.create(owner=person, amount=1, grams=1, taken_at=NOW - dt.timedelta(hours=2))
    _use(person, NOW - dt.timedelta(hours=23))
    assert after_dose(owner=person, taken_at=NOW) == Known(
        has_plan=True, has_goal=True, first_day=dt.date(2025, 1, 31), use_near=True
    )


def test_an_ended_plan_is_no_active_plan(person: Any, clock: Any) -> None:
    plan = plan_in_past(person)
    plan.status, plan.ended_at = plan.Status.CANCELLED, NOW
    plan.save()
    assert after_dose(owner=person, taken_at=NOW).has_plan is False


@pytest.mark.parametrize(
    ("offset", "alerted", "near"),
    [
        (dt.timedelta(hours=-24), False, True),  # exactly a day before: within
        (dt.timedelta(hours=24), False, True),  # a day after (a dose logged late)
        (dt.timedelta(hours=-24, seconds=-1), False, False),
        (dt.timedelta(hours=24, seconds=1), False, False),
        (dt.timedelta(hours=-3), True, False),  # its alert was already recorded
    ],
)
def test_a_use_counts_within_a_day_of_the_dose_and_without_its_alert(
    person: Any, clock: Any, offset: dt.timedelta, alerted: bool, near: bool
) -> None:
    _use(person, NOW + offset, alerted=NOW if alerted else None)
    assert after_dose(owner=person, taken_at=NOW).use_near is near
    # The same answer as the read the substances app then makes.
    assert bool(uses_without_alert_near(owner=person, taken_at=NOW)) is near
