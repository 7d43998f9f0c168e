"""The one daily job (``stepdown.jobs``): it visits every active person, runs each app's daily
work and can run twice without adding anything; ``stepdown worker --once`` runs it."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
import time_machine
from django.test import override_settings
from django.utils import timezone
from typer.testing import CliRunner

from stepdown.cli import app
from stepdown.jobs import run_daily_jobs

pytestmark = pytest.mark.django_db

# Sam's yesterday (Chicago) was 19 January; the job runs at 01:00 local on the 20th.
JOB_AT = dt.datetime(2026, 1, 20, 7, 0, tzinfo=dt.UTC)


def test_daily_jobs_are_idempotent(person: Any, other_person: Any) -> None:
    from stepdown.alerts.models import Alert
    from stepdown.goals.models import RiskSnapshot
    from stepdown.journal.services import dose_create

    dose_create(owner=person, amount=3, taken_at=timezone.now() - dt.timedelta(days=2))
    assert run_daily_jobs().people == 2
    counts = (Alert.objects.count(), RiskSnapshot.objects.count())
    assert run_daily_jobs().people == 2
    assert (Alert.objects.count(), RiskSnapshot.objects.count()) == counts


def _limit_broken_yesterday_unseen(person: Any) -> None:
    """A 2 g limit and 3 g logged yesterday by an import (no trigger ran)."""
    from stepdown.goals.models import Goal
    from stepdown.journal.models import Dose

    Goal.objects.create(owner=person, max_g_per_day=Decimal(2), limits_from=dt.date(2026, 1, 1))
    Dose.objects.bulk_create(
        [
            Dose(
                owner=person,
                amount=3,
                grams=3,
                taken_at=dt.datetime(2026, 1, 19, 15, 0, tzinfo=dt.UTC),
            )
        ]
    )


@pytest.mark.django_db(transaction=True)
def test_worker_once_runs_the_daily_job(person: Any) -> None:
    # Transactional, as the worker's own tests: it closes old connections between rounds.
    from tests.reminders.conftest import DB_TASKS

    from stepdown.alerts.selectors import nudges_for

    _limit_broken_yesterday_unseen(person)
    runner = CliRunner()
    with override_settings(TASKS=DB_TASKS), time_machine.travel(JOB_AT, tick=False):
        first = runner.invoke(app, ["worker", "--once"])
        again = runner.invoke(app, ["worker", "--once"])
    assert first.exit_code == 0, first.output
    assert "Daily checks: 1 people, 1 new alert(s) or nudge(s)" in first.output
    assert "Daily checks: 1 people, 0 new alert(s) or nudge(s)" in again.output
    assert list(nudges_for(owner=person).values_list("code", "cause_key")) == [
        ("over_daily_limit", "day:2026-01-19")
    ]
